/**
 * Test helpers for the loading stage: 1-based `line:column` of a diagnostic (its explicit range when it has
 * one, else `locate`), and a one-call loader over an in-memory tree.
 */
import type { Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import { createMemoryHost } from "../../../compiler/host.js";
import { loadSpec, type LoadOptions } from "../../../compiler/parse/load.js";
import type { LoadResult } from "../../../compiler/parse/types.js";

/** `line:column` (1-based) where `d` is reported. */
export function positionOf(result: LoadResult, d: Diagnostic): string {
  const file = result.files.get(d.origin.file);
  if (d.range && file) {
    const { line, column } = file.source.lineAndColumn(d.range[0]);
    return `${line + 1}:${column + 1}`;
  }
  const at = result.locate(d.origin, d.part);
  return `${at.line}:${at.column}`;
}

/** `line:column` (1-based) of `locate(origin, part)`. */
export function located(result: LoadResult, file: string, pointer: string, part: "key" | "value" = "value"): string {
  const at = result.locate({ file, pointer }, part);
  return `${at.file}:${at.line}:${at.column}`;
}

/** Loads `entry` (default: the first file) from an in-memory tree. */
export function loadMemory(files: Record<string, string | { readonly symlink: string }>, entry?: string, options?: LoadOptions): LoadResult {
  return loadSpec(createMemoryHost(files), entry ?? (Object.keys(files)[0] as string), options);
}

/** `code@pointer line:column` of every diagnostic, for compact assertions. */
export function summary(result: LoadResult): string[] {
  return result.diagnostics.map((d) => `${d.code}@${d.origin.file}#${d.origin.pointer} ${positionOf(result, d)}`);
}
