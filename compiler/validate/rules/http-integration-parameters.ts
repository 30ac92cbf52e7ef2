/**
 * What the integrations of an HTTP API say that HTTP APIs cannot do: their `request` and `response` maps compile to
 * parameter mapping, which changes headers, query strings, the path and the status but never a body, and cannot
 * touch reserved headers; an AWS-service integration (integration subtype) needs every required parameter of its
 * action and a resource to scope its role to. Reported at the key (`http-mapping-unsupported`,
 * `http-mapping-reserved-header`, `integration-source-invalid`, `http-subtype-parameter-unknown`) or at the
 * integration (`http-subtype-parameter-missing`); the checks are those the import document is built with
 * (emit/aws-openapi/http/integration.ts), so `check` and `build` agree.
 * Source: API Gateway Developer Guide, http-api-parameter-mapping.html and
 * http-api-develop-integrations-aws-services-reference.html.
 */
import { reportHttpIntegration } from "../../emit/aws-openapi/http/integration.js";
import { reportOnce, type Rule } from "../rule.js";

/** An integration shared through `x-gateway.defaults` is reported once. */
export const httpIntegrationParameters: Rule = {
  name: "http-integration-parameters",
  codes: [
    "http-mapping-unsupported",
    "http-mapping-reserved-header",
    "integration-source-invalid",
    "http-subtype-parameter-missing",
    "http-subtype-parameter-unknown",
  ],
  check(model, report) {
    if (model.kind !== "http") return;
    const once = reportOnce(report);
    for (const op of model.operations) if (op.integration) reportHttpIntegration(op, op.integration, once);
  },
};
