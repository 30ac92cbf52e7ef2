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
 * REST only. Under each parent, the variable name most paths use (the first one met on a tie) is the reference;
 * every path item that names that position differently is reported once, at its `/paths` key, so the fix the
 * message suggests is the smallest rename. Paths under a `proxyResources` prefix are exempt: the greedy resource
 * serves them.
 */
export const siblingPathVariables: Rule = {
  name: "sibling-path-variables",
  codes: ["sibling-path-variables"],
  check(model, report) {
    if (model.kind !== "rest") return;
    const proxyOf = proxyResourceLookup(model.proxyResources);
    const paths = [...new Set(model.operations.map((op) => op.path))].filter((path) => !proxyOf(path));
    /** Parent resource path → variable segment → the paths that use it there, in model order. */
    const usage = new Map<string, Map<string, string[]>>();
    for (const path of paths) {
      for (const { parent, segment } of variablePositions(path)) {
        const byName = usage.get(parent) ?? new Map<string, string[]>();
        usage.set(parent, byName);
        byName.set(segment, [...(byName.get(segment) ?? []), path]);
      }
    }
    const reference = new Map<string, { segment: string; path: string }>();
    for (const [parent, byName] of usage) {
      let best: { segment: string; paths: string[] } | undefined;
      for (const [segment, users] of byName) if (!best || users.length > best.paths.length) best = { segment, paths: users };
      if (best && byName.size > 1) reference.set(parent, { segment: best.segment, path: best.paths[0] as string });
    }
    for (const path of paths) {
      for (const { parent, segment } of variablePositions(path)) {
        const ref = reference.get(parent);
        if (!ref || ref.segment === segment) continue;
        report({
          code: "sibling-path-variables",
          args: {
            path,
            name: segment.slice(1, -1),
            other: ref.path,
            otherName: ref.segment.slice(1, -1),
            fix: `Rename ${segment} to ${ref.segment}, or ${proxyFix(parent)}.`,
          },
          origin: pathItemOrigin(model, path),
          part: "key",
          related: [pathItemOrigin(model, ref.path)],
        });
        break;
      }
    }
  },
};

/** Each variable segment of `path` with the parent resource path it sits under. */
function variablePositions(path: string): { parent: string; segment: string }[] {
  const out: { parent: string; segment: string }[] = [];
  let parent = "";
  for (const segment of pathSegments(path)) {
    if (segmentVariable(segment)) out.push({ parent, segment });
    parent += `/${segment}`;
  }
  return out;
}
