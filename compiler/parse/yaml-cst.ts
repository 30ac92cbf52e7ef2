/**
 * Questions about a YAML text answered from `yaml`'s concrete syntax tree. Its lexer and parser keep explicit
 * stacks, so this is safe on any nesting; composing a document tree (recursive) is done only after
 * {@link findTooDeep} has cleared the text.
 */
import type { CST } from "yaml";
import { yamlPackage } from "./lazy-packages.js";
import { pointerFrom } from "./pointer.js";
import type { NodeRange } from "./types.js";

/** The top-level tokens of `text` (documents, directives, errors). */
export function lexYaml(text: string): CST.Token[] {
  return Array.from(new (yamlPackage().Parser)().parse(text));
}

/** The first node, in document order, whose pointer has more than `limit` tokens. */
export interface DeepNode {
  readonly pointer: string;
  readonly range: NodeRange;
}

interface Pending {
  readonly token: CST.Token | null | undefined;
  readonly parent: Pending | undefined;
  /** The map key token or the sequence index that leads from `parent` to this node. */
  readonly step: CST.Token | null | undefined | number;
  readonly depth: number;
}

/**
 * Walks the first document of `tokens` iteratively and returns the first node (key or value) deeper than
 * `limit`, with its pointer; undefined when the whole document is within the limit. Keys are decoded only for
 * the path that is reported.
 */
export function findTooDeep(tokens: readonly CST.Token[], limit: number): DeepNode | undefined {
  const doc = tokens.find((t): t is CST.Document => t.type === "document");
  if (!doc) return undefined;
  const stack: Pending[] = [{ token: doc.value, parent: undefined, step: undefined, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop() as Pending;
    const { token, depth } = node;
    if (depth > limit) return describe(node);
    if (!token) continue;
    const isMap = token.type === "block-map" || (token.type === "flow-collection" && token.start.source === "{");
    const isSeq = token.type === "block-seq" || (token.type === "flow-collection" && token.start.source === "[");
    if (!isMap && !isSeq) continue;
    const items = (token as CST.BlockMap | CST.BlockSequence | CST.FlowCollection).items;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i] as CST.CollectionItem;
      stack.push({ token: item.value, parent: node, step: isSeq ? i : item.key, depth: depth + 1 });
    }
  }
  return undefined;
}

function describe(node: Pending): DeepNode {
  const steps: (string | number)[] = [];
  for (let n: Pending | undefined = node; n?.parent; n = n.parent) steps.push(typeof n.step === "number" ? n.step : keyText(n.step));
  const keyToken = typeof node.step === "number" ? undefined : node.step;
  const key: readonly [number, number] | undefined =
    keyToken && "offset" in keyToken ? [keyToken.offset, keyToken.offset + tokenLength(keyToken)] : undefined;
  const token = node.token;
  const start = token && "offset" in token ? token.offset : (key?.[0] ?? 0);
  return { pointer: pointerFrom(steps.reverse()), range: { ...(key ? { key } : {}), value: [start, start + tokenLength(token)] } };
}

function keyText(token: CST.Token | null | undefined): string {
  if (!token) return "";
  const { CST: cst } = yamlPackage();
  const scalar = cst.resolveAsScalar(token, false, () => undefined);
  if (scalar) return scalar.value;
  return cst.stringify(token).trim();
}

function tokenLength(token: CST.Token | null | undefined): number {
  if (token && "source" in token && typeof token.source === "string") return token.source.length;
  return token ? 1 : 0;
}

/** Offset of the second document in `tokens`, if there is one. */
export function secondDocumentOffset(tokens: readonly CST.Token[]): number | undefined {
  const docs = tokens.filter((t) => t.type === "document");
  return docs[1]?.offset;
}

/** Range of the last tag (`!Ref`, `!!binary`, …) that starts before `position`. */
export function tagBefore(tokens: readonly CST.Token[], position: number): readonly [number, number] | undefined {
  let best: readonly [number, number] | undefined;
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const element of node) stack.push(element);
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    const token = node as { type?: string; offset?: number; source?: string } & Record<string, unknown>;
    if (token.type === "tag" && typeof token.offset === "number" && typeof token.source === "string") {
      if (token.offset < position && (!best || token.offset > best[0])) best = [token.offset, token.offset + token.source.length];
    }
    for (const field of ["start", "items", "key", "sep", "value", "end", "props"]) {
      if (token[field] !== undefined) stack.push(token[field]);
    }
  }
  return best;
}
