/**
 * Access logging: every stage writes one line per request to a destination, in a format.
 * Checkov CKV_AWS_76 (`access_log_settings.destination_arn`), cfn-nag W69, Trivy AWS-0001, KICS 1b6799eb
 * (API Gateway Access Logging Disabled); Pulumi's compliance policy also asks for the `format`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html).
 */
import type { SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf, text } from "../graph.js";

/** Reports each Stage without an access log destination or format. */
export const accessLogging: SecurityCheck = {
  id: "access-logging",
  title: "Access logging on every stage",
  rules: ["CKV_AWS_76", "cfn-nag W69", "Trivy AWS-0001", "KICS 1b6799eb"],
  kinds: ["rest"],
  run(graph) {
    return resourcesOf(graph, RESOURCE_TYPES.stage).flatMap((stage) => {
      const settings = record(stage.inputs["accessLogSettings"]);
      const missing = [
        ...(text(settings?.["destinationArn"]) ? [] : ["destination (accessLogSettings.destinationArn)"]),
        ...(text(settings?.["format"]) ? [] : ["format (accessLogSettings.format)"]),
      ];
      return missing.length === 0 ? [] : [{ resource: stage, message: `writes no access logs: no ${missing.join(" and no ")}` }];
    });
  },
};
