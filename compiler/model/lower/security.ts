/**
 * Lowers Security Requirement Objects (OpenAPI 3.x §4.8.30) and Security Scheme Objects (§4.8.27) with the
 * API Gateway authorizer that implements each scheme (`securitySchemes.<name>.x-gateway`; see
 * apigateway-use-lambda-authorizer.html, apigateway-integrate-with-cognito.html, http-api-jwt-authorizer.html).
 */
import type { ApiKind, Authorizer, Origin, SecurityRequirement, SecurityScheme } from "../types.js";
import { deref, type LowerContext } from "./context.js";
import { asArray, asObj, bool, child, num, prop, sortedKeys, str, strings } from "./read.js";
import { lowerValue, lowerValues } from "./value.js";

/** `security: [{ scheme: [scopes] }, …]`: alternatives (OR) of scheme sets (AND). */
export function lowerSecurity(raw: unknown, origin: Origin): SecurityRequirement[] {
  return asArray(raw).map((alt, i) => {
    const obj = asObj(alt);
    return {
      schemes: sortedKeys(obj).map((name) => ({ name, scopes: strings(obj?.[name]) })),
      origin: child(origin, i),
    };
  });
}

/** Lowers `components.securitySchemes`, sorted by name. `kind` is the API kind that will use them. */
export function lowerSecuritySchemes(ctx: LowerContext, raw: unknown, origin: Origin, kind: ApiKind): SecurityScheme[] {
  const obj = asObj(raw);
  const out: SecurityScheme[] = [];
  for (const name of sortedKeys(obj)) {
    const resolved = deref(ctx, obj?.[name], child(origin, name));
    const scheme = asObj(resolved?.value);
    if (!resolved || !scheme) continue;
    const type = str(scheme, "type") ?? "";
    const location = str(scheme, "in");
    const paramName = str(scheme, "name");
    const httpScheme = str(scheme, "scheme");
    const oidc = str(scheme, "openIdConnectUrl");
    const authorizer = lowerAuthorizer(scheme, resolved.origin, kind);
    out.push({
      name,
      type,
      ...(location === "header" || location === "query" || location === "cookie" ? { in: location } : {}),
      ...(paramName !== undefined ? { paramName } : {}),
      ...(httpScheme !== undefined ? { scheme: httpScheme.toLowerCase() } : {}),
      ...(oidc !== undefined ? { openIdConnectUrl: oidc } : {}),
      ...(authorizer ? { authorizer } : {}),
      origin: resolved.origin,
    });
  }
  return out;
}

function lowerAuthorizer(scheme: Readonly<Record<string, unknown>>, origin: Origin, kind: ApiKind): Authorizer | undefined {
  const gateway = asObj(prop(scheme, "x-gateway"));
  const at = child(origin, "x-gateway");
  const header = str(scheme, "in") === "header" ? (str(scheme, "name") ?? "Authorization") : "Authorization";
  if (!gateway) {
    // An apiKey scheme carried in the x-api-key header is API Gateway's own API key (api-gateway-api-key-source.html).
    const isApiKey = str(scheme, "type") === "apiKey" && str(scheme, "in") === "header" && header.toLowerCase() === "x-api-key";
    return isApiKey ? { kind: "apiKey", origin } : undefined;
  }
  const fn = prop(gateway, "lambda");
  if (fn !== undefined) {
    const lambda = asObj(fn);
    const fnName = typeof fn === "string" ? fn : (str(lambda, "function") ?? "");
    const settings = lambda ?? gateway;
    const type = str(gateway, "type") ?? str(settings, "type") ?? (kind === "rest" && str(scheme, "in") === "header" ? "token" : "request");
    const sources = strings(prop(gateway, "identitySources"));
    const validation = str(gateway, "validation");
    return {
      kind: "lambda",
      function: fnName,
      type: type === "token" ? "token" : "request",
      identitySources: sources.length > 0 ? sources : [defaultIdentitySource(kind, header)],
      ttl: num(gateway, "ttl") ?? 300,
      ...(validation !== undefined ? { validation } : {}),
      simpleResponses: bool(gateway, "simpleResponses") ?? false,
      origin: child(at, "lambda"),
    };
  }
  const cognito = asObj(prop(gateway, "cognito"));
  if (cognito) return { kind: "cognito", userPools: lowerValues(prop(cognito, "userPools"), child(at, "cognito", "userPools")), origin: child(at, "cognito") };
  const jwt = asObj(prop(gateway, "jwt"));
  if (jwt) {
    const jwtOrigin = child(at, "jwt");
    return {
      kind: "jwt",
      issuer: lowerValue(prop(jwt, "issuer"), child(jwtOrigin, "issuer")) ?? { kind: "literal", value: "", origin: jwtOrigin },
      audiences: lowerValues(prop(jwt, "audiences"), child(jwtOrigin, "audiences")),
      identitySource: str(jwt, "identitySource") ?? "$request.header.Authorization",
      origin: jwtOrigin,
    };
  }
  if (bool(gateway, "iam") === true) return { kind: "iam", origin: child(at, "iam") };
  if (bool(gateway, "apiKeys") === true) return { kind: "apiKey", origin: child(at, "apiKeys") };
  return undefined;
}

/** Where a Lambda authorizer reads the caller's token by default, in each API kind's syntax. */
function defaultIdentitySource(kind: ApiKind, header: string): string {
  if (kind === "rest") return `method.request.header.${header}`;
  if (kind === "websocket") return `route.request.header.${header}`;
  return `$request.header.${header}`;
}
