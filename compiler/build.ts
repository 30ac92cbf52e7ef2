/**
 * `build`: `check`, then, without errors, the emitters. Apart from `pipeline.ts` because the emitters (ts-morph)
 * take about a second to load, which `portico check` should not pay.
 */
import * as path from "node:path";
import { DiagnosticCollector } from "./diagnostics/diagnostic.js";
import type { EmitterName, OutputFile } from "./emit/emitter.js";
import { emitters } from "./emit/index.js";
import { reportNotEmitted } from "./emit/not-emitted.js";
import type { CompilerHost } from "./host.js";
import { compareStrings } from "./order.js";
import { check, type CheckOptions, type CheckResult } from "./pipeline.js";

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
  reportNotEmitted(model, collector);
  // The Pulumi program deploys openapi.aws.json, so asking for it brings the document along.
  const wanted = options.emit && options.emit.includes("pulumi") ? [...options.emit, "openapi"] : options.emit;
  const selected = emitters.filter((e) => !wanted || wanted.includes(e.name));
  const files = collector.hasErrors ? [] : selected.flatMap((e) => e.emit(model, ctx));
  const timings = [...checked.timings, { phase: "emit" as const, ms: performance.now() - start }];
  if (collector.diagnostics.length === 0) return { ...checked, timings, files };
  const located = [...checked.diagnostics, ...collector.diagnostics].map((d) => ({ d, at: checked.locate(d) }));
  located.sort((a, b) => compareStrings(a.at.file, b.at.file) || a.at.start - b.at.start);
  const diagnostics = located.map((x) => x.d);
  const errorCount = checked.errorCount + collector.errorCount;
  return { ...checked, diagnostics, errorCount, timings, files: errorCount > 0 ? [] : files };
}
