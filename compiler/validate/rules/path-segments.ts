/**
 * Path segments API Gateway can build resources and routes from.
 *
 * A variable must be a whole segment on REST and HTTP APIs (`a{id}` and `{base}...{head}` are rejected), and a
 * REST resource path part may hold only letters, digits, `_ - . , :` and braces around a variable name.
 * Source: API Gateway REST API Reference, CreateResource (`pathPart`); Developer Guide, "Working with routes for
 * HTTP APIs" (http-api-develop-routes.html).
 */
import { pathItemOrigin } from "../origins.js";
import { pathSegments, proxyFix, proxyResourceLookup } from "../paths.js";
import type { Rule } from "../rule.js";

const VARIABLE = /\{[^{}]*\}/g;
const TEXT = /^[A-Za-z0-9_.,:-]*$/;
const NAME = /^\{[A-Za-z0-9_.,:-]+\+?\}$/;

/** True when the segment has characters a REST path part does not accept, or unbalanced or empty braces. */
function invalidRestSegment(segment: string): boolean {
  const variables = segment.match(VARIABLE) ?? [];
  return !TEXT.test(segment.replace(VARIABLE, "")) || variables.some((v) => !NAME.test(v));
}

/** True when the segment holds a variable together with text or another variable. */
function mixed(segment: string): boolean {
  const variables = segment.match(VARIABLE) ?? [];
  return variables.length > 1 || (variables.length === 1 && variables[0] !== segment);
}

/**
 * Each distinct path is checked once; a bad segment is reported at the path's `/paths` key. Paths under a
 * `proxyResources` prefix are exempt: they never become resources or routes of their own. The fix for a mixed
 * segment names the proxy prefix that would take the segment out of the resource tree (the path up to it).
 */
export const pathSegmentRules: Rule = {
  name: "path-segments",
  codes: ["path-segment-mixed", "path-segment-invalid"],
  check(model, report) {
    const kind = model.kind === "rest" ? "REST" : "HTTP";
    const proxyOf = proxyResourceLookup(model.proxyResources);
    const seen = new Set<string>();
    for (const { path } of model.operations) {
      if (seen.has(path) || proxyOf(path)) continue;
      seen.add(path);
      let prefix = "";
      for (const segment of pathSegments(path)) {
        const origin = pathItemOrigin(model, path);
        if (mixed(segment)) {
          const fix = `Make each variable its own segment, or ${proxyFix(prefix)}.`;
          report({ code: "path-segment-mixed", args: { segment, path, kind, fix }, origin, part: "key" });
        }
        if (model.kind === "rest" && invalidRestSegment(segment)) {
          report({ code: "path-segment-invalid", args: { segment, path }, origin, part: "key" });
        }
        prefix += `/${segment}`;
      }
    }
  },
};
