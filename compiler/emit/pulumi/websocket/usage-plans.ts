/**
 * Usage plans of the WebSocket stage, when `$connect` requires an API key: API Gateway accepts a connection only
 * with a key of a usage plan bound to the API's stage (api-gateway-api-usage-plans.html; the key is read as the
 * API's key selection expression says). For each plan of `x-gateway.usagePlans`, an `aws.apigateway.UsagePlan`
 * bound to the WebSocket API and its stage, with the plan's quota and throttle, and its keys (the `aws.apigateway.ApiKey`s
 * of the paths API's usage plans, ../usage-plans.ts) attached by `aws.apigateway.UsagePlanKey`. It is a plan of its
 * own, not the paths API's: a key may be in one plan per stage, and its quota and throttle count connections and
 * messages of the WebSocket API only. Nothing when `$connect` requires no key; without usage plans no key can
 * connect, which `not-emitted` says (./gaps.ts).
 * Resource names: `websocket-plan-<plan>`, `websocket-plan-<plan>--key-<key>`.
 */
import { variableName } from "../../../model/names.js";
import type { GatewayModel } from "../../../model/types.js";
import type { ProgramContext, Statement } from "../context.js";
import { keyVariable } from "../usage-plans.js";
import { member, resource } from "../ts.js";
import { WS } from "./names.js";

/** True when the `$connect` route of `model`'s WebSocket API requires an API key. */
export function connectRequiresApiKey(model: GatewayModel): boolean {
  return model.websocket?.routes.some((r) => r.key === "$connect" && r.apiKeyRequired) ?? false;
}

/** The WebSocket stage's usage plans and their keys; none when `$connect` requires no key. */
export function usagePlanStatements(ctx: ProgramContext): Statement[] {
  if (!connectRequiresApiKey(ctx.model)) return [];
  const { names } = ctx;
  const statements: Statement[] = [];
  for (const plan of ctx.model.usagePlans) {
    const slug = names.usagePlanSlug(plan.name);
    const variable = variableName("websocketUsagePlan", slug);
    statements.push({
      declare: { name: variable },
      expr: resource("aws.apigateway.UsagePlan", `websocket-plan-${slug}`, {
        description: plan.description,
        apiStages: [{ apiId: member(WS.api, "id"), stage: member(WS.stage, "name") }],
        quotaSettings:
          plan.quota === undefined ? undefined : { limit: plan.quota.limit, period: plan.quota.period, offset: plan.quota.offset },
        throttleSettings: plan.throttle === undefined ? undefined : { rateLimit: plan.throttle.rate, burstLimit: plan.throttle.burst },
      }),
    });
    for (const key of plan.apiKeys) {
      statements.push({
        expr: resource("aws.apigateway.UsagePlanKey", `websocket-plan-${slug}--key-${names.apiKeySlug(key)}`, {
          keyId: member(keyVariable(ctx, key), "id"),
          keyType: "API_KEY",
          usagePlanId: member(variable, "id"),
        }),
      });
    }
  }
  return statements;
}
