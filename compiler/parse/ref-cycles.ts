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
  const indexOf = new Map<string, number>();
  edges.forEach((edge, i) => {
    const k = key(edge.from);
    if (!indexOf.has(k)) indexOf.set(k, i);
  });
  // next[i]: the reference object that edge i leads to, if its target is one.
  const next = edges.map((edge) => indexOf.get(key(edge.to)));
  const state = new Uint8Array(edges.length); // 0 unseen, 1 on the current chain, 2 done
  const diagnostics: Diagnostic[] = [];
  for (let start = 0; start < edges.length; start++) {
    const chain: number[] = [];
    let current: number | undefined = start;
    while (current !== undefined && state[current] === 0) {
      state[current] = 1;
      chain.push(current);
      current = next[current];
    }
    if (current !== undefined && state[current] === 1) diagnostics.push(cycleDiagnostic(edges, chain.slice(chain.indexOf(current))));
    for (const i of chain) state[i] = 2;
  }
  return diagnostics;
}

/** The diagnostic for the cycle `members` (edge indexes in cycle order), told from its earliest member. */
function cycleDiagnostic(edges: readonly RefEdge[], members: readonly number[]): Diagnostic {
  const first = members.reduce((a, b) => Math.min(a, b));
  const at = members.indexOf(first);
  const cycle = [...members.slice(at), ...members.slice(0, at), first];
  const origin = (edges[first] as RefEdge).from;
  // Within one file a pointer says enough; across files every member names its file.
  const files = new Set(cycle.map((i) => (edges[i] as RefEdge).from.file));
  const shown = cycle.map((i) => {
    const o = (edges[i] as RefEdge).from;
    return files.size > 1 ? `${o.file}#${o.pointer}` : `#${o.pointer}`;
  });
  return createDiagnostic({ code: "ref-cycle", args: { cycle: shown.join(" → ") }, origin: { file: origin.file, pointer: `${origin.pointer}/$ref` } });
}
