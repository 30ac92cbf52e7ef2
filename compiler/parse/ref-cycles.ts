/**
 * Reference cycles with no structure in between: `A: {$ref: B}` and `B: {$ref: A}` (also across files, and
 * `A: {$ref: A}`) describe nothing and can never be resolved. A recursive schema is different: its `$ref` sits
 * inside `properties`, `items`, … of an object that is not itself a reference, so following references from it
 * reaches that object and stops.
 */
import { createDiagnostic, type Diagnostic, type Origin } from "../diagnostics/diagnostic.js";

/** A resolved reference: the object holding `$ref` → the node it names. */
export interface RefEdge {
  readonly from: Origin;
  readonly to: Origin;
}

/**
 * Reports each cycle of reference objects once (`ref-cycle`), at the `$ref` of the member that comes first in
 * `edges`, with the whole cycle in the message. Linear in the number of edges.
 */
export function findRefCycles(edges: readonly RefEdge[]): Diagnostic[] {
  const key = (o: Origin) => `${o.file}#${o.pointer}`;
  const next = new Map<string, string>();
  const order = new Map<string, number>();
  const origins = new Map<string, Origin>();
  edges.forEach((edge, i) => {
    const k = key(edge.from);
    if (next.has(k)) return;
    next.set(k, key(edge.to));
    order.set(k, i);
    origins.set(k, edge.from);
  });
  const diagnostics: Diagnostic[] = [];
  const state = new Map<string, "open" | "done">();
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && next.has(current) && !state.has(current)) {
      state.set(current, "open");
      path.push(current);
      current = next.get(current);
    }
    if (current !== undefined && state.get(current) === "open") {
      const members = path.slice(path.indexOf(current));
      const first = members.reduce((a, b) => ((order.get(a) as number) <= (order.get(b) as number) ? a : b));
      const at = members.indexOf(first);
      const cycle = [...members.slice(at), ...members.slice(0, at), first];
      const origin = origins.get(first) as Origin;
      const shown = cycle.map((k) => {
        const o = origins.get(k) as Origin;
        return o.file === origin.file ? `#${o.pointer}` : `${o.file}#${o.pointer}`;
      });
      diagnostics.push(
        createDiagnostic({ code: "ref-cycle", args: { cycle: shown.join(" → ") }, origin: { file: origin.file, pointer: `${origin.pointer}/$ref` } }),
      );
    }
    for (const k of path) state.set(k, "done");
  }
  return diagnostics;
}
