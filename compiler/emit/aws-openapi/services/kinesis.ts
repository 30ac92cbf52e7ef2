/**
 * Kinesis Data Streams PutRecord as an AWS integration (developer guide, "Tutorial: Create a REST API as an Amazon
 * Kinesis proxy"): `kinesis:action/PutRecord` called with POST (`Content-Type: application/x-amz-json-1.1`); the
 * record's `Data` is the request body as sent (or the JSON of a request shape), base64-encoded, its `PartitionKey` the `partitionKey` setting (a
 * literal or a source expression). The stream is named by `StreamName`, or by `StreamARN` when its value is an ARN
 * (decided at request time, so that a config value may be either). Answers 202 with
 * `{"sequenceNumber": "…", "shardId": "…"}`.
 */
import { settingJson } from "../sources.js";
import { renderVtlTemplate } from "../vtl-templates.js";
import { vtl, type Vtl } from "../vtl.js";
import { settingText, type ServiceContext } from "./context.js";
import { serviceErrors } from "./errors.js";
import { successResponse, type ServicePlan } from "./plan.js";
import { targetValue } from "./targets.js";

/** The plan of PutRecord. */
export function kinesisPlan(ctx: ServiceContext): ServicePlan {
  const { errors, statuses } = serviceErrors();
  const record = (json: Vtl | false, payload: Vtl) =>
    renderVtlTemplate("kinesis-put-record", {
      record: json,
      stream: targetValue(ctx.resource),
      payload,
      partitionKey: settingJson(settingText(ctx, "partitionKey") ?? { kind: "literal", text: "" }),
    });
  return {
    service: "kinesis",
    target: "action/PutRecord",
    httpMethod: "POST",
    requestParameters: { "integration.request.header.Content-Type": "'application/x-amz-json-1.1'" },
    requestTemplate: record(false, vtl("$input.body")),
    // A request shape is the record: its JSON is captured by #define, then base64-encoded.
    shapePlacement: { encoding: "json", frame: (json) => record(json, vtl('"$record"')) },
    requestHeaders: [],
    success: successResponse(ctx, 202, () => renderVtlTemplate("kinesis-put-record-response", {})),
    errors,
    overrideStatuses: statuses,
  };
}
