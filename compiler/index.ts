/**
 * Portico's public API. `check` loads, checks and lowers a spec; `build` also runs the emitters and returns the
 * files to write; `writeOutput` writes them all or nothing.
 */
export { check } from "./pipeline.js";
export type { CheckOptions, CheckResult, PhaseTiming } from "./pipeline.js";
export { build } from "./build.js";
export type { BuildOptions, BuildResult } from "./build.js";
export { writeOutput, OutputError } from "./write-output.js";
export { nodeHost, createMemoryHost } from "./host.js";
export type { CompilerHost } from "./host.js";
export type { Diagnostic, Origin, Severity } from "./diagnostics/diagnostic.js";
export type { DiagnosticCode } from "./diagnostics/codes.js";
export { formatJson, formatSarif, formatText } from "./diagnostics/format.js";
export type { Location } from "./parse/types.js";
export type * from "./model/types.js";
