/**
 * A WebSocket API has a `$default` route (warning).
 *
 * Messages that are not JSON, and JSON messages whose route selection expression matches no route key, go to
 * `$default`; without one, API Gateway answers them with an error and no backend sees them.
 * Source: API Gateway Developer Guide, "Create routes for WebSocket APIs" (websocket-api-develop-routes.html).
 */
import { child } from "../origins.js";
import type { Rule } from "../rule.js";

/** Reports at the `routes` key of `x-gateway.websocket`. */
export const websocketDefaultRoute: Rule = {
  name: "websocket-default-route",
  codes: ["websocket-default-route-missing"],
  check(model, report) {
    const ws = model.websocket;
    if (ws === undefined || ws.routes.some((r) => r.key === "$default")) return;
    report({ code: "websocket-default-route-missing", args: { expression: ws.routeSelection }, origin: child(ws.origin, "routes"), part: "key" });
  },
};
