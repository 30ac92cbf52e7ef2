/**
 * What the loading stage hands to the rest of the compiler: parsed files, their lazily built source maps, and
 * the document after overlays, with a way back from any pointer to the file and position its text came from.
 */
import type { Diagnostic, Origin, TargetPart } from "../diagnostics/diagnostic.js";

/** A key's and a value's 0-based character ranges `[start, end)` in a file's text. `key` is absent for array items and the root. */
export interface NodeRange {
  readonly key?: readonly [number, number];
  readonly value: readonly [number, number];
}

/** One file's text, with line starts for offset → line/column. */
export interface SourceText {
  /** Path as displayed in diagnostics (relative to the working folder, POSIX separators). */
  readonly path: string;
  readonly text: string;
  /** 0-based line and column (in UTF-16 code units) of a 0-based offset. */
  lineAndColumn(offset: number): { readonly line: number; readonly column: number };
}

/** A parsed YAML or JSON file. */
export interface LoadedFile {
  readonly path: string;
  /** Canonical absolute path (symlinks resolved). */
  readonly realPath: string;
  readonly language: "yaml" | "json";
  readonly source: SourceText;
  /** The parsed value (plain objects, arrays and scalars; no shared nodes). */
  readonly value: unknown;
  /** Range of the node at `pointer` (RFC 6901), built on first call; undefined when there is no such node. */
  rangeOf(pointer: string): NodeRange | undefined;
}

/** A place in a file, ready to print. `line` and `column` are 1-based. */
export interface Location {
  readonly file: string;
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
  /** 0-based offsets `[start, end)`. */
  readonly start: number;
  readonly end: number;
}

/** The result of resolving a `$ref`. */
export interface ResolvedRef {
  readonly value: unknown;
  readonly origin: Origin;
}

/** Everything loading produced. */
export interface LoadResult {
  /** The entry document after overlays; undefined when it could not be parsed. */
  readonly document: unknown;
  /** The entry file (its `value` is the document before overlays). */
  readonly entry: LoadedFile | undefined;
  /** Every file read: the entry, each overlay and each file reached through `$ref`, by displayed path. */
  readonly files: ReadonlyMap<string, LoadedFile>;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Follows a `$ref` written at `from` (a node in `from.file`). Returns undefined after reporting nothing when
   * the reference was already reported as broken during loading.
   */
  resolveRef(ref: string, from: Origin): ResolvedRef | undefined;
  /**
   * Where the text of `origin` really is: the entry file, or the overlay file whose action inserted it, or the
   * longest existing parent when the exact node does not exist (so a missing key points at its parent object).
   */
  locate(origin: Origin, part: TargetPart): Location;
}
