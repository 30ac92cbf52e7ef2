/**
 * One variable name per REST parent resource.
 *
 * A REST API resource may have only one variable child, so every path that passes through a variable position
 * under the same parent must name that variable the same way (`/u/{id}/a` beside `/u/{uid}/b` is rejected with
 * "A sibling ({id}) of this resource already has a variable path part -- only one is allowed").
 * Source: API Gateway REST API Reference, CreateResource (`pathPart`); AWS's answer in
 * amazon-archives/aws-apigateway-importer#202 ("by design").
 */
import { pathItemOrigin } from "../origins.js";
import { pathSegments, proxyFix, proxyResourceLookup, segmentVariable } from "../paths.js";
import type { Rule } from "../rule.js";

/**
 * REST only. Paths are read in model order; the first path to use a variable under a parent fixes its name, and
 * every later path item that names it differently is reported once, at its `/paths` key. Paths under a
 * `proxyResources` prefix are exempt: the greedy resource serves them.
 */
export const siblingPathVariables: Rule = {
  name: "sibling-path-variables",
  codes: ["sibling-path-variables"],
  check(model, report) {
    if (model.kind !== "rest") return;
    const proxyOf = proxyResourceLookup(model.proxyResources);
    /** Parent resource path → the first variable segment under it and the path that introduced it. */
    const firstVariable = new Map<string, { segment: string; path: string }>();
    const seen = new Set<string>();
    for (const { path } of model.operations) {
      if (seen.has(path) || proxyOf(path)) continue;
      seen.add(path);
      let parent = "";
      for (const segment of pathSegments(path)) {
        const variable = segmentVariable(segment);
        if (variable) {
          const first = firstVariable.get(parent);
          if (!first) {
            firstVariable.set(parent, { segment, path });
          } else if (first.segment !== segment) {
            report({
              code: "sibling-path-variables",
              args: {
                path,
                name: segment.slice(1, -1),
                other: first.path,
                otherName: first.segment.slice(1, -1),
                fix: `Rename ${segment} to ${first.segment}, or ${proxyFix(parent)}.`,
              },
              origin: pathItemOrigin(model, path),
              part: "key",
              related: [pathItemOrigin(model, first.path)],
            });
            break;
          }
        }
        parent += `/${segment}`;
      }
    }
  },
};
