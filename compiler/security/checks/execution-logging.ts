/**
 * Execution logging and metrics: every stage has stage-wide method settings (`*\/*`) that log errors (`ERROR`)
 * or more (`INFO`) to CloudWatch and publish detailed metrics, and so does every override of a single method. Checkov CKV2_AWS_4, AWS Security Hub
 * APIGateway.1 (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html).
 */
import type { Finding, SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf, stageMethodSettings } from "../graph.js";

const LEVELS = new Set(["ERROR", "INFO"]);

/** Reports each stage whose `*\/*` method settings do not log errors or publish metrics. */
export const executionLogging: SecurityCheck = {
  id: "execution-logging",
  title: "Execution logging and detailed metrics on every stage",
  rules: ["CKV2_AWS_4", "Security Hub APIGateway.1"],
  kinds: ["rest"],
  run(graph) {
    return resourcesOf(graph, RESOURCE_TYPES.stage).flatMap((stage): Finding[] => {
      const all = stageMethodSettings(graph, stage);
      if (!all.some((m) => m.inputs["methodPath"] === "*/*")) {
        return [{ resource: stage, message: "has no stage-wide method settings (methodPath */*) that turn on execution logging" }];
      }
      return all.flatMap((methodSettings) => {
        const settings = record(methodSettings.inputs["settings"]);
        const level = settings?.["loggingLevel"];
        const problems = [
          ...(typeof level === "string" && LEVELS.has(level) ? [] : [`loggingLevel is ${JSON.stringify(level ?? "unset")}, not ERROR or INFO`]),
          ...(settings?.["metricsEnabled"] === true ? [] : ["metricsEnabled is not true"]),
        ];
        return problems.length === 0 ? [] : [{ resource: methodSettings, message: `${problems.join("; ")} for ${String(methodSettings.inputs["methodPath"])}` }];
      });
    });
  },
};
