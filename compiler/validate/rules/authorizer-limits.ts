/**
 * Hard limits of JWT authorizers and HTTP route scopes.
 *
 * A JWT authorizer accepts at most 50 audiences and an HTTP API route at most 10 authorization scopes; neither
 * can be raised.
 * Source: API Gateway Developer Guide, "Quotas for HTTP APIs" (http-api-quotas.html).
 */
import { child } from "../origins.js";
import { reportOnce, type Rule } from "../rule.js";

const SOURCE = "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html";
const MAX_AUDIENCES = 50;
const MAX_SCOPES = 10;

/**
 * Audiences are reported at the authorizer's `audiences` key; scopes (HTTP APIs only) at the requirement's scope
 * list, once per list even when a document-level requirement is shared by many operations.
 */
export const authorizerLimits: Rule = {
  name: "authorizer-limits",
  codes: ["quota-exceeded"],
  check(model, report) {
    for (const { authorizer: a, name } of model.securitySchemes) {
      if (a?.kind !== "jwt" || a.audiences.length <= MAX_AUDIENCES) continue;
      report({
        code: "quota-exceeded",
        args: {
          what: `Audiences of JWT authorizer ${name}`,
          count: String(a.audiences.length),
          limit: String(MAX_AUDIENCES),
          source: SOURCE,
        },
        origin: child(a.origin, "audiences"),
        part: "key",
      });
    }
    if (model.kind !== "http") return;
    const once = reportOnce(report);
    for (const op of model.operations) {
      for (const alternative of op.security) {
        for (const { name, scopes } of alternative.schemes) {
          if (scopes.length <= MAX_SCOPES) continue;
          once({
            code: "quota-exceeded",
            args: {
              what: `Scopes of ${name} on one route`,
              count: String(scopes.length),
              limit: String(MAX_SCOPES),
              source: SOURCE,
            },
            origin: child(alternative.origin, name),
          });
        }
      }
    }
  },
};
