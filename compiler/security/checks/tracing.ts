/**
 * X-Ray tracing on every REST stage (`xrayTracingEnabled`). Checkov CKV_AWS_73, Trivy AWS-0003, KICS 5813ef56,
 * AWS Security Hub APIGateway.3 (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html).
 */
import type { SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, resourcesOf } from "../graph.js";

/** Reports each Stage without X-Ray tracing. */
export const tracing: SecurityCheck = {
  id: "tracing",
  title: "X-Ray tracing on every stage",
  rules: ["CKV_AWS_73", "Trivy AWS-0003", "KICS 5813ef56", "Security Hub APIGateway.3"],
  kinds: ["rest"],
  run(graph) {
    return resourcesOf(graph, RESOURCE_TYPES.stage).flatMap((stage) =>
      stage.inputs["xrayTracingEnabled"] === true ? [] : [{ resource: stage, message: "does not trace requests with X-Ray (xrayTracingEnabled)" }],
    );
  },
};
