/**
 * Names in the WebSocket part of the program: Pulumi logical names (`[a-z0-9-]`, unique per resource type, all
 * starting with `websocket` so they never meet the REST or HTTP API's) and the variables that hold the resources.
 * Route keys become slugs (`$connect` → `connect`, `sendMessage` → `send-message`), made unique with a fingerprint
 * when two keys share one (`$default` and a custom `default`).
 */
import { slug, uniqueSlugs, variableName } from "../../../model/names.js";
import type { WebSocketApi } from "../../../model/types.js";

/** Variables of the API-wide resources. */
export const WS = {
  api: "websocketApi",
  deployment: "websocketDeployment",
  stage: "websocketStage",
  accessLogs: "websocketAccessLogs",
  executionLogs: "websocketExecutionLogs",
  settings: "websocketSettings",
  partition: "websocketPartition",
  region: "websocketRegion",
  domain: "websocketDomain",
} as const;

/** Names of one route's resources. */
export interface RouteNames {
  /** `send-message`. */
  readonly slug: string;
  /**
   * Variables: `websocketRoute_sendMessage`, `websocketIntegration_sendMessage`, `websocketRouteResponse_sendMessage`,
   * `websocketIntegrationResponse_sendMessage`, `websocketIntegrationRole_sendMessage` (distinct prefixes, so no
   * route key's variable is another's).
   */
  readonly route: string;
  readonly integration: string;
  readonly routeResponse: string;
  readonly integrationResponse: string;
  /** The role API Gateway assumes for an AWS-service integration. */
  readonly role: string;
}

/** Names of every route of `ws`, by route key. */
export function routeNames(ws: WebSocketApi): ReadonlyMap<string, RouteNames> {
  const slugs = uniqueSlugs(ws.routes.map((r) => r.key), (key) => slug(key));
  const out = new Map<string, RouteNames>();
  for (const route of ws.routes) {
    const s = slugs.get(route.key) ?? slug(route.key);
    out.set(route.key, {
      slug: s,
      route: variableName("websocketRoute", s),
      integration: variableName("websocketIntegration", s),
      routeResponse: variableName("websocketRouteResponse", s),
      integrationResponse: variableName("websocketIntegrationResponse", s),
      role: variableName("websocketIntegrationRole", s),
    });
  }
  return out;
}
