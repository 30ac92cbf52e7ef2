/**
 * Request validation (developer guide, "Request validation for REST APIs", "x-amazon-apigateway-request-validators").
 *
 * On by default: an operation validates its body and its parameters unless `x-gateway.validate` says otherwise
 * on the operation, or else at the root. A method gets `x-amazon-apigateway-request-validator` when there is
 * something to check: a request model (see ./models.ts) for `body`, a required parameter for `parameters`
 * (API Gateway checks that required path, query string and header parameters are present and not blank, never
 * their type or format). The root `x-amazon-apigateway-request-validators` then holds only the validators methods
 * use, named `body-and-parameters`, `body` and `parameters`. This satisfies Checkov CKV2_AWS_53 (every method with
 * a body or parameters has a validator).
 *
 * Native extensions win: a validator the spec defines with the same two flags is reused under its name (a
 * derived name the spec uses for other flags gets a `-2` suffix), an operation's own
 * `x-amazon-apigateway-request-validator` replaces the derived one, and a root
 * `x-amazon-apigateway-request-validator` (API Gateway's default validator) replaces the root `x-gateway.validate`
 * and the default: operations without their own `validate` then inherit it. An operation that turns validation off
 * under such a default gets the validator `none` (both flags false).
 */
import type { GatewayModel, Operation } from "../../model/types.js";
import { compareStrings } from "../../order.js";
import { table } from "../json.js";

/** Operation-level extension naming the method's validator. */
export const REQUEST_VALIDATOR = "x-amazon-apigateway-request-validator";
/** Root extension defining the validators by name. */
export const REQUEST_VALIDATORS = "x-amazon-apigateway-request-validators";

/** What an operation validates, or `inherited` when API Gateway's default validator (a native root extension) decides. */
export type ValidationChoice = { readonly body: boolean; readonly parameters: boolean } | "inherited";

/** The validation `op` asks for: its own `validate`, else the native default validator, else the root `validate`, else both on. */
export function validationChoice(model: GatewayModel, op: Operation): ValidationChoice {
  if (op.options.validate) return op.options.validate;
  if (model.nativeExtensions[REQUEST_VALIDATOR] !== undefined) return "inherited";
  const root = model.settings.validate;
  return root ? { body: root.body, parameters: root.parameters } : { body: true, parameters: true };
}

/** True unless `choice` turns body validation off (then the request body and its models are not written). */
export function validatesBodies(choice: ValidationChoice): boolean {
  return choice === "inherited" || choice.body;
}

interface Flags {
  readonly validateRequestBody: boolean;
  readonly validateRequestParameters: boolean;
}

function canonicalName(flags: Flags): string {
  if (flags.validateRequestBody) return flags.validateRequestParameters ? "body-and-parameters" : "body";
  return flags.validateRequestParameters ? "parameters" : "none";
}

function flagsOf(value: unknown): Flags | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  return { validateRequestBody: v["validateRequestBody"] === true, validateRequestParameters: v["validateRequestParameters"] === true };
}

/** Names the validators methods use and writes the root map. */
export class ValidatorRegistry {
  readonly #native: Readonly<Record<string, unknown>>;
  readonly #nativeDefault: boolean;
  readonly #used = table<Flags>();
  readonly #names = new Map<string, string>();

  constructor(model: GatewayModel) {
    const native = model.nativeExtensions[REQUEST_VALIDATORS];
    this.#native = native !== null && typeof native === "object" ? (native as Record<string, unknown>) : {};
    this.#nativeDefault = model.nativeExtensions[REQUEST_VALIDATOR] !== undefined;
  }

  /** The name of the validator with `flags`: a native one with the same flags, else the canonical name, made free. */
  #name(flags: Flags): string {
    const key = canonicalName(flags);
    const known = this.#names.get(key);
    if (known !== undefined) return known;
    const same = Object.keys(this.#native)
      .sort(compareStrings)
      .find((name) => {
        const f = flagsOf(this.#native[name]);
        return f !== undefined && f.validateRequestBody === flags.validateRequestBody && f.validateRequestParameters === flags.validateRequestParameters;
      });
    let name = same ?? key;
    for (let n = 2; same === undefined && Object.hasOwn(this.#native, name); n++) name = `${key}-${n}`;
    this.#names.set(key, name);
    if (same === undefined) this.#used[name] = flags;
    return name;
  }

  /**
   * The validator of a method that validates as `choice` says, has a request model (`hasBody`) and required
   * parameters (`hasRequiredParameters`); undefined when the method needs none.
   */
  validatorFor(choice: ValidationChoice, hasBody: boolean, hasRequiredParameters: boolean): string | undefined {
    if (choice === "inherited") return undefined;
    const flags = { validateRequestBody: choice.body && hasBody, validateRequestParameters: choice.parameters && hasRequiredParameters };
    if (!flags.validateRequestBody && !flags.validateRequestParameters && !this.#nativeDefault) return undefined;
    return this.#name(flags);
  }

  /** The root `x-amazon-apigateway-request-validators`: the spec's validators and the derived ones in use; undefined when empty. */
  validators(): Record<string, unknown> | undefined {
    const all = table();
    for (const [name, flags] of Object.entries(this.#used)) all[name] = flags;
    for (const [name, value] of Object.entries(this.#native)) all[name] = value;
    return Object.keys(all).length === 0 ? undefined : all;
  }
}
