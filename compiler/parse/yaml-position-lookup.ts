/**
 * Pointer lookups in a {@link PositionTree}, with `yaml`'s rules: with duplicate keys the first one wins (a text
 * `js-yaml` accepted has none), an alias met on the way is followed to the node anchored under its name last
 * before it, and an alias at the end of the pointer is located at `*name` itself.
 */
import type { NodeRange } from "./types.js";
import type { PositionAlias, PositionMap, PositionNode, PositionSeq, PositionTree } from "./yaml-positions.js";

/** Key tables of the mappings looked into so far (first occurrence of each name). */
export type KeyTables = WeakMap<PositionMap, Map<string, number>>;

/**
 * Key and value ranges of the node at `tokens` (unescaped pointer tokens), moved by `shift` characters and
 * clipped to `length`; undefined when there is no such node.
 */
export function rangeInTree(tree: PositionTree, tokens: readonly string[], tables: KeyTables, shift: number, length: number): NodeRange | undefined {
  if (!tree.root) return undefined;
  let node: PositionNode = tree.root;
  let key: PositionNode | undefined;
  for (const token of tokens) {
    if ("alias" in node) {
      const target = resolveAlias(tree, node as PositionAlias);
      if (!target) return undefined;
      node = target;
    }
    if ("names" in node) {
      const map = node as PositionMap;
      const index = keyTable(map, tables).get(token);
      if (index === undefined) return undefined;
      key = map.keys[index] as PositionNode;
      node = map.values[index] ?? key;
    } else if ("items" in node) {
      const items = (node as PositionSeq).items;
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= items.length) return undefined;
      key = undefined;
      node = items[Number(token)] as PositionNode;
    } else {
      return undefined;
    }
  }
  const place = (n: PositionNode): readonly [number, number] => [Math.min(n.s + shift, length), Math.min(n.e + shift, length)];
  return key ? { key: place(key), value: place(node) } : { value: place(node) };
}

function resolveAlias(tree: PositionTree, alias: PositionAlias): PositionNode | undefined {
  let best: { at: number; node: PositionNode } | undefined;
  for (const site of tree.anchors.get(alias.alias) ?? []) {
    if (site.at < alias.s && (!best || site.at > best.at)) best = site;
  }
  return best?.node;
}

function keyTable(map: PositionMap, tables: KeyTables): Map<string, number> {
  let table = tables.get(map);
  if (!table) {
    table = new Map();
    for (let i = 0; i < map.names.length; i++) {
      const name = map.names[i] as string;
      if (!table.has(name)) table.set(name, i);
    }
    tables.set(map, table);
  }
  return table;
}
