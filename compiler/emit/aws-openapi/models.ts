/**
 * Request bodies and the models behind them.
 *
 * API Gateway creates one model per `components.schemas` entry and one per inline request schema, maps each
 * `requestBody` media type to its model, and validates bodies against them when the method's validator says so
 * (developer guide, "Request validation", "Data models for REST APIs"). Only what request validation uses is
 * written, which keeps large specs small:
 * - `requestBody.content` lists the JSON media types (`application/json`, `*\/*+json`) of operations that may
 *   validate bodies; parameters of a media type are dropped, as API Gateway matches `type/subtype` only. Other
 *   media types (forms, XML, text) get no model, since the model validator reads JSON, and binary bodies
 *   (`x-gateway.binary`, `format: binary`) get none either. A body sent with an unlisted `Content-Type` is not
 *   validated (API Gateway's rule for a content type without a model).
 * - `components.schemas` holds the schemas reachable from those bodies through `$ref`, lowered by
 *   {@link lowerSchema}. An inline request schema becomes a component named after its operation
 *   (`createPetRequest`), so every model name is chosen here, and a `$ref` into a component
 *   (`#/components/schemas/Pet/$defs/Tag`) becomes a component of its own (`PetDefsTag`).
 * - Names follow API Gateway's model name rule (letters and digits, see ./model-names.ts): spec names that keep
 *   the rule are kept, the others are renamed and their `$ref`s rewritten.
 *
 * Reports `request-schema-unresolved` (warning) for a `$ref` that does not point into `components.schemas` of the
 * entry document (another file, or no such node): that part of the model accepts any value.
 */
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import type { GatewayModel, NamedSchema, Operation, Origin, Schema } from "../../model/types.js";
import { child } from "../../model/lower/read.js";
import { getAtPointer, parsePointer } from "../../parse/pointer.js";
import { table } from "../json.js";
import { isBinarySchema, isJsonMediaType, mediaTypeKey } from "./media-types.js";
import { ModelNamer } from "./model-names.js";
import { lowerSchema, NULL_SCHEMA, type LoweredSchema, type SchemaContext } from "./schemas.js";

const SCHEMAS = "#/components/schemas/";

/** The request bodies and component schemas of the import document. */
export interface ModelPlan {
  /** The `requestBody` of `op`; undefined when it has no body to validate (or was not planned). */
  requestBody(op: Operation): Record<string, unknown> | undefined;
  /** `components.schemas`, by model name; empty when no body needs a model. */
  readonly schemas: Readonly<Record<string, LoweredSchema>>;
}

/** A schema waiting to be lowered into a component. */
interface Pending {
  readonly name: string;
  readonly schema: unknown;
  readonly origin: Origin;
}

/** The JSON media types of `op`'s request body with their schemas, first spelling of each `type/subtype` kept. */
function jsonBodies(op: Operation): readonly { key: string; schema: Schema; origin: Origin }[] {
  if (op.options.binary) return [];
  const seen = new Set<string>();
  const bodies: { key: string; schema: Schema; origin: Origin }[] = [];
  for (const content of op.requestBody?.content ?? []) {
    const key = mediaTypeKey(content.mediaType);
    if (!isJsonMediaType(key) || seen.has(key) || content.schema === undefined || isBinarySchema(content.schema)) continue;
    seen.add(key);
    bodies.push({ key, schema: content.schema, origin: child(content.origin, "schema") });
  }
  return bodies;
}

/** The fragment of a local `$ref` as pointer tokens (`#/a/b%20c` → `a`, `b c`); undefined for other references. */
function localTokens(ref: string): string[] | undefined {
  if (!ref.startsWith("#")) return undefined;
  try {
    return parsePointer(decodeURIComponent(ref.slice(1)));
  } catch {
    return undefined;
  }
}

/**
 * Plans the request bodies of `operations` (those `wanted` says may validate bodies) and the components they
 * reach. Deterministic: names are handed out in component-name order, then in operation order.
 */
export function planModels(
  model: GatewayModel,
  operations: readonly Operation[],
  wanted: (op: Operation) => boolean,
  report?: DiagnosticCollector,
): ModelPlan {
  const components = new Map<string, NamedSchema>(model.schemas.map((s) => [s.name, s]));
  const namer = new ModelNamer();
  const componentNames = new Map<string, string>();
  const sorted = [...components.keys()];
  // Names that already follow the rule are claimed first, so renaming another schema never takes them.
  for (const name of sorted.filter((n) => /^[A-Za-z0-9]+$/.test(n))) componentNames.set(name, namer.claim(name));
  for (const name of sorted.filter((n) => !componentNames.has(n))) componentNames.set(name, namer.claim(name));

  const schemas = table<LoweredSchema>();
  const queued = new Set<string>();
  const queue: Pending[] = [];
  const enqueue = (pending: Pending): string => {
    if (!queued.has(pending.name)) {
      queued.add(pending.name);
      queue.push(pending);
    }
    return `${SCHEMAS}${pending.name}`;
  };
  const deepRefs = new Map<string, string>();
  let nullName: string | undefined;

  const unresolved = (ref: string, at: Origin): undefined => {
    report?.report({ code: "request-schema-unresolved", args: { ref }, origin: at });
    return undefined;
  };
  const ctx: SchemaContext = {
    ref(ref, at) {
      const tokens = localTokens(ref);
      const [root, kind, name, ...rest] = tokens ?? [];
      const component = name === undefined ? undefined : components.get(name);
      if (root !== "components" || kind !== "schemas" || name === undefined || component === undefined) return unresolved(ref, at);
      const modelName = componentNames.get(name) as string;
      if (rest.length === 0) return enqueue({ name: modelName, schema: component.schema, origin: component.origin });
      const found = getAtPointer(component.schema, rest);
      if (!found.found) return unresolved(ref, at);
      const key = [name, ...rest].join("\u0000");
      const deep = deepRefs.get(key) ?? namer.claim([modelName, ...rest].join(" "));
      deepRefs.set(key, deep);
      return enqueue({ name: deep, schema: found.value, origin: child(component.origin, ...rest) });
    },
    nullRef() {
      nullName ??= namer.claim("Null");
      return enqueue({ name: nullName, schema: NULL_SCHEMA, origin: model.origin });
    },
  };
  const drain = (): void => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      schemas[next.name] = next.schema === NULL_SCHEMA ? NULL_SCHEMA : lowerSchema(next.schema, next.origin, ctx);
    }
  };

  const bodies = new Map<Operation, Record<string, unknown>>();
  for (const op of operations) {
    if (!wanted(op)) continue;
    const content = table<{ schema: LoweredSchema }>();
    for (const body of jsonBodies(op)) {
      const lowered = lowerSchema(body.schema, body.origin, ctx);
      const onlyRef = Object.keys(lowered).length === 1 && typeof lowered["$ref"] === "string";
      if (onlyRef) {
        content[body.key] = { schema: lowered };
      } else {
        const name = namer.claim(`${op.id} Request`);
        queued.add(name);
        schemas[name] = lowered;
        content[body.key] = { schema: { $ref: `${SCHEMAS}${name}` } };
      }
      drain();
    }
    if (Object.keys(content).length > 0) {
      bodies.set(op, { ...(op.requestBody?.required ? { required: true } : {}), content });
    }
  }
  return { requestBody: (op) => bodies.get(op), schemas };
}
