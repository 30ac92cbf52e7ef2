/**
 * The OpenAPI 3.0.1 document API Gateway imports for an HTTP API (`openapi.aws.json`), whatever the input's
 * version (the HTTP API importer reads OpenAPI 3.0 only; Developer Guide, "Working with OpenAPI definitions for HTTP
 * APIs", http-api-open-api.html):
 * - `paths`: every route (./routes.ts; `ANY` as `x-amazon-apigateway-any-method`) with its `operationId`, path,
 *   query and header parameters (scalar types only), response statuses, authorization (./security.ts) and
 *   integration (./integration.ts); with CORS, the unauthenticated `OPTIONS` routes that preflights need
 *   (./cors.ts). Request bodies and schemas are left out: the HTTP API importer ignores them, and HTTP APIs do not
 *   validate requests;
 * - `components.securitySchemes`: the JWT and Lambda REQUEST authorizers;
 * - `x-amazon-apigateway-cors`, and `x-amazon-apigateway-importexport-version: "1.0"`, the only version there is.
 * Native `x-amazon-apigateway-*` extensions of the input are passed through and win over derived ones. Values known
 * only at deploy time are placeholders (../../placeholders.ts). Operations whose integration has no HTTP API form
 * yet get no route (`build` reports them as `not-emitted`).
 */
import type { DiagnosticCollector } from "../../../diagnostics/diagnostic.js";
import type { GatewayModel, Operation, SecurityScheme } from "../../../model/types.js";
import { stableJson, table } from "../../json.js";
import { parametersArray, responsesObject } from "../operation.js";
import { httpCorsConfiguration, needsPreflightRoute } from "./cors.js";
import { httpRoutes, type HttpRoute } from "./routes.js";
import { httpSecuritySchemesObject, routeAuthorization } from "./security.js";

/** The import-export version HTTP API import documents declare. */
const IMPORT_EXPORT_VERSION = "1.0";

/**
 * A route's operation object: `operationId`, parameters, responses, authorization and integration. A proxy
 * resource's route declares only its path variables and has no `operationId`: it serves every operation under its
 * prefix, not only the one whose security it copies.
 */
function routeObject(route: HttpRoute, schemes: ReadonlyMap<string, SecurityScheme>): Record<string, unknown> {
  const own = route.operation.path === route.path && route.operation.method === route.method;
  const op: Operation = own ? route.operation : { ...route.operation, path: route.path, parameters: [], responses: [], nativeExtensions: {} };
  const result = table();
  if (own) result.operationId = op.id;
  const parameters = parametersArray(op);
  if (parameters.length > 0) result.parameters = parameters;
  result.responses = responsesObject(op);
  Object.assign(result, routeAuthorization(op, schemes));
  result["x-amazon-apigateway-integration"] = route.integration;
  for (const [key, value] of Object.entries(op.nativeExtensions)) result[key] = value;
  return result;
}

/** The `paths` object (see the module comment). */
function pathsObject(model: GatewayModel, schemes: ReadonlyMap<string, SecurityScheme>, cors: boolean): Record<string, unknown> {
  const paths = table<Record<string, unknown>>();
  for (const route of httpRoutes(model)) {
    const pathItem = (paths[route.path] ??= table());
    pathItem[route.method === "ANY" ? "x-amazon-apigateway-any-method" : route.method.toLowerCase()] = routeObject(route, schemes);
  }
  if (cors) {
    for (const pathItem of Object.values(paths)) {
      if (!needsPreflightRoute(pathItem)) continue;
      const any = pathItem["x-amazon-apigateway-any-method"] as Record<string, unknown>;
      pathItem["options"] = {
        ...(any["parameters"] === undefined ? {} : { parameters: any["parameters"] }),
        responses: { "204": { description: "CORS preflight" } },
        "x-amazon-apigateway-integration": any["x-amazon-apigateway-integration"],
      };
    }
  }
  return paths;
}

/**
 * The import document of an HTTP model, as data. `report` receives the emit-time diagnostics
 * (`cors-value-invalid`); without it they are not reported.
 */
export function buildHttpOpenApi(model: GatewayModel, report?: DiagnosticCollector): Record<string, unknown> {
  const schemes = new Map(model.securitySchemes.map((s) => [s.name, s]));
  const cors = model.cors === undefined ? undefined : httpCorsConfiguration(model.cors, report);
  const doc = table();
  doc.openapi = "3.0.1";
  doc.info = { title: model.name, version: model.info.version };
  doc.paths = pathsObject(model, schemes, cors !== undefined);
  const securitySchemes = httpSecuritySchemesObject(model.securitySchemes);
  if (Object.keys(securitySchemes).length > 0) doc.components = { securitySchemes };
  if (cors !== undefined) doc["x-amazon-apigateway-cors"] = cors;
  doc["x-amazon-apigateway-importexport-version"] = IMPORT_EXPORT_VERSION;
  for (const [key, value] of Object.entries(model.nativeExtensions)) doc[key] = value;
  return doc;
}

/** `openapi.aws.json` of an HTTP model as text: sorted keys, two-space indentation, trailing newline. */
export function httpOpenApiText(model: GatewayModel, report?: DiagnosticCollector): string {
  return `${stableJson(buildHttpOpenApi(model, report))}\n`;
}
