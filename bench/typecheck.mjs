// How long `tsc --noEmit --strict` takes on the code a user compiles with each generator's output: Portico's SDK,
// openapi-typescript's types used through openapi-fetch, and @hey-api/openapi-ts's SDK. Each project is the
// generated code plus one small file that calls the same operation, under the same tsconfig; the generated code
// is written once (unmeasured) into bench/.peers/work/, where `openapi-fetch` resolves from bench/.peers/.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { peerScript, peersDir } from "./peers.mjs";

/**
 * The operation each project's usage file calls, for every spec the comparison runs on (by file name). Portico
 * and @hey-api/openapi-ts both name an operation's function after its `operationId` in camel case.
 * @type {ReadonlyMap<string, { path: string, method: "GET", fn: string, pathParams: Record<string, string> }>}
 */
export const typecheckCalls = new Map([
  ["github-api.3.0.json", { path: "/repos/{owner}/{repo}", method: "GET", fn: "reposGet", pathParams: { owner: "octocat", repo: "hello-world" } }],
]);

/** The TypeScript compiler every project is checked with: the repository's own (its devDependency). */
const tsc = path.join("node_modules", "typescript", "lib", "tsc.js");

/** The compiler options of every project: strict, no output, the generated files checked, libraries not. */
const compilerOptions = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

/**
 * @typedef {object} TypecheckProject
 * @property {string} name column heading
 * @property {string} summary one line for results.md
 * @property {string} dir project folder relative to the repository root (holds tsconfig.json)
 */

/**
 * Generates the three projects for `spec` into bench/.peers/work/tsc/<spec>/ (replacing what was there).
 * @param {string} root absolute path of the repository root
 * @param {import("./specs.mjs").BenchSpec} spec one named in {@link typecheckCalls}
 * @returns {TypecheckProject[]}
 * @throws {Error} when a generator fails
 */
export function prepareTypecheck(root, spec) {
  const call = typecheckCalls.get(spec.name);
  if (call === undefined) throw new Error(`no typecheck call for ${spec.name}`);
  const work = path.join(peersDir, "work", "tsc", spec.name);
  fs.rmSync(path.join(root, work), { recursive: true, force: true });
  const params = JSON.stringify(call.pathParams);

  const portico = path.join(work, "portico");
  generate(root, "bin/portico.js", ["build", spec.file, "--emit", "sdk", "--format", "json", "--out", portico]);
  project(root, portico, ["sdk/typescript/src/**/*.ts", "usage.ts"], [
    `import { ${call.fn} } from "./sdk/typescript/src/index.js";`,
    "",
    "export async function usage(): Promise<unknown> {",
    `  const result = await ${call.fn}({ path: ${params} });`,
    "  return result.body;",
    "}",
  ]);

  const openapiFetch = path.join(work, "openapi-fetch");
  generate(root, peerScript("openapi-typescript"), [spec.file, "-o", path.join(openapiFetch, "schema.ts")]);
  project(root, openapiFetch, ["schema.ts", "usage.ts"], [
    'import createClient from "openapi-fetch";',
    'import type { paths } from "./schema.js";',
    "",
    "const client = createClient<paths>({ baseUrl: \"https://api.example.com\" });",
    "",
    "export async function usage(): Promise<unknown> {",
    `  const { data, error } = await client.${call.method}(${JSON.stringify(call.path)}, { params: { path: ${params} } });`,
    "  return data ?? error;",
    "}",
  ]);

  const heyApi = path.join(work, "hey-api");
  generate(root, peerScript("hey-api"), ["-i", spec.file, "-o", path.join(heyApi, "client")]);
  project(root, heyApi, ["client/**/*.ts", "usage.ts"], [
    `import { ${call.fn} } from "./client/index.js";`,
    "",
    "export async function usage(): Promise<unknown> {",
    `  const { data, error } = await ${call.fn}({ path: ${params} });`,
    "  return data ?? error;",
    "}",
  ]);

  return [
    { name: "Portico SDK", summary: "`portico build --emit sdk` output (types, one function per operation, client class, runtime)", dir: portico },
    { name: "openapi-fetch", summary: "openapi-typescript's `paths` (written as `schema.ts`) used through `createClient<paths>()` of openapi-fetch", dir: openapiFetch },
    { name: "hey-api", summary: "@hey-api/openapi-ts default output (types, SDK functions, bundled fetch client)", dir: heyApi },
  ];
}

/**
 * The tools of the type-check comparison: `tsc -p <project>` for each project.
 * @param {readonly TypecheckProject[]} projects
 * @returns {import("./tools.mjs").Tool[]}
 */
export function typecheckTools(projects) {
  return projects.map((p) => ({
    name: p.name,
    summary: p.summary,
    okExitCodes: [0],
    needsCleanCheck: false,
    command: () => ({ script: tsc, args: ["-p", path.join(p.dir, "tsconfig.json")] }),
  }));
}

/** The tsconfig.json every project shares, as shown in results.md. */
export const sharedTsconfig = JSON.stringify({ compilerOptions }, null, 2);

/**
 * @param {string} root
 * @param {string} script relative to the root
 * @param {readonly string[]} args
 */
function generate(root, script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (result.status !== 0) throw new Error(`node ${script} ${args.join(" ")} failed (exit ${result.status ?? result.signal}):\n${result.stderr.slice(-2000)}`);
}

/**
 * Writes a project's tsconfig.json and usage.ts.
 * @param {string} root
 * @param {string} dir relative to the root
 * @param {readonly string[]} include
 * @param {readonly string[]} usage lines of usage.ts
 */
function project(root, dir, include, usage) {
  fs.mkdirSync(path.join(root, dir), { recursive: true });
  fs.writeFileSync(path.join(root, dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions, include }, null, 2)}\n`);
  fs.writeFileSync(path.join(root, dir, "usage.ts"), `${usage.join("\n")}\n`);
}
