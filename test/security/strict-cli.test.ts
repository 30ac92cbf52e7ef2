/**
 * `portico build --strict`: the deliberately insecure spec exits 1 with one diagnostic per finding, each with its
 * code, place and rule ids, and nothing written; a secure sample exits 0 and is written; the summary line; and
 * the two ways the checks cannot run (no Pulumi packages, a program that throws) as diagnostics, not stack traces.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../compiler/cli/main.js";
import { build, nodeHost } from "../../compiler/index.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import { runStrictChecks } from "../../compiler/security/strict.js";

const work = path.join("test", ".out", "security-cli");
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const INSECURE = "test/security/insecure/openapi.yaml";

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false });
  return { code, stdout, stderr };
}

test("the insecure spec: exit 1, each security code at its place in the spec, nothing written", async () => {
  const out = path.join(work, "insecure");
  const r = await run("build", INSECURE, "--out", out, "--strict", "--format", "json");
  assert.is(r.code, 1);
  const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; line: number; column: number; message: string }[] }).diagnostics;
  const security = diagnostics.filter((d) => d.code.startsWith("security-")).map((d) => [d.code, d.line, d.column]);
  assert.equal(security, [
    ["security-resource-policy", 21, 3],
    ["security-domain-tls", 32, 21],
    ["security-execution-logging", 35, 18],
    ["security-data-trace", 35, 32],
    ["security-tracing", 36, 7],
    ["security-authorization", 43, 5],
    ["security-request-validation", 48, 5],
  ]);
  assert.ok(diagnostics.filter((d) => d.code.startsWith("security-")).every((d) => d.severity === "error"));
  const message = (code: string) => diagnostics.find((d) => d.code === code)?.message ?? "";
  assert.is(
    message("security-authorization"),
    "Authorization: RestApi api: GET /orders has no security requirement; secure it with an authorizer, IAM or an API key, or mark it x-gateway.public: true (CKV_AWS_59, CKV_AWS_309, cfn-nag W59, Trivy AWS-0004, KICS 15ccec05).",
  );
  assert.is(
    message("security-tracing"),
    "X-Ray tracing: Stage api: does not trace requests with X-Ray (xrayTracingEnabled) (stack prod) (CKV_AWS_73, Trivy AWS-0003, KICS 5813ef56, Security Hub APIGateway.3).",
  );
  assert.match(message("security-domain-tls"), /^TLS policy: DomainName [a-z-]+: allows TLS older than 1\.2 \(securityPolicy "TLS_1_0"\); use TLS_1_2 or newer \(CKV_AWS_206, /);
  assert.match(message("security-request-validation"), /^Request validation: RestApi api: POST \/orders has a body but no request validator \(CKV2_AWS_53\)\.$/);
  assert.match(r.stderr, /^security: 13 checks × 2 stages, 7 findings in [\d.]+ m?s\n/m);
  assert.match(r.stderr, /portico: nothing written to /);
  assert.not.ok(fs.existsSync(out), "no output folder, no staging folder");
});

test("a failed strict build leaves an existing output folder as it was", async () => {
  const out = path.join(work, "existing");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "keep.txt"), "mine\n");
  const r = await run("build", INSECURE, "--out", out, "--strict");
  assert.is(r.code, 1);
  assert.equal(fs.readdirSync(out), ["keep.txt"]);
  assert.match(r.stdout, /error security-data-trace: Data trace: MethodSettings api-all-methods: logs full request and response bodies \(dataTraceEnabled\) for \*\/\* \(stack prod\) \(CKV_AWS_276\)\./);
});

test("samples/warehouse: exit 0, written, 0 findings over its two stages", async () => {
  const out = path.join(work, "warehouse");
  const r = await run("build", "samples/warehouse/openapi.yaml", "--out", out, "--strict");
  assert.is(r.code, 0, r.stdout);
  assert.match(r.stderr, /^security: 13 checks × 2 stages, 0 findings in [\d.]+ m?s\n/m);
  assert.ok(fs.existsSync(path.join(out, "pulumi", "index.ts")));
  assert.not.match(r.stdout, /security-/);
});

test("samples/http-api: exit 0, written, the six HTTP checks over its two stages, its public routes suppressed", async () => {
  const out = path.join(work, "http-api");
  const r = await run("build", "samples/http-api/openapi.yaml", "--out", out, "--strict");
  assert.is(r.code, 0, r.stdout);
  assert.match(r.stderr, /^security: 6 checks × 2 stages, 0 findings \(2 suppressed\) in [\d.]+ m?s\n/m);
  assert.ok(fs.existsSync(path.join(out, "pulumi", "index.ts")));
});

test("an HTTP API with an open route and no stages: security-authorization at the operation, stack dev ($default)", async () => {
  const dir = path.join(work, "http-open");
  fs.mkdirSync(dir, { recursive: true });
  const spec = [
    "openapi: 3.0.3",
    "info: { title: Open, version: 1.0.0 }",
    "x-gateway:",
    "  api: http",
    "  functions: { fn: { arn: arn:aws:lambda:eu-west-1:123456789012:function:fn } }",
    "paths:",
    "  /things:",
    "    get:",
    "      x-gateway: { lambda: fn }",
    "      responses: { '200': { description: ok } }",
    "",
  ].join("\n");
  fs.writeFileSync(path.join(dir, "openapi.yaml"), spec);
  const r = await run("build", path.join(dir, "openapi.yaml"), "--out", path.join(dir, "out"), "--strict", "--format", "json");
  assert.is(r.code, 1);
  const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; column: number; message: string }[] }).diagnostics;
  const security = diagnostics.filter((d) => d.code.startsWith("security-"));
  assert.equal(security.map((d) => [d.code, d.line, d.column]), [["security-authorization", 8, 5]]);
  assert.match(security[0]?.message ?? "", /^Authorization: Api api: GET \/things has no security requirement; /);
  assert.match(r.stderr, /^security: 6 checks × 1 stage, 1 finding in [\d.]+ m?s\n/m);
  assert.not.ok(fs.existsSync(path.join(dir, "out")));
});

test("without --strict nothing runs; --strict without the Pulumi program is a usage error", async () => {
  const plain = await run("build", INSECURE, "--out", path.join(work, "plain"));
  assert.is(plain.code, 0, "the insecure spec only warns without --strict");
  assert.not.match(plain.stderr, /security:/);
  const openapiOnly = await run("build", INSECURE, "--out", path.join(work, "openapi-only"), "--strict", "--emit", "openapi");
  assert.is(openapiOnly.code, 2);
  assert.match(openapiOnly.stderr, /--strict checks the Pulumi program; add pulumi to --emit/);
  assert.not.ok(fs.existsSync(path.join(work, "openapi-only")));
});

test("no Pulumi packages: strict-pulumi-missing says how to install them", async () => {
  const out = path.resolve(work, "missing");
  const built = build(nodeHost, INSECURE, { out });
  const result = await runStrictChecks(built.model as GatewayModel, built.files, out, () => undefined);
  assert.equal(result.diagnostics.map((d) => [d.code, d.severity, d.origin.pointer]), [["strict-pulumi-missing", "error", "/x-gateway"]]);
  assert.match(result.diagnostics[0]?.message ?? "", /run npm install in .*missing[/\\]pulumi, or npm install --save-dev @pulumi\/pulumi@3\.\d+\.\d+ @pulumi\/aws@7\.\d+\.\d+ where Portico is installed\.$/);
  assert.is(result.summary.stages, 0);
});

test("a program that throws under mocks: strict-run-failed per stack, with its message", async () => {
  const out = path.resolve(work, "throws");
  const built = build(nodeHost, INSECURE, { out });
  const files = built.files.map((f) => (f.path === "pulumi/index.ts" ? { ...f, content: 'throw new Error("no " + "luck");\n' } : f));
  const result = await runStrictChecks(built.model as GatewayModel, files, out);
  assert.equal(
    result.diagnostics.map((d) => [d.code, d.message]),
    ["prod", "test"].map((stack) => ["strict-run-failed", `--strict could not run the Pulumi program as stack ${stack} under mocks: no luck.`]),
  );
  assert.not.ok(fs.existsSync(out));
});

test("a program that fails later, inside an Output callback: strict-run-failed, and the process lives on", async () => {
  const out = path.resolve(work, "throws-later");
  const built = build(nodeHost, INSECURE, { out });
  const program = 'import * as pulumi from "@pulumi/pulumi";\nexport const x = pulumi.output(1).apply(() => { throw new Error("too late"); });\n';
  const files = built.files.map((f) => (f.path === "pulumi/index.ts" ? { ...f, content: program } : f));
  const result = await runStrictChecks(built.model as GatewayModel, files, out);
  assert.equal(result.diagnostics.map((d) => d.code), ["strict-run-failed", "strict-run-failed"]);
  assert.match(result.diagnostics[0]?.message ?? "", /too late/);
});

test.run();
