/**
 * Where each part of the document after overlays came from. The document starts as a copy of the entry file;
 * every subtree an overlay inserts or replaces is recorded with the overlay file and the pointer of its text in
 * that file. A pointer resolves through its longest recorded prefix, so a node deep inside an inserted subtree
 * maps to the same suffix inside the overlay's `update` value. Removing array items shifts later items down;
 * their records move with them, so they keep pointing at their own text.
 */
import type { Origin } from "../diagnostics/diagnostic.js";
import { parentPointer } from "./pointer.js";

/** Records and resolves the origin of document subtrees. */
export class OverlayOrigins {
  readonly #records = new Map<string, Origin>();
  readonly #entryFile: string;

  constructor(entryFile: string) {
    this.#entryFile = entryFile;
  }

  /** Where the text of the document node at `pointer` is: an overlay file, or the entry file (maybe at another index). */
  resolve(pointer: string): Origin {
    if (this.#records.size > 0) {
      for (let p = pointer; ; p = parentPointer(p)) {
        const origin = this.#records.get(p);
        if (origin) return { file: origin.file, pointer: origin.pointer + pointer.slice(p.length) };
        if (p === "") break;
      }
    }
    return { file: this.#entryFile, pointer };
  }

  /** The subtree at `pointer` now comes from `origin` (inserted or replaced by an overlay). */
  set(pointer: string, origin: Origin): void {
    this.#drop((k) => k === pointer || k.startsWith(pointer + "/"));
    this.#records.set(pointer, origin);
  }

  /** The subtree at `pointer` was deleted from an object. */
  remove(pointer: string): void {
    this.#drop((k) => k === pointer || k.startsWith(pointer + "/"));
  }

  /** Item `index` of the array at `arrayPointer` (which had `length` items) was deleted; later items move down. */
  removeItem(arrayPointer: string, index: number, length: number): void {
    const moved: [string, Origin][] = [];
    for (let i = index + 1; i < length; i++) {
      const from = `${arrayPointer}/${i}`;
      const to = `${arrayPointer}/${i - 1}`;
      moved.push([to, this.resolve(from)]);
      for (const [k, origin] of this.#records) if (k.startsWith(from + "/")) moved.push([to + k.slice(from.length), origin]);
    }
    const prefix = arrayPointer + "/";
    this.#drop((k) => k.startsWith(prefix) && Number(k.slice(prefix.length).split("/")[0]) >= index);
    for (const [k, origin] of moved) this.#records.set(k, origin);
  }

  #drop(test: (pointer: string) => boolean): void {
    for (const k of [...this.#records.keys()]) if (test(k)) this.#records.delete(k);
  }
}
