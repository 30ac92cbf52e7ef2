/**
 * Every security scheme in use has an API Gateway mechanism behind it.
 *
 * OpenAPI only describes a scheme; API Gateway enforces it only through an authorizer (Lambda, Cognito, JWT),
 * IAM or API keys. A scheme used by an operation or a WebSocket route with none of these would deploy open.
 * Source: API Gateway Developer Guide, "Controlling and managing access to a REST API"
 * (apigateway-control-access-to-api.html) and "Controlling access to HTTP APIs" (http-api-access-control.html).
 */
import type { ApiKind, Origin, SecurityScheme } from "../../model/types.js";
import { child } from "../origins.js";
import type { Rule } from "../rule.js";

const LAMBDA = "x-gateway: { lambda: <function> } (a Lambda authorizer)";

/** What the user can add to implement `scheme` on an API of `kind`. */
function fixFor(scheme: SecurityScheme, kind: ApiKind): string {
  const jwt = "x-gateway: { jwt: { issuer, audiences } }";
  const cognito = "x-gateway: { cognito: { userPools } }";
  switch (scheme.type) {
    case "http":
      if (scheme.scheme?.toLowerCase() === "bearer") return `add ${kind === "http" ? jwt : cognito} for JWTs, or ${LAMBDA}`;
      return `API Gateway has no built-in HTTP ${scheme.scheme ?? ""} authentication; check it in ${LAMBDA}`;
    case "oauth2":
    case "openIdConnect":
      return `add ${kind === "http" ? jwt : cognito}, or ${LAMBDA}`;
    case "apiKey":
      return `name it x-api-key (in: header) for API Gateway API keys, or add ${LAMBDA} or x-gateway: { iam: true } for SigV4`;
    default:
      return `add ${LAMBDA} or x-gateway: { iam: true }, or remove the requirement`;
  }
}

/**
 * Reports each used scheme without an authorizer once, at its `components.securitySchemes` key, with the first
 * place that uses it as related. Unknown names are left to `security-scheme-unknown`; API-key schemes
 * (`x-api-key` in a header) carry an `apiKey` authorizer from the lowering.
 */
export const securitySchemeUnimplemented: Rule = {
  name: "security-scheme-unimplemented",
  codes: ["security-scheme-unimplemented"],
  check(model, report) {
    const firstUse = new Map<string, { origin: Origin; kind: ApiKind }>();
    for (const op of model.operations) {
      for (const alternative of op.security) {
        for (const { name } of alternative.schemes) {
          if (!firstUse.has(name)) firstUse.set(name, { origin: child(alternative.origin, name), kind: model.kind });
        }
      }
    }
    for (const route of model.websocket?.routes ?? []) {
      const auth = route.auth;
      if (auth && !firstUse.has(auth.scheme)) firstUse.set(auth.scheme, { origin: auth.origin, kind: "websocket" });
    }
    for (const scheme of model.securitySchemes) {
      const use = firstUse.get(scheme.name);
      if (!use || scheme.authorizer) continue;
      report({
        code: "security-scheme-unimplemented",
        args: {
          name: scheme.name,
          type: scheme.scheme ? `${scheme.type} ${scheme.scheme}` : scheme.type,
          fix: use.kind === "websocket" ? `add ${LAMBDA}` : fixFor(scheme, use.kind),
        },
        origin: scheme.origin,
        part: "key",
        related: [use.origin],
      });
    }
  },
};
