/**
 * What of a WebSocket API `portico build` checks but does not deploy yet, for `not-emitted` (../../not-emitted.ts):
 * `[feature, place]` pairs.
 */
import type { GatewayModel, Origin } from "../../../model/types.js";
import { isBuiltServiceCall } from "./requests.js";

/** The gaps of `model`'s WebSocket API (none without one). */
export function websocketGaps(model: GatewayModel): [string, Origin][] {
  const ws = model.websocket;
  if (ws === undefined) return [];
  const gaps: [string, Origin][] = [];
  for (const route of ws.routes) {
    const i = route.integration;
    if (i === undefined) continue;
    if (i.kind === "aws" && !isBuiltServiceCall(i)) {
      gaps.push(["AWS-service integrations of WebSocket routes for an action Portico builds no request for (docs/x-gateway.md) and without a request mapping: the route is left out", i.origin]);
      continue;
    }
    if (i.response) gaps.push(["response mappings (response and errors)", i.response.origin]);
    if (i.kind === "http" && i.vpcLink) gaps.push(["VPC links of WebSocket HTTP integrations", i.vpcLink.origin]);
  }
  const connect = ws.routes.find((r) => r.key === "$connect");
  if (connect?.apiKeyRequired && model.usagePlans.length === 0) {
    gaps.push(["a usage plan for the API keys $connect requires (x-gateway.usagePlans with apiKeys; HTTP APIs have none): no key can connect", connect.origin]);
  }
  const byArn = new Set(model.functions.filter((f) => f.kind === "arn").map((f) => f.name));
  for (const use of ws.manageConnections ?? []) {
    if (byArn.has(use.function)) {
      gaps.push(["the @connections policy of a function referenced by arn (grant execute-api:ManageConnections on its own role)", use.origin]);
    }
  }
  return gaps;
}
