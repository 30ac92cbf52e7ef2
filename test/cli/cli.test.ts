/**
 * The `portico` command: exit codes, the three diagnostic formats, --print-model, and what `build` writes (or,
 * on errors, does not write). Runs the CLI in-process with captured output.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../compiler/cli/main.js";

const work = path.join("test", ".out", "cli");
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false });
  return { code, stdout, stderr };
}

function write(name: string, text: string): string {
  const file = path.join(work, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file.split(path.sep).join("/");
}

const broken = write(
  "broken/api.yaml",
  [
    "openapi: 3.0.3",
    "info: { title: t, version: '1' }",
    "paths:",
    "  /a:",
    "    get:",
    "      operationId: same",
    "      x-gateway: { mock: { status: 200 }, public: true }",
    "      responses: { '200': { description: ok } }",
    "  /b:",
    "    get:",
    "      operationId: same",
    "      x-gateway: { mock: { status: 200 }, public: true }",
    "      responses: { '200': { description: ok } }",
    "",
  ].join("\n"),
);

test("--help and --version exit 0; no arguments and unknown flags exit 2", async () => {
  const help = await run("--help");
  assert.is(help.code, 0);
  assert.match(help.stdout, /check \[options\] <spec>/);
  assert.match(help.stdout, /build \[options\] <spec>/);
  assert.is((await run("--version")).code, 0);
  assert.is((await run()).code, 2);
  assert.is((await run("check", "samples/pets/openapi.yaml", "--bogus")).code, 2);
  assert.is((await run("check", "samples/pets/openapi.yaml", "--format", "xml")).code, 2);
  assert.is((await run("build", "samples/pets/openapi.yaml")).code, 2, "--out is required");
});

test("a clean sample exits 0, prints no diagnostics, and a one-line summary on stderr", async () => {
  const r = await run("check", "samples/pets/openapi.yaml");
  assert.is(r.code, 0);
  assert.is(r.stdout, "");
  assert.match(r.stderr, /^portico: checked samples\/pets\/openapi\.yaml \(REST API, \d+ operations\): no errors, 0 warnings in \d+ ms\n$/);
});

test("text diagnostics: file:line:col - severity code: message, a code frame, related places and a count; exit 1", async () => {
  const r = await run("check", broken);
  assert.is(r.code, 1);
  const first = r.stdout.split("\n")[0];
  assert.is(first, `${broken}:11:20 - error duplicate-operation-id: Operation id same is used more than once (also at GET /a).`);
  assert.match(r.stdout, /\n11       operationId: same\n {3}\s+~~~~\n/);
  assert.match(r.stderr, /: 1 error, 0 warnings in \d+ ms\n$/);
  assert.match(r.stdout, new RegExp(`see also ${broken}:6:7\\n`), "the first use is shown as related");
  assert.not.match(r.stdout, /\x1b\[/, "no colour when not on a TTY");
});

test("--format json gives code, severity, message, file, 1-based line and column, pointer", async () => {
  const r = await run("check", broken, "--format", "json");
  assert.is(r.code, 1);
  const parsed = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
  assert.equal(parsed.diagnostics.length, 1);
  const d = parsed.diagnostics[0] as Record<string, unknown>;
  assert.equal(Object.keys(d).sort(), ["code", "column", "file", "line", "message", "pointer", "severity"]);
  assert.is(d["code"], "duplicate-operation-id");
  assert.is(d["line"], 11);
  assert.is(d["column"], 20);
  assert.is(d["pointer"], "/paths/~1b/get/operationId");
});

test("--format sarif is a SARIF 2.1.0 log with a located result per diagnostic", async () => {
  const r = await run("check", broken, "--format", "sarif");
  const log = JSON.parse(r.stdout) as {
    version: string;
    runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: Record<string, any>[] }[];
  };
  assert.is(log.version, "2.1.0");
  const run0 = log.runs[0]!;
  assert.is(run0.tool.driver.name, "portico");
  assert.equal(run0.tool.driver.rules.map((r) => r.id), ["duplicate-operation-id"]);
  const region = run0.results[0]!["locations"][0].physicalLocation.region;
  assert.equal([region.startLine, region.startColumn], [11, 20]);
  assert.is(run0.results[0]!["level"], "error");
});

test("--print-model prints the IR on stdout", async () => {
  const r = await run("check", "samples/pets/openapi.yaml", "--print-model");
  assert.is(r.code, 0);
  const model = JSON.parse(r.stdout) as { kind: string; operations: { id: string; origin: { pointer: string } }[] };
  assert.is(model.kind, "rest");
  assert.ok(model.operations.length > 5);
  assert.ok(model.operations.every((op) => op.origin.pointer.startsWith("/paths/")));
});

test("a failing build writes nothing and leaves an existing output folder untouched", async () => {
  const out = path.join(work, "kept");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "mine.txt"), "keep me");
  const r = await run("build", broken, "--out", out);
  assert.is(r.code, 1);
  assert.equal(fs.readdirSync(out), ["mine.txt"]);
  const fresh = path.join(work, "never-created");
  assert.is((await run("build", broken, "--out", fresh)).code, 1);
  assert.not.ok(fs.existsSync(fresh));
});

test("build writes openapi.aws.json and pulumi/, reports files and timings, and is byte-identical twice", async () => {
  const a = path.join(work, "build-a");
  const b = path.join(work, "build-b");
  const first = await run("build", "samples/pets/openapi.yaml", "--out", a);
  assert.is(first.code, 0, first.stdout + first.stderr);
  assert.match(first.stderr, /wrote .*openapi\.aws\.json/);
  assert.match(first.stderr, /wrote .*pulumi\/index\.ts/);
  assert.match(first.stderr, /load \d+ ms/);
  await run("build", "samples/pets/openapi.yaml", "--out", b);
  for (const f of ["openapi.aws.json", "pulumi/index.ts", "pulumi/package.json", "pulumi/README.md", "pulumi/Pulumi.yaml"]) {
    assert.ok(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), `${f} differs`);
  }
  // A rebuild keeps files Portico did not write, such as stack settings.
  fs.writeFileSync(path.join(a, "pulumi", "Pulumi.dev.yaml"), "config: {}\n");
  assert.is((await run("build", "samples/pets/openapi.yaml", "--out", a)).code, 0);
  assert.ok(fs.existsSync(path.join(a, "pulumi", "Pulumi.dev.yaml")));
  assert.equal(fs.readdirSync(a).filter((f) => f.startsWith(".portico-staging")), []);
});

test("--emit openapi writes only openapi.aws.json; an unknown artifact is a usage error", async () => {
  const out = path.join(work, "only-openapi");
  assert.is((await run("build", "samples/pets/openapi.yaml", "--out", out, "--emit", "openapi")).code, 0);
  assert.equal(fs.readdirSync(out).filter((f) => !f.startsWith(".")).sort(), ["openapi.aws.json"]);
  assert.is((await run("build", "samples/pets/openapi.yaml", "--out", out, "--emit", "docs")).code, 2);
});

test("build refuses an output folder that is a symlink, and writes nothing", async () => {
  const target = path.join(work, "elsewhere");
  fs.mkdirSync(target, { recursive: true });
  const link = path.join(work, "link-out");
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.resolve(target), link);
  const r = await run("build", "samples/pets/openapi.yaml", "--out", link);
  assert.is(r.code, 1);
  assert.match(r.stderr, /output-unsafe/);
  assert.equal(fs.readdirSync(target), []);
});

test.run();
