/**
 * The custom domain of a REST API (`x-gateway.domain`), and the stack outputs that point at it.
 *
 * - `aws.apigateway.DomainName`: regional (the default; `regionalCertificateArn`, an ACM certificate in the API's
 *   Region; dual-stack, so the AAAA record answers) or edge-optimized (`certificateArn`, an ACM certificate in
 *   us-east-1, as CloudFront serves the domain). The security policy as the spec says (TLS_1_2 by default); an
 *   enhanced `SecurityPolicy_*` policy with endpoint access mode STRICT, as API Gateway requires a mode for those
 *   and recommends STRICT. Mutual TLS with the spec's truststore when asked.
 * - The stack's stage under the domain: `aws.apigateway.BasePathMapping` at the root or under a one-segment base
 *   path; `aws.apigatewayv2.ApiMapping` under a multi-level one (`orders/v1`), which only the v2 API creates.
 * - With `hostedZoneId`: Route 53 alias records to the domain's target, A, and AAAA for a regional domain.
 * Resource names: `api-domain`, `api-domain-mapping`, `api-domain-a`, `api-domain-aaaa`.
 * Source: API Gateway Developer Guide, how-to-custom-domains.html, rest-api-mappings.html, rest-api-mutual-tls.html,
 * apigateway-custom-domain-tls-version.html.
 */
import type { Domain } from "../../model/types.js";
import type { ProgramContext, Section, Statement } from "./context.js";
import { valueExpr } from "./context.js";
import { tagsExpr } from "./rest-api.js";
import { call, member, resource, type Fields } from "./ts.js";

/** `mutualTlsAuthentication` of a domain that asks for mutual TLS (REST and HTTP API domains alike). */
export function mutualTlsExpr(ctx: ProgramContext, domain: Domain): Fields | undefined {
  const mtls = domain.mutualTls;
  if (mtls === undefined) return undefined;
  return {
    truststoreUri: valueExpr(ctx, mtls.truststoreUri),
    truststoreVersion: mtls.truststoreVersion === undefined ? undefined : valueExpr(ctx, mtls.truststoreVersion),
  };
}

/** The variable that holds the DomainName resource. */
const DOMAIN = "apiDomain";

/** The DomainName outputs an alias record points at: CloudFront's for an edge domain, the regional ones else. */
function target(domain: Domain): { readonly name: string; readonly zoneId: string } {
  return domain.endpoint === "edge"
    ? { name: "cloudfrontDomainName", zoneId: "cloudfrontZoneId" }
    : { name: "regionalDomainName", zoneId: "regionalZoneId" };
}

function domainArgs(ctx: ProgramContext, domain: Domain): Fields {
  const edge = domain.endpoint === "edge";
  return {
    domainName: valueExpr(ctx, domain.name),
    [edge ? "certificateArn" : "regionalCertificateArn"]: valueExpr(ctx, domain.certificate),
    endpointConfiguration: { types: edge ? "EDGE" : "REGIONAL", ipAddressType: edge ? undefined : "dualstack" },
    securityPolicy: domain.securityPolicy,
    endpointAccessMode: domain.securityPolicy.startsWith("SecurityPolicy_") ? "STRICT" : undefined,
    mutualTlsAuthentication: mutualTlsExpr(ctx, domain),
    tags: tagsExpr(ctx),
  };
}

/** The stage under the domain: a base path mapping, or an API mapping for a multi-level base path. */
function mapping(domain: Domain): Statement {
  const domainName = member(DOMAIN, "domainName");
  const stage = member("apiStage", "stageName");
  if (domain.basePath?.includes("/")) {
    return {
      comment: "A multi-level base path: only the API Gateway v2 API creates those mappings, also for REST APIs.",
      expr: resource("aws.apigatewayv2.ApiMapping", "api-domain-mapping", {
        domainName,
        apiId: member("api", "id"),
        stage,
        apiMappingKey: domain.basePath,
      }),
    };
  }
  return {
    expr: resource("aws.apigateway.BasePathMapping", "api-domain-mapping", {
      domainName,
      restApi: member("api", "id"),
      stageName: stage,
      basePath: domain.basePath,
    }),
  };
}

/** Alias records in the hosted zone: A, and AAAA for a (dual-stack) regional domain. */
function records(ctx: ProgramContext, domain: Domain): Statement[] {
  if (domain.hostedZoneId === undefined) return [];
  const zoneId = valueExpr(ctx, domain.hostedZoneId);
  const { name, zoneId: targetZone } = target(domain);
  const types = domain.endpoint === "edge" ? ["A"] : ["A", "AAAA"];
  return types.map((type) => ({
    expr: resource("aws.route53.Record", `api-domain-${type.toLowerCase()}`, {
      zoneId,
      name: member(DOMAIN, "domainName"),
      type,
      aliases: [{ name: member(DOMAIN, name), zoneId: member(DOMAIN, targetZone), evaluateTargetHealth: false }],
    }),
  }));
}

/** The custom domain, its mapping to the stage and its DNS records; empty without `x-gateway.domain`. */
export function domainSection(ctx: ProgramContext): Section {
  const domain = ctx.model.domain;
  if (domain === undefined) return { title: "Custom domain", statements: [] };
  const statements: Statement[] = [
    {
      ...(domain.endpoint === "edge"
        ? { comment: "Edge-optimized: CloudFront serves the domain, so its ACM certificate must be in us-east-1." }
        : {}),
      declare: { name: DOMAIN },
      expr: resource("aws.apigateway.DomainName", "api-domain", domainArgs(ctx, domain)),
    },
    mapping(domain),
    ...records(ctx, domain),
  ];
  return { title: "Custom domain", statements };
}

/**
 * Stack outputs of the custom domain: `domainTarget` and `domainZoneId` (what a DNS record outside Route 53 points
 * at) and `customUrl` (`https://<name>/<basePath>`); none without a domain.
 */
export function domainOutputs(ctx: ProgramContext): Statement[] {
  const domain = ctx.model.domain;
  if (domain === undefined) return [];
  const { name, zoneId } = target(domain);
  return [
    { declare: { name: "domainTarget", exported: true }, expr: member(DOMAIN, name) },
    { declare: { name: "domainZoneId", exported: true }, expr: member(DOMAIN, zoneId) },
    {
      declare: { name: "customUrl", exported: true },
      expr: call("pulumi.concat", "https://", member(DOMAIN, "domainName"), `/${domain.basePath ?? ""}`),
    },
  ];
}
