/**
 * No data trace: no method settings log full requests and responses (`dataTraceEnabled`), which would write
 * request bodies, tokens and personal data to CloudWatch. Checkov CKV_AWS_276
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html: "We recommend that you don't
 * enable data tracing for production APIs").
 */
import type { SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf } from "../graph.js";

/** Reports each MethodSettings with `dataTraceEnabled`. */
export const dataTrace: SecurityCheck = {
  id: "data-trace",
  title: "No full request/response logging",
  rules: ["CKV_AWS_276"],
  kinds: ["rest"],
  run(graph) {
    return resourcesOf(graph, RESOURCE_TYPES.methodSettings).flatMap((m) =>
      record(m.inputs["settings"])?.["dataTraceEnabled"] === true
        ? [{ resource: m, message: `logs full request and response bodies (dataTraceEnabled) for ${String(m.inputs["methodPath"])}` }]
        : [],
    );
  },
};
