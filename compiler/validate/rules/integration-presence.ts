/**
 * Exactly one integration per operation and WebSocket route.
 *
 * API Gateway sends every method or route to one integration; an operation with none has nowhere to go and one
 * with several keys is ambiguous.
 * Source: API Gateway Developer Guide, "Set up API Gateway integrations" (api-gateway-integration-settings.html)
 * and "Setting up WebSocket API integrations" (apigateway-websocket-api-integrations.html); docs/x-gateway.md.
 */
import type { Integration, Origin } from "../../model/types.js";
import { child } from "../origins.js";
import type { Report, Rule } from "../rule.js";
import { proxyResourceLookup } from "../paths.js";
import { operationLabel } from "../text.js";

interface Target {
  readonly subject: string;
  readonly integration?: Integration;
  readonly integrationKeys: readonly string[];
  /** The object that holds the integration keys. */
  readonly holder: Origin;
}

/** Reports several keys at the second key (the others related); reports a missing one at the holder's key. */
function checkTarget(target: Target, fix: string | undefined, report: Report): void {
  const { subject, integrationKeys: keys, holder } = target;
  if (keys.length > 1) {
    report({
      code: "integration-multiple",
      args: { subject, kinds: keys.join(", ") },
      origin: child(holder, keys[1] as string),
      part: "key",
      related: keys.filter((_, i) => i !== 1).map((key) => child(holder, key)),
    });
  } else if (!target.integration && fix !== undefined) {
    report({ code: "integration-missing", args: { subject, fix }, origin: holder, part: "key" });
  }
}

/**
 * Operations under a `proxyResources` prefix need no integration of their own (the greedy resource serves them),
 * and neither does `$connect`, whose integration API Gateway makes optional.
 */
export const integrationPresence: Rule = {
  name: "integration-presence",
  codes: ["integration-missing", "integration-multiple"],
  check(model, report) {
    const proxyOf = proxyResourceLookup(model.proxyResources);
    for (const op of model.operations) {
      const fix = proxyOf(op.path)
        ? undefined
        : "add one to its x-gateway (lambda, http, mock, …) or set x-gateway.defaults.integration";
      const target = { subject: `Operation ${operationLabel(op)}`, ...op, holder: op.gatewayOrigin };
      checkTarget(target, fix, report);
    }
    for (const route of model.websocket?.routes ?? []) {
      const fix = route.key === "$connect" ? undefined : "add one to the route (lambda, http, mock, …)";
      checkTarget({ subject: `WebSocket route ${route.key}`, ...route, holder: route.origin }, fix, report);
    }
  },
};
