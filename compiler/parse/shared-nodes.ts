/**
 * YAML aliases of collections come out of `js-yaml` as shared references: the document is a graph, and a
 * 341-byte alias bomb stands for hundreds of millions of nodes once anything walks it as a tree. This module
 * measures the tree the graph stands for, iteratively and in time linear in the graph, then copies each
 * re-visited node so the result is a real tree.
 */
import { ALIAS_EXPANSION_BUDGET, MAX_DEPTH } from "./limits.js";
import { pointerFrom } from "./pointer.js";
import { cloneValue, setOwn, type PlainObject } from "./values.js";

/** The outcome of {@link unshareNodes}. */
export type UnshareOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: "alias-limit" | "nesting-too-deep"; readonly pointer: string; readonly limit: string };

interface Measure {
  /** Nodes in the expanded subtree, this one included. */
  readonly size: number;
  /** Pointer tokens from this node to its deepest descendant (0 for a leaf). */
  readonly height: number;
}

interface Frame {
  readonly node: object;
  readonly keys: readonly string[] | undefined;
  readonly length: number;
  next: number;
  size: number;
  height: number;
}

/**
 * Expands shared nodes of `value` into copies. Fails with `alias-limit` when the copies would add more than
 * {@link ALIAS_EXPANSION_BUDGET} nodes or when a node contains itself (an alias inside its own anchor), and with
 * `nesting-too-deep` when the expanded tree is deeper than {@link MAX_DEPTH}; the pointer names the alias
 * occurrence (or, for depth, the first node past the limit).
 */
export function unshareNodes(value: unknown, budget = ALIAS_EXPANSION_BUDGET): UnshareOutcome {
  if (value === null || typeof value !== "object") return { ok: true, value };
  const measures = new Map<object, Measure>();
  const onPath = new Set<object>();
  const tokens: (string | number)[] = [];
  const frames: Frame[] = [];
  let revisits = 0;
  const enter = (node: object) => {
    const keys = Array.isArray(node) ? undefined : Object.keys(node);
    frames.push({ node, keys, length: keys ? keys.length : (node as unknown[]).length, next: 0, size: 1, height: 0 });
    onPath.add(node);
  };
  const aliasLimit = (): UnshareOutcome => ({ ok: false, problem: "alias-limit", pointer: pointerFrom(tokens), limit: String(budget) });
  const tooDeep = (): UnshareOutcome => ({ ok: false, problem: "nesting-too-deep", pointer: pointerFrom(tokens), limit: String(MAX_DEPTH) });

  enter(value);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    if (frame.next < frame.length) {
      const key = frame.keys ? (frame.keys[frame.next] as string) : frame.next;
      frame.next++;
      const child = (frame.node as Record<string | number, unknown>)[key];
      const depth = frames.length;
      tokens.push(key);
      if (child === null || typeof child !== "object") {
        if (depth > MAX_DEPTH) return tooDeep();
        frame.size += 1;
        frame.height = Math.max(frame.height, 1);
        tokens.pop();
        continue;
      }
      if (onPath.has(child)) return aliasLimit();
      const known = measures.get(child);
      if (!known) {
        if (depth > MAX_DEPTH) return tooDeep();
        enter(child);
        continue;
      }
      revisits += known.size;
      if (revisits > budget) return aliasLimit();
      if (depth + known.height > MAX_DEPTH) {
        descendDeepest(child, depth, measures, tokens);
        return tooDeep();
      }
      frame.size += known.size;
      frame.height = Math.max(frame.height, known.height + 1);
      tokens.pop();
      continue;
    }
    frames.pop();
    onPath.delete(frame.node);
    measures.set(frame.node, { size: frame.size, height: frame.height });
    const parent = frames[frames.length - 1];
    if (parent) {
      parent.size += frame.size;
      parent.height = Math.max(parent.height, frame.height + 1);
      tokens.pop();
    }
  }
  return { ok: true, value: revisits > 0 ? copyRevisits(value) : value };
}

/** Extends `tokens` from `node` (at `depth`) along its deepest branch until the depth passes the limit. */
function descendDeepest(node: unknown, depth: number, measures: Map<object, Measure>, tokens: (string | number)[]): void {
  let current = node as object;
  for (let d = depth; d <= MAX_DEPTH; d++) {
    const height = measures.get(current)?.height ?? 0;
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((v, i) => [i, v])
      : Object.entries(current as PlainObject);
    const deepest = entries.find(([, v]) => (v !== null && typeof v === "object" ? (measures.get(v)?.height ?? 0) + 1 : 1) === height);
    if (!deepest) return;
    tokens.push(deepest[0]);
    if (deepest[1] === null || typeof deepest[1] !== "object") return;
    current = deepest[1];
  }
}

/** Replaces every second and later occurrence of a shared node by a copy. */
function copyRevisits(root: object): object {
  const seen = new Set<object>([root]);
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as object;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = visitChild(node[i], seen, stack);
    } else {
      const record = node as PlainObject;
      for (const key of Object.keys(record)) {
        const child = record[key];
        const replaced = visitChild(child, seen, stack);
        if (replaced !== child) setOwn(record, key, replaced);
      }
    }
  }
  return root;
}

function visitChild(child: unknown, seen: Set<object>, stack: object[]): unknown {
  if (child === null || typeof child !== "object") return child;
  if (seen.has(child)) return cloneValue(child);
  seen.add(child);
  stack.push(child);
  return child;
}
