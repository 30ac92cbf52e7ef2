/**
 * Node positions of a YAML text that `js-yaml` has already parsed, from a second `js-yaml` pass with a listener:
 * several times faster than composing `yaml`'s document tree. `js-yaml` reports where the parsing of each node
 * began and where it stopped, with the node's kind, value and anchor; the text between those positions and
 * between siblings (only white space, comments and indicators) tells keys from values and locates the content.
 *
 * Ranges follow `yaml`'s: a scalar's text (quotes and block scalar header included, trailing spaces not), a flow
 * collection from bracket to bracket, a block collection from its first entry to the line break that ends its
 * last entry, an empty node as an empty range after its indicator and properties, an alias as `*name`.
 *
 * Texts this pass does not map (a mapping or sequence used as a key, a `key: value` pair or `?` inside a flow
 * sequence, counts that disagree with the parsed value) get no tree, and callers fall back to `yaml`.
 */
import { CORE_SCHEMA, load } from "js-yaml";
import { aliasEnd, blockCollectionEnd, blockScalarEnd, contentStart, emptyNodeAt, indicatorIn, plainScalarEnd } from "./yaml-text-scan.js";

/** A node's range `[s, e)` in the text `js-yaml` read. Mappings, sequences and aliases add their parts. */
export interface PositionNode {
  readonly s: number;
  readonly e: number;
}

/** A mapping: key names (as `js-yaml` turns keys into text), key nodes and value nodes (null when a key has none). */
export interface PositionMap extends PositionNode {
  readonly names: readonly string[];
  readonly keys: readonly PositionNode[];
  readonly values: readonly (PositionNode | null)[];
}

/** A sequence and its items (an empty item is an empty range). */
export interface PositionSeq extends PositionNode {
  readonly items: readonly PositionNode[];
}

/** An alias, with the anchor name it refers to. */
export interface PositionAlias extends PositionNode {
  readonly alias: string;
}

/** An anchored node and where its parsing began (before its properties). */
export interface AnchorSite {
  readonly at: number;
  readonly node: PositionNode;
}

/** The positions of one document. */
export interface PositionTree {
  readonly root: PositionNode;
  /** Anchored nodes by anchor name, each list in no particular order. */
  readonly anchors: ReadonlyMap<string, readonly AnchorSite[]>;
}

/** The parts of `js-yaml`'s parser state read by the listener. */
interface ParserState {
  readonly position: number;
  readonly lineStart: number;
  readonly kind: string | null;
  readonly result: unknown;
  readonly anchor: string | null;
}

const COLON = 0x3a;
const QUESTION = 0x3f;
const DASH = 0x2d;

/**
 * Parses `text` (already known to parse, without a BOM) once more and returns the positions of its nodes, or
 * undefined when it holds something this pass does not map. Not recursive itself; `js-yaml` is, so `text` must
 * have passed the depth check.
 */
