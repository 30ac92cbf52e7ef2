/**
 * Custom WebSocket route keys do not start with `$`.
 *
 * `$` is reserved for the predefined routes `$connect`, `$disconnect` and `$default`; a custom key must also be
 * non-empty to be matched by the route selection expression.
 * Source: API Gateway Developer Guide, "Working with routes for WebSocket APIs" (websocket-api-develop-routes.html).
 */
import type { Rule } from "../rule.js";

const PREDEFINED = new Set(["$connect", "$disconnect", "$default"]);

/** Reports at the route's key. Duplicate keys cannot occur: routes are the keys of one map. */
export const websocketRouteKeyInvalid: Rule = {
  name: "websocket-route-key-invalid",
  codes: ["websocket-route-key-invalid"],
  check(model, report) {
    for (const route of model.websocket?.routes ?? []) {
      let reason: string | undefined;
      if (route.key.trim() === "") reason = "a route key must not be empty";
      else if (route.key.startsWith("$") && !PREDEFINED.has(route.key)) {
        reason = "only $connect, $disconnect and $default may start with $; rename the custom route";
      }
      if (!reason) continue;
      report({ code: "websocket-route-key-invalid", args: { key: route.key, reason }, origin: route.origin, part: "key" });
    }
  },
};
