/**
 * SNS Publish as an AWS integration: `sns:action/Publish` called with POST and a form body
 * (`Content-Type: application/x-www-form-urlencoded`) `Action=Publish&TopicArn=…&Message=…` whose message is the
 * request body as sent. Answers 202 with the message id (`{"messageId": "…"}`).
 */
import { renderVtlTemplate } from "../vtl-templates.js";
import type { Vtl } from "../vtl.js";
import { formEncoded, vtl } from "../vtl.js";
import type { ServiceContext } from "./context.js";
import { serviceErrors } from "./errors.js";
import { successResponse, type ServicePlan } from "./plan.js";
import { targetForm } from "./targets.js";

/** The plan of Publish. */
export function snsPlan(ctx: ServiceContext): ServicePlan {
  const { errors, statuses } = serviceErrors();
  const frame = (payload: Vtl) => renderVtlTemplate("sns-publish", { topic: targetForm(ctx.resource), payload });
  return {
    service: "sns",
    target: "action/Publish",
    httpMethod: "POST",
    requestParameters: { "integration.request.header.Content-Type": "'application/x-www-form-urlencoded'" },
    requestTemplate: frame(formEncoded(vtl("$input.body"))),
    shapePlacement: { encoding: "form", frame },
    requestHeaders: [],
    success: successResponse(ctx, 202, () => renderVtlTemplate("sns-publish-response", {})),
    errors,
    overrideStatuses: statuses,
  };
}
