/**
 * The route selection expression reads a field of the message.
 *
 * API Gateway evaluates a WebSocket API's route selection expression on each JSON message and sends the message to
 * the route whose key equals the result: the expression is `$request.body.<path>`, or a template that mixes static
 * text with `${request.body.<path>}` variables. Anything else (a header, a context variable, plain text) selects
 * no custom route. Source: API Gateway Developer Guide, "Route selection expressions"
 * (websocket-api-develop-routes.html#apigateway-websocket-api-route-selection-expressions) and "WebSocket selection
 * expressions" (apigateway-websocket-api-selection-expressions.html).
 */
import { child } from "../origins.js";
import type { Rule } from "../rule.js";

/** Reports at the `routeSelection` value when lowering found no message path in it. */
export const websocketRouteSelection: Rule = {
  name: "websocket-route-selection",
  codes: ["websocket-route-selection-invalid"],
  check(model, report) {
    const ws = model.websocket;
    if (ws === undefined || ws.routeSelectionPaths !== undefined) return;
    report({ code: "websocket-route-selection-invalid", args: { expression: ws.routeSelection }, origin: child(ws.origin, "routeSelection") });
  },
};
