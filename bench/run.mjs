#!/usr/bin/env node
// `npm run bench`: builds the CLI, installs the peer generators into bench/.peers/, then measures (1) every tool of
// bench/tools.mjs on every spec of ../shared/specs/ and the pets sample, (2) `tsc --noEmit --strict` on the code
// generated for the GitHub description, (3) check and build on synthetic descriptions of growing size, and writes
// bench/results.md with the targets met or not. Options: --runs N (default 1), --target-runs N (runs on the
// GitHub description, the pets sample, the type-check comparison and the growth series; default 3, or --runs when
// larger), --only <substring>,
// --parts specs,typecheck,growth, --skip-build (measure the dist/ already built).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeGrowthSpecs } from "./growth.mjs";
import { installPeers, peerVersions } from "./peers.mjs";
import { renderResults, renderTables } from "./report.mjs";
import { measure } from "./rounds.mjs";
import { findSpecs } from "./specs.mjs";
import { coldStartName, evaluateTargets, targetSpec } from "./targets.mjs";
import { ratios, tools } from "./tools.mjs";
import { prepareTypecheck, sharedTsconfig, typecheckCalls, typecheckTools } from "./typecheck.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();
const allParts = ["specs", "typecheck", "growth"];
const targetSpecs = [targetSpec, coldStartName];
const usage =
  "usage: npm run bench -- [--runs N] [--target-runs N] [--only <substring>] [--parts specs,typecheck,growth] [--skip-build]";

const options = readOptions();
let specs;
try {
  specs = findSpecs(root, options.only);
} catch (error) {
  fail(/** @type {Error} */ (error).message);
}
if (specs.length === 0) fail(`no spec matches --only ${options.only}`);

if (!options.skipBuild) buildCli();
try {
  installPeers(root);
} catch (error) {
  fail(/** @type {Error} */ (error).message);
}

/** @type {import("./report.mjs").Environment} */
const env = {
  date: new Date().toISOString(),
  cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
  cores: os.cpus().length,
  memoryBytes: os.totalmem(),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  commit: commit(),
  peers: peerVersions(root),
  loadStart: os.loadavg(),
  loadEnd: os.loadavg(),
  loadMax: os.loadavg()[0],
  runs: options.runs,
  targetRuns: options.targetRuns,
  only: options.only,
  parts: options.parts,
  totalMs: 0,
};

/** @type {import("./rounds.mjs").Session} */
const session = {
  root,
  tmp: fs.mkdtempSync(path.join(os.tmpdir(), "portico-bench-")),
  runs: options.runs,
  targetRuns: options.targetRuns,
  loadMax: env.loadMax,
};
/** @type {import("./rounds.mjs").SpecResult[]} */
const specResults = [];
/** @type {import("./report.mjs").Report["typecheck"]} */
let typecheck;
/** @type {import("./report.mjs").Report["growth"]} */
let growth;
try {
  if (options.parts.includes("specs")) {
    for (const [index, spec] of specs.entries()) {
      const runs = targetSpecs.includes(spec.name) ? session.targetRuns : session.runs;
      specResults.push(await measure(session, spec, tools, `[${index + 1}/${specs.length}]`, runs));
    }
  }
  const tscSpec = specs.find((s) => typecheckCalls.has(s.name));
  if (options.parts.includes("typecheck") && tscSpec !== undefined) {
    process.stderr.write(`[tsc] generating the projects for ${tscSpec.name}\n`);
    const tscTools = typecheckTools(prepareTypecheck(root, tscSpec));
    typecheck = { tools: tscTools, result: await measure(session, tscSpec, tscTools, "[tsc]", session.targetRuns), tsconfig: sharedTsconfig };
  }
  if (options.parts.includes("growth")) {
    const growthSpecs = writeGrowthSpecs(root);
    const growthTools = tools.filter((t) => t.name === "check" || t.name === "build");
    /** @type {import("./rounds.mjs").SpecResult[]} */
    const results = [];
    for (const g of growthSpecs) results.push(await measure(session, g.spec, growthTools, "[growth]", session.targetRuns));
    growth = { specs: growthSpecs, results, tools: growthTools };
  }
} finally {
  fs.rmSync(session.tmp, { recursive: true, force: true });
}

env.loadMax = session.loadMax;
env.loadEnd = os.loadavg();
env.totalMs = performance.now() - started;
const targets = evaluateTargets({
  specs: specResults,
  typecheck: typecheck?.result,
  growthSpecs: growth?.specs ?? [],
  growth: growth?.results ?? [],
});
fs.writeFileSync(
  path.join(root, "bench", "results.md"),
  renderResults({ env, tools, ratios, specs: specResults, typecheck, growth, targets }),
);
if (specResults.length > 0) process.stdout.write(`${renderTables(specResults, tools, ratios)}\n\n`);
for (const t of targets) {
  const verdict = t.value === undefined ? "not measured" : t.value <= t.limit ? "met" : "not met";
  process.stdout.write(`${verdict.padEnd(12)} ${t.value === undefined ? "–" : t.value.toFixed(2)} (limit ${t.limit}) ${t.target}\n`);
}
process.stdout.write(
  `load average ${env.loadStart[0].toFixed(2)} at the start, ${env.loadEnd[0].toFixed(2)} at the end ` +
    `(highest ${env.loadMax.toFixed(2)}, ${env.cores} cores); total ${(env.totalMs / 1000).toFixed(1)} s; ` +
    `written to bench/results.md\n`,
);

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

/** @returns {{ runs: number, targetRuns: number, only: string | undefined, parts: string[], skipBuild: boolean }} */
function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: "string" },
        "target-runs": { type: "string" },
        only: { type: "string" },
        parts: { type: "string" },
        "skip-build": { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    fail(`${/** @type {Error} */ (error).message}\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const runs = values.runs === undefined ? 1 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs expects a positive whole number, got ${values.runs}`);
  const targetRuns = values["target-runs"] === undefined ? Math.max(runs, 3) : Number(values["target-runs"]);
  if (!Number.isInteger(targetRuns) || targetRuns < 1) fail(`--target-runs expects a positive whole number, got ${values["target-runs"]}`);
  const parts = values.parts === undefined ? allParts : values.parts.split(",").map((p) => p.trim());
  const unknown = parts.filter((p) => !allParts.includes(p));
  if (unknown.length > 0) fail(`--parts: unknown part ${unknown.join(", ")}\n${usage}`);
  return { runs, targetRuns, only: values.only, parts, skipBuild: values["skip-build"] === true };
}

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
