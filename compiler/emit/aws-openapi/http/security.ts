/**
 * Authorization of an HTTP API, in the form API Gateway's HTTP API importer reads (Developer Guide,
 * "x-amazon-apigateway-authorizer object", "x-amazon-apigateway-auth object"). An HTTP route has one
 * authorization type:
 * - JWT (`jwt`): an `oauth2` scheme whose authorizer has `jwtConfiguration` (`issuer`, `audience`) and one
 *   identity source; a route lists the scopes of its requirement, and API Gateway admits a token whose `scope` or
 *   `scp` claim holds one of them;
 * - Lambda REQUEST authorizer (`lambda`): an `apiKey` scheme whose authorizer invokes the function with payload
 *   format `2.0`, simple responses (`{ isAuthorized, context }`) when the spec asks, its identity sources
 *   (comma-separated) and its result cache TTL;
 * - IAM (`iam`): no scheme; the route carries `x-amazon-apigateway-auth: { type: AWS_IAM }`.
 * A route is authorized by the first alternative of its effective `security` (API Gateway routes have one);
 * others are left out, which admits fewer callers, never more. Schemes without one of these authorizers (API
 * keys, Cognito, TOKEN authorizers) are validation errors on HTTP APIs and are left out here.
 */
import type { Operation, SecurityScheme } from "../../../model/types.js";
import { table } from "../../json.js";
import { functionArnToken, lambdaInvocationUri, valueText } from "../../placeholders.js";

/** The header a Lambda authorizer's scheme names: the first header identity source, else Authorization. */
function headerOf(identitySources: readonly string[]): string {
  const header = identitySources.find((s) => s.startsWith("$request.header."));
  return header === undefined ? "Authorization" : header.slice("$request.header.".length);
}

/** The `components.securitySchemes` entry of `scheme` on an HTTP API, or undefined when it has none. */
export function httpSecuritySchemeObject(scheme: SecurityScheme): Record<string, unknown> | undefined {
  const authorizer = scheme.authorizer;
  if (authorizer?.kind === "jwt") {
    return {
      type: "oauth2",
      flows: {},
      "x-amazon-apigateway-authorizer": {
        type: "jwt",
        jwtConfiguration: { issuer: valueText(authorizer.issuer), audience: authorizer.audiences.map(valueText) },
        identitySource: authorizer.identitySource,
      },
    };
  }
  if (authorizer?.kind === "lambda" && authorizer.type === "request") {
    return {
      type: "apiKey",
      name: headerOf(authorizer.identitySources),
      in: "header",
      "x-amazon-apigateway-authorizer": {
        type: "request",
        authorizerUri: lambdaInvocationUri(functionArnToken(authorizer.function)),
        authorizerPayloadFormatVersion: "2.0",
        enableSimpleResponses: authorizer.simpleResponses,
        identitySource: authorizer.identitySources.join(", "),
        authorizerResultTtlInSeconds: authorizer.ttl,
      },
    };
  }
  return undefined;
}

/** `components.securitySchemes` of an HTTP API: every scheme with a JWT or Lambda REQUEST authorizer, by name. */
export function httpSecuritySchemesObject(schemes: readonly SecurityScheme[]): Record<string, unknown> {
  const result = table();
  for (const scheme of schemes) {
    const object = httpSecuritySchemeObject(scheme);
    if (object !== undefined) result[scheme.name] = object;
  }
  return result;
}

/** How one route is authorized: `security` (JWT, Lambda) or `x-amazon-apigateway-auth` (IAM); empty = none. */
export function routeAuthorization(op: Operation, schemes: ReadonlyMap<string, SecurityScheme>): Record<string, unknown> {
  for (const { name, scopes } of op.security[0]?.schemes ?? []) {
    const scheme = schemes.get(name);
    if (scheme?.authorizer?.kind === "iam") return { "x-amazon-apigateway-auth": { type: "AWS_IAM" } };
    if (scheme === undefined || httpSecuritySchemeObject(scheme) === undefined) continue;
    return { security: [{ [name]: scheme.authorizer?.kind === "jwt" ? scopes : [] }] };
  }
  return {};
}
