/**
 * WebSocket authorizers run on `$connect` only.
 *
 * API Gateway evaluates a WebSocket API's Lambda authorizer once, when the connection opens; `auth` on any other
 * route would never run. IAM is the exception: it can be required per route.
 * Source: API Gateway Developer Guide, "Control access to WebSocket APIs with Lambda REQUEST authorizers"
 * (apigateway-websocket-api-lambda-auth.html) and "… with IAM authorization" (apigateway-websocket-control-access-iam.html).
 */
import type { Rule } from "../rule.js";

/** Reports at the `auth` key of every route other than `$connect` whose scheme is not IAM. */
export const websocketAuthNotConnect: Rule = {
  name: "websocket-auth-not-connect",
  codes: ["websocket-auth-not-connect"],
  check(model, report) {
    const iam = new Set(model.securitySchemes.filter((s) => s.authorizer?.kind === "iam").map((s) => s.name));
    for (const route of model.websocket?.routes ?? []) {
      if (!route.auth || route.key === "$connect" || iam.has(route.auth.scheme)) continue;
      report({ code: "websocket-auth-not-connect", args: { route: route.key }, origin: route.auth.origin, part: "key" });
    }
  },
};
