/**
 * Authorization: every method (REST) or route (HTTP) of the imported document except CORS preflights (OPTIONS)
 * lets in only callers that an authorizer (Lambda, Cognito or JWT), IAM (SigV4) or an API key admits. Checkov
 * CKV_AWS_59 (REST methods) and CKV_AWS_309 (HTTP routes: authorization type AWS_IAM, CUSTOM or JWT), cfn-nag W59,
 * Trivy AWS-0004, KICS 15ccec05, Security Hub APIGateway.8.
 *
 * A method's effective `security` is its own or the document's (OpenAPI 3 §4.8.10). It is open when that list is
 * empty, when one alternative is empty (`{}` admits anonymous callers) or when one alternative names only schemes
 * API Gateway does not enforce (an OAuth scheme without `x-amazon-apigateway-authorizer` imports as NONE).
 * Enforced schemes: `x-amazon-apigateway-authorizer` (TOKEN, REQUEST, Cognito, JWT), `x-amazon-apigateway-authtype:
 * awsSigv4` (IAM), and the API key header `x-api-key`; a method's `x-amazon-apigateway-auth: {type: AWS_IAM}`
 * counts as IAM. Routes the spec marks `x-gateway.public: true` are reported as suppressed, with that reason.
 */
import { apiBodies, routeKey, type BodyMethod } from "../body.js";
import type { Finding, SecurityCheck } from "../check.js";
import { record } from "../graph.js";

function enforced(scheme: Readonly<Record<string, unknown>> | undefined): boolean {
  if (!scheme) return false;
  if (record(scheme["x-amazon-apigateway-authorizer"])) return true;
  if (String(scheme["x-amazon-apigateway-authtype"]).toLowerCase() === "awssigv4") return true;
  return scheme["type"] === "apiKey" && scheme["in"] === "header" && String(scheme["name"]).toLowerCase() === "x-api-key";
}

/** Why the method is open, or undefined when every alternative is enforced. */
function openBecause(method: BodyMethod, document: Readonly<Record<string, unknown>>): string | undefined {
  if (String(record(method.operation["x-amazon-apigateway-auth"])?.["type"]).toUpperCase() === "AWS_IAM") return undefined;
  const schemes = record(record(document["components"])?.["securitySchemes"]) ?? {};
  const security = method.operation["security"] ?? document["security"];
  if (!Array.isArray(security) || security.length === 0) return "has no security requirement";
  for (const alternative of security) {
    const names = Object.keys(record(alternative) ?? {});
    if (names.length === 0) return "admits anonymous callers (an empty security requirement {})";
    if (!names.some((name) => Object.hasOwn(schemes, name) && enforced(record(schemes[name])))) {
      return `names only security schemes API Gateway does not enforce (${names.join(", ")}): no authorizer, IAM or API key`;
    }
  }
  return undefined;
}

/** Reports each open method of each imported document; public routes as suppressed. */
export const authorization: SecurityCheck = {
  id: "authorization",
  title: "Authorization on every method",
  rules: ["CKV_AWS_59", "CKV_AWS_309", "cfn-nag W59", "Trivy AWS-0004", "KICS 15ccec05"],
  kinds: ["rest", "http"],
  run(graph, context) {
    const findings: Finding[] = [];
    for (const { api, document, methods } of apiBodies(graph)) {
      for (const method of methods) {
        if (method.method === "OPTIONS") continue;
        const because = openBecause(method, document);
        if (because === undefined) continue;
        const isPublic = context.publicRoutes.has(routeKey(method.method, method.path));
        findings.push({
          resource: api,
          route: { method: method.method, path: method.path },
          message: `${method.method} ${method.path} ${because}`,
          ...(isPublic ? { suppressed: "x-gateway.public: true" } : {}),
        });
      }
    }
    return findings;
  },
};
