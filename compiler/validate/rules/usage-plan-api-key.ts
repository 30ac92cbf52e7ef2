/**
 * Operations in usage plans ask for an API key.
 *
 * A usage plan meters and throttles only the methods of its stages that require an API key
 * (api-gateway-api-usage-plans.html); API Gateway requires one on a method whose security names an API-key
 * scheme (`x-amazon-apigateway-api-key-source`, api-gateway-api-key-source.html). An operation that lists
 * `x-gateway.usagePlans` while the security Portico deploys for it (its first alternative) names no such scheme
 * would be served to everyone, unmetered, whatever the plans say.
 */
import type { Operation, SecurityScheme } from "../../model/types.js";
import type { Rule } from "../rule.js";

function asksForApiKey(op: Operation, schemes: ReadonlyMap<string, SecurityScheme>): boolean {
  return op.security[0]?.schemes.some((s) => schemes.get(s.name)?.authorizer?.kind === "apiKey") ?? false;
}

/** Reports at the operation's `usagePlans` key (REST; HTTP APIs have no usage plans, reported elsewhere). */
export const usagePlanApiKey: Rule = {
  name: "usage-plan-api-key",
  codes: ["usage-plan-without-api-key"],
  check(model, report) {
    if (model.kind !== "rest") return;
    const schemes = new Map(model.securitySchemes.map((s) => [s.name, s]));
    for (const op of model.operations) {
      const first = op.options.usagePlans[0];
      if (first === undefined || asksForApiKey(op, schemes)) continue;
      const origin = { file: first.origin.file, pointer: first.origin.pointer.replace(/\/\d+$/, "") };
      report({ code: "usage-plan-without-api-key", args: { operation: op.id }, origin, part: "key" });
    }
  },
};
