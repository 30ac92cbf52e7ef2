/**
 * AWS WAF for a REST API (`x-gateway.waf`): `aws.wafv2.WebAclAssociation` of the spec's web ACL with the stack's
 * stage, whose ARN is `arn:aws:apigateway:<region>::/restapis/<id>/stages/<stage>`. The web ACL must have REGIONAL
 * scope, also for edge-optimized APIs (checkov CKV2_AWS_29, KICS a186e82c).
 * Resource name: `api-waf`.
 * Source: API Gateway Developer Guide, "Use AWS WAF to protect your REST APIs" (apigateway-control-access-aws-waf.html).
 */
import type { ProgramContext, Section } from "./context.js";
import { valueExpr } from "./context.js";
import { member, resource } from "./ts.js";

/** The web ACL association; empty without `x-gateway.waf`. */
export function wafSection(ctx: ProgramContext): Section {
  const waf = ctx.model.waf;
  if (waf === undefined) return { title: "AWS WAF", statements: [] };
  return {
    title: "AWS WAF",
    statements: [
      {
        expr: resource("aws.wafv2.WebAclAssociation", "api-waf", {
          resourceArn: member("apiStage", "arn"),
          webAclArn: valueExpr(ctx, waf.webAcl),
        }),
      },
    ],
  };
}
