/**
 * Mapping and sequence nodes of a {@link PositionTree}, assembled from the nodes `js-yaml` finished inside them.
 * What separates two siblings tells their roles: a `:` before a node makes it the value of the key before it,
 * a `-` in a block sequence starts an item (one with no node of its own when two `-` follow each other).
 */
import { blockCollectionEnds } from "./yaml-collection-end.js";
import { contentStart, emptyNodeAt, indicatorIn } from "./yaml-text-scan.js";
import type { PositionMap, PositionNode, PositionSeq } from "./yaml-positions.js";

/**
 * Nodes finished while their parent is still open, with what the parent needs to place them: the children of
 * the innermost open node are the first `size` entries from the index where that node began.
 */
export interface PendingNodes {
  size: number;
  readonly nodes: PositionNode[];
  /** Where `js-yaml` began parsing each node (before separation and properties). */
  readonly begins: number[];
  /** Where it stopped (after the node, sometimes after white space, comments or line breaks that follow it). */
  readonly stops: number[];
  readonly kinds: (string | null)[];
  readonly results: unknown[];
}

const COLON = 0x3a;
const QUESTION = 0x3f;
const DASH = 0x2d;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * The mapping parsed from `begin` to `stop`, whose children are the pending nodes from `base` on; undefined when
 * a key is a mapping or a sequence, or the roles do not add up.
 */
export function mappingNode(text: string, pending: PendingNodes, begin: number, stop: number, base: number): PositionMap | undefined {
  const { nodes, begins, stops, kinds, results } = pending;
  const end = pending.size;
  let s = contentStart(text, begin);
  const flow = text.charCodeAt(s) === OPEN_BRACE && (end === base || (begins[base] as number) > s);
  // A block mapping starts at its first key, properties of that key included.
  if (!flow && end > base) s = Math.min(s, begins[base] as number);
  const names: string[] = [];
  const keys: PositionNode[] = [];
  const values: (PositionNode | null)[] = [];
  for (let i = base; i < end; i++) {
    if (i > base && indicatorIn(text, stops[i - 1] as number, begins[i] as number, COLON) >= 0) {
      if (values.length !== keys.length - 1) return undefined;
      values.push(nodes[i] as PositionNode);
      continue;
    }
    const key = results[i];
    if (key !== null && typeof key === "object") return undefined;
    if (values.length < keys.length) values.push(null);
    names.push(String(key));
    keys.push(nodes[i] as PositionNode);
  }
  if (values.length < keys.length) {
    const last = end - 1;
    // A block mapping tries to read one more key where its entries end (before `...`, say): that attempt read
    // nothing, moved nowhere and is not an entry.
    const attempt =
      !flow &&
      kinds[last] === null &&
      begins[last] === stops[last] &&
      !("alias" in (nodes[last] as PositionNode)) &&
      indicatorIn(text, last > base ? (stops[last - 1] as number) : s, begins[last] as number, QUESTION) < 0;
    if (attempt) {
      names.pop();
      keys.pop();
    } else {
      values.push(null);
    }
  }
  const last = values.at(-1) ?? keys.at(-1);
  if (flow || !last) return { s, e: stop, names, keys, values };
  return { s, ...blockCollectionEnds(text, s, last, stop), names, keys, values };
}

/**
 * The sequence parsed from `begin` to `stop`, `length` items long, whose children are the pending nodes from
 * `base` on; undefined when a flow sequence holds a `key: value` pair or an explicit key, or the items do not
 * add up to `length`.
 */
export function sequenceNode(text: string, pending: PendingNodes, begin: number, stop: number, base: number, length: number): PositionSeq | undefined {
  const { nodes, begins, stops } = pending;
  const end = pending.size;
  const s = contentStart(text, begin);
  const flow = text.charCodeAt(s) === OPEN_BRACKET;
  const items: PositionNode[] = [];
  let from = flow ? s + 1 : s;
  for (let i = base; i <= end; i++) {
    const to = i < end ? (begins[i] as number) : stop;
    if (flow) {
      if (i < end && (indicatorIn(text, from, to, COLON) >= 0 || indicatorIn(text, from, to, QUESTION) >= 0)) return undefined;
    } else {
      // Each `-` before the one that starts the next node is an item with no node of its own.
      let dash = indicatorIn(text, from, to, DASH);
      if (i < end && dash < 0) return undefined;
      for (let next = dash; dash >= 0; dash = next) {
        next = indicatorIn(text, dash + 1, to, DASH);
        if (next < 0 && i < end) break;
        const at = emptyNodeAt(text, dash + 1);
        items.push({ s: at, e: at });
      }
    }
    if (i < end) {
      items.push(nodes[i] as PositionNode);
      from = stops[i] as number;
    }
  }
  if (items.length !== length) return undefined;
  const last = items.at(-1);
  if (flow || !last) return { s, e: stop, items };
  return { s, ...blockCollectionEnds(text, s, last, stop), items };
}
