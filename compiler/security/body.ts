/**
 * The OpenAPI document a RestApi or an HTTP API (`aws.apigatewayv2.Api`) imports (its `body` input), read back for
 * the checks that concern methods and routes: authorization, request validation, Lambda permissions. API Gateway
 * turns each path item method into a method (REST) or a route (HTTP); `x-amazon-apigateway-any-method` is the
 * catch-all `ANY`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-any-method.html).
 */
import { RESOURCE_TYPES, record, type GraphResource, type ResourceGraph } from "./graph.js";

/** OpenAPI path item keys that are methods, and API Gateway's ANY. */
const METHOD_KEYS: Readonly<Record<string, string>> = {
  get: "GET",
  put: "PUT",
  post: "POST",
  delete: "DELETE",
  options: "OPTIONS",
  head: "HEAD",
  patch: "PATCH",
  trace: "TRACE",
  "x-amazon-apigateway-any-method": "ANY",
};

/** One method of the imported document. */
export interface BodyMethod {
  /** Upper case; `ANY` for `x-amazon-apigateway-any-method`. */
  readonly method: string;
  /** The path as written in the document, e.g. `/pets/{petId}`. */
  readonly path: string;
  /** The operation object. */
  readonly operation: Readonly<Record<string, unknown>>;
  /** Path item parameters followed by the operation's (OpenAPI 3 §4.8.9: the operation's win by name and `in`). */
  readonly parameters: readonly Readonly<Record<string, unknown>>[];
}

/** A RestApi's or an HTTP API's imported document. */
export interface ApiBody {
  /** `rest` for a RestApi, `http` for an `aws.apigatewayv2.Api`. */
  readonly kind: "rest" | "http";
  readonly api: GraphResource;
  readonly document: Readonly<Record<string, unknown>>;
  readonly methods: readonly BodyMethod[];
}

/** `METHOD path`: how the context and the checks name a route. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

function parameterList(value: unknown): Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    const parameter = record(p);
    return parameter ? [parameter] : [];
  });
}

function methodsOf(document: Readonly<Record<string, unknown>>): BodyMethod[] {
  const out: BodyMethod[] = [];
  for (const [path, item] of Object.entries(record(document["paths"]) ?? {})) {
    const pathItem = record(item);
    if (!pathItem) continue;
    const shared = parameterList(pathItem["parameters"]);
    for (const [key, value] of Object.entries(pathItem)) {
      const method = METHOD_KEYS[key];
      const operation = record(value);
      if (method === undefined || !operation) continue;
      const own = parameterList(operation["parameters"]);
      const overridden = (p: Readonly<Record<string, unknown>>) => own.some((o) => o["name"] === p["name"] && o["in"] === p["in"]);
      out.push({ method, path, operation, parameters: [...shared.filter((p) => !overridden(p)), ...own] });
    }
  }
  return out;
}

/**
 * The document of every RestApi in `graph` that imports one. A body that is not JSON is skipped: the program
 * resolves it from `openapi.aws.json`, which Portico writes as JSON.
 */
export function restApiBodies(graph: ResourceGraph): readonly ApiBody[] {
  return apiBodies(graph).filter((b) => b.kind === "rest");
}

/** The document of every RestApi and every HTTP API in `graph` that imports one (see {@link restApiBodies}). */
export function apiBodies(graph: ResourceGraph): readonly ApiBody[] {
  const out: ApiBody[] = [];
  for (const api of graph) {
    const kind = api.type === RESOURCE_TYPES.restApi ? "rest" : api.type === RESOURCE_TYPES.httpApi ? "http" : undefined;
    if (kind === undefined) continue;
    const body = api.inputs["body"];
    if (typeof body !== "string") continue;
    let document: Readonly<Record<string, unknown>> | undefined;
    try {
      document = record(JSON.parse(body));
    } catch {
      document = undefined;
    }
    if (document) out.push({ kind, api, document, methods: methodsOf(document) });
  }
  return out;
}