export function buildPositionTree(text: string): PositionTree | undefined {
  // Open nodes: where their parsing began and where their children start in the pending arrays.
  const openAt: number[] = [];
  const openBase: number[] = [];
  // Finished nodes whose parent is still open, with what the parent needs to place them.
  const nodes: PositionNode[] = [];
  const begins: number[] = [];
  const stops: number[] = [];
  const kinds: (string | null)[] = [];
  const results: unknown[] = [];
  const anchors = new Map<string, AnchorSite[]>();
  let mapped = true;

  function build(begin: number, stop: number, kind: string | null, base: number, result: unknown, nextLine: number): PositionNode {
    const count = nodes.length - base;
    if (kind === "mapping") return buildMap(begin, stop, base, count);
    if (kind === "sequence") return buildSeq(begin, stop, base, count, result);
    const s = contentStart(text, begin);
    if (kind === "scalar") {
      const c = text.charCodeAt(s);
      if (c === 0x22 || c === 0x27) return { s, e: stop };
      if (c === 0x7c || c === 0x3e) return { s, e: blockScalarEnd(text, s, nextLine) };
      return { s, e: plainScalarEnd(text, s, stop) };
    }
    if (s < stop && text.charCodeAt(s) === 0x2a) {
      const e = aliasEnd(text, s);
      const alias: PositionAlias = { s, e, alias: text.slice(s + 1, e) };
      return alias;
    }
    const at = emptyNodeAt(text, begin);
    return { s: at, e: at };
  }

  function buildMap(begin: number, stop: number, base: number, count: number): PositionMap {
    let s = contentStart(text, begin);
    const flow = text.charCodeAt(s) === 0x7b && (count === 0 || (begins[base] as number) > s);
    // A block mapping starts at its first key, properties of that key included.
    if (!flow && count > 0) s = Math.min(s, begins[base] as number);
    const names: string[] = [];
    const keys: PositionNode[] = [];
    const values: (PositionNode | null)[] = [];
    for (let i = base; i < base + count; i++) {
      if (i > base && indicatorIn(text, stops[i - 1] as number, begins[i] as number, COLON) >= 0) {
        if (values.length !== keys.length - 1) mapped = false;
        values.push(nodes[i] as PositionNode);
        continue;
      }
      if (values.length < keys.length) values.push(null);
      const key = results[i];
      if (key !== null && typeof key === "object") mapped = false;
      names.push(String(key));
      keys.push(nodes[i] as PositionNode);
    }
    if (values.length < keys.length) {
      const last = base + count - 1;
      // A block mapping tries to read one more key where its entries end (before `...`, say): that attempt
      // read nothing, moved nowhere and is not an entry.
      const attempt =
        !flow && kinds[last] === null && begins[last] === stops[last] && !("alias" in (nodes[last] as PositionNode)) &&
        indicatorIn(text, last > base ? (stops[last - 1] as number) : s, begins[last] as number, QUESTION) < 0;
      if (attempt) {
        names.pop();
        keys.pop();
      } else {
        values.push(null);
      }
    }
    const lastNode = values.at(-1) ?? keys.at(-1);
    const e = flow || !lastNode ? stop : blockCollectionEnd(text, lastNode, isBlockCollection(lastNode), stop);
    return { s, e, names, keys, values };
  }

  function buildSeq(begin: number, stop: number, base: number, count: number, result: unknown): PositionSeq {
    const s = contentStart(text, begin);
    const items: PositionNode[] = [];
    if (text.charCodeAt(s) === 0x5b) {
      for (let i = base; i < base + count; i++) {
        const from = i > base ? (stops[i - 1] as number) : s + 1;
        if (indicatorIn(text, from, begins[i] as number, COLON) >= 0 || indicatorIn(text, from, begins[i] as number, QUESTION) >= 0) mapped = false;
        items.push(nodes[i] as PositionNode);
      }
    } else {
      // Items written as a bare `-` have no node of their own: each `-` between two nodes is one.
      let from = s;
      for (let i = base; i <= base + count; i++) {
        const to = i < base + count ? (begins[i] as number) : stop;
        let dash = indicatorIn(text, from, to, DASH);
        if (i < base + count && dash < 0) mapped = false;
        while (dash >= 0) {
          const next = indicatorIn(text, dash + 1, to, DASH);
          if (next < 0 && i < base + count) break;
          const at = emptyNodeAt(text, dash + 1);
          items.push({ s: at, e: at });
          dash = next;
        }
        if (i < base + count) {
          items.push(nodes[i] as PositionNode);
          from = stops[i] as number;
        }
      }
    }
    if (!Array.isArray(result) || items.length !== result.length) mapped = false;
    const last = items.at(-1);
    const flow = text.charCodeAt(s) === 0x5b;
    return { s, e: flow || !last ? stop : blockCollectionEnd(text, last, isBlockCollection(last), stop), items };
  }

  function isBlockCollection(node: PositionNode): boolean {
    const c = text.charCodeAt(node.s);
    return ("names" in node || "items" in node) && c !== 0x7b && c !== 0x5b;
  }

  try {
    load(text, {
      schema: CORE_SCHEMA,
      listener(event, raw) {
        const state = raw as unknown as ParserState;
        if (event === "open") {
          openAt.push(state.position);
          openBase.push(nodes.length);
          return;
        }
        const begin = openAt.pop() as number;
        const base = openBase.pop() as number;
        const { kind, result, anchor, position: stop } = state;
        // A node that could have been an implicit key is parsed inside a second, outer event: same kind, same value.
        const node =
          nodes.length - base === 1 && kinds[base] === kind && Object.is(results[base], result)
            ? (nodes[base] as PositionNode)
            : build(begin, stop, kind, base, result, state.lineStart);
        if (anchor !== null) {
          const sites = anchors.get(anchor) ?? [];
          sites.push({ at: begin, node });
          anchors.set(anchor, sites);
        }
        nodes.length = begins.length = stops.length = kinds.length = results.length = base;
        nodes.push(node);
        begins.push(begin);
        stops.push(stop);
        kinds.push(kind);
        results.push(result);
      },
    });
  } catch {
    return undefined;
  }
  const root = nodes[0];
  return mapped && root && nodes.length === 1 ? { root, anchors } : undefined;
}
