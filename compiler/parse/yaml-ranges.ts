/**
 * Pointer ↔ range lookups for a YAML text. A text `js-yaml` parsed is mapped by a second `js-yaml` pass
 * (`yaml-positions.ts`, several times faster); any other text, and the rare text that pass does not map, goes
 * through `yaml`'s document tree (which keeps source ranges). Either is built on the first lookup only, and
 * `yaml`'s tree only when the text passes the depth check: composing is recursive, and a stack overflow inside
 * `yaml` can leave the process unable to parse again.
 */
import type { Document, Node, Pair, YAMLMap } from "yaml";
import { yamlPackage } from "./lazy-packages.js";
import { MAX_DEPTH } from "./limits.js";
import { childPointer, parsePointer } from "./pointer.js";
import type { NodeRange } from "./types.js";
import { findTooDeep, lexYaml } from "./yaml-cst.js";
import { rangeInTree, type KeyTables } from "./yaml-position-lookup.js";
import { buildPositionTree, type PositionTree } from "./yaml-positions.js";

/** Range lookups over one YAML text. */
export interface YamlRanges {
  /** Key and value range of the node at `pointer`; with duplicate keys, the first occurrence. */
  rangeOf(pointer: string): NodeRange | undefined;
  /** The innermost node whose key or value contains `offset`, with that node's own ranges. */
  nodeAt(offset: number): { readonly pointer: string; readonly range: NodeRange } | undefined;
  /** Ranges of mapping keys that are themselves mappings or sequences (`? [a, b]: c`), in text order. */
  collectionKeys(): readonly (readonly [number, number])[];
}

/** Builds lookups for `text`; `fallback` answers `rangeOf` when the text is too deep to compose. */
export function createYamlRanges(text: string, fallback?: (pointer: string) => NodeRange | undefined): YamlRanges {
  let doc: Document.Parsed | null | undefined;
  const keyTables = new WeakMap<YAMLMap, Map<string, Pair>>();
  return {
    rangeOf(pointer) {
      doc ??= composeSafely(text);
      if (!doc) return fallback?.(pointer);
      const tokens = parsePointer(pointer);
      return tokens ? lookup(doc, tokens, keyTables) : undefined;
    },
    nodeAt(offset) {
      doc ??= composeSafely(text);
      return doc ? findNode(doc, offset) : undefined;
    },
    collectionKeys() {
      doc ??= composeSafely(text);
      const found: (readonly [number, number])[] = [];
      const { isMap, isSeq, visit } = yamlPackage();
      visit(doc, { Pair: (_, pair) => {
        const range = rangeOf(pair.key);
        if ((isMap(pair.key) || isSeq(pair.key)) && range) found.push(range);
      } });
      return found.sort((a, b) => a[0] - b[0]);
    },
  };
}

/**
 * Lookups for a text that `js-yaml` parsed without error (and so within the depth limit). `shift` is the number
 * of characters `js-yaml` dropped at the start of `text` (1 for a byte order mark). `rangeOf` answers from the
 * `js-yaml` pass, or from `yaml` when that pass does not map the text; `nodeAt` and `collectionKeys`, needed
 * only on the way to a diagnostic about the text itself, from `yaml`.
 */
export function createParsedYamlRanges(text: string, shift: number): YamlRanges {
  const composed = createYamlRanges(text);
  let tree: PositionTree | null | undefined;
  const tables: KeyTables = new WeakMap();
  return {
    rangeOf(pointer) {
      tree ??= buildPositionTree(text.slice(shift)) ?? null;
      if (!tree) return composed.rangeOf(pointer);
      const tokens = parsePointer(pointer);
      return tokens ? rangeInTree(tree, tokens, tables, shift, text.length) : undefined;
    },
    nodeAt: composed.nodeAt,
    collectionKeys: composed.collectionKeys,
  };
}

/** The first document of `text`, or null when it is too deep to compose (or `yaml` gives up on it). */
function composeSafely(text: string): Document.Parsed | null {
  try {
    const tokens = lexYaml(text);
    if (findTooDeep(tokens, MAX_DEPTH)) return null;
    const composer = new (yamlPackage().Composer)({ schema: "core", uniqueKeys: false });
    for (const doc of composer.compose(tokens, true, text.length)) return doc;
  } catch {
    // Positions are a convenience: without a tree, lookups fall back to the start of the file.
  }
  return null;
}

function lookup(doc: Document.Parsed, tokens: readonly string[], keyTables: WeakMap<YAMLMap, Map<string, Pair>>): NodeRange | undefined {
  const { isAlias, isMap, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let key: readonly [number, number] | undefined;
  for (const token of tokens) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = keyTable(node, keyTables).get(token);
      if (!pair) return undefined;
      key = rangeOf(pair.key);
      node = pair.value ?? pair.key;
    } else if (isSeq(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= node.items.length) return undefined;
      key = undefined;
      node = node.items[Number(token)];
    } else {
      return undefined;
    }
  }
  const value = rangeOf(node);
  if (!value) return undefined;
  return key ? { key, value } : { value };
}

function findNode(doc: Document.Parsed, offset: number): { pointer: string; range: NodeRange } | undefined {
  const { isMap, isSeq } = yamlPackage();
  let node: unknown = doc.contents;
  let pointer = "";
  let range: NodeRange | undefined = rangeOf(node) && { value: rangeOf(node) as readonly [number, number] };
  for (;;) {
    let next: { node: unknown; pointer: string; range: NodeRange } | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = rangeOf(pair.key);
        const value = rangeOf(pair.value);
        const childPtr = childPointer(pointer, keyName(pair.key));
        if (key && contains(key, offset)) return { pointer: childPtr, range: value ? { key, value } : { key, value: key } };
        if (value && contains(value, offset)) {
          next = { node: pair.value, pointer: childPtr, range: key ? { key, value } : { value } };
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.some((item, i) => {
        const value = rangeOf(item);
        if (value && contains(value, offset)) next = { node: item, pointer: childPointer(pointer, i), range: { value } };
        return next !== undefined;
      });
    }
    if (!next) return range && { pointer, range };
    ({ node, pointer, range } = next);
  }
}

function contains(range: readonly [number, number], offset: number): boolean {
  return range[0] <= offset && offset < Math.max(range[1], range[0] + 1);
}

function keyName(key: unknown): string {
  return yamlPackage().isScalar(key) ? String(key.value) : String(key);
}

function keyTable(map: YAMLMap, keyTables: WeakMap<YAMLMap, Map<string, Pair>>): Map<string, Pair> {
  let table = keyTables.get(map);
  if (!table) {
    table = new Map();
    for (const pair of map.items) {
      const name = keyName(pair.key);
      if (!table.has(name)) table.set(name, pair as Pair);
    }
    keyTables.set(map, table);
  }
  return table;
}

function rangeOf(node: unknown): readonly [number, number] | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}
