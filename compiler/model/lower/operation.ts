/**
 * Lowers `paths` (OpenAPI 3.x §4.8.8 Paths Object, §4.8.9 Path Item Object, §4.8.10 Operation Object) to IR
 * operations, with each operation's integration and options from its `x-gateway`, and the path item's
 * `x-gateway.any` as an `ANY` operation.
 */
import type { HttpMethod, Operation, OperationOptions, Origin, SecurityRequirement, Throttle } from "../types.js";
import { deref, type LowerContext } from "./context.js";
import { integrationKeysOf, lowerIntegration } from "./integration.js";
import { lowerParameters, lowerRequestBody, lowerResponses } from "./parameter.js";
import { asArray, asObj, bool, child, isObj, num, prop, str, strings, type Obj } from "./read.js";
import { lowerSecurity } from "./security.js";
import { compareStrings } from "../../order.js";

/** OpenAPI's operation keys of a path item, in the order API Gateway lists methods. */
const METHOD_KEYS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const METHOD_ORDER: Readonly<Record<string, number>> = Object.fromEntries(
  [...METHOD_KEYS.map((m) => m.toUpperCase()), "ANY"].map((m, i) => [m, i]),
);

/** What the document root contributes to every operation. */
export interface OperationDefaults {
  readonly security: readonly SecurityRequirement[] | undefined;
  /** `x-gateway.defaults` and where it is. */
  readonly gateway: Obj | undefined;
  readonly gatewayOrigin: Origin;
}

/** Lowers every operation of `paths`, sorted by path then method. */
export function lowerOperations(ctx: LowerContext, paths: unknown, origin: Origin, defaults: OperationDefaults): Operation[] {
  const out: Operation[] = [];
  const pathsObj = asObj(paths);
  if (!pathsObj) return out;
  for (const path of Object.keys(pathsObj)) {
    if (!path.startsWith("/")) continue; // `x-` extensions of the Paths Object
    const item = deref(ctx, pathsObj[path], child(origin, path));
    const itemObj = asObj(item?.value);
    if (!item || !itemObj) continue;
    const shared = prop(itemObj, "parameters");
    for (const key of METHOD_KEYS) {
      const op = deref(ctx, prop(itemObj, key), child(item.origin, key));
      const opObj = asObj(op?.value);
      if (!op || !opObj) continue;
      out.push(lowerOperation(ctx, { path, method: key.toUpperCase() as HttpMethod, op: opObj, origin: op.origin, shared, sharedOrigin: child(item.origin, "parameters"), defaults }));
    }
    const itemGateway = asObj(prop(itemObj, "x-gateway"));
    const any = asObj(prop(itemGateway, "any"));
    if (any) {
      const anyOrigin = child(item.origin, "x-gateway", "any");
      out.push(lowerOperation(ctx, { path, method: "ANY", op: { "x-gateway": any }, origin: anyOrigin, gatewayOrigin: anyOrigin, shared, sharedOrigin: child(item.origin, "parameters"), defaults }));
    }
  }
  return out.sort((a, b) => compareStrings(a.path, b.path) || (METHOD_ORDER[a.method] ?? 0) - (METHOD_ORDER[b.method] ?? 0));
}

interface OperationInput {
  readonly path: string;
  readonly method: HttpMethod;
  readonly op: Obj;
  readonly origin: Origin;
  /** Where the operation's `x-gateway` is, when it is not `origin/x-gateway`. */
  readonly gatewayOrigin?: Origin;
  readonly shared: unknown;
  readonly sharedOrigin: Origin;
  readonly defaults: OperationDefaults;
}

