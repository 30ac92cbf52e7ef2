/**
 * The document overlays change, copied on write: it shares every node with the entry file's value until an action
 * writes to one, then the containers from the root down to that node are copied (each once) and the copy is
 * written. The entry file's value is never changed, and a large document that overlays touch in a few places is
 * not copied whole.
 */
import { getAtPointer } from "./pointer.js";
import { setOwn, type PlainObject } from "./values.js";

/** A container of the document: an object or an array. */
export type Container = PlainObject | unknown[];

export class DocumentDraft {
  #root: unknown;
  readonly #copies = new WeakSet<object>();

  /** @param original the entry file's value; left as it is. */
  constructor(original: unknown) {
    this.#root = original;
  }

  /** The document as it stands: the original until the first write, then the copy. */
  get root(): unknown {
    return this.#root;
  }

  /**
   * The container at `tokens` (followed as {@link getAtPointer} does), ready to be written to, or undefined when
   * there is no such node or it is not a container.
   */
  writable(tokens: readonly string[]): Container | undefined {
    const found = getAtPointer(this.#root, tokens);
    if (!found.found || !isContainer(found.value)) return undefined;
    let node = this.#own(this.#root as Container);
    this.#root = node;
    for (const token of tokens) node = this.writableChild(node, token) as Container;
    return node;
  }

  /** The child container of `parent` (already writable) under `key`, ready to be written to; undefined for a scalar. */
  writableChild(parent: Container, key: string): Container | undefined {
    const child = Array.isArray(parent) ? parent[Number(key)] : parent[key];
    if (!isContainer(child)) return undefined;
    const copy = this.#own(child);
    if (copy !== child) {
      if (Array.isArray(parent)) parent[Number(key)] = copy;
      else setOwn(parent, key, copy);
    }
    return copy;
  }

  /** `node` itself when it is already a copy, else a shallow copy of it (which is). */
  #own(node: Container): Container {
    if (this.#copies.has(node)) return node;
    let copy: Container;
    if (Array.isArray(node)) {
      copy = node.slice();
    } else {
      copy = {};
      for (const key of Object.keys(node)) setOwn(copy, key, node[key]);
    }
    this.#copies.add(copy);
    return copy;
  }
}

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === "object";
}
