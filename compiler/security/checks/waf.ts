/**
 * WAF: when the spec names a web ACL (`x-gateway.waf`), or the program creates any association, every stage is
 * associated with a WAFv2 web ACL (`aws.wafv2.WebAclAssociation` whose `resourceArn` is the stage's ARN).
 * WAF itself is a cost decision and stays opt-in (security.md §1.3); a named ACL that is not attached is a
 * silent gap. Checkov CKV2_AWS_29, KICS a186e82c, AWS Security Hub APIGateway.4
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html).
 */
import type { SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, resourcesOf, text } from "../graph.js";

/** Reports each Stage no WebAclAssociation attaches, when a web ACL is named or associated. */
export const waf: SecurityCheck = {
  id: "waf",
  title: "The named WAF web ACL protects every stage",
  rules: ["CKV2_AWS_29", "KICS a186e82c", "Security Hub APIGateway.4"],
  kinds: ["rest"],
  run(graph, context) {
    const associations = resourcesOf(graph, RESOURCE_TYPES.webAclAssociation);
    if (!context.webAcl && associations.length === 0) return [];
    return resourcesOf(graph, RESOURCE_TYPES.stage).flatMap((stage) => {
      const arn = text(stage.outputs?.["arn"]);
      const attached = associations.some((a) => text(a.inputs["webAclArn"]) !== undefined && arn !== undefined && a.inputs["resourceArn"] === arn);
      return attached ? [] : [{ resource: stage, message: "is not associated with the WAF web ACL (no WebAclAssociation with the stage's ARN)" }];
    });
  },
};
