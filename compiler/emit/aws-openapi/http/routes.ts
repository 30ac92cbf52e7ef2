/**
 * The routes of an HTTP API, as its import document declares them: one per operation whose integration has an HTTP
 * API form (./integration.ts), and for each proxy resource (`x-gateway.proxyResources`) the `ANY` routes of the
 * prefix and of `{prefix}/{proxy+}`, HTTP proxies to `{baseUrl}{prefix}` and `{baseUrl}{prefix}/{proxy}` that take
 * the security, throttle and timeout of the operation the plan copies (../proxy-resources.ts). The document, the
 * stage's route settings and the security checks' context all read this list, so they name the same routes.
 */
import { createNames } from "../../../model/names.js";
import type { GatewayModel, HttpMethod, Integration, Operation } from "../../../model/types.js";
import { directOperations } from "../document.js";
import { planProxyResources } from "../proxy-resources.js";
import { httpApiIntegration } from "./integration.js";

/** One route of the import document (CORS preflight routes aside). */
export interface HttpRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** The operation the route serves; for a proxy resource, the one whose security, throttle and timeout it takes. */
  readonly operation: Operation;
  /** The route's `x-amazon-apigateway-integration`. */
  readonly integration: Record<string, unknown>;
}

/** API Gateway's route key: `GET /pets/{id}`, `ANY /files/{proxy+}`. */
export function httpRouteKey(route: Pick<HttpRoute, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}

/** Every route of `model`, operations first (in model order), then proxy resources. */
export function httpRoutes(model: GatewayModel): readonly HttpRoute[] {
  const names = createNames(model);
  const routes: HttpRoute[] = [];
  for (const op of directOperations(model)) {
    const site = { operation: op, operationSlug: names.operationSlug(op) };
    const integration = op.integration === undefined ? undefined : httpApiIntegration(op.integration, op.method, site);
    if (integration !== undefined) routes.push({ method: op.method, path: op.path, operation: op, integration });
  }
  for (const plan of planProxyResources(model)) {
    const source = plan.model.integration;
    if (source?.kind !== "http") throw new Error(`Proxy resource ${plan.prefixPath} lost its HTTP integration.`);
    const site = { operation: plan.model, operationSlug: names.operationSlug(plan.model) };
    for (const [path, url] of [[plan.prefixPath, plan.prefixUrl], [plan.greedyPath, plan.greedyUrl]] as const) {
      const proxied: Integration = { ...source, url, method: "ANY", proxy: true };
      const integration = httpApiIntegration(proxied, "ANY", site);
      if (integration !== undefined) routes.push({ method: "ANY", path, operation: plan.model, integration });
    }
  }
  return routes;
}
