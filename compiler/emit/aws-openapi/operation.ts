/**
 * One REST operation as API Gateway imports it: method, `operationId`, the parameters the method accepts, the
 * request body and validator (./models.ts, ./validators.ts), the method responses, `security` and the
 * integration, with cache keys (./cache-keys.ts) and CORS headers (./cors.ts).
 *
 * Only what import needs is written. Descriptions, summaries, examples and response schemas are left out, which
 * keeps large specs far below the 6 MB import limit. Parameters keep `name`, `in`, `required` and the schema's
 * `type`, the only parts API Gateway honours (developer guide, "API Gateway extensions to OpenAPI", known issues).
 */
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import type { GatewayModel, Operation, Schema, SecurityScheme } from "../../model/types.js";
import { table } from "../json.js";
import type { CacheKeys } from "./cache-keys.js";
import { withCorsHeaders, type CorsPlan } from "./cors.js";
import { integrationParts, type IntegrationParts } from "./integration.js";
import { pathVariables } from "./path-variables.js";
import { securityRequirement } from "./security.js";
import { REQUEST_VALIDATOR } from "./validators.js";

/** Method response status codes must match `[1-5]\d\d`; API Gateway has no `default` or `4XX` method response. */
const STATUS = /^[1-5]\d\d$/;

/** Parameter types written as they are; API Gateway reads every parameter as text. */
const SCALARS = new Set(["string", "number", "integer", "boolean"]);

/**
 * The type of a parameter schema: its `type` (the first non-null one of a 3.1 type list) when it is a scalar, else
 * `string`: an `array` without `items` is invalid 3.0 (an import warning), and API Gateway passes parameters on as
 * text anyway.
 */
function schemaType(schema: Schema | undefined): string {
  const type = schema?.type;
  const first = Array.isArray(type) ? type.find((t) => t !== "null") : type;
  return typeof first === "string" && SCALARS.has(first) ? first : "string";
}

/**
 * The method's parameters: every variable of the path (always required), then the query and header
 * parameters in spec order. Cookie parameters have no API Gateway counterpart and are left out.
 */
export function parametersArray(op: Operation): readonly Record<string, unknown>[] {
  const declared = new Map(op.parameters.filter((p) => p.in === "path").map((p) => [p.name, p]));
  const path = pathVariables(op.path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: { type: schemaType(declared.get(name)?.schema) },
  }));
  const others = op.parameters
    .filter((p) => p.in === "query" || p.in === "header")
    .map((p) => ({ name: p.name, in: p.in, required: p.required, schema: { type: schemaType(p.schema) } }));
  return [...path, ...others];
}

const HEADER_TARGET = "method.response.header.";

/**
 * The method responses: each numeric status of the spec with its description, plus every status the integration
 * answers with (each integration response's, with the headers it sets, and those its templates set), so that each
 * integration response has a method response.
 */
export function responsesObject(op: Operation, parts?: IntegrationParts): Record<string, unknown> {
  const responses = table<{ description: string; headers?: Record<string, unknown> }>();
  for (const response of op.responses) {
    if (STATUS.test(response.status)) responses[response.status] = { description: response.description };
  }
  const mapped = (parts?.integration["responses"] ?? {}) as Record<string, Record<string, unknown>>;
  for (const response of Object.values(mapped)) {
    const status = String(response["statusCode"]);
    const entry = responses[status] ?? { description: "Integration response" };
    const names = Object.keys((response["responseParameters"] ?? {}) as Record<string, string>)
      .filter((target) => target.startsWith(HEADER_TARGET))
      .map((target) => target.slice(HEADER_TARGET.length));
    if (names.length > 0) {
      const headers = table();
      Object.assign(headers, entry.headers);
      for (const name of names) headers[name] = { schema: { type: "string" } };
      entry.headers = headers;
    }
    responses[status] = entry;
  }
  for (const status of parts?.overrideStatuses ?? []) responses[String(status)] ??= { description: "Integration response" };
  if (Object.keys(responses).length === 0) responses["200"] = { description: "OK" };
  return responses;
}

/** What the document adds to an operation besides its own parts. */
export interface OperationParts {
  /** The model the operation belongs to (its schemas shape service requests). */
  readonly model: GatewayModel;
  readonly schemes: ReadonlyMap<string, SecurityScheme>;
  /** Names the role placeholder of AWS-service integrations. */
  readonly operationSlug: string;
  /** The `requestBody` (./models.ts), when the method validates a body. */
  readonly requestBody?: Record<string, unknown>;
  /** The request validator's name (./validators.ts), when the method has one. */
  readonly validator?: string;
  readonly cacheKeys?: CacheKeys;
  readonly cors?: CorsPlan;
  /** Receives what compiling the integration's mappings finds (`mapping-invalid`). */
  readonly report?: DiagnosticCollector;
}

/** True when the method declares a required parameter (every path variable is one). */
export function hasRequiredParameters(op: Operation): boolean {
  return parametersArray(op).some((p) => p["required"] === true);
}

/** The method's parameters with the optional headers its integration reads and the spec does not declare. */
function withRequestHeaders(parameters: readonly Record<string, unknown>[], headers: readonly string[]): readonly Record<string, unknown>[] {
  const declared = new Set(parameters.filter((p) => p["in"] === "header").map((p) => String(p["name"]).toLowerCase()));
  const added = headers.filter((name) => !declared.has(name.toLowerCase()));
  return [...parameters, ...added.map((name) => ({ name, in: "header", required: false, schema: { type: "string" } }))];
}

/** The operation object of `op` under its path item; native `x-amazon-apigateway-*` extensions win. */
export function operationObject(op: Operation, parts: OperationParts): Record<string, unknown> {
  const integrated = op.integration === undefined ? undefined : integrationParts(parts.model, op, op.integration, parts.operationSlug, parts.report);
  const parameters = withRequestHeaders(parametersArray(op), integrated?.requestHeaders ?? []);
  const result = table();
  result.operationId = op.id;
  if (parameters.length > 0) result.parameters = parameters;
  if (parts.requestBody !== undefined) result.requestBody = parts.requestBody;
  let responses = responsesObject(op, integrated);
  result.security = securityRequirement(op, parts.schemes);
  if (integrated !== undefined) {
    let integration = integrated.integration;
    const keys = parts.cacheKeys;
    if (keys !== undefined) {
      integration = {
        ...integration,
        ...(keys.cacheKeyParameters.length > 0 ? { cacheKeyParameters: keys.cacheKeyParameters } : {}),
        cacheNamespace: keys.cacheNamespace,
      };
    }
    if (parts.cors !== undefined) ({ integration, responses } = withCorsHeaders(integration, responses, parts.cors, op.options.binary));
    result["x-amazon-apigateway-integration"] = integration;
  }
  result.responses = responses;
  if (parts.validator !== undefined) result[REQUEST_VALIDATOR] = parts.validator;
  for (const [key, value] of Object.entries(op.nativeExtensions)) result[key] = value;
  return result;
}

/** The key of `op` in its path item: the lower-case method, or `x-amazon-apigateway-any-method` for ANY. */
export function methodKey(op: Operation): string {
  return op.method === "ANY" ? "x-amazon-apigateway-any-method" : op.method.toLowerCase();
}
