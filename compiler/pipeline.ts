/**
 * The compiler's stages in order: load → structure → lower → validate → (no errors) emit.
 *
 * Each stage is a pure function of the previous one's result plus the host; a stage that finds errors stops the
 * stages after it that would only pile up consequences (lowering a structurally broken document, emitting with
 * errors). Timings are recorded per stage for `portico build`'s report and for the benchmarks.
 */
import { DiagnosticCollector, type Diagnostic } from "./diagnostics/diagnostic.js";
import { emitters, type EmitterName } from "./emit/index.js";
import type { OutputFile } from "./emit/emitter.js";
import type { CompilerHost } from "./host.js";
import { lowerDocument } from "./model/lower/document.js";
import type { GatewayModel } from "./model/types.js";
import { loadSpec } from "./parse/load.js";
import { checkStructure } from "./parse/schema-check.js";
import type { LoadResult, Location } from "./parse/types.js";
import { checkFiles } from "./validate/files.js";
import { runRules } from "./validate/index.js";
import * as path from "node:path";

/** Options shared by `check` and `build`. */
export interface CheckOptions {
  /** Overlay files applied in order before checking (OpenAPI Overlay 1.0). */
  readonly overlays?: readonly string[];
  /** Largest file read, bytes (default 32 MiB). */
  readonly maxFileSize?: number;
}

/** How long one stage took, ms. */
export interface PhaseTiming {
  readonly phase: "load" | "structure" | "lower" | "validate" | "emit";
  readonly ms: number;
}

export interface CheckResult {
  /** The IR; undefined when loading or the structural checks failed. */
  readonly model: GatewayModel | undefined;
  /** Every diagnostic, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  readonly errorCount: number;
  /** Where a diagnostic's text is (file, 1-based line and column). */
  locate(diagnostic: Diagnostic): Location;
  /** The text of a file that was read (entry, overlays, referenced files), for code frames. */
  sourceText(file: string): string | undefined;
  readonly timings: readonly PhaseTiming[];
}

/**
 * Loads, checks and lowers `entry`. Never throws for bad input: every problem is a diagnostic.
 * @param entry the spec path, absolute or relative to `host.cwd()`.
 */
export function check(host: CompilerHost, entry: string, options: CheckOptions = {}): CheckResult {
  const timings: PhaseTiming[] = [];
  const time = <T>(phase: PhaseTiming["phase"], run: () => T): T => {
    const start = performance.now();
    const result = run();
    timings.push({ phase, ms: performance.now() - start });
    return result;
  };
  const collector = new DiagnosticCollector();
  const load = time("load", () =>
    loadSpec(host, entry, {
      ...(options.overlays ? { overlays: options.overlays } : {}),
      ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    }),
  );
  collector.add(...load.diagnostics);
  let model: GatewayModel | undefined;
  if (load.entry && !collector.hasErrors) {
    const entryPath = load.entry.path;
    collector.add(...time("structure", () => checkStructure(load.document, entryPath)));
    if (!collector.hasErrors) {
      model = time("lower", () => lowerDocument(load, entryPath));
      time("validate", () => {
        runRules(model as GatewayModel, collector);
        checkFiles(model as GatewayModel, host, entryPath, collector);
      });
    }
  }
  return result(load, collector, model, timings);
}

function result(
  load: LoadResult,
  collector: DiagnosticCollector,
  model: GatewayModel | undefined,
  timings: PhaseTiming[],
): CheckResult {
  const locate = (d: Diagnostic): Location => {
    if (d.range) {
      const file = load.files.get(d.origin.file);
      if (file) {
        const { line, column } = file.source.lineAndColumn(d.range[0]);
        return { file: file.path, pointer: d.origin.pointer, line: line + 1, column: column + 1, start: d.range[0], end: d.range[1] };
      }
    }
    return load.locate(d.origin, d.part);
  };
  const located = collector.diagnostics.map((d) => ({ d, at: locate(d) }));
  located.sort(
    (a, b) =>
      compare(a.at.file, b.at.file) || a.at.start - b.at.start || compare(a.d.code, b.d.code) || compare(a.d.message, b.d.message),
  );
  return {
    model,
    diagnostics: located.map((x) => x.d),
    errorCount: collector.errorCount,
    locate,
    sourceText: (file) => load.files.get(file)?.source.text,
    timings,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface BuildOptions extends CheckOptions {
  /** The output folder; emitters' paths are relative to it. Used to compute paths back to the spec. */
  readonly out: string;
  /** Which artifacts to emit (default all). */
  readonly emit?: readonly EmitterName[];
}

export interface BuildResult extends CheckResult {
  /** What to write; empty when there are errors. */
  readonly files: readonly OutputFile[];
}

/**
 * Checks `entry` and, when there are no errors, runs the emitters. Writes nothing: the caller hands `files` to
 * `writeOutput`, so a failing build never touches the output folder.
 */
export function build(host: CompilerHost, entry: string, options: BuildOptions): BuildResult {
  const checked = check(host, entry, options);
  const model = checked.model;
  if (!model || checked.errorCount > 0) return { ...checked, files: [] };
  const collector = new DiagnosticCollector();
  const start = performance.now();
  const specDir = path.dirname(path.resolve(host.cwd(), entry));
  const pulumiDir = path.resolve(host.cwd(), options.out, "pulumi");
  const ctx = {
    specDirFromPulumi: path.relative(pulumiDir, specDir).split(path.sep).join("/") || ".",
    report: collector,
  };
  const selected = emitters.filter((e) => !options.emit || options.emit.includes(e.name));
  const files = selected.flatMap((e) => e.emit(model, ctx));
  const timings = [...checked.timings, { phase: "emit" as const, ms: performance.now() - start }];
  if (collector.diagnostics.length === 0) return { ...checked, timings, files };
  const diagnostics = [...checked.diagnostics, ...collector.diagnostics];
  const errorCount = checked.errorCount + collector.errorCount;
  return { ...checked, diagnostics, errorCount, timings, files: errorCount > 0 ? [] : files };
}
