/**
 * EventBridge PutEvents as an AWS integration: `events:action/PutEvents` called with POST, the JSON 1.1 protocol
 * (`X-Amz-Target: AWSEvents.PutEvents`, `Content-Type: application/x-amz-json-1.1`) and one entry whose `Detail` is
 * the request body as sent, with the `source` and `detailType` settings (literals or source expressions) and the
 * bus. Answers 202 with the event id (`{"eventId": "…"}`). PutEvents answers 200 even when the entry failed
 * (`FailedEntryCount`): the response template then answers 502, or 429 when the entry was throttled.
 */
import { settingJson } from "../sources.js";
import { renderVtlTemplate } from "../vtl-templates.js";
import { jsonEscaped, vtl, type Vtl } from "../vtl.js";
import { settingText, type ServiceContext } from "./context.js";
import { errorData, serviceErrors, THROTTLING } from "./errors.js";
import { successResponse, type ServicePlan } from "./plan.js";
import { targetJson } from "./targets.js";

/** The plan of PutEvents. */
export function eventBridgePlan(ctx: ServiceContext): ServicePlan {
  const { errors, statuses } = serviceErrors();
  const text = (name: string) => settingJson(settingText(ctx, name) ?? { kind: "literal", text: "" });
  const success = successResponse(ctx, 202, (status) =>
    renderVtlTemplate("eventbridge-put-events-response", {
      failure: errorData(vtl("$input.path('$.Entries[0].ErrorCode')"), status, 502, [THROTTLING]),
    }),
  );
  const frame = (payload: Vtl) =>
    renderVtlTemplate("eventbridge-put-events", { source: text("source"), detailType: text("detailType"), bus: targetJson(ctx.resource), payload });
  return {
    service: "events",
    target: "action/PutEvents",
    httpMethod: "POST",
    requestParameters: {
      "integration.request.header.Content-Type": "'application/x-amz-json-1.1'",
      "integration.request.header.X-Amz-Target": "'AWSEvents.PutEvents'",
    },
    requestTemplate: frame(jsonEscaped(vtl("$input.body"))),
    shapePlacement: { encoding: "json-string", frame },
    requestHeaders: [],
    success,
    errors,
    overrideStatuses: [...new Set([...statuses, 502])],
  };
}
