/**
 * The custom domain of an HTTP API (`x-gateway.domain`), and the stack outputs that point at it.
 *
 * - `aws.apigatewayv2.DomainName`: regional, with an ACM certificate in the API's Region, the `TLS_1_2` security
 *   policy (the only endpoint type and policy HTTP APIs take; validation reports others), dual-stack so the AAAA
 *   record answers, and mutual TLS with the spec's truststore when asked.
 * - `aws.apigatewayv2.ApiMapping`: the stack's stage under the domain, at its root or under `basePath` (one or
 *   several segments).
 * - With `hostedZoneId`: Route 53 alias records A and AAAA to the domain's regional target.
 * Resource names: `api-domain`, `api-domain-mapping`, `api-domain-a`, `api-domain-aaaa`.
 * Source: API Gateway Developer Guide, http-api-custom-domain-names.html, http-api-mappings.html,
 * http-api-mutual-tls.html.
 */
import type { ProgramContext, Section, Statement } from "../context.js";
import { valueExpr } from "../context.js";
import { mutualTlsExpr } from "../domain.js";
import { tagsExpr } from "../rest-api.js";
import { call, member, raw, resource } from "../ts.js";

/** The variable that holds the DomainName resource. */
const DOMAIN = "apiDomain";

/** The DomainName's regional target name and hosted zone (lifted outputs of `domainNameConfiguration`). */
const TARGET = { name: `${DOMAIN}.domainNameConfiguration.targetDomainName`, zoneId: `${DOMAIN}.domainNameConfiguration.hostedZoneId` };

/** The custom domain, its mapping to the stage and its DNS records; empty without `x-gateway.domain`. */
export function httpDomainSection(ctx: ProgramContext): Section {
  const domain = ctx.model.domain;
  if (domain === undefined) return { title: "Custom domain", statements: [] };
  const statements: Statement[] = [
    {
      declare: { name: DOMAIN },
      expr: resource("aws.apigatewayv2.DomainName", "api-domain", {
        domainName: valueExpr(ctx, domain.name),
        domainNameConfiguration: {
          certificateArn: valueExpr(ctx, domain.certificate),
          endpointType: "REGIONAL",
          securityPolicy: domain.securityPolicy,
          ipAddressType: "dualstack",
        },
        mutualTlsAuthentication: mutualTlsExpr(ctx, domain),
        tags: tagsExpr(ctx),
      }),
    },
    {
      expr: resource("aws.apigatewayv2.ApiMapping", "api-domain-mapping", {
        apiId: member("api", "id"),
        domainName: member(DOMAIN, "domainName"),
        stage: member("apiStage", "name"),
        apiMappingKey: domain.basePath,
      }),
    },
  ];
  if (domain.hostedZoneId !== undefined) {
    const zoneId = valueExpr(ctx, domain.hostedZoneId);
    for (const type of ["A", "AAAA"]) {
      statements.push({
        expr: resource("aws.route53.Record", `api-domain-${type.toLowerCase()}`, {
          zoneId,
          name: member(DOMAIN, "domainName"),
          type,
          aliases: [{ name: raw(TARGET.name), zoneId: raw(TARGET.zoneId), evaluateTargetHealth: false }],
        }),
      });
    }
  }
  return { title: "Custom domain", statements };
}

/**
 * Stack outputs of the custom domain: `domainTarget` and `domainZoneId` (what a DNS record outside Route 53 points
 * at) and `customUrl` (`https://<name>/<basePath>`); none without a domain.
 */
export function httpDomainOutputs(ctx: ProgramContext): Statement[] {
  const domain = ctx.model.domain;
  if (domain === undefined) return [];
  return [
    { declare: { name: "domainTarget", exported: true }, expr: raw(TARGET.name) },
    { declare: { name: "domainZoneId", exported: true }, expr: raw(TARGET.zoneId) },
    {
      declare: { name: "customUrl", exported: true },
      expr: call("pulumi.concat", "https://", member(DOMAIN, "domainName"), `/${domain.basePath ?? ""}`),
    },
  ];
}
