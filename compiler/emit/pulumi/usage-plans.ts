/**
 * Usage plans of `x-gateway.usagePlans`, bound to this API and stage, with their quota and throttle; the API keys
 * they list (one `aws.apigateway.ApiKey` per key name, shared by the plans that list it) and one
 * `aws.apigateway.UsagePlanKey` per plan and key. API Gateway allows a key in only one plan per stage; validation
 * reports a key listed twice.
 * Resource names: `plan-<plan>`, `key-<key>`, `plan-<plan>--key-<key>`.
 */
import { variableName } from "../../model/names.js";
import type { ProgramContext, Section, Statement } from "./context.js";
import { member, resource } from "./ts.js";

/** Usage plans, API keys and their attachments. */
export function usagePlansSection(ctx: ProgramContext): Section {
  const { model, names } = ctx;
  const statements: Statement[] = [];
  const keys = [...new Set(model.usagePlans.flatMap((p) => p.apiKeys))].sort();
  for (const key of keys) {
    statements.push({
      declare: { name: variableName("apiKey", names.apiKeySlug(key)) },
      expr: resource("aws.apigateway.ApiKey", names.apiKeyResource(key), { description: key, enabled: true }),
    });
  }
  for (const plan of model.usagePlans) {
    const variable = variableName("usagePlan", names.usagePlanSlug(plan.name));
    statements.push({
      declare: { name: variable },
      expr: resource("aws.apigateway.UsagePlan", names.usagePlanResource(plan.name), {
        description: plan.description,
        apiStages: [{ apiId: member("api", "id"), stage: member("apiStage", "stageName") }],
        quotaSettings:
          plan.quota === undefined ? undefined : { limit: plan.quota.limit, period: plan.quota.period, offset: plan.quota.offset },
        throttleSettings:
          plan.throttle === undefined ? undefined : { rateLimit: plan.throttle.rate, burstLimit: plan.throttle.burst },
      }),
    });
    for (const key of plan.apiKeys) {
      statements.push({
        expr: resource("aws.apigateway.UsagePlanKey", names.usagePlanKeyResource(plan.name, key), {
          keyId: member(variableName("apiKey", names.apiKeySlug(key)), "id"),
          keyType: "API_KEY",
          usagePlanId: member(variable, "id"),
        }),
      });
    }
  }
  return { title: "Usage plans and API keys", statements };
}
