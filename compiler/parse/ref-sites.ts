/**
 * Finds the `$ref`s of a document: every object with a string `$ref`. Values that OpenAPI defines as literal
 * data are not searched, so an example payload that happens to hold a `$ref` key is not taken for a reference:
 * `example`, `enum`, `const`, a schema's `default` (but a Responses object's `default` is searched), the items of a
 * schema's `examples` array, and the `value` of each Example object.
 */
import { childPointer } from "./pointer.js";

/** One `$ref` occurrence. */
export interface RefSite {
  /** Pointer of the object that holds `$ref`. */
  readonly pointer: string;
  readonly ref: string;
}

const LITERAL_KEYS = new Set(["example", "enum", "const"]);

interface Pending {
  readonly node: unknown;
  readonly pointer: string;
  /** The key under which `node` sits in its parent object. */
  readonly key: string | undefined;
  /** `node` is an entry of an `examples` map, so its `value` is literal data. */
  readonly isExample: boolean;
}

/** The `$ref` sites of `root` in document order, found iteratively. */
export function findRefSites(root: unknown): RefSite[] {
  const sites: RefSite[] = [];
  const stack: Pending[] = [{ node: root, pointer: "", key: undefined, isExample: false }];
  while (stack.length > 0) {
    const { node, pointer, key, isExample } = stack.pop() as Pending;
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], pointer: childPointer(pointer, i), key: undefined, isExample: false });
      continue;
    }
    const record = node as Record<string, unknown>;
    if (Object.hasOwn(record, "$ref") && typeof record["$ref"] === "string") sites.push({ pointer, ref: record["$ref"] });
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      const child = record[k];
      if (LITERAL_KEYS.has(k) || (isExample && k === "value") || (k === "default" && key !== "responses")) continue;
      if (k === "examples" && Array.isArray(child)) continue;
      const childPtr = childPointer(pointer, k);
      if (k === "examples" && child !== null && typeof child === "object") {
        const entries = Object.entries(child);
        for (let j = entries.length - 1; j >= 0; j--) {
          const [name, example] = entries[j] as [string, unknown];
          stack.push({ node: example, pointer: childPointer(childPtr, name), key: name, isExample: true });
        }
        continue;
      }
      stack.push({ node: child, pointer: childPtr, key: k, isExample: false });
    }
  }
  return sites;
}
