/**
 * From a diagnostic's place (file + pointer) to a printable position. Ranges are asked of the file only here,
 * so a run without diagnostics never builds a source map.
 */
import type { Origin, TargetPart } from "../diagnostics/diagnostic.js";
import type { OverlayOrigins } from "./overlay-origins.js";
import { parentPointer } from "./pointer.js";
import type { LoadedFile, Location } from "./types.js";

/**
 * Builds `LoadResult.locate`: for the entry file, overlay origins first (a node an overlay inserted is found in
 * the overlay file); then the node's key (when `part` is "key" and it has one) or value; when the node does not
 * exist, the key (or, for the root, the value) of its longest existing parent; line 1, column 1 when the file was
 * never parsed or has no range at all.
 */
export function createLocate(
  files: ReadonlyMap<string, LoadedFile>,
  entryPath: string | undefined,
  origins: OverlayOrigins | undefined,
): (origin: Origin, part: TargetPart) => Location {
  return (origin, part) => {
    const where = origins && origin.file === entryPath ? origins.resolve(origin.pointer) : origin;
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
    const exact = pointer === where.pointer;
    const span = (exact && part === "value" ? undefined : range.key) ?? range.value;
    const { line, column } = file.source.lineAndColumn(span[0]);
    return { file: where.file, pointer, line: line + 1, column: column + 1, start: span[0], end: span[1] };
  };
}

