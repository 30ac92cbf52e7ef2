/**
 * WebSocket APIs authorize on `$connect` only.
 *
 * API Gateway evaluates a WebSocket API's authorization once, when the connection opens: a Lambda REQUEST
 * authorizer or IAM can be set on the `$connect` route and on no other (the messages that follow are frames of an
 * open connection, not signed requests), so `auth` on any other route would never be enforced.
 * Source: API Gateway Developer Guide, "Control access to WebSocket APIs with Lambda REQUEST authorizers"
 * (apigateway-websocket-api-lambda-auth.html) and "… with IAM authorization" (apigateway-websocket-control-access-iam.html);
 * apigw-features.md §1.3 ("WebSocket – not supported: authorization on non-`$connect` routes").
 */
import type { Rule } from "../rule.js";

/** Reports at the `auth` key of every route other than `$connect`. */
export const websocketAuthNotConnect: Rule = {
  name: "websocket-auth-not-connect",
  codes: ["websocket-auth-not-connect"],
  check(model, report) {
    for (const route of model.websocket?.routes ?? []) {
      if (!route.auth || route.key === "$connect") continue;
      report({ code: "websocket-auth-not-connect", args: { route: route.key }, origin: route.auth.origin, part: "key" });
    }
  },
};
