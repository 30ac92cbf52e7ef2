/**
 * `build`: `check`, then, without errors, the emitters; `buildStrict` adds the security checks. Apart from
 * `pipeline.ts` because the emitters (ts-morph) take about a second to load, which `portico check` should not pay.
 */
import * as path from "node:path";
import { DiagnosticCollector, type Diagnostic } from "./diagnostics/diagnostic.js";
import { DEPLOYED, type EmitterName, type OutputFile } from "./emit/emitter.js";
import { emitters } from "./emit/index.js";
import { reportNotEmitted } from "./emit/not-emitted.js";
import type { CompilerHost } from "./host.js";
import { compareStrings } from "./order.js";
import { check, type CheckOptions, type CheckResult } from "./pipeline.js";
import { runStrictChecks, type SecuritySummary } from "./security/strict.js";

export interface BuildOptions extends CheckOptions {
  /** The output folder; emitters' paths are relative to it. Used to compute paths back to the spec. */
  readonly out: string;
  /**
   * Which artifacts to emit (default all). Without one that deploys ({@link DEPLOYED}), as with `["sdk"]`, the
   * spec is checked as a plain OpenAPI description: what only deployment needs does not block the build.
   */
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
  const deploy = !options.emit || options.emit.some((name) => DEPLOYED.has(name));
  const checked = check(host, entry, { ...options, deploy });
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
  if (deploy) reportNotEmitted(model, collector);
  // The Pulumi program deploys openapi.aws.json, so asking for it brings the document along.
  const wanted = options.emit && options.emit.includes("pulumi") ? [...options.emit, "openapi"] : options.emit;
  const selected = emitters.filter((e) => !wanted || wanted.includes(e.name));
  const files = collector.hasErrors ? [] : selected.flatMap((e) => e.emit(model, ctx));
  const timings = [...checked.timings, { phase: "emit" as const, ms: performance.now() - start }];
  if (collector.diagnostics.length === 0) return { ...checked, timings, files };
  const diagnostics = sortByPlace(checked, [...checked.diagnostics, ...collector.diagnostics]);
  const errorCount = checked.errorCount + collector.errorCount;
  return { ...checked, diagnostics, errorCount, timings, files: errorCount > 0 ? [] : files };
}

function sortByPlace(checked: CheckResult, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const located = diagnostics.map((d) => ({ d, at: checked.locate(d) }));
  located.sort((a, b) => compareStrings(a.at.file, b.at.file) || a.at.start - b.at.start);
  return located.map((x) => x.d);
}

export interface StrictBuildResult extends BuildResult {
  /** What the security checks ran and found; absent when the build had errors before them. */
  readonly security?: SecuritySummary;
}

/**
 * `build --strict`: `build`, then, when it has no errors, the security checks over the resource graph of each
 * stage (security/strict.ts). Every finding is an error, so `files` is empty when there is one and nothing is
 * written. Asynchronous: the program runs under Pulumi's mocks.
 * @throws Error (a caller bug) when `options.emit` leaves out the Pulumi program the checks run.
 */
export async function buildStrict(host: CompilerHost, entry: string, options: BuildOptions): Promise<StrictBuildResult> {
  const built = build(host, entry, options);
  if (!built.model || built.errorCount > 0) return built;
  const strict = await runStrictChecks(built.model, built.files, path.resolve(host.cwd(), options.out));
  if (strict.diagnostics.length === 0) return { ...built, security: strict.summary };
  const diagnostics = sortByPlace(built, [...built.diagnostics, ...strict.diagnostics]);
  const errorCount = built.errorCount + strict.diagnostics.filter((d) => d.severity === "error").length;
  return { ...built, diagnostics, errorCount, files: errorCount > 0 ? [] : built.files, security: strict.summary };
}
