/**
 * Evaluates a parsed JSONPath query (see `jsonpath-parse.ts`) over own properties only, yielding JSON pointers;
 * filter expressions are handed to `jsonpath-filter.ts`.
 */
import { runFilter, type Result } from "./jsonpath-filter.js";
import type { Segment, Selector } from "./jsonpath-parse.js";
import { childPointer, parsePointer } from "./pointer.js";

/** A selected node. */
export interface Selected {
  readonly pointer: string;
  readonly value: unknown;
}

/** The nodes `segments` select in `root`, in selection order, each node once. Fails only on filter errors. */
export function selectNodes(root: unknown, segments: readonly Segment[]): Result<readonly Selected[]> {
  let nodes: Selected[] = [{ pointer: "", value: root }];
  for (const segment of segments) {
    const inputs = segment.descendant ? withDescendants(nodes) : nodes;
    const out: Selected[] = [];
    for (const node of inputs) {
      for (const selector of segment.selectors) {
        const failure = applySelector(node, selector, out);
        if (failure) return { ok: false, reason: failure };
      }
    }
    nodes = out;
  }
  const unique = new Map<string, Selected>();
  for (const node of nodes) if (!unique.has(node.pointer)) unique.set(node.pointer, node);
  return { ok: true, value: [...unique.values()] };
}

function withDescendants(nodes: readonly Selected[]): Selected[] {
  const out: Selected[] = [];
  for (const root of nodes) {
    const stack: Selected[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as Selected;
      out.push(node);
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Selected);
    }
  }
  return out;
}

function childrenOf(node: Selected): Selected[] {
  const v = node.value;
  if (Array.isArray(v)) return v.map((value, i) => ({ pointer: childPointer(node.pointer, i), value }));
  if (v !== null && typeof v === "object") {
    return Object.keys(v).map((k) => ({ pointer: childPointer(node.pointer, k), value: (v as Record<string, unknown>)[k] }));
  }
  return [];
}

function applySelector(node: Selected, selector: Selector, out: Selected[]): string | undefined {
  const v = node.value;
  switch (selector.kind) {
    case "name":
      if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.hasOwn(v, selector.name)) {
        out.push({ pointer: childPointer(node.pointer, selector.name), value: (v as Record<string, unknown>)[selector.name] });
      }
      return undefined;
    case "wildcard":
      for (const child of childrenOf(node)) out.push(child);
      return undefined;
    case "index":
      if (Array.isArray(v)) {
        const i = selector.index < 0 ? v.length + selector.index : selector.index;
        if (i >= 0 && i < v.length) out.push({ pointer: childPointer(node.pointer, i), value: v[i] });
      }
      return undefined;
    case "slice":
      if (Array.isArray(v)) for (const i of sliceIndexes(v.length, selector)) out.push({ pointer: childPointer(node.pointer, i), value: v[i] });
      return undefined;
    case "filter": {
      if (v === null || typeof v !== "object") return undefined;
      const matched = runFilter(selector.expression, v);
      if (!matched.ok) return matched.reason;
      const children = new Map(childrenOf(node).map((c) => [c.pointer.slice(node.pointer.length), c]));
      for (const pointer of matched.value) {
        const token = parsePointer(pointer);
        const child = token?.length === 1 ? children.get(pointer) : undefined;
        if (child) out.push(child);
      }
      return undefined;
    }
  }
}

/** The indexes an RFC 9535 slice selects from an array of `length` items, in selection order. */
function sliceIndexes(length: number, s: { readonly start?: number; readonly end?: number; readonly step?: number }): number[] {
  const step = s.step ?? 1;
  if (step === 0) return [];
  const norm = (i: number) => (i >= 0 ? i : length + i);
  const out: number[] = [];
  if (step > 0) {
    const lower = Math.min(Math.max(norm(s.start ?? 0), 0), length);
    const upper = Math.min(Math.max(norm(s.end ?? length), 0), length);
    for (let i = lower; i < upper; i += step) out.push(i);
  } else {
    const upper = Math.min(Math.max(norm(s.start ?? length - 1), -1), length - 1);
    const lower = Math.min(Math.max(s.end === undefined ? -1 : norm(s.end), -1), length - 1);
    for (let i = upper; i > lower; i += step) out.push(i);
  }
  return out;
}
