/**
 * `portico build --emit sdk` from the command line: a plain OpenAPI file (no `x-gateway`, no integrations, a path
 * variable it forgets to declare) gives the SDK package with a warning, where a full build refuses it; `sdk` is
 * listed among the artifacts. Runs the CLI in-process with captured output.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../compiler/cli/main.js";

const work = path.join("test", ".out", "sdk-cli");
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false });
  return { code, stdout, stderr };
}

const spec = path.join(work, "petstore.yaml").split(path.sep).join("/");
fs.writeFileSync(
  spec,
  [
    "openapi: 3.0.3",
    "info: { title: Petstore, version: 1.0.0 }",
    "servers: [{ url: 'https://petstore.example.com/v1' }]",
    "paths:",
    "  /pets:",
    "    get:",
    "      operationId: listPets",
    "      parameters: [{ name: limit, in: query, schema: { type: integer } }]",
    "      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Pet' } } } } } }",
    "  /pets/{petId}:",
    "    get:",
    "      operationId: showPetById",
    "      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } } }",
    "components:",
    "  schemas:",
    "    Pet: { type: object, required: [id, name], properties: { id: { type: integer }, name: { type: string } } }",
    "",
  ].join("\n"),
);

test("--emit sdk builds a spec without x-gateway: the package is written, the undeclared path variable is a warning", async () => {
  const out = path.join(work, "sdk");
  const r = await run("build", spec, "--out", out, "--emit", "sdk");
  assert.is(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`^${spec}:11:5 - warning path-param-undeclared: Path /pets/\\{petId\\} \\(showPetById\\) uses \\{petId\\}`));
  assert.not.match(r.stdout, /integration-missing|operation-unauthenticated/);
  assert.match(r.stderr, /no errors, 1 warning/);
  assert.match(r.stderr, /wrote .*sdk\/typescript\/src\/operations\.ts/);
  const files = fs.readdirSync(path.join(out, "sdk", "typescript", "src")).sort();
  assert.equal(files, ["client.ts", "index.ts", "operations.ts", "runtime.ts", "types.ts"]);
  assert.equal(fs.readdirSync(out).filter((f) => !f.startsWith(".")), ["sdk"]);
  const operations = fs.readFileSync(path.join(out, "sdk", "typescript", "src", "operations.ts"), "utf8");
  assert.match(operations, /export function showPetById\(params: ShowPetByIdParams, options\?: Options\)/);
  assert.match(operations, /baseUrl: "https:\/\/petstore\.example\.com\/v1"/);
  const pkg = JSON.parse(fs.readFileSync(path.join(out, "sdk", "typescript", "package.json"), "utf8")) as { name: string };
  assert.is(pkg.name, "petstore-client");
});

test("without --emit the same spec is checked for deployment, and nothing is written", async () => {
  const out = path.join(work, "all");
  const r = await run("build", spec, "--out", out);
  assert.is(r.code, 1);
  assert.match(r.stdout, /error integration-missing/);
  assert.match(r.stdout, /error path-param-undeclared/);
  assert.not.ok(fs.existsSync(out));
});

test("build --help lists sdk among the artifacts; --strict needs the Pulumi program", async () => {
  const help = await run("build", "--help");
  assert.match(help.stdout.replace(/\s+/g, " "), /--emit <artifacts> comma-separated artifacts to write \(openapi, pulumi, templates, sdk\)/);
  assert.match(help.stdout.replace(/\s+/g, " "), /the client SDK \(sdk\)/);
  const strict = await run("build", spec, "--out", path.join(work, "strict"), "--emit", "sdk", "--strict");
  assert.is(strict.code, 2);
});

test.run();
