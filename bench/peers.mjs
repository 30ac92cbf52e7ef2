// The peer generators Portico is measured against. They live in their own package, bench/.peers/ (its
// package.json and package-lock.json pin exact versions; its node_modules/ is not committed), apart from the
// repository's dependencies: the benchmark installs them there with `npm ci` the first time it runs.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The peers' package folder, relative to the repository root. */
export const peersDir = path.join("bench", ".peers");

/**
 * Each peer's column name, npm package and the Node script its command line starts, relative to the package
 * folder. For @hey-api/openapi-ts that is `dist/run.mjs`, the script its `bin/run.js` re-spawns in a second
 * `node` process: run directly, its CPU time and memory are those of the process measured, and it skips one
 * Node start-up.
 * @type {readonly { name: string, pkg: string, script: string }[]}
 */
export const peers = [
  { name: "openapi-typescript", pkg: "openapi-typescript", script: "bin/cli.js" },
  { name: "hey-api", pkg: "@hey-api/openapi-ts", script: "dist/run.mjs" },
  { name: "orval", pkg: "orval", script: "dist/bin/orval.mjs" },
];

/**
 * Path of a peer's script, relative to the repository root.
 * @param {string} name a `name` of {@link peers}
 */
export function peerScript(name) {
  const peer = peers.find((p) => p.name === name);
  if (peer === undefined) throw new Error(`no peer named ${name}`);
  return path.join(peersDir, "node_modules", peer.pkg, peer.script);
}

/**
 * Installs bench/.peers/ with `npm ci` unless every pinned package is already installed at its pinned version.
 * npm's output goes to stderr.
 * @param {string} root absolute path of the repository root
 * @throws {Error} when npm fails
 */
export function installPeers(root) {
  const dir = path.join(root, peersDir);
  /** @type {Record<string, string>} */
  const pinned = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies;
  const installed = Object.entries(pinned).every(([pkg, version]) => installedVersion(dir, pkg) === version);
  if (installed) return;
  process.stderr.write(`npm ci --prefix ${peersDir}\n`);
  const npm = process.env["npm_execpath"];
  const args = ["ci", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel", "error"];
  const result = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: dir, stdio: ["ignore", 2, 2] })
    : spawnSync("npm", args, { cwd: dir, stdio: ["ignore", 2, 2], shell: process.platform === "win32" });
  if (result.status !== 0) throw new Error(`npm ci in ${peersDir} failed (exit ${result.status ?? result.signal})`);
}

/**
 * The installed version of every pinned package of bench/.peers/, by package name (for results.md).
 * @param {string} root absolute path of the repository root
 * @returns {Map<string, string>}
 */
export function peerVersions(root) {
  const dir = path.join(root, peersDir);
  /** @type {Record<string, string>} */
  const pinned = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies;
  return new Map(Object.keys(pinned).map((pkg) => [pkg, installedVersion(dir, pkg) ?? "not installed"]));
}

/**
 * @param {string} dir absolute path of bench/.peers/
 * @param {string} pkg package name
 * @returns {string | null}
 */
function installedVersion(dir, pkg) {
  const file = path.join(dir, "node_modules", pkg, "package.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).version : null;
}
