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
import { mappingNode, sequenceNode, type PendingNodes } from "./yaml-position-collections.js";
import { aliasEnd, blockScalarEnd, contentStart, emptyNodeAt, plainScalarEnd } from "./yaml-text-scan.js";

/**
 * A node's range `[s, e)` in the text `js-yaml` read. Mappings, sequences and aliases add their parts; a block
 * mapping or sequence also `t`, where the comment lines it keeps at its end stop (see `yaml-collection-end.ts`).
 */
export interface PositionNode {
  readonly s: number;
  readonly e: number;
  readonly t?: number;
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
  /** Undefined when the document has no content (only comments, say). */
  readonly root: PositionNode | undefined;
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

/** Thrown from the listener to stop parsing a text this pass does not map. */
class Unmapped extends Error {}

/**
 * Parses `text` (already known to parse, without a BOM) once more and returns the positions of its nodes, or
 * undefined when it holds something this pass does not map. Not recursive itself; `js-yaml` is, so `text` must
 * have passed the depth check.
 */
export function buildPositionTree(text: string): PositionTree | undefined {
  // Open nodes: where their parsing began and where their children start among the pending nodes.
  const openAt: number[] = [];
  const openBase: number[] = [];
  const pending: PendingNodes = { size: 0, nodes: [], begins: [], stops: [], kinds: [], results: [] };
  const { nodes, begins, stops, kinds, results } = pending;
  const anchors = new Map<string, AnchorSite[]>();
  try {
    load(text, {
      schema: CORE_SCHEMA,
      listener(event, raw) {
        const state = raw as unknown as ParserState;
        if (event === "open") {
          openAt.push(state.position);
          openBase.push(pending.size);
          return;
        }
        const begin = openAt.pop() as number;
        const base = openBase.pop() as number;
        const { kind, result, anchor, position: stop } = state;
        // A node that could have been an implicit key is parsed inside a second, outer event: same kind, same value.
        const node =
          pending.size - base === 1 && kinds[base] === kind && Object.is(results[base], result)
            ? (nodes[base] as PositionNode)
            : kind === "mapping"
              ? mappingNode(text, pending, begin, stop, base)
              : kind === "sequence"
                ? sequenceNode(text, pending, begin, stop, base, Array.isArray(result) ? result.length : -1)
                : leafNode(text, begin, stop, kind, state.lineStart);
        if (!node) throw new Unmapped();
        if (anchor !== null) {
          const sites = anchors.get(anchor) ?? [];
          sites.push({ at: begin, node });
          anchors.set(anchor, sites);
        }
        // The children are placed: their slots are reused (setting `length` on every node would cost more).
        nodes[base] = node;
        begins[base] = begin;
        stops[base] = stop;
        kinds[base] = kind;
        results[base] = result;
        pending.size = base + 1;
      },
    });
  } catch {
    return undefined;
  }
  if (pending.size > 1) return undefined;
  const root = pending.size === 1 ? nodes[0] : undefined;
  const empty = root !== undefined && kinds[0] === null && results[0] === null && !("alias" in root);
  return { root: empty ? undefined : root, anchors };
}

/** A scalar, an alias or an empty node. `nextLine` is where the line after the node starts (for block scalars). */
function leafNode(text: string, begin: number, stop: number, kind: string | null, nextLine: number): PositionNode {
  const s = contentStart(text, begin);
  const c = text.charCodeAt(s);
  if (kind === "scalar") {
    if (c === 0x22 || c === 0x27) return { s, e: stop };
    if (c === 0x7c || c === 0x3e) return { s, e: blockScalarEnd(text, s, nextLine) };
    return { s, e: plainScalarEnd(text, s, stop) };
  }
  if (s < stop && c === 0x2a) {
    const e = aliasEnd(text, s);
    const alias: PositionAlias = { s, e, alias: text.slice(s + 1, e) };
    return alias;
  }
  const at = emptyNodeAt(text, begin);
  return { s: at, e: at };
}
