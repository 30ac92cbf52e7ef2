/**
 * Operations under a proxy resource can be served by it.
 *
 * `x-gateway.proxyResources` serves a whole prefix through one greedy `prefix/{proxy+}` resource (ANY, HTTP
 * proxy) with one authorization. An operation under it that writes another integration would lose it silently,
 * and one whose security differs from its siblings' cannot get its own.
 * Source: API Gateway Developer Guide, "Set up a proxy integration with a proxy resource"
 * (api-gateway-set-up-simple-proxy.html); docs/x-gateway.md (`proxyResources`).
 */
import type { Operation, SecurityRequirement } from "../../model/types.js";
import { proxyResourceLookup } from "../paths.js";
import type { Rule } from "../rule.js";
import { operationLabel } from "../text.js";

/** A readable, order-independent description of an effective security: `none`, `users(read) | keys`. */
function describeSecurity(security: readonly SecurityRequirement[]): string {
  if (security.length === 0) return "none";
  const scheme = (s: SecurityRequirement["schemes"][number]): string =>
    s.scopes.length > 0 ? `${s.name}(${[...s.scopes].sort().join(" ")})` : s.name;
  return security
    .map((alt) => (alt.schemes.length === 0 ? "{}" : alt.schemes.map(scheme).sort().join(" + ")))
    .sort()
    .join(" | ");
}

/**
 * An operation's own integration (not one from `defaults`) must be a plain HTTP proxy, reported at the
 * integration key; its security must equal the first operation's under the same prefix, reported at its method
 * key with that operation related.
 */
export const proxyResourceConflict: Rule = {
  name: "proxy-resource-conflict",
  codes: ["proxy-resource-conflict"],
  check(model, report) {
    const proxyOf = proxyResourceLookup(model.proxyResources);
    const firstUnder = new Map<string, { op: Operation; security: string }>();
    for (const op of model.operations) {
      const proxy = proxyOf(op.path);
      if (!proxy) continue;
      const prefix = proxy.prefix || "/";
      const operation = operationLabel(op);
      const i = op.integration;
      if (i && op.integrationKeys.length > 0 && !(i.kind === "http" && i.proxy && !i.request && !i.response)) {
        const what = i.kind !== "http" ? i.kind : i.proxy ? "http (with request or response mappings)" : "non-proxy http";
        const reason =
          `its ${what} integration would be dropped, since the greedy resource forwards every request under the ` +
          "prefix to one HTTP proxy";
        report({ code: "proxy-resource-conflict", args: { operation, prefix, reason }, origin: i.origin, part: "key" });
      }
      const security = describeSecurity(op.security);
      const first = firstUnder.get(prefix);
      if (!first) {
        firstUnder.set(prefix, { op, security });
      } else if (first.security !== security) {
        const reason =
          `its security (${security}) differs from ${operationLabel(first.op)}'s (${first.security}), and the ` +
          "greedy resource has one authorization for the whole prefix";
        const related = [first.op.origin];
        report({ code: "proxy-resource-conflict", args: { operation, prefix, reason }, origin: op.origin, part: "key", related });
      }
    }
  },
};
