/**
 * Where each part of the document after overlays came from. The document starts as a copy of the entry file;
 * every subtree an overlay inserts or replaces is recorded with the overlay file and the pointer of its text in
 * that file. A pointer resolves through its longest recorded prefix, so a node deep inside an inserted subtree
 * maps to the same suffix inside the overlay's `update` value. Removing array items shifts later items down;
 * their records move with them, so they keep pointing at their own text.
 *
 * Records live in a tree keyed by (escaped) pointer tokens, so replacing a subtree drops the records below it in
 * one step, whatever the number of records. Deleted object members need no record: `locate` only maps pointers
 * that still exist in the document.
 */
import type { Origin } from "../diagnostics/diagnostic.js";

interface Entry {
  origin: Origin | undefined;
  readonly children: Map<string, Entry>;
}

const tokensOf = (pointer: string): string[] => (pointer === "" ? [] : pointer.slice(1).split("/"));

/** Records and resolves the origin of document subtrees. */
export class OverlayOrigins {
  readonly #root: Entry = { origin: undefined, children: new Map() };
  readonly #entryFile: string;

  constructor(entryFile: string) {
    this.#entryFile = entryFile;
  }

  /** Where the text of the document node at `pointer` is: an overlay file, or the entry file (maybe at another index). */
  resolve(pointer: string): Origin {
    const tokens = tokensOf(pointer);
    let entry: Entry | undefined = this.#root;
    let found: Origin = { file: this.#entryFile, pointer: "" };
    let consumed = 0;
    for (let i = 0; entry; i++) {
      if (entry.origin) {
        found = entry.origin;
        consumed = i;
      }
      if (i === tokens.length) break;
      entry = entry.children.get(tokens[i] as string);
    }
    const suffix = tokens.slice(consumed).map((t) => `/${t}`).join("");
    return { file: found.file, pointer: found.pointer + suffix };
  }

  /** The subtree at `pointer` now comes from `origin` (inserted or replaced by an overlay). */
  set(pointer: string, origin: Origin): void {
    const entry = this.#walk(tokensOf(pointer), true) as Entry;
    entry.origin = origin;
    entry.children.clear();
  }

  /** Item `index` of the array at `arrayPointer` (which had `length` items) was deleted; later items move down. */
  removeItem(arrayPointer: string, index: number, length: number): void {
    const moved: [number, Entry][] = [];
    for (let i = index + 1; i < length; i++) {
      const old = this.#walk([...tokensOf(arrayPointer), String(i)], false);
      moved.push([i - 1, { origin: this.resolve(`${arrayPointer}/${i}`), children: old?.children ?? new Map() }]);
    }
    const array = this.#walk(tokensOf(arrayPointer), true) as Entry;
    for (let i = index; i < length; i++) array.children.delete(String(i));
    for (const [i, entry] of moved) array.children.set(String(i), entry);
  }

  #walk(tokens: readonly string[], create: boolean): Entry | undefined {
    let entry = this.#root;
    for (const token of tokens) {
      let child = entry.children.get(token);
      if (!child) {
        if (!create) return undefined;
        child = { origin: undefined, children: new Map() };
        entry.children.set(token, child);
      }
      entry = child;
    }
    return entry;
  }
}
