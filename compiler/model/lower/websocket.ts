/**
 * Lowers `x-gateway.websocket` (docs/x-gateway.md "WebSocket"): the route selection expression, routes with
 * their integrations and message schemas, and the messages the backend pushes (apigateway-websocket-api-overview.html).
 */
import type { Origin, WebSocketApi, WebSocketRoute } from "../types.js";
import { lowerDomain } from "./gateway.js";
import { integrationKeysOf, lowerIntegration } from "./integration.js";
import { asObj, bool, child, prop, sortedKeys, str, strings } from "./read.js";

export function lowerWebSocket(raw: unknown, origin: Origin, defaultName: string): WebSocketApi | undefined {
  const obj = asObj(raw);
  if (!obj) return undefined;
  const routesObj = asObj(prop(obj, "routes"));
  const routes = sortedKeys(routesObj).map((key) => lowerRoute(key, asObj(routesObj?.[key]), child(origin, "routes", key)));
  const messages = asObj(prop(obj, "serverMessages"));
  const domain = lowerDomain(prop(obj, "domain"), child(origin, "domain"));
  const apiKeySelection = str(obj, "apiKeySelection");
  return {
    name: str(obj, "name") ?? `${defaultName}-websocket`,
    routeSelection: str(obj, "routeSelection") ?? "$request.body.action",
    ...(apiKeySelection !== undefined ? { apiKeySelection } : {}),
    routes,
    serverMessages: sortedKeys(messages).map((name) => ({
      name,
      schema: asObj(messages?.[name]) ?? {},
      origin: child(origin, "serverMessages", name),
    })),
    ...(domain ? { domain } : {}),
    origin,
  };
}

function lowerRoute(key: string, route: Readonly<Record<string, unknown>> | undefined, origin: Origin): WebSocketRoute {
  const integration = lowerIntegration(route, origin);
  const auth = str(route, "auth");
  const message = asObj(prop(route, "message"));
  const reply = asObj(prop(route, "reply"));
  const params = asObj(prop(route, "parameters"));
  return {
    key,
    ...(integration ? { integration } : {}),
    integrationKeys: integrationKeysOf(route),
    ...(auth !== undefined ? { auth: { scheme: auth, origin: child(origin, "auth") } } : {}),
    apiKeyRequired: bool(route, "apiKeyRequired") ?? false,
    ...(message ? { message } : {}),
    ...(reply ? { reply } : {}),
    parameters: [
      ...strings(prop(params, "headers")).map((name) => ({ in: "header" as const, name, required: true })),
      ...strings(prop(params, "query")).map((name) => ({ in: "query" as const, name, required: true })),
    ],
    origin,
  };
}
