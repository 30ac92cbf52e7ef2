/**
 * Lowers `x-gateway.websocket` (docs/x-gateway.md "WebSocket"): the route selection expression, routes with
 * their integrations and message schemas, the messages the backend pushes and the functions that push them
 * (`manageConnections`) (apigateway-websocket-api-overview.html).
 */
import type { Origin, WebSocketApi, WebSocketRoute } from "../types.js";
import { lowerDomain } from "./gateway.js";
import { integrationKeysOf, lowerIntegration } from "./integration.js";
import { asArray, asObj, bool, child, prop, sortedKeys, str, strings } from "./read.js";

/** One name of a body path: no dot, brace, `$` or white space. */
const NAME = "[^.${}\\s]+";
const PATH = `${NAME}(?:\\.${NAME})*`;
const WHOLE = new RegExp(`^\\$request\\.body\\.(${PATH})$`);
const VARIABLE = new RegExp(`\\$\\{request\\.body\\.(${PATH})\\}`, "g");

/**
 * The message paths a route selection expression reads: `$request.body.a.b` gives `[["a", "b"]]`, and a template of
 * such variables with static text, `${request.body.service}/${request.body.action}`, gives `[["service"],
 * ["action"]]` (apigateway-websocket-api-selection-expressions.html). Undefined for any other text, which API
 * Gateway would not evaluate against the message.
 */
export function routeSelectionPaths(expression: string): string[][] | undefined {
  const whole = WHOLE.exec(expression);
  if (whole?.[1] !== undefined) return [whole[1].split(".")];
  const paths = [...expression.matchAll(VARIABLE)].map((m) => (m[1] ?? "").split("."));
  const rest = expression.replace(VARIABLE, "");
  return paths.length > 0 && !/[${}]/.test(rest) ? paths : undefined;
}

/** Lowers `x-gateway.websocket`; undefined when it is absent. `defaultName` is the paths API's name. */
export function lowerWebSocket(raw: unknown, origin: Origin, defaultName: string): WebSocketApi | undefined {
  const obj = asObj(raw);
  if (!obj) return undefined;
  const routesObj = asObj(prop(obj, "routes"));
  const routes = sortedKeys(routesObj).map((key) => lowerRoute(key, asObj(routesObj?.[key]), child(origin, "routes", key)));
  const messages = asObj(prop(obj, "serverMessages"));
  const domain = lowerDomain(prop(obj, "domain"), child(origin, "domain"));
  const apiKeySelection = str(obj, "apiKeySelection");
  const manageConnections = asArray(prop(obj, "manageConnections")).flatMap((name, i) =>
    typeof name === "string" ? [{ function: name, origin: child(origin, "manageConnections", i) }] : [],
  );
  const routeSelection = str(obj, "routeSelection") ?? "$request.body.action";
  const selectionPaths = routeSelectionPaths(routeSelection);
  return {
    name: str(obj, "name") ?? `${defaultName}-websocket`,
    routeSelection,
    ...(selectionPaths ? { routeSelectionPaths: selectionPaths } : {}),
    ...(apiKeySelection !== undefined ? { apiKeySelection } : {}),
    routes,
    serverMessages: sortedKeys(messages).map((name) => ({
      name,
      schema: asObj(messages?.[name]) ?? {},
      origin: child(origin, "serverMessages", name),
    })),
    manageConnections,
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
