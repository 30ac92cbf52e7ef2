// The tools the benchmark runs on each spec. Every tool is one child process per run: a Node script and its
// arguments, started as `node --import ./bench/measure.mjs <script> <args…>` from the repository root. Another
// generator joins by adding an entry here (its script is usually its CLI's bin file under node_modules/).

/**
 * @typedef {import("./specs.mjs").BenchSpec} BenchSpec
 *
 * @typedef {object} ToolCommand
 * @property {string} script Node script, relative to the repository root
 * @property {readonly string[]} args its arguments
 *
 * @typedef {object} ToolSkip
 * @property {string} skip why the tool does not run on this spec (shown in the tables)
 *
 * @typedef {object} Tool
 * @property {string} name column heading
 * @property {string} summary one line for results.md: what the tool does
 * @property {readonly number[]} okExitCodes exit codes that count as a completed run
 * @property {(spec: BenchSpec, out: string) => ToolCommand | ToolSkip} command the run for `spec`; `out` is a
 *   folder path that does not exist yet, inside a fresh temporary folder removed after the run
 */

/** @param {BenchSpec} spec */
const overlayArgs = (spec) => (spec.overlay === null ? [] : ["--overlay", spec.overlay]);

/** @type {readonly Tool[]} */
export const tools = [
  {
    name: "floor",
    summary: "read the file and parse it (`JSON.parse`, or js-yaml `load` with CORE_SCHEMA), nothing else",
    okExitCodes: [0],
    command: (spec) => ({ script: "bench/floor.mjs", args: [spec.file] }),
  },
  {
    name: "check",
    summary:
      "`portico check`, with the spec's overlay when it has one; exit 1 (errors in the input) counts as " +
      "a completed run, since specs without an overlay have no integrations",
    okExitCodes: [0, 1],
    command: (spec) => ({ script: "bin/portico.js", args: ["check", spec.file, ...overlayArgs(spec), "--format", "json"] }),
  },
  {
    name: "build",
    summary: "`portico build` with the spec's overlay into a fresh temporary folder; only specs with an overlay",
    okExitCodes: [0],
    command: (spec, out) =>
      spec.overlay === null
        ? { skip: "n/a (no overlay)" }
        : { script: "bin/portico.js", args: ["build", spec.file, ...overlayArgs(spec), "--format", "json", "--out", out] },
  },
];

/**
 * Ratios reported beside the tools' columns: median wall time of `numerator` over that of `denominator`.
 * @type {readonly { numerator: string, denominator: string }[]}
 */
export const ratios = [{ numerator: "check", denominator: "floor" }];
