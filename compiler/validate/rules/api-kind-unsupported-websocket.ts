/**
 * Authorizers WebSocket APIs do not have.
 *
 * A WebSocket API authorizes `$connect` with a Lambda REQUEST authorizer or IAM only: no JWT, no Cognito, and API
 * keys are required with `apiKeyRequired` rather than named as `auth`.
 * Source: API Gateway Developer Guide, "Control access to WebSocket APIs with Lambda REQUEST authorizers"
 * (apigateway-websocket-api-lambda-auth.html) and "Control access to WebSocket APIs with IAM authorization"
 * (apigateway-websocket-control-access-iam.html).
 */
import type { Rule } from "../rule.js";

/** What to say about each authorizer kind a route's `auth` cannot use: `[feature, fix]`. */
const GAPS: Readonly<Record<string, readonly [string, string]>> = {
  jwt: ["JWT authorizers", "Validate the token in a Lambda authorizer (x-gateway: { lambda: <function> })."],
  cognito: ["Cognito user pool authorizers", "Validate the token in a Lambda authorizer (x-gateway: { lambda: <function> })."],
  apiKey: ["API keys as route auth", "Set apiKeyRequired: true on $connect instead."],
};

/** Reports at the route's `auth` value. Unknown schemes are left to `security-scheme-unknown`. */
export const apiKindUnsupportedWebSocket: Rule = {
  name: "api-kind-unsupported-websocket",
  codes: ["api-kind-unsupported"],
  check(model, report) {
    const schemes = new Map(model.securitySchemes.map((s) => [s.name, s]));
    for (const route of model.websocket?.routes ?? []) {
      const kind = route.auth && schemes.get(route.auth.scheme)?.authorizer?.kind;
      const gap = kind !== undefined && Object.hasOwn(GAPS, kind) ? GAPS[kind] : undefined;
      if (!route.auth || !gap) continue;
      const [feature, fix] = gap;
      report({ code: "api-kind-unsupported", args: { kind: "WebSocket", feature, fix }, origin: route.auth.origin });
    }
  },
};
