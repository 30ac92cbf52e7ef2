/**
 * Throttling: every stage limits the request rate and burst of every method or route, so one caller cannot
 * exhaust the account's Regional quota or run up the backend's bill: on a REST stage the `*\/*` method settings
 * and each override of a single method, on an HTTP stage its `defaultRouteSettings` and each of its
 * `routeSettings`. OWASP API4:2023 (unrestricted
 * resource consumption); Portico's secure stage defaults (security.md §1.4)
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html).
 * A limit of -1 turns throttling off and counts as unset.
 */
import type { Finding, SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf, stageMethodSettings, type GraphResource, type ResourceGraph } from "../graph.js";

function isLimit(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** The limits `settings` leaves unset (or at -1). */
function unsetLimits(settings: Readonly<Record<string, unknown>> | undefined): string[] {
  return ["throttlingRateLimit", "throttlingBurstLimit"].filter((key) => !isLimit(settings?.[key]));
}

/** The findings on an HTTP stage: its default route settings and each route's must both throttle. */
function httpStageFindings(stage: GraphResource): Finding[] {
  const unset = unsetLimits(record(stage.inputs["defaultRouteSettings"]));
  const routes = Array.isArray(stage.inputs["routeSettings"]) ? stage.inputs["routeSettings"] : [];
  return [
    ...(unset.length === 0 ? [] : [{ resource: stage, message: `does not throttle its routes by default: defaultRouteSettings ${unset.join(" and ")} not set` }]),
    ...routes.flatMap((route): Finding[] => {
      const settings = record(route);
      const missing = unsetLimits(settings);
      return missing.length === 0 ? [] : [{ resource: stage, message: `does not throttle route ${String(settings?.["routeKey"])}: ${missing.join(" and ")} not set` }];
    }),
  ];
}

/** The findings on a REST stage: its `*\/*` method settings and each override must both throttle. */
function restStageFindings(graph: ResourceGraph, stage: GraphResource): Finding[] {
  const all = stageMethodSettings(graph, stage);
  if (!all.some((m) => m.inputs["methodPath"] === "*/*")) {
    return [{ resource: stage, message: "has no stage-wide method settings (methodPath */*) with a throttling limit" }];
  }
  return all.flatMap((methodSettings) => {
    const unset = unsetLimits(record(methodSettings.inputs["settings"]));
    return unset.length === 0
      ? []
      : [{ resource: methodSettings, message: `does not throttle ${String(methodSettings.inputs["methodPath"])}: ${unset.join(" and ")} not set` }];
  });
}

/** Reports each stage whose method settings (REST) or route settings (HTTP) set no rate or burst limit. */
export const throttling: SecurityCheck = {
  id: "throttling",
  title: "Throttling on every method",
  rules: ["OWASP API4:2023"],
  kinds: ["rest", "http"],
  run(graph) {
    return [
      ...resourcesOf(graph, RESOURCE_TYPES.stage).flatMap((stage) => restStageFindings(graph, stage)),
      ...resourcesOf(graph, RESOURCE_TYPES.httpStage).flatMap(httpStageFindings),
    ];
  },
};
