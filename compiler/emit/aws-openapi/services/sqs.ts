/**
 * SQS SendMessage as an AWS integration (developer guide, "Tutorial: Create a REST API as an Amazon SQS proxy"):
 * `sqs:path/{account}/{queue}` called with POST, a form body (`Content-Type: application/x-www-form-urlencoded`)
 * `Action=SendMessage&MessageBody=…` whose message is the request body as sent. Answers 202 with the message id
 * (`{"messageId": "…"}`).
 */
import { renderVtlTemplate } from "../vtl-templates.js";
import type { Vtl } from "../vtl.js";
import { formEncoded, vtl } from "../vtl.js";
import type { ServiceContext } from "./context.js";
import { serviceErrors } from "./errors.js";
import { successResponse, type ServicePlan } from "./plan.js";
import { queuePath } from "./targets.js";

/** The plan of SendMessage. */
export function sqsPlan(ctx: ServiceContext): ServicePlan {
  const { errors, statuses } = serviceErrors();
  const frame = (payload: Vtl) => renderVtlTemplate("sqs-send-message", { payload });
  return {
    service: "sqs",
    target: `path/${queuePath(ctx.resource)}`,
    httpMethod: "POST",
    requestParameters: { "integration.request.header.Content-Type": "'application/x-www-form-urlencoded'" },
    requestTemplate: frame(formEncoded(vtl("$input.body"))),
    shapePlacement: { encoding: "form", frame },
    requestHeaders: [],
    success: successResponse(ctx, 202, () => renderVtlTemplate("sqs-send-message-response", {})),
    errors,
    overrideStatuses: statuses,
  };
}
