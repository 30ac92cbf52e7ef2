/**
 * The loading stage: reads the entry file, applies overlays, follows `$ref`s inside the entry's folder, and
 * answers where any node's text is. Pure apart from the host; never throws for bad input.
 */
import * as path from "node:path";
import type { CompilerHost } from "../host.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { DEFAULT_MAX_FILE_SIZE } from "./limits.js";
import { createLocate, type OverlaidEntry } from "./locate.js";
import { applyOverlays } from "./overlay.js";
import { readSpecFile } from "./read-file.js";
import { loadReferences, type References } from "./refs.js";
import type { LoadedFile, LoadResult } from "./types.js";

/** Options of {@link loadSpec}. */
export interface LoadOptions {
  /** Overlay files (OpenAPI Overlay 1.0), applied in this order; paths relative to the working folder. */
  readonly overlays?: readonly string[];
  /** Largest file read, in bytes (default 32 MiB); larger files get `file-too-large` without being read. */
  readonly maxFileSize?: number;
}

/**
 * Loads the spec `entry` (a path relative to `host.cwd()` or absolute). Displayed paths are relative to the
 * working folder, with `/` separators. Diagnostics come from reading and parsing each file (`file-*`,
 * `syntax-error`, `duplicate-key`, `multiple-documents`, `unknown-tag`, `alias-limit`, `nesting-too-deep`), from
 * overlays (`overlay-*`) and from references (`ref-*`). Overlays and references are skipped when the entry could
 * not be parsed.
 */
export function loadSpec(host: CompilerHost, entry: string, options: LoadOptions = {}): LoadResult {
  const cwd = host.cwd();
  const display = (absolute: string) => path.relative(cwd, absolute).split(path.sep).join("/");
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const files = new Map<string, LoadedFile>();
  const diagnostics: Diagnostic[] = [];
  const read = (absolute: string) => {
    const outcome = readSpecFile(host, absolute, display(absolute), maxFileSize);
    diagnostics.push(...outcome.diagnostics);
    if (outcome.file) files.set(outcome.file.path, outcome.file);
    return outcome.file;
  };

  const entryAbsolute = path.resolve(cwd, entry);
  const entryFile = read(entryAbsolute);
  let document = entryFile?.value;
  let overlaid: OverlaidEntry | undefined;
  let references: References | undefined;
  if (entryFile && document !== undefined) {
    const overlays = (options.overlays ?? []).map((o) => read(path.resolve(cwd, o))).filter((f): f is LoadedFile => f !== undefined);
    if (overlays.length > 0) {
      const applied = applyOverlays(entryFile.path, document, overlays);
      document = applied.document;
      overlaid = applied;
      diagnostics.push(...applied.diagnostics);
    }
    references = loadReferences({ host, maxFileSize, display }, entryFile, entryAbsolute, document, files);
    diagnostics.push(...references.diagnostics);
  }
  return {
    document,
    entry: entryFile,
    files,
    diagnostics,
    resolveRef: (ref, from) => references?.resolveRef(ref, from),
    locate: createLocate(files, entryFile?.path, overlaid),
  };
}
