/**
 * Features REST APIs do not have.
 *
 * JWT authorizers and simple-response Lambda authorizers exist only on HTTP APIs; on `x-gateway.api: rest` an
 * operation secured by one would have no authorizer to attach. So do Lambda payload format versions and private
 * integrations that name a load balancer listener or Cloud Map service by ARN (REST VPC links take a URL).
 * Source: API Gateway Developer Guide, "Choose between REST APIs and HTTP APIs" (http-api-vs-rest.html),
 * "Control access to HTTP APIs with JWT authorizers" (http-api-jwt-authorizer.html), "Private integrations for HTTP
 * APIs" (http-api-develop-integrations-private.html).
 */
import { child, parent } from "../origins.js";
import type { Rule } from "../rule.js";

const JWT_FIX =
  "Use x-gateway: { cognito: { userPools } } for Cognito tokens or a Lambda authorizer, or an HTTP API (x-gateway.api: http).";
const TARGET_FIX =
  "REST private integrations reach a Network Load Balancer through vpcLink at its http(s) URL; give that URL, or use an HTTP API (x-gateway.api: http).";
const SIMPLE_FIX = "REST Lambda authorizers return an IAM policy; remove simpleResponses.";

/** Reports each offending security scheme used by an operation once, at its authorizer's key. */
export const apiKindUnsupportedRest: Rule = {
  name: "api-kind-unsupported-rest",
  codes: ["api-kind-unsupported"],
  check(model, report) {
    if (model.kind !== "rest") return;
    const used = new Set<string>();
    for (const op of model.operations) {
      for (const alternative of op.security) for (const s of alternative.schemes) used.add(s.name);
    }
    for (const scheme of model.securitySchemes) {
      const a = scheme.authorizer;
      if (!a || !used.has(scheme.name)) continue;
      if (a.kind === "jwt") {
        report({
          code: "api-kind-unsupported",
          args: { kind: "REST", feature: "JWT authorizers", fix: JWT_FIX },
          origin: a.origin,
          part: "key",
        });
      }
      if (a.kind === "lambda" && a.simpleResponses) {
        report({
          code: "api-kind-unsupported",
          args: { kind: "REST", feature: "simple authorizer responses", fix: SIMPLE_FIX },
          origin: child(parent(a.origin), "simpleResponses"),
          part: "key",
        });
      }
    }
    for (const op of model.operations) {
      const integration = op.integration;
      if (integration?.kind === "http" && integration.url.startsWith("arn:")) {
        report({
          code: "api-kind-unsupported",
          args: { kind: "REST", feature: "load balancer listener and Cloud Map targets", fix: TARGET_FIX },
          origin: child(integration.origin, "url"),
          part: "value",
        });
      }
      if (integration?.kind === "lambda" && integration.payloadFormat !== undefined) {
        report({
          code: "api-kind-unsupported",
          args: { kind: "REST", feature: "Lambda payload format versions", fix: "REST Lambda proxy integrations always send the 1.0 event; remove payloadFormat." },
          origin: child(integration.origin, "payloadFormat"),
          part: "key",
        });
      }
    }
  },
};
