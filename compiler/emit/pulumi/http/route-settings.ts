/**
 * Per-route settings of an HTTP API stage (`aws.apigatewayv2.Stage.routeSettings`): one entry per route whose
 * operation has a throttle of its own (or inherits `x-gateway.defaults.throttle`), with its rate and burst and the
 * stage's detailed metrics, so the entry does not turn them off for that route. Routes without one take the stage's
 * `defaultRouteSettings`. Route keys are API Gateway's (`POST /tasks`, `ANY /legacy/{proxy+}`); a proxy resource's
 * two routes take the throttle of the operation the plan copies. Sorted by route key.
 * A route throttle is bounded by the account's (10,000 requests per second, burst 5,000 by default), not by the
 * stage's default (http-api-throttling.html).
 */
import type { GatewayModel } from "../../../model/types.js";
import { compareStrings } from "../../../order.js";
import { httpRouteKey, httpRoutes } from "../../aws-openapi/http/routes.js";
import { raw, type Fields } from "../ts.js";

/** A route's own throttle. */
export interface RouteThrottle {
  readonly routeKey: string;
  /** Requests per second. */
  readonly rate: number;
  /** Burst size, requests. */
  readonly burst: number;
}

/** Every route of `model` with a throttle of its own, sorted by route key. */
export function routeThrottles(model: GatewayModel): readonly RouteThrottle[] {
  const throttles = new Map<string, RouteThrottle>();
  for (const route of httpRoutes(model)) {
    const throttle = route.operation.options.throttle;
    const routeKey = httpRouteKey(route);
    if (throttle !== undefined) throttles.set(routeKey, { routeKey, rate: throttle.rate, burst: throttle.burst });
  }
  return [...throttles.values()].sort((a, b) => compareStrings(a.routeKey, b.routeKey));
}

/** The `routeSettings` of the stage (program text reads `settings.metrics`); undefined when no route has its own. */
export function routeSettingsExpr(model: GatewayModel): Fields[] | undefined {
  const throttles = routeThrottles(model);
  if (throttles.length === 0) return undefined;
  return throttles.map((t) => ({
    routeKey: t.routeKey,
    throttlingRateLimit: t.rate,
    throttlingBurstLimit: t.burst,
    detailedMetricsEnabled: raw("settings.metrics"),
  }));
}
