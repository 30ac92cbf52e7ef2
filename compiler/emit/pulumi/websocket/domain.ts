/**
 * The custom domain of a WebSocket API (`websocket.domain`), never shared with the REST or HTTP API (API Gateway
 * refuses it).
 *
 * - `aws.apigatewayv2.DomainName`: regional, with an ACM certificate in the API's Region and the `TLS_1_2` security
 *   policy (the only endpoint type and policy WebSocket APIs take; `domain-settings` reports others).
 * - `aws.apigatewayv2.ApiMapping`: the stack's stage under the domain, at its root or under `basePath`.
 * - With `hostedZoneId`: a Route 53 alias record A to the domain's regional target.
 * Resource names: `websocket-domain`, `websocket-domain-mapping`, `websocket-domain-a`.
 * Source: API Gateway Developer Guide, websocket-api-custom-domain-names.html.
 */
import type { ProgramContext, Statement } from "../context.js";
import { valueExpr } from "../context.js";
import { tagsExpr } from "../rest-api.js";
import { call, member, raw, resource } from "../ts.js";
import { WS } from "./names.js";

/** The DomainName's regional target name and hosted zone (lifted outputs of `domainNameConfiguration`). */
const TARGET = { name: `${WS.domain}.domainNameConfiguration.targetDomainName`, zoneId: `${WS.domain}.domainNameConfiguration.hostedZoneId` };

/** The custom domain, its mapping to the stage and its DNS record; nothing without `websocket.domain`. */
export function domainStatements(ctx: ProgramContext): Statement[] {
  const domain = ctx.model.websocket?.domain;
  if (domain === undefined) return [];
  const statements: Statement[] = [
    {
      declare: { name: WS.domain },
      expr: resource("aws.apigatewayv2.DomainName", "websocket-domain", {
        domainName: valueExpr(ctx, domain.name),
        domainNameConfiguration: {
          certificateArn: valueExpr(ctx, domain.certificate),
          endpointType: "REGIONAL",
          securityPolicy: domain.securityPolicy,
        },
        tags: tagsExpr(ctx),
      }),
    },
    {
      expr: resource("aws.apigatewayv2.ApiMapping", "websocket-domain-mapping", {
        apiId: member(WS.api, "id"),
        domainName: member(WS.domain, "domainName"),
        stage: member(WS.stage, "name"),
        apiMappingKey: domain.basePath,
      }),
    },
  ];
  if (domain.hostedZoneId !== undefined) {
    statements.push({
      expr: resource("aws.route53.Record", "websocket-domain-a", {
        zoneId: valueExpr(ctx, domain.hostedZoneId),
        name: member(WS.domain, "domainName"),
        type: "A",
        aliases: [{ name: raw(TARGET.name), zoneId: raw(TARGET.zoneId), evaluateTargetHealth: false }],
      }),
    });
  }
  return statements;
}

/** `websocketDomainTarget` (what a DNS record outside Route 53 points at) and `websocketCustomUrl`; none without a domain. */
export function domainOutputs(ctx: ProgramContext): Statement[] {
  const domain = ctx.model.websocket?.domain;
  if (domain === undefined) return [];
  return [
    { declare: { name: "websocketDomainTarget", exported: true }, expr: raw(TARGET.name) },
    {
      declare: { name: "websocketCustomUrl", exported: true },
      expr: call("pulumi.concat", "wss://", member(WS.domain, "domainName"), `/${domain.basePath ?? ""}`),
    },
  ];
}
