#!/usr/bin/env node
// `npm run bench`: builds the CLI, then times every tool of bench/tools.mjs on every spec of ../shared/specs/,
// each run a fresh child process, and writes bench/results.md. Options: --runs N (default 5), --only <substring>.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { preload, runChild } from "./child.mjs";
import { renderResults, renderTables } from "./report.mjs";
import { findSpecs } from "./specs.mjs";
import { formatBytes, formatInteger } from "./stats.mjs";
import { ratios, tools } from "./tools.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();

const options = readOptions();
let specs;
try {
  specs = findSpecs(root, options.only);
} catch (error) {
  fail(/** @type {Error} */ (error).message);
}
if (specs.length === 0) fail(`no spec in ../shared/specs/ matches --only ${options.only}`);

const env = {
  date: new Date().toISOString(),
  cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
  cores: os.cpus().length,
  memoryBytes: os.totalmem(),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  commit: commit(),
  loadStart: os.loadavg(),
  loadEnd: os.loadavg(),
  loadMax: os.loadavg()[0],
  runs: options.runs,
  only: options.only,
  totalMs: 0,
};

buildCli();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portico-bench-"));
/** @type {import("./report.mjs").SpecResult[]} */
const results = [];
try {
  for (const [index, spec] of specs.entries()) {
    fs.readFileSync(path.join(root, spec.file)); // warm the page cache so the first run does not pay for the disk
    results.push(await measureSpec(spec, `[${index + 1}/${specs.length}]`));
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

env.loadEnd = os.loadavg();
env.totalMs = performance.now() - started;
fs.writeFileSync(path.join(root, "bench", "results.md"), renderResults(env, results, tools, ratios));
process.stdout.write(`${renderTables(results, tools, ratios)}\n\n`);
process.stdout.write(
  `load average ${env.loadStart[0].toFixed(2)} at the start, ${env.loadEnd[0].toFixed(2)} at the end ` +
    `(highest ${env.loadMax.toFixed(2)}, ${env.cores} cores); total ${(env.totalMs / 1000).toFixed(1)} s; ` +
    `written to bench/results.md\n`,
);

/**
 * Runs every tool on `spec` `options.runs` times, alternating tools within each round. A tool whose run exits
 * with a code it does not allow (or reports no usage) is marked failed for this spec and not run again on it.
 * @param {import("./specs.mjs").BenchSpec} spec
 * @param {string} progress prefix for the progress lines on stderr
 * @returns {Promise<import("./report.mjs").SpecResult>}
 */
async function measureSpec(spec, progress) {
  /** @type {Map<string, import("./report.mjs").Outcome>} */
  const outcomes = new Map();
  /** @type {Map<string, string>} */
  const commands = new Map();
  for (const tool of tools) {
    const command = tool.command(spec, path.join("<tmp>", "out"));
    if ("skip" in command) outcomes.set(tool.name, { kind: "skip", reason: command.skip });
    else {
      outcomes.set(tool.name, { kind: "runs", runs: [] });
      commands.set(tool.name, ["node", ...preload, command.script, ...command.args].join(" "));
    }
  }
  for (let round = 1; round <= options.runs; round++) {
    const line = [];
    for (const tool of tools) {
      const outcome = /** @type {import("./report.mjs").Outcome} */ (outcomes.get(tool.name));
      if (outcome.kind !== "runs") continue;
      const runDir = fs.mkdtempSync(path.join(tmp, "run-"));
      const command = /** @type {import("./tools.mjs").ToolCommand} */ (tool.command(spec, path.join(runDir, "out")));
      const result = await runChild(root, command);
      fs.rmSync(runDir, { recursive: true, force: true });
      env.loadMax = Math.max(env.loadMax, os.loadavg()[0]);
      if (result.exitCode === null || !tool.okExitCodes.includes(result.exitCode) || Number.isNaN(result.cpuMs)) {
        const reason = result.exitCode === null ? `failed (${result.signal})` : `failed (exit ${result.exitCode})`;
        outcomes.set(tool.name, { kind: "failed", reason, stderr: result.stderr });
        line.push(`${tool.name} ${reason}`);
        continue;
      }
      outcome.runs.push(result);
      line.push(`${tool.name} ${formatInteger(result.wallMs)} ms`);
    }
    process.stderr.write(`${progress} ${spec.name} (${formatBytes(spec.bytes)}) run ${round}/${options.runs}: ${line.join(" · ")}\n`);
  }
  return { spec, outcomes, commands };
}

/** `npm run build`, whose output goes to stderr; exits when it fails. */
function buildCli() {
  process.stderr.write("npm run build\n");
  const npm = process.env["npm_execpath"];
  const result = npm
    ? spawnSync(process.execPath, [npm, "run", "build"], { cwd: root, stdio: ["ignore", 2, 2] })
    : spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", 2, 2], shell: process.platform === "win32" });
  if (result.status !== 0) fail(`npm run build failed (exit ${result.status ?? result.signal}); bin/portico.js needs dist/`);
}

/** The short commit hash, noting uncommitted changes; null outside a git checkout. */
function commit() {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
  if (head.status !== 0) return null;
  const status = spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" });
  return head.stdout.trim() + (status.stdout.trim() === "" ? "" : " (with uncommitted changes in the working tree)");
}

/** @returns {{ runs: number, only: string | undefined }} */
function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({ options: { runs: { type: "string" }, only: { type: "string" }, help: { type: "boolean" } } }));
  } catch (error) {
    fail(`${/** @type {Error} */ (error).message}\nusage: npm run bench -- [--runs N] [--only <substring>]`);
  }
  if (values.help) {
    process.stdout.write("usage: npm run bench -- [--runs N] [--only <substring>]\n");
    process.exit(0);
  }
  const runs = values.runs === undefined ? 5 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs expects a positive whole number, got ${values.runs}`);
  return { runs, only: values.only };
}

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
