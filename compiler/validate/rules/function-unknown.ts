/**
 * Lambda functions are defined before they are used.
 *
 * Every function name an integration or a Lambda authorizer refers to must be a key of `x-gateway.functions`.
 * Source: Portico's x-gateway vocabulary (docs/x-gateway.md, "Integrations" and "Security schemes").
 */
import type { Integration } from "../../model/types.js";
import { reportOnce, type Rule } from "../rule.js";
import { didYouMean } from "../../parse/did-you-mean.js";

/**
 * Checks `lambda` integrations of operations and WebSocket routes, at the `function` of the full form (the
 * `lambda` key in the short form `lambda: pets`), `lambda` authorizers, at their `lambda` value, and the names of
 * `websocket.manageConnections`. An integration shared through `x-gateway.defaults` is reported once.
 */
export const functionUnknown: Rule = {
  name: "function-unknown",
  codes: ["function-unknown"],
  check(model, report) {
    const once = reportOnce(report);
    const names = model.functions.map((f) => f.name);
    const known = new Set(names);
    const checkIntegration = (integration: Integration | undefined): void => {
      if (integration?.kind !== "lambda" || known.has(integration.function)) return;
      const name = integration.function;
      const origin = integration.functionOrigin;
      once({ code: "function-unknown", args: { name, hint: didYouMean(name, names) }, origin });
    };
    for (const op of model.operations) checkIntegration(op.integration);
    for (const route of model.websocket?.routes ?? []) checkIntegration(route.integration);
    for (const use of model.websocket?.manageConnections ?? []) {
      if (!known.has(use.function)) once({ code: "function-unknown", args: { name: use.function, hint: didYouMean(use.function, names) }, origin: use.origin });
    }
    for (const scheme of model.securitySchemes) {
      const authorizer = scheme.authorizer;
      if (authorizer?.kind !== "lambda" || known.has(authorizer.function)) continue;
      const name = authorizer.function;
      once({ code: "function-unknown", args: { name, hint: didYouMean(name, names) }, origin: authorizer.origin });
    }
  },
};
