/**
 * Words structural problems as diagnostics: where (in the author's terms, see {@link describeLocation}), what is
 * wrong and a hint. One diagnostic per place and problem:
 * - a `missing-property` is dropped when an unknown key of the same object is a near miss of that very name
 *   (`confg` → "Did you mean 'config'?" says it all);
 * - a key both the OpenAPI schema and the extension check reject is reported once, with the extension check's hint;
 * - a node gets one `invalid-type`, even when a short form's `if`/`else` repeats the outer `type` error.
 */
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SchemaProblem } from "./ajv-errors.js";
import { describeLocation } from "./describe-location.js";
import { closestName } from "./did-you-mean.js";
import { parentPointer } from "./pointer.js";

/** Diagnostics for `problems` found in `document` (the entry file `file`), in the problems' order. */
export function problemsToDiagnostics(problems: readonly SchemaProblem[], document: unknown, file: string): Diagnostic[] {
  const suggested = new Map<string, Set<string>>();
  const hints = new Map<SchemaProblem, string>();
  const hinted = new Set<string>();
  for (const p of problems) {
    if (p.code !== "unknown-property") continue;
    if (p.hint !== undefined) {
      hinted.add(p.pointer);
      hints.set(p, p.hint);
      continue;
    }
    const match = closestName(p.name, p.allowed);
    if (match !== undefined) {
      const parent = parentPointer(p.pointer);
      suggested.set(parent, (suggested.get(parent) ?? new Set()).add(match));
    }
    hints.set(p, unknownHint(match, p.allowed, p.patterns));
  }
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const p of problems) {
    if (p.code === "missing-property" && suggested.get(p.pointer)?.has(p.name)) continue;
    if (p.code === "unknown-property" && p.hint === undefined && hinted.has(p.pointer)) continue;
    const d = diagnose(p, hints.get(p) ?? "", document, file);
    const key = `${d.code}\u0000${d.origin.pointer}\u0000${d.part}\u0000${d.code === "invalid-type" ? "" : d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function diagnose(p: SchemaProblem, hint: string, document: unknown, file: string): Diagnostic {
  const origin = { file, pointer: p.pointer };
  const where = describeLocation(document, p.code === "unknown-property" ? parentPointer(p.pointer) : p.pointer);
  switch (p.code) {
    case "unknown-property":
      return createDiagnostic({ code: p.code, origin, part: p.part, args: { name: p.name, where, hint } });
    case "missing-property":
      return createDiagnostic({ code: p.code, origin, part: p.part, args: { where, name: p.name } });
    case "invalid-type":
      return createDiagnostic({ code: p.code, origin, part: p.part, args: { where, expected: p.expected } });
    case "invalid-value":
      return createDiagnostic({ code: p.code, origin, part: p.part, args: { where, detail: p.detail } });
  }
}

/** "Did you mean", else the allowed names when there are few, else the patterns names must match. */
function unknownHint(match: string | undefined, allowed: readonly string[], patterns: readonly string[]): string {
  if (match !== undefined) return ` Did you mean '${match}'?`;
  if (allowed.length === 0) return patterns.length > 0 ? ` Names here must match ${patterns.join(" or ")}.` : "";
  if (allowed.length > 8) return "";
  const named = patterns.filter((p) => p !== "^x-").map((p) => `a name matching ${p}`);
  if (named.length > 0) return ` Expected ${[...allowed, ...named].join(" or ")}.`;
  return allowed.length === 1 ? ` Expected ${allowed[0]}.` : ` Expected one of ${allowed.join(", ")}.`;
}
