/**
 * What of a WebSocket API `portico build` checks but does not deploy yet, for `not-emitted` (../../not-emitted.ts):
 * `[feature, place]` pairs.
 */
import type { GatewayModel, Origin } from "../../../model/types.js";

/** The gaps of `model`'s WebSocket API (none without one). */
export function websocketGaps(model: GatewayModel): [string, Origin][] {
  const ws = model.websocket;
  if (ws === undefined) return [];
  const gaps: [string, Origin][] = [];
  for (const route of ws.routes) {
    const i = route.integration;
    if (i === undefined) continue;
    if (i.kind === "stepfunctions" || i.kind === "aws") {
      gaps.push(["AWS-service integrations of WebSocket routes: the route is left out", i.origin]);
      continue;
    }
    if (i.kind !== "mock" && i.request !== undefined && i.request.kind !== "template") {
      gaps.push(["request mappings (request shapes and templateFile)", i.request.origin]);
    }
    if (i.response) gaps.push(["response mappings (response and errors)", i.response.origin]);
    if (i.kind === "http" && i.vpcLink) gaps.push(["VPC links of WebSocket HTTP integrations", i.vpcLink.origin]);
  }
  const byArn = new Set(model.functions.filter((f) => f.kind === "arn").map((f) => f.name));
  for (const use of ws.manageConnections ?? []) {
    if (byArn.has(use.function)) {
      gaps.push(["the @connections policy of a function referenced by arn (grant execute-api:ManageConnections on its own role)", use.origin]);
    }
  }
  return gaps;
}
