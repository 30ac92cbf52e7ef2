/**
 * The compiler's stages in order: load → structure → lower → validate; `build.ts` adds emit when there are no
 * errors.
 *
 * Each stage is a pure function of the previous one's result plus the host; a stage that finds errors stops the
 * stages after it that would only pile up consequences (lowering a structurally broken document, emitting with
 * errors). Timings are recorded per stage for `portico build`'s report and for the benchmarks.
 */
import { DiagnosticCollector, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { CompilerHost } from "./host.js";
import { compareStrings } from "./order.js";
import { lowerDocument } from "./model/lower/document.js";
import { readTemplateFiles } from "./model/lower/template-files.js";
import type { GatewayModel } from "./model/types.js";
import { loadSpec } from "./parse/load.js";
import { checkStructure } from "./parse/schema-check.js";
import type { LoadResult, Location, SourceText } from "./parse/types.js";
import { checkFiles } from "./validate/files.js";
import { runRules } from "./validate/index.js";

/** Options shared by `check` and `build`. */
export interface CheckOptions {
  /** Overlay files applied in order before checking (OpenAPI Overlay 1.0). */
  readonly overlays?: readonly string[];
  /** Largest file read, bytes (default 32 MiB). */
  readonly maxFileSize?: number;
  /**
   * False when nothing will be deployed (`build --emit sdk`): diagnostics that only concern the deployed API are
   * skipped or downgraded (see `whenNotDeploying` in diagnostics/codes.ts), and the files only deployment reads
   * (Lambda code folders, VTL template files) are not checked. Default true.
   */
  readonly deploy?: boolean;
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
  let templates: ReadonlyMap<string, SourceText> = new Map();
  if (load.entry && !collector.hasErrors) {
    const entryPath = load.entry.path;
    collector.add(...time("structure", () => checkStructure(load.document, entryPath)));
    if (!collector.hasErrors) {
      model = time("lower", () => lowerDocument(load, entryPath));
      time("validate", () => {
        runRules(model as GatewayModel, collector, { deploy: options.deploy !== false });
        if (options.deploy !== false) {
          checkFiles(model as GatewayModel, host, entryPath, collector);
          // Raw mapping templates: template files read into the model, every raw template linted.
          const read = readTemplateFiles(model as GatewayModel, host, entryPath, collector);
          model = read.model;
          templates = read.sources;
        }
      });
    }
  }
  return result(load, collector, model, timings, templates);
}

function result(
  load: LoadResult,
  collector: DiagnosticCollector,
  model: GatewayModel | undefined,
  timings: PhaseTiming[],
  templates: ReadonlyMap<string, SourceText>,
): CheckResult {
  const locate = (d: Diagnostic): Location => {
    if (d.range) {
      const source = load.files.get(d.origin.file)?.source ?? templates.get(d.origin.file);
      if (source) {
        const { line, column } = source.lineAndColumn(d.range[0]);
        return { file: source.path, pointer: d.origin.pointer, line: line + 1, column: column + 1, start: d.range[0], end: d.range[1] };
      }
    }
    return load.locate(d.origin, d.part);
  };
  const located = collector.diagnostics.map((d) => ({ d, at: locate(d) }));
  located.sort(
    (a, b) =>
      compareStrings(a.at.file, b.at.file) || a.at.start - b.at.start || compareStrings(a.d.code, b.d.code) || compareStrings(a.d.message, b.d.message),
  );
  return {
    model,
    diagnostics: located.map((x) => x.d),
    errorCount: collector.errorCount,
    locate,
    sourceText: (file) => load.files.get(file)?.source.text ?? templates.get(file)?.text,
    timings,
  };
}

