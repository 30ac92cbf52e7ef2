/**
 * The source map of a JSON text: a tree of key and value ranges, built in one `jsonc-parser` scan and walked by
 * pointer tokens. Only built for a file that has a diagnostic to place, and only after the text passed the
 * depth check (so the scan's recursion is bounded). A tree keyed by member names costs far less than a map
 * keyed by full pointer strings, which would build and hash one long string per node.
 */
import { jsoncParser } from "./lazy-packages.js";
import { parsePointer } from "./pointer.js";
import type { NodeRange } from "./types.js";

interface RangeNode {
  readonly key: readonly [number, number] | undefined;
  readonly start: number;
  end: number;
  /** Members (first occurrence of a duplicated key wins) or items; undefined for scalars. */
  readonly children: Map<string, RangeNode> | RangeNode[] | undefined;
}

/**
 * Scans `text` and returns the lookup from a pointer to the node's key range (members only) and value range.
 */
export function buildJsonRanges(text: string): (pointer: string) => NodeRange | undefined {
  const root: { node: RangeNode | undefined } = { node: undefined };
  const open: RangeNode[] = [];
  let pendingName = "";
  let pendingKey: readonly [number, number] | undefined;

  const add = (start: number, end: number, children: RangeNode["children"]): RangeNode => {
    const parent = open[open.length - 1];
    const isMember = parent !== undefined && !Array.isArray(parent.children);
    const node: RangeNode = { key: isMember ? pendingKey : undefined, start, end, children };
    if (!parent) root.node = node;
    else if (Array.isArray(parent.children)) parent.children.push(node);
    else if (!parent.children?.has(pendingName)) parent.children?.set(pendingName, node);
    return node;
  };
  const close = (offset: number, length: number) => {
    const node = open.pop();
    if (node) node.end = offset + length;
  };
  jsoncParser().visit(text, {
    onObjectBegin: (offset) => void open.push(add(offset, offset + 1, new Map())),
    onArrayBegin: (offset) => void open.push(add(offset, offset + 1, [])),
    onObjectEnd: close,
    onArrayEnd: close,
    onObjectProperty(name, offset, length) {
      pendingName = name;
      pendingKey = [offset, offset + length];
    },
    onLiteralValue: (_value, offset, length) => void add(offset, offset + length, undefined),
  });

  return (pointer) => {
    const tokens = parsePointer(pointer);
    let node = root.node;
    for (const token of tokens ?? []) {
      if (!node?.children) return undefined;
      node = Array.isArray(node.children) ? (/^(0|[1-9]\d*)$/.test(token) ? node.children[Number(token)] : undefined) : node.children.get(token);
    }
    if (!node || !tokens) return undefined;
    const value: readonly [number, number] = [node.start, node.end];
    return node.key ? { key: node.key, value } : { value };
  };
}
