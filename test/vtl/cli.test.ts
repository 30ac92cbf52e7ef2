/**
 * `portico template render`: renders the AWS documentation's own examples from their files exactly as the
 * conformance suite expects, prints overrides with `--show-overrides`, and reports bad templates and bad input files
 * with `file:line:col` and exit code 1 (2 for a file that cannot be read), never a stack trace.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../compiler/cli/main.js";
import { normaliseWhitespace, readCases } from "./helpers/cases.js";

const work = path.join("test", ".out", "vtl-cli");
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
  fs.writeFileSync(file, text);
  return file;
}

const documented = readCases().filter((c) => /^(doc|blog|sfn|console)-/.test(c.name) && !c.error);

test("the AWS documentation examples render from their files as API Gateway renders them", async () => {
  assert.ok(documented.length >= 25, `${documented.length} documented examples`);
  for (const c of documented) {
    const argv = ["template", "render", path.join(c.dir, "template.vtl"), "--input", path.join(c.dir, "input.json"), ...(c.response ? ["--response"] : [])];
    const r = await run(...argv);
    assert.is(r.code, 0, `${c.name}: ${r.stderr}`);
    assert.is(r.stderr, "", c.name);
    const expected = c.expected as string;
    if (c.compare === "json") assert.equal(JSON.parse(r.stdout), JSON.parse(expected), c.name);
    else if (c.compare === "whitespace") assert.is(normaliseWhitespace(r.stdout), normaliseWhitespace(expected), c.name);
    else assert.is(r.stdout, expected, c.name);
  }
});

test("--show-overrides prints the overrides as JSON on stderr, the text alone on stdout", async () => {
  const c = readCases().find((x) => x.name === "sfn-start-sync-execution-failed");
  assert.ok(c);
  const r = await run("template", "render", path.join(c.dir, "template.vtl"), "--input", path.join(c.dir, "input.json"), "--response", "--show-overrides");
  assert.is(r.code, 0);
  assert.is(r.stdout, c.expected);
  assert.equal(JSON.parse(r.stderr), c.overrides);
});

test("a template that does not parse or fails: file:line:col, exit 1, nothing on stdout, no stack trace", async () => {
  const input = write("input.json", JSON.stringify({ body: '{"a": 1}' }));
  const broken = write("broken.vtl", "{\n  #if($input.path('$.a') == 1)\n  \"a\": 1\n}\n");
  const r = await run("template", "render", broken, "--input", input);
  assert.is(r.code, 1);
  assert.is(r.stdout, "");
  assert.is(r.stderr, `${broken}:2:3 - error: #if is not closed with #end (the template does not parse; API Gateway would answer with an error)\n`);
  const failing = write("failing.vtl", "#set($l = [1])\n$l.get(2)");
  const f = await run("template", "render", failing, "--input", input);
  assert.is(f.code, 1);
  assert.match(f.stderr, new RegExp(`^${failing.replace(/[.\\/]/g, "\\$&")}:2:1 - error: java\\.lang\\.IndexOutOfBoundsException: Index: 2, Size: 1 \\(the template failed while rendering`));
  assert.not.match(f.stderr, /\n\s+at /);
});

test("a bad input file: the position of the value at fault, exit 1", async () => {
  const template = write("t.vtl", "$input.body");
  const cases: [string, string][] = [
    ['{"body": "x",\n  "headers": {"A": 1}}', '2:20 - error: headers.A must be a string'],
    ['{"body": {"a": 1}}', "1:10 - error: body must be a string or null (the raw payload, not parsed JSON)"],
    ['{"body": null, "qs": {}}', '1:16 - error: unknown property "qs"; the input has body, headers, query, path, context and stageVariables'],
    ['{"body": "x", }', "1:15 - error: not valid JSON: PropertyNameExpected"],
    ["[]", "1:1 - error: the input must be an object with a body (a string or null)"],
    ['{"body": "", "context": []}', "1:25 - error: context must be an object of $context variables"],
  ];
  for (const [text, message] of cases) {
    const input = write("bad.json", text);
    const r = await run("template", "render", template, "--input", input);
    assert.is(r.code, 1, text);
    assert.is(r.stderr, `${input}:${message}\n`, text);
  }
});

test("a file that cannot be read exits 2; so do missing arguments", async () => {
  const input = write("ok.json", '{"body": null}');
  const r = await run("template", "render", path.join(work, "missing.vtl"), "--input", input);
  assert.is(r.code, 2);
  assert.match(r.stderr, /^portico: cannot read .*missing\.vtl: ENOENT\n$/);
  assert.is((await run("template", "render", write("x.vtl", "x"))).code, 2, "--input is required");
  const help = await run("--help");
  assert.match(help.stdout, /template/);
});

test.run();
