/**
 * Access logging: every stage (REST `aws.apigateway.Stage`, HTTP `aws.apigatewayv2.Stage`) writes one line per
 * request to a destination, in a format. Checkov CKV_AWS_76 (`access_log_settings.destination_arn`, REST and v2
 * stages) and CKV_AWS_95 (v2 stages), cfn-nag W69 (REST) and W46 (v2), Trivy AWS-0001, KICS 1b6799eb (API Gateway
 * Access Logging Disabled); Pulumi's compliance policy also asks for the `format`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html, http-api-logging.html).
 */
import type { SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf, text } from "../graph.js";

/** Reports each Stage without an access log destination or format. */
export const accessLogging: SecurityCheck = {
  id: "access-logging",
  title: "Access logging on every stage",
  rules: ["CKV_AWS_76", "CKV_AWS_95", "cfn-nag W69", "cfn-nag W46", "Trivy AWS-0001", "KICS 1b6799eb"],
  kinds: ["rest", "http"],
  run(graph) {
    return [...resourcesOf(graph, RESOURCE_TYPES.stage), ...resourcesOf(graph, RESOURCE_TYPES.httpStage)].flatMap((stage) => {
      const settings = record(stage.inputs["accessLogSettings"]);
      const missing = [
        ...(text(settings?.["destinationArn"]) ? [] : ["destination (accessLogSettings.destinationArn)"]),
        ...(text(settings?.["format"]) ? [] : ["format (accessLogSettings.format)"]),
      ];
      return missing.length === 0 ? [] : [{ resource: stage, message: `writes no access logs: no ${missing.join(" and no ")}` }];
    });
  },
};
