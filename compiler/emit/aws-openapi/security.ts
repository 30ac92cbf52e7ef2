/**
 * Security schemes and requirements of a REST API, in the form API Gateway's importer reads.
 *
 * Every scheme API Gateway implements becomes an OpenAPI `apiKey` scheme carrying the extension that names the
 * mechanism (API Gateway developer guide, "x-amazon-apigateway-authorizer", "x-amazon-apigateway-authtype"):
 * - Lambda authorizer: `x-amazon-apigateway-authtype: custom` and an authorizer of type `token` or `request`
 *   whose `authorizerUri` invokes the function (its ARN is a placeholder until deploy time);
 * - Cognito: `x-amazon-apigateway-authtype: cognito_user_pools` and the user pool ARNs as `providerARNs`;
 * - IAM: `x-amazon-apigateway-authtype: awsSigv4`;
 * - API keys: the plain `x-api-key` header scheme, which makes the method require a key.
 * JWT authorizers exist only on HTTP APIs and are left out here (validation reports them on REST).
 */
import type { Operation, SecurityScheme } from "../../model/types.js";
import { table } from "../json.js";
import { functionArnToken, lambdaInvocationUri, valueText } from "../placeholders.js";

const HEADER_SOURCE = "method.request.header.";

/** The header a TOKEN authorizer reads: from its identity source, else the scheme's own header, else Authorization. */
function tokenHeader(scheme: SecurityScheme, identitySources: readonly string[]): string {
  const source = identitySources[0];
  if (source !== undefined && source.startsWith(HEADER_SOURCE)) return source.slice(HEADER_SOURCE.length);
  return scheme.in === "header" && scheme.paramName !== undefined ? scheme.paramName : "Authorization";
}

/** The `components.securitySchemes` entry for `scheme`, or undefined when REST API Gateway has no mechanism for it. */
export function securitySchemeObject(scheme: SecurityScheme): Record<string, unknown> | undefined {
  const authorizer = scheme.authorizer;
  if (authorizer === undefined) return undefined;
  switch (authorizer.kind) {
    case "lambda": {
      const token = authorizer.type === "token";
      return {
        type: "apiKey",
        name: token ? tokenHeader(scheme, authorizer.identitySources) : "Unused",
        in: "header",
        "x-amazon-apigateway-authtype": "custom",
        "x-amazon-apigateway-authorizer": {
          type: authorizer.type,
          authorizerUri: lambdaInvocationUri(functionArnToken(authorizer.function)),
          identitySource: token
            ? `${HEADER_SOURCE}${tokenHeader(scheme, authorizer.identitySources)}`
            : authorizer.identitySources.join(", "),
          authorizerResultTtlInSeconds: authorizer.ttl,
          ...(token && authorizer.validation !== undefined ? { identityValidationExpression: authorizer.validation } : {}),
        },
      };
    }
    case "cognito":
      return {
        type: "apiKey",
        name: "Authorization",
        in: "header",
        "x-amazon-apigateway-authtype": "cognito_user_pools",
        "x-amazon-apigateway-authorizer": {
          type: "cognito_user_pools",
          providerARNs: authorizer.userPools.map(valueText),
        },
      };
    case "iam":
      return { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "awsSigv4" };
    case "apiKey":
      return { type: "apiKey", name: "x-api-key", in: "header" };
    case "jwt":
      return undefined;
  }
}

/** `components.securitySchemes` for every scheme REST API Gateway implements, by name. */
export function securitySchemesObject(schemes: readonly SecurityScheme[]): Record<string, unknown> {
  const result = table();
  for (const scheme of schemes) {
    const object = securitySchemeObject(scheme);
    if (object !== undefined) result[scheme.name] = object;
  }
  return result;
}

/**
 * The operation's `security`: API Gateway applies only the first alternative (a method has one authorizer plus
 * the independent API-key flag), so only that one is written. Scopes are kept for Cognito, whose authorizer checks
 * them against the access token; other schemes get `[]`. Undefined when the operation has no requirement.
 */
export function securityRequirement(
  op: Operation,
  schemes: ReadonlyMap<string, SecurityScheme>,
): readonly Record<string, readonly string[]>[] | undefined {
  const first = op.security[0];
  if (first === undefined) return undefined;
  const requirement = table<readonly string[]>();
  for (const { name, scopes } of first.schemes) {
    const scheme = schemes.get(name);
    if (scheme === undefined || securitySchemeObject(scheme) === undefined) continue;
    requirement[name] = scheme.authorizer?.kind === "cognito" ? scopes : [];
  }
  return Object.keys(requirement).length === 0 ? undefined : [requirement];
}
