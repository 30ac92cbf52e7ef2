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
 * @property {string} stdout what the child wrote to stdout: all of it with `captureStdout`, else the last 2,000
 *   characters (some tools report their errors there)
 */

/** A run still going after this long is killed (SIGKILL) and counts as failed: 10 minutes. */
export const timeoutMs = 600_000;

/**
 * Runs `node --import ./bench/measure.mjs <script> <args…>` in `root` and waits for it; of stdout only the end is
 * kept unless `captureStdout`. A child still running after {@link timeoutMs} is killed.
 * @param {string} root absolute path of the repository root (the child's working folder)
 * @param {import("./tools.mjs").ToolCommand} command
 * @param {{ captureStdout?: boolean }} [options]
 * @returns {Promise<RunResult>} rejects only when the child cannot be started
 */
export function runChild(root, command, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ended = started;
    const child = spawn(process.execPath, [...preload, command.script, ...command.args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      env: { ...process.env, BENCH_USAGE_FD: "3", NO_COLOR: "1" },
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    let stderr = "";
    let stdout = "";
    let usage = "";
    /** @type {import("node:stream").Readable} */ (child.stdout).setEncoding("utf8").on("data", (chunk) => {
      stdout = options.captureStdout ? stdout + chunk : (stdout + chunk).slice(-2000);
    });
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
      clearTimeout(timer);
      const line = usage.trim();
      const u = line === "" ? { userMicros: NaN, systemMicros: NaN, maxRssKb: NaN } : JSON.parse(line);
      resolve({
        wallMs: ended - started,
        cpuMs: (u.userMicros + u.systemMicros) / 1000,
        maxRssKb: u.maxRssKb,
        exitCode: code,
        signal,
        stderr,
        stdout,
      });
    });
  });
}
