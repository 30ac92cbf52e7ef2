/**
 * Cache keys of an operation with `x-gateway.cache` (developer guide, "Enable API caching to enhance
 * responsiveness", "Use method or integration parameters as cache keys").
 *
 * Each key names a parameter of the operation; its integration gets `cacheKeyParameters`
 * (`method.request.querystring.limit`, `method.request.header.X-Tenant`, `method.request.path.petId`) and a
 * `cacheNamespace` of its own, the operation's slug, so two methods never share cached responses. API Gateway
 * only keys on declared method request parameters: the method declares every path, query and header parameter
 * (./operation.ts). Turning caching on for the method is a stage setting, not part of the import document.
 *
 * Reports `cache-key-unknown` (error) for a key that is no path, query or header parameter of the operation:
 * without it, requests that differ in that value would be served one another's cached responses.
 */
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import type { Operation } from "../../model/types.js";
import { child } from "../../model/lower/read.js";
import { pathVariables } from "./path-variables.js";

/** The integration properties that key an operation's cache. */
export interface CacheKeys {
  readonly cacheKeyParameters: readonly string[];
  readonly cacheNamespace: string;
}

const SOURCE = { path: "path", query: "querystring", header: "header" } as const;

/** The method request parameter a cache key names: a path variable, else a query, else a header parameter. */
function keySource(op: Operation, name: string): string | undefined {
  if (pathVariables(op.path).includes(name)) return `method.request.path.${name}`;
  for (const where of ["query", "header"] as const) {
    if (op.parameters.some((p) => p.in === where && p.name === name)) return `method.request.${SOURCE[where]}.${name}`;
  }
  return undefined;
}

/** The cache keys of `op` under the namespace `operationSlug`; undefined when the operation is not cached. */
export function cacheKeys(op: Operation, operationSlug: string, report?: DiagnosticCollector): CacheKeys | undefined {
  const cache = op.options.cache;
  if (cache === undefined) return undefined;
  const parameters: string[] = [];
  cache.keys.forEach((name, index) => {
    const source = keySource(op, name);
    if (source === undefined) {
      report?.report({ code: "cache-key-unknown", args: { name, operation: op.id }, origin: child(cache.origin, "keys", index) });
    } else if (!parameters.includes(source)) {
      parameters.push(source);
    }
  });
  return { cacheKeyParameters: parameters, cacheNamespace: operationSlug };
}
