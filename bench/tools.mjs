// The tools the benchmark runs on each spec. Every tool is one child process per run: a Node script and its
// arguments, started as `node --import ./bench/measure.mjs <script> <args…>` from the repository root. Another
// generator joins by adding an entry here (its script is usually its CLI's bin file, see bench/peers.mjs).
import * as path from "node:path";
import { peerScript } from "./peers.mjs";

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
 * @property {boolean} needsCleanCheck runs only on specs that `portico check` passes without errors
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
    needsCleanCheck: false,
    command: (spec) => ({ script: "bench/floor.mjs", args: [spec.file] }),
  },
  {
    name: "check",
    summary:
      "`portico check` with the spec's overlay (diagnostics as JSON); exit 1 (errors in the input) counts as a " +
      "completed run: the default overlay does not settle every spec's path conflicts",
    okExitCodes: [0, 1],
    needsCleanCheck: false,
    command: (spec) => ({ script: "bin/portico.js", args: ["check", spec.file, ...overlayArgs(spec), "--format", "json"] }),
  },
  {
    name: "sdk",
    summary: "`portico build --emit sdk`: the typed TypeScript client alone, without the overlay (any OpenAPI file)",
    okExitCodes: [0],
    needsCleanCheck: false,
    command: (spec, out) => ({
      script: "bin/portico.js",
      args: ["build", spec.file, "--emit", "sdk", "--format", "json", "--out", out],
    }),
  },
  {
    name: "build",
    summary:
      "`portico build` with the overlay, every artifact (import document, Pulumi program, mapping templates, SDK); " +
      "only on specs that check passes",
    okExitCodes: [0],
    needsCleanCheck: true,
    command: (spec, out) => ({ script: "bin/portico.js", args: ["build", spec.file, ...overlayArgs(spec), "--format", "json", "--out", out] }),
  },
  {
    name: "openapi-typescript",
    summary: "openapi-typescript: the spec's types as one `.d.ts` file",
    okExitCodes: [0],
    needsCleanCheck: false,
    command: (spec, out) => ({ script: peerScript("openapi-typescript"), args: [spec.file, "-o", path.join(out, "schema.d.ts")] }),
  },
  {
    name: "hey-api",
    summary: "@hey-api/openapi-ts with its default plugins: types, SDK functions and the bundled fetch client",
    okExitCodes: [0],
    needsCleanCheck: false,
    command: (spec, out) => ({ script: peerScript("hey-api"), args: ["-i", spec.file, "-o", out] }),
  },
  {
    name: "orval",
    summary: "orval with its default client (axios functions and their types) into one file",
    okExitCodes: [0],
    needsCleanCheck: false,
    command: (spec, out) => ({ script: peerScript("orval"), args: ["--input", spec.file, "--output", path.join(out, "api.ts")] }),
  },
];

/**
 * @typedef {object} Ratio
 * @property {string} numerator tool name
 * @property {string} denominator tool name
 */

/**
 * Ratios reported under each metric's table: the median of `numerator` over that of `denominator`. Below 1×,
 * Portico is the faster (or leaner) of the two.
 * @type {readonly Ratio[]}
 */
export const ratios = [
  { numerator: "check", denominator: "floor" },
  { numerator: "check", denominator: "openapi-typescript" },
  { numerator: "build", denominator: "openapi-typescript" },
  { numerator: "sdk", denominator: "openapi-typescript" },
  { numerator: "sdk", denominator: "hey-api" },
  { numerator: "sdk", denominator: "orval" },
];