function lowerOperation(ctx: LowerContext, input: OperationInput): Operation {
  const { op, origin, path, method, defaults } = input;
  const gateway = asObj(prop(op, "x-gateway"));
  const gatewayOrigin = input.gatewayOrigin ?? (gateway ? child(origin, "x-gateway") : origin);
  const written = str(op, "operationId");
  const keys = integrationKeysOf(gateway);
  const defaultIntegration = asObj(prop(defaults.gateway, "integration"));
  const integration =
    keys.length > 0
      ? lowerIntegration(gateway, gatewayOrigin, path)
      : lowerIntegration(defaultIntegration, child(defaults.gatewayOrigin, "integration"), path);
  const defaultTimeout = num(defaults.gateway, "timeout");
  const ownSecurity = prop(op, "security");
  const security = ownSecurity !== undefined ? lowerSecurity(ownSecurity, child(origin, "security")) : defaults.security;
  const description = str(op, "description");
  const summary = str(op, "summary");
  const requestBody = lowerRequestBody(ctx, prop(op, "requestBody"), child(origin, "requestBody"));
  return {
    kind: "operation",
    id: written ?? deriveOperationId(method, path),
    idDerived: written === undefined,
    method,
    path,
    ...(summary !== undefined ? { summary } : {}),
    ...(description !== undefined ? { description } : {}),
    deprecated: bool(op, "deprecated") ?? false,
    tags: strings(prop(op, "tags")),
    parameters: lowerParameters(ctx, input.shared, input.sharedOrigin, prop(op, "parameters"), child(origin, "parameters")),
    ...(requestBody ? { requestBody } : {}),
    responses: lowerResponses(ctx, prop(op, "responses"), child(origin, "responses")),
    security: security ?? [],
    securityDeclared: security !== undefined,
    public: bool(gateway, "public") ?? false,
    ...(integration ? { integration: withTimeout(integration, num(gateway, "timeout") ?? defaultTimeout) } : {}),
    integrationKeys: keys,
    options: lowerOptions(gateway, gatewayOrigin, defaults),
    nativeExtensions: nativeExtensions(op),
    origin,
    gatewayOrigin,
  };
}

/** The operation's (or the defaults') `timeout` applies to its integration unless the integration sets its own. */
function withTimeout<T extends { readonly timeout?: number }>(integration: T, timeout: number | undefined): T {
  return timeout === undefined || integration.timeout !== undefined ? integration : { ...integration, timeout };
}

function lowerOptions(gateway: Obj | undefined, origin: Origin, defaults: OperationDefaults): OperationOptions {
  const throttle = lowerThrottle(prop(gateway, "throttle"), child(origin, "throttle")) ??
    lowerThrottle(prop(defaults.gateway, "throttle"), child(defaults.gatewayOrigin, "throttle"));
  const cache = asObj(prop(gateway, "cache"));
  const timeout = num(gateway, "timeout") ?? num(defaults.gateway, "timeout");
  const validate = prop(gateway, "validate");
  return {
    ...(throttle ? { throttle } : {}),
    ...(cache ? { cache: { ttl: num(cache, "ttl") ?? 300, keys: strings(prop(cache, "keys")), origin: child(origin, "cache") } } : {}),
    ...(timeout !== undefined
      ? { timeout: { ms: timeout, origin: num(gateway, "timeout") !== undefined ? child(origin, "timeout") : child(defaults.gatewayOrigin, "timeout") } }
      : {}),
    ...(validate !== undefined ? { validate: lowerValidate(validate) } : {}),
    binary: bool(gateway, "binary") ?? false,
    usagePlans: asArray(prop(gateway, "usagePlans")).flatMap((p, i) =>
      typeof p === "string" ? [{ name: p, origin: child(origin, "usagePlans", i) }] : [],
    ),
  };
}

/** `validate: true | false | { body, parameters }`. */
export function lowerValidate(raw: unknown): { body: boolean; parameters: boolean } {
  if (typeof raw === "boolean") return { body: raw, parameters: raw };
  const obj = asObj(raw);
  return { body: bool(obj, "body") ?? true, parameters: bool(obj, "parameters") ?? true };
}

/** `{ rate, burst }`: requests per second and burst size. */
export function lowerThrottle(raw: unknown, origin: Origin): Throttle | undefined {
  const obj = asObj(raw);
  const rate = num(obj, "rate");
  const burst = num(obj, "burst");
  if (rate === undefined && burst === undefined) return undefined;
  return { rate: rate ?? burst ?? 0, burst: burst ?? Math.ceil(rate ?? 0), origin };
}

/** The `x-amazon-apigateway-*` members of an object, keys sorted. */
export function nativeExtensions(obj: Obj | undefined): Record<string, unknown> {
  if (!isObj(obj)) return {};
  return Object.fromEntries(
    Object.keys(obj)
      .filter((k) => k.startsWith("x-amazon-apigateway-"))
      .sort(compareStrings)
      .map((k) => [k, obj[k]]),
  );
}

/**
 * An operation id for an operation that has none: the method and the path's words in camelCase,
 * `GET /pets/{id}` → `getPetsById`, `ANY /{proxy+}` → `anyByProxy`.
 */
export function deriveOperationId(method: HttpMethod, path: string): string {
  const words: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "") continue;
    const variable = /^\{([^}]*?)\+?\}$/.exec(segment);
    const text = variable ? `by ${variable[1]}` : segment;
    words.push(...text.split(/[^A-Za-z0-9]+/).filter(Boolean));
  }
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return method.toLowerCase() + (words.length === 0 ? "Root" : words.map(cap).join(""));
}
