// Measures a set of tools on one spec in rounds: every tool once, then every tool again, so a change in the
// machine's load falls on all of them alike. Shared by the spec tables, the type-check comparison and the growth
// series.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { preload, runChild } from "./child.mjs";
import { formatBytes, formatInteger, summarize } from "./stats.mjs";

/**
 * @typedef {import("./child.mjs").RunResult} RunResult
 * @typedef {import("./specs.mjs").BenchSpec} BenchSpec
 * @typedef {import("./tools.mjs").Tool} Tool
 * @typedef {import("./tools.mjs").ToolCommand} ToolCommand
 *
 * @typedef {{ kind: "runs", runs: RunResult[] }
 *   | { kind: "skip", reason: string }
 *   | { kind: "failed", reason: string, stderr: string }} Outcome `stderr` of a failed run is its stdout when
 *   it wrote nothing to stderr
 *
 * @typedef {object} SpecResult
 * @property {BenchSpec} spec
 * @property {Map<string, Outcome>} outcomes by tool name
 * @property {Map<string, string>} commands by tool name: the command line, as run from the repository root
 * @property {number} runs runs per tool
 * @property {string[]} checkErrors distinct codes of the errors `portico check` reported, with their counts
 *   (`sibling-path-variables ×6`); empty when check passed or was not run first
 *
 * @typedef {object} Session
 * @property {string} root absolute path of the repository root
 * @property {string} tmp absolute path of a temporary folder, removed by the caller at the end
 * @property {number} runs runs per tool on most specs
 * @property {number} targetRuns runs per tool on the specs the targets are measured on, the type-check comparison
 *   and the growth series
 * @property {number} loadMax highest 1-minute load average seen between runs; raised by {@link measure}
 */

/**
 * Runs every tool on `spec` `runs` times, alternating tools within each round. When a tool needs a clean
 * check, `portico check` runs once first (unmeasured; it also warms the page cache) and, if it reports errors,
 * those tools are skipped. A tool whose run exits with a code it does not allow (or reports no usage) is marked
 * failed for this spec and not run again on it. Progress goes to stderr.
 * @param {Session} session
 * @param {BenchSpec} spec
 * @param {readonly Tool[]} tools
 * @param {string} progress prefix for the progress lines
 * @param {number} runs
 * @returns {Promise<SpecResult>}
 */
export async function measure(session, spec, tools, progress, runs) {
  /** @type {Map<string, Outcome>} */
  const outcomes = new Map();
  /** @type {Map<string, string>} */
  const commands = new Map();
  const checkErrors = tools.some((t) => t.needsCleanCheck) ? await preflightCheck(session, spec) : [];
  for (const tool of tools) {
    const command = tool.command(spec, path.join("<tmp>", "out"));
    if ("skip" in command) outcomes.set(tool.name, { kind: "skip", reason: command.skip });
    else if (tool.needsCleanCheck && checkErrors.length > 0) outcomes.set(tool.name, { kind: "skip", reason: "n/a (check errors)" });
    else {
      outcomes.set(tool.name, { kind: "runs", runs: [] });
      commands.set(tool.name, ["node", ...preload, command.script, ...command.args].join(" "));
    }
  }
  for (let round = 1; round <= runs; round++) {
    const line = [];
    for (const tool of tools) {
      const outcome = /** @type {Outcome} */ (outcomes.get(tool.name));
      if (outcome.kind !== "runs") continue;
      const runDir = fs.mkdtempSync(path.join(session.tmp, "run-"));
      const command = /** @type {ToolCommand} */ (tool.command(spec, path.join(runDir, "out")));
      const result = await runChild(session.root, command);
      fs.rmSync(runDir, { recursive: true, force: true });
      session.loadMax = Math.max(session.loadMax, os.loadavg()[0]);
      if (result.exitCode === null || !tool.okExitCodes.includes(result.exitCode) || Number.isNaN(result.cpuMs)) {
        const reason = result.exitCode === null ? `failed (${result.signal})` : `failed (exit ${result.exitCode})`;
        outcomes.set(tool.name, { kind: "failed", reason, stderr: result.stderr.trim() === "" ? result.stdout : result.stderr });
        line.push(`${tool.name} ${reason}`);
        continue;
      }
      outcome.runs.push(result);
      line.push(`${tool.name} ${formatInteger(result.wallMs)} ms`);
    }
    process.stderr.write(`${progress} ${spec.name} (${formatBytes(spec.bytes)}) run ${round}/${runs}: ${line.join(" · ")}\n`);
  }
  return { spec, outcomes, commands, checkErrors, runs };
}

/**
 * One unmeasured `portico check --format json` of `spec` with its overlay.
 * @param {Session} session
 * @param {BenchSpec} spec
 * @returns {Promise<string[]>} the error codes with their counts, sorted; empty when there are none
 */
async function preflightCheck(session, spec) {
  const overlay = spec.overlay === null ? [] : ["--overlay", spec.overlay];
  const result = await runChild(session.root, { script: "bin/portico.js", args: ["check", spec.file, ...overlay, "--format", "json"] }, { captureStdout: true });
  if (result.exitCode === 0) return [];
  /** @type {Map<string, number>} */
  const counts = new Map();
  try {
    for (const d of JSON.parse(result.stdout).diagnostics) {
      if (d.severity === "error") counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    }
  } catch {
    return [`check exited ${result.exitCode ?? result.signal} without JSON diagnostics`];
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => `${code} ×${n}`);
}

/**
 * Median of one metric of a tool's runs on a spec, or undefined when it did not complete.
 * @param {SpecResult | undefined} result
 * @param {string} tool
 * @param {(r: RunResult) => number} pick
 * @returns {number | undefined}
 */
export function medianOf(result, tool, pick) {
  const outcome = result?.outcomes.get(tool);
  if (outcome === undefined || outcome.kind !== "runs" || outcome.runs.length === 0) return undefined;
  return summarize(outcome.runs.map(pick)).median;
}
