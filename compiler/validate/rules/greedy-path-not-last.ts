/**
 * Greedy path variables come last.
 *
 * A greedy variable `{name+}` matches the rest of the path, so it can only be the last segment.
 * Source: API Gateway Developer Guide, "Set up a proxy integration with a proxy resource"
 * (api-gateway-set-up-simple-proxy.html) and "Working with routes for HTTP APIs" (http-api-develop-routes.html).
 */
import { pathItemOrigin } from "../origins.js";
import { pathSegments, proxyResourceLookup } from "../paths.js";
import type { Rule } from "../rule.js";

/**
 * Reports each path once per greedy variable that is followed by another segment, at the path's key. Paths under
 * a `proxyResources` prefix are exempt: the prefix's own `{proxy+}` serves them.
 */
export const greedyPathNotLast: Rule = {
  name: "greedy-path-not-last",
  codes: ["greedy-path-not-last"],
  check(model, report) {
    const proxyOf = proxyResourceLookup(model.proxyResources);
    const seen = new Set<string>();
    for (const { path } of model.operations) {
      if (seen.has(path) || proxyOf(path)) continue;
      seen.add(path);
      const segments = pathSegments(path);
      segments.slice(0, -1).forEach((segment) => {
        for (const m of segment.matchAll(/\{([^{}]+)\+\}/g)) {
          report({
            code: "greedy-path-not-last",
            args: { name: m[1] as string, path },
            origin: pathItemOrigin(model, path),
            part: "key",
          });
        }
      });
    }
  },
};
