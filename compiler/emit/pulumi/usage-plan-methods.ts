/**
 * What an operation's `x-gateway.usagePlans` asks of API Gateway (docs/x-gateway.md, "Operations").
 *
 * A usage plan meters the methods of its stages that require an API key (api-gateway-api-usage-plans.html); the
 * import document makes a method require one when its security names an API-key scheme (API Gateway API keys).
 * An operation with a throttle (its own or `defaults.throttle`) gets a per-method throttle in each plan it lists, keyed
 * `/{resource path}/{METHOD}` (`//GET` for the root): the tighter of the operation's and the plan's rate and burst,
 * so a plan's keys never get more from a method than the operation allows everyone, nor more than the plan allows.
 * An entry equal to the plan's own throttle is left out. API Gateway allows 20 method throttles per stage of a plan
 * (soft quota, api-gateway-execution-service-limits-table.html).
 */
import type { GatewayModel, Operation, UsagePlan } from "../../model/types.js";
import { compareStrings } from "../../order.js";
import { directOperations } from "../aws-openapi/document.js";

/** One method throttle of a usage plan's stage: requests per second and burst, for the method at `path`. */
export interface MethodThrottle {
  /** `/{resource path}/{METHOD}`, e.g. `/pets/{petId}/GET`. */
  readonly path: string;
  readonly rate: number;
  readonly burst: number;
}

/** True when the security the import document writes for `op` (its first alternative) names an API-key scheme. */
export function requiresApiKey(op: Operation, model: GatewayModel): boolean {
  const schemes = new Map(model.securitySchemes.map((s) => [s.name, s]));
  return op.security[0]?.schemes.some((s) => schemes.get(s.name)?.authorizer?.kind === "apiKey") ?? false;
}

/** The method throttles of `plan`, sorted by path: one per operation served one by one that lists the plan and has a throttle. */
export function methodThrottles(model: GatewayModel, plan: UsagePlan): readonly MethodThrottle[] {
  const throttles: MethodThrottle[] = [];
  for (const op of directOperations(model)) {
    const own = op.options.throttle;
    if (own === undefined || !op.options.usagePlans.some((p) => p.name === plan.name)) continue;
    const rate = Math.min(own.rate, plan.throttle?.rate ?? own.rate);
    const burst = Math.min(own.burst, plan.throttle?.burst ?? own.burst);
    if (rate === plan.throttle?.rate && burst === plan.throttle.burst) continue;
    const resourcePath = op.path.replace(/\/+$/, "") || "/";
    throttles.push({ path: `${resourcePath}/${op.method}`, rate, burst });
  }
  return throttles.sort((a, b) => compareStrings(a.path, b.path));
}
