/**
 * From a diagnostic's place (file + pointer) to a printable position. Ranges are asked of the file only here,
 * so a run without diagnostics never builds a source map.
 */
import type { Origin, TargetPart } from "../diagnostics/diagnostic.js";
import type { OverlayOrigins } from "./overlay-origins.js";
import { getAtPointer, parentPointer, parsePointer, pointerFrom } from "./pointer.js";
import type { LoadedFile, Location } from "./types.js";

/** The entry document after overlays and where its parts came from. */
export interface OverlaidEntry {
  readonly document: unknown;
  readonly origins: OverlayOrigins;
}

/**
 * Builds `LoadResult.locate`. For the entry file after overlays, the pointer is first cut back to the longest
 * part that exists in the document and mapped through the overlay origins (a node an overlay inserted is found
 * in the overlay file). Then, in the file: the node's key (when `part` is "key" and it has one) or value; when
 * the node does not exist, the key (or, for the root, the value) of its longest existing parent; line 1, column
 * 1 when the file was never parsed or has no range at all. `Location.pointer` is the pointer actually found.
 */
export function createLocate(
  files: ReadonlyMap<string, LoadedFile>,
  entryPath: string | undefined,
  overlaid: OverlaidEntry | undefined,
): (origin: Origin, part: TargetPart) => Location {
  return (origin, part) => {
    let where = origin;
    let exact = true;
    if (overlaid && origin.file === entryPath) {
      const tokens = parsePointer(origin.pointer) ?? [];
      const lookup = getAtPointer(overlaid.document, tokens);
      const existing = lookup.found ? origin.pointer : pointerFrom(tokens.slice(0, lookup.matched));
      exact = existing === origin.pointer;
      where = overlaid.origins.resolve(existing);
    }
    const file = files.get(where.file);
    const start = { file: where.file, pointer: where.pointer, line: 1, column: 1, start: 0, end: 0 };
    if (!file) return start;
    let pointer = where.pointer;
    let range = file.rangeOf(pointer);
    while (!range && pointer !== "") {
      pointer = parentPointer(pointer);
      range = file.rangeOf(pointer);
    }
    if (!range) return { ...start, pointer };
    const span = (exact && pointer === where.pointer && part === "value" ? undefined : range.key) ?? range.value;
    const { line, column } = file.source.lineAndColumn(span[0]);
    return { file: where.file, pointer, line: line + 1, column: column + 1, start: span[0], end: span[1] };
  };
}
