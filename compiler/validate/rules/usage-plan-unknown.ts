/**
 * Operations name defined usage plans.
 *
 * Each name in an operation's `x-gateway.usagePlans` must be a key of the root `x-gateway.usagePlans`.
 * Source: Portico's x-gateway vocabulary (docs/x-gateway.md, "Operations"); API Gateway usage plans
 * (api-gateway-api-usage-plans.html).
 */
import { reportOnce, type Rule } from "../rule.js";
import { didYouMean } from "../../parse/did-you-mean.js";

/** Reports at the list item that names the plan. */
export const usagePlanUnknown: Rule = {
  name: "usage-plan-unknown",
  codes: ["usage-plan-unknown"],
  check(model, report) {
    const once = reportOnce(report);
    const names = model.usagePlans.map((p) => p.name);
    const known = new Set(names);
    for (const op of model.operations) {
      for (const { name, origin } of op.options.usagePlans) {
        if (!known.has(name)) once({ code: "usage-plan-unknown", args: { name, hint: didYouMean(name, names) }, origin });
      }
    }
  },
};
