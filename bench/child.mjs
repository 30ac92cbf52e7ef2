// One measured run: a fresh `node` child with bench/measure.mjs preloaded, timed from spawn to exit.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

/** The Node flags every measured child gets, relative to the repository root (shown in results.md). */
export const preload = ["--import", "./bench/measure.mjs"];

/**
 * @typedef {object} RunResult
 * @property {number} wallMs milliseconds from spawn to exit, as seen by the parent
 * @property {number} cpuMs user + system CPU time of the child, milliseconds (NaN when it reported none)
 * @property {number} maxRssKb peak resident set size of the child, kilobytes (NaN when it reported none)
 * @property {number | null} exitCode the child's exit code (null when a signal ended it)
 * @property {string | null} signal the signal that ended the child, if one did
 * @property {string} stderr the last 2,000 characters the child wrote to stderr
 */

/**
 * Runs `node --import ./bench/measure.mjs <script> <args…>` in `root`, stdout discarded, and waits for it.
 * @param {string} root absolute path of the repository root (the child's working folder)
 * @param {import("./tools.mjs").ToolCommand} command
 * @returns {Promise<RunResult>} rejects only when the child cannot be started
 */
export function runChild(root, command) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ended = started;
    const child = spawn(process.execPath, [...preload, command.script, ...command.args], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe", "pipe"],
      env: { ...process.env, BENCH_USAGE_FD: "3", NO_COLOR: "1" },
    });
    let stderr = "";
    let usage = "";
    /** @type {import("node:stream").Readable} */ (child.stderr).setEncoding("utf8").on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    /** @type {import("node:stream").Readable} */ (child.stdio[3]).setEncoding("utf8").on("data", (chunk) => {
      usage += chunk;
    });
    child.on("error", reject);
    child.on("exit", () => {
      ended = performance.now();
    });
    child.on("close", (code, signal) => {
      const line = usage.trim();
      const u = line === "" ? { userMicros: NaN, systemMicros: NaN, maxRssKb: NaN } : JSON.parse(line);
      resolve({
        wallMs: ended - started,
        cpuMs: (u.userMicros + u.systemMicros) / 1000,
        maxRssKb: u.maxRssKb,
        exitCode: code,
        signal,
        stderr,
      });
    });
  });
}
