/**
 * Finds the `$ref`s of a document: every object with a string `$ref`. Values that OpenAPI defines as literal
 * data are not searched, so an example payload that happens to hold a `$ref` key is not taken for a reference:
 * `example`, `enum`, `const`, a schema's `default` (but a Responses object's `default` is searched), the items of a
 * schema's `examples` array, and the `value` of each Example object.
 */
import { pointerFrom } from "./pointer.js";

/** One `$ref` occurrence. */
export interface RefSite {
  /** Pointer of the object that holds `$ref`. */
  readonly pointer: string;
  readonly ref: string;
}

const LITERAL_KEYS = new Set(["example", "enum", "const"]);

/** A collection waiting to be searched; its pointer is rebuilt from the parent chain only for a `$ref` site. */
interface Pending {
  readonly node: object;
  readonly parent: Pending | undefined;
  readonly key: string | number;
  /** `node` is an entry of an `examples` map, so its `value` is literal data. */
  readonly isExample: boolean;
}

/** The `$ref` sites of `root` in document order, found iteratively. */
export function findRefSites(root: unknown): RefSite[] {
  const sites: RefSite[] = [];
  if (root === null || typeof root !== "object") return sites;
  const stack: Pending[] = [{ node: root, parent: undefined, key: "", isExample: false }];
  const push = (node: unknown, parent: Pending, key: string | number, isExample: boolean) => {
    if (node !== null && typeof node === "object") stack.push({ node, parent, key, isExample });
  };
  while (stack.length > 0) {
    const frame = stack.pop() as Pending;
    const { node } = frame;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) push(node[i], frame, i, false);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (Object.hasOwn(record, "$ref") && typeof record["$ref"] === "string") sites.push({ pointer: pointerOf(frame), ref: record["$ref"] });
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      const child = record[k];
      if (LITERAL_KEYS.has(k) || (frame.isExample && k === "value") || (k === "default" && frame.key !== "responses")) continue;
      if (k !== "examples") push(child, frame, k, false);
      else if (child !== null && typeof child === "object" && !Array.isArray(child)) {
        const examples: Pending = { node: child, parent: frame, key: k, isExample: false };
        const names = Object.keys(child);
        for (let j = names.length - 1; j >= 0; j--) push((child as Record<string, unknown>)[names[j] as string], examples, names[j] as string, true);
      }
    }
  }
  return sites;
}

function pointerOf(frame: Pending): string {
  const tokens: (string | number)[] = [];
  for (let f: Pending | undefined = frame; f?.parent; f = f.parent) tokens.push(f.key);
  return pointerFrom(tokens.reverse());
}
