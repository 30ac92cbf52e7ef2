/**
 * Throttling: every stage limits the request rate and burst of every method (`*\/*` method settings, and each
 * override of a single method), so one caller cannot exhaust the account's Regional quota or run up the backend's
 * bill. OWASP API4:2023 (unrestricted
 * resource consumption); Portico's secure stage defaults (security.md §1.4)
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html).
 * A limit of -1 turns throttling off and counts as unset.
 */
import type { Finding, SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf, stageMethodSettings } from "../graph.js";

function isLimit(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** Reports each stage whose `*\/*` method settings set no rate or burst limit. */
export const throttling: SecurityCheck = {
  id: "throttling",
  title: "Throttling on every method",
  rules: ["OWASP API4:2023"],
  kinds: ["rest"],
  run(graph) {
    return resourcesOf(graph, RESOURCE_TYPES.stage).flatMap((stage): Finding[] => {
      const all = stageMethodSettings(graph, stage);
      if (!all.some((m) => m.inputs["methodPath"] === "*/*")) {
        return [{ resource: stage, message: "has no stage-wide method settings (methodPath */*) with a throttling limit" }];
      }
      return all.flatMap((methodSettings) => {
        const settings = record(methodSettings.inputs["settings"]);
        const unset = ["throttlingRateLimit", "throttlingBurstLimit"].filter((key) => !isLimit(settings?.[key]));
        return unset.length === 0
          ? []
          : [{ resource: methodSettings, message: `does not throttle ${String(methodSettings.inputs["methodPath"])}: ${unset.join(" and ")} not set` }];
      });
    });
  },
};
