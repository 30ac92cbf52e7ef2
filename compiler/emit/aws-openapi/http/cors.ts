/**
 * CORS of an HTTP API (`x-gateway.cors`), which API Gateway implements itself (Developer Guide, "Configuring CORS
 * for an HTTP API", http-api-cors.html): it answers preflight `OPTIONS` requests and adds the configured headers to
 * every response, ignoring CORS headers the backend sends.
 * - {@link httpCorsConfiguration}: the configuration, as `x-amazon-apigateway-cors` in the import document and as
 *   the Api's `corsConfiguration` in the program (both, so the provider keeps what the import set).
 * - {@link needsPreflightRoute}: a route for every method (`ANY`, greedy or not) also catches `OPTIONS`, so behind
 *   an authorizer it would send preflights, which carry no credentials, to the authorizer. Such a path gets an
 *   `OPTIONS` route without authorization and with the same integration, which takes precedence over `ANY`.
 * Origins are checked as for REST APIs (`cors-value-invalid`).
 */
import type { DiagnosticCollector } from "../../../diagnostics/diagnostic.js";
import type { Cors } from "../../../model/types.js";
import { allowedOrigins } from "../cors.js";

/** The CORS configuration of an HTTP API, with API Gateway's (and Pulumi's) field names. */
export interface HttpCorsConfiguration {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly allowCredentials: boolean;
  /** Seconds; −1 turns caching of preflight responses off. */
  readonly maxAge?: number;
}

/** The configuration of `cors`, or undefined when it allows no valid origin (invalid ones are reported). */
export function httpCorsConfiguration(cors: Cors, report?: DiagnosticCollector): HttpCorsConfiguration | undefined {
  const origins = allowedOrigins(cors, report);
  if (origins.length === 0) return undefined;
  return {
    allowOrigins: origins,
    allowMethods: cors.methods,
    allowHeaders: cors.headers,
    exposeHeaders: cors.exposeHeaders,
    allowCredentials: cors.credentials,
    ...(cors.maxAge === undefined ? {} : { maxAge: cors.maxAge }),
  };
}

/**
 * True when the path item `pathItem` of the import document needs an unauthenticated `OPTIONS` route for
 * preflights: it has an `ANY` route with authorization and no `OPTIONS` route of its own.
 */
export function needsPreflightRoute(pathItem: Readonly<Record<string, unknown>>): boolean {
  const any = pathItem["x-amazon-apigateway-any-method"] as Readonly<Record<string, unknown>> | undefined;
  if (any === undefined || pathItem["options"] !== undefined) return false;
  return any["security"] !== undefined || any["x-amazon-apigateway-auth"] !== undefined;
}
