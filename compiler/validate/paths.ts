/**
 * OpenAPI path templates as API Gateway sees them: segments, `{name}` / greedy `{name+}` variables, and the
 * `x-gateway.proxyResources` prefixes that swallow whole subtrees.
 */
import type { ProxyResource } from "../model/types.js";

/** A segment that is exactly one variable: `{id}` or the greedy `{proxy+}`. */
export interface SegmentVariable {
  readonly name: string;
  readonly greedy: boolean;
}

/** The segments of a path template: `/pets/{id}` → `["pets", "{id}"]`, `/` → `[]`. */
export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\/+/, "");
  return trimmed === "" ? [] : trimmed.split("/");
}

/** The variable a segment consists of, or undefined for text and mixed segments (`a{id}`, `{a}.{b}`). */
export function segmentVariable(segment: string): SegmentVariable | undefined {
  const m = /^\{([^{}+]+)(\+?)\}$/.exec(segment);
  return m ? { name: m[1] as string, greedy: m[2] === "+" } : undefined;
}

/** Every `{name}` and `{name+}` of a path template, in order, without the `+` (a greedy `{proxy+}` gives `proxy`). */
export function templateVariables(path: string): string[] {
  const names: string[] = [];
  for (const m of path.matchAll(/\{([^{}]*)\}/g)) names.push((m[1] as string).replace(/\+$/, ""));
  return names;
}

/** A prefix without its trailing slashes; the root prefix `/` becomes `""`, which contains every path. */
function normalizePrefix(prefix: string): string {
  return prefix.replace(/\/+$/, "");
}

/**
 * A lookup from a path to the `proxyResources` entry that serves it (the outermost one when several nest), built
 * once per model. A path is under a prefix when it equals it or continues it after a `/`. Costs O(segments).
 */
export function proxyResourceLookup(proxyResources: readonly ProxyResource[]): (path: string) => ProxyResource | undefined {
  const table = new Map<string, ProxyResource>();
  for (const p of proxyResources) {
    const key = normalizePrefix(p.prefix);
    if (!table.has(key)) table.set(key, p);
  }
  return (path) => {
    if (table.size === 0) return undefined;
    let prefix = "";
    const root = table.get(prefix);
    if (root) return root;
    for (const segment of pathSegments(normalizePrefix(path))) {
      prefix += `/${segment}`;
      const hit = table.get(prefix);
      if (hit) return hit;
    }
    return undefined;
  };
}

/** The second half of a fix: the `proxyResources` entry whose greedy resource would serve the subtree at `prefix`. */
export function proxyFix(prefix: string): string {
  return `serve the subtree through x-gateway.proxyResources: [${prefix || "/"}]`;
}
