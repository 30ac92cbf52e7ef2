/**
 * Lambda invoke permissions, authorizer permissions, usage plans and API keys of the generated program, run under
 * Pulumi mocks: each permission's exact source ARN, folding when a function's policy would pass Lambda's 20 KB
 * limit (with its diagnostic), authorizer ARNs by imported authorizer id, usage plan stages, method throttles and
 * quotas, API keys and the stack outputs of their ids and (secret) values; and that every case type-checks.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, nodeHost } from "../../compiler/index.js";
import { planFunctionPolicies } from "../../compiler/emit/pulumi/invoke-policy.js";
import { createNames } from "../../compiler/model/names.js";
import type { GatewayModel, SecurityScheme } from "../../compiler/model/types.js";
import { mockAuthorizerId } from "../../compiler/security/mock-run.js";
import { at, codeFunction, lambda, model, operation, requires, stage } from "./fixtures/build.js";
import { emitAll, fileOf, resourceOf, runUnderMocks, secretValue, startTypeCheck, writeCase, type RecordedResource } from "./helpers/harness.js";

const T = {
  permission: "aws:lambda/permission:Permission",
  usagePlan: "aws:apigateway/usagePlan:UsagePlan",
  usagePlanKey: "aws:apigateway/usagePlanKey:UsagePlanKey",
  apiKey: "aws:apigateway/apiKey:ApiKey",
  outputs: "portico:test:StackOutputs",
};
const EXEC = "arn:aws:execute-api:us-east-1:123456789012:api-id";
const AUTH_ARN = "arn:aws:lambda:us-east-1:123456789012:function:auth";

function lambdaScheme(name: string, fn: string, identitySources: readonly string[]): SecurityScheme {
  const origin = at(`/components/securitySchemes/${name}`);
  return {
    name,
    type: "apiKey",
    in: "header",
    paramName: "Authorization",
    authorizer: { kind: "lambda", function: fn, type: "request", identitySources, ttl: 0, simpleResponses: false, origin },
    origin,
  };
}

const throttle = (rate: number, burst: number) => ({ rate, burst, origin: at("/throttle") });
const plans = (...names: string[]) => names.map((name, i) => ({ name, origin: at(`/usagePlans/${i}`) }));

/**
 * Routes of one deployed function (root, greedy ANY, variables), an authorizer function given by ARN that backs
 * two schemes, a Lambda scheme no operation uses, and two usage plans with method throttles.
 */
function apiModel(): GatewayModel {
  return model({
    name: "perm-api",
    functions: [codeFunction("pets", "./backend"), { kind: "arn", name: "auth", arn: { kind: "literal", value: AUTH_ARN, origin: at("/arn") }, origin: at("/x-gateway/functions/auth") }],
    securitySchemes: [
      { name: "keys", type: "apiKey", in: "header", paramName: "x-api-key", authorizer: { kind: "apiKey", origin: at("/k") }, origin: at("/k") },
      lambdaScheme("partners", "auth", ["method.request.header.Authorization"]),
      lambdaScheme("staff", "auth", ["method.request.header.X-Staff"]),
      lambdaScheme("unused", "pets", ["method.request.header.X-Unused"]),
    ],
    operations: [
      operation("GET", "/", "root", lambda("pets"), {
        security: requires(["keys", []]),
        public: false,
        options: { binary: false, usagePlans: plans("free"), throttle: throttle(1, 1) },
      }),
      operation("ANY", "/files/{proxy+}", "files", lambda("pets")),
      operation("GET", "/pets", "listPets", lambda("pets"), {
        security: requires(["keys", []]),
        public: false,
        options: { binary: false, usagePlans: plans("gold"), throttle: throttle(20, 10) },
      }),
      operation("POST", "/pets", "createPet", lambda("pets"), { security: requires(["partners", []]), public: false }),
      operation("GET", "/pets/{petId}", "getPet", lambda("pets"), {
        security: requires(["staff", []], ["keys", []]),
        public: false,
        options: { binary: false, usagePlans: plans("gold", "free"), throttle: throttle(2, 100) },
      }),
      operation("DELETE", "/pets/{petId}/toys/{toyId}", "deleteToy", lambda("pets")),
      // Looser than the plan: no method throttle. No API-key scheme: reported as not deployed.
      operation("GET", "/status", "status", { kind: "mock", status: 200, headers: {}, origin: at("/mock") }, {
        options: { binary: false, usagePlans: plans("free"), throttle: throttle(100, 50) },
      }),
    ],
    stages: [stage("prod")],
    usagePlans: [
      { name: "free", quota: { limit: 100, period: "DAY", offset: 0 }, throttle: throttle(5, 10), apiKeys: ["partner-a"], origin: at("/x-gateway/usagePlans/free") },
      {
        name: "gold",
        description: "Contracted partners",
        quota: { limit: 10000, period: "MONTH", offset: 1 },
        throttle: throttle(50, 100),
        apiKeys: ["partner-b", "partner-c"],
        origin: at("/x-gateway/usagePlans/gold"),
      },
    ],
  });
}

/** A spec whose `pets` function serves 62 routes (folded under /pets) and `huge` 120 (folded to the whole API). */
function foldedSpec(): string {
  const lines = [
    "openapi: 3.0.3",
    "info: { title: Folded, version: 1.0.0 }",
    "x-gateway:",
    "  api: rest",
    "  stages: { prod: {} }",
    "  functions:",
    "    huge: { code: ./backend, handler: index.handler, runtime: nodejs20.x }",
    "    pets: { code: ./backend, handler: index.handler, runtime: nodejs20.x }",
    "paths:",
  ];
  const op = (id: string, fn: string) => `{ operationId: ${id}, x-gateway: { lambda: ${fn}, public: true }, responses: { '200': { description: OK } } }`;
  lines.push("  /pets:", `    get: ${op("listPets", "pets")}`, `    post: ${op("createPet", "pets")}`);
  for (let i = 0; i < 60; i++) lines.push(`  /pets/a${i}:`, `    get: ${op(`getA${i}`, "pets")}`);
  for (let i = 0; i < 60; i++) lines.push(`  /r${i}:`, `    get: ${op(`getR${i}`, "huge")}`, `    post: ${op(`postR${i}`, "huge")}`);
  lines.push("  /status:", `    get: ${op("status", "pets")}`);
  return `${lines.join("\n")}\n`;
}

const specDir = path.join("test", ".out", "perm-folded-spec");
fs.rmSync(specDir, { recursive: true, force: true });
fs.mkdirSync(path.join(specDir, "backend"), { recursive: true });
fs.writeFileSync(path.join(specDir, "backend", "index.js"), "exports.handler = async () => ({ statusCode: 200 });\n");
fs.writeFileSync(path.join(specDir, "openapi.yaml"), foldedSpec());
const folded = build(nodeHost, path.join(specDir, "openapi.yaml"), { out: path.join(specDir, "out") });

const api = emitAll(apiModel());
writeCase("perm-api", api.files);
writeCase("perm-folded", folded.files);
// A copy of perm-api that also registers its stack outputs as a resource, so the mocks record them.
const probe = "\nnew pulumi.CustomResource(\"portico:test:StackOutputs\", \"stack-outputs\", { apiKeyIds, apiKeyValues });\n";
writeCase(
  "perm-api-outputs",
  api.files.map((f) => (f.path === "pulumi/index.ts" ? { path: f.path, content: f.content + probe } : f)),
);
const typeCheck = startTypeCheck(["perm-api", "perm-folded"]);

function run(caseName: string, project: string): Promise<readonly RecordedResource[]> {
  return runUnderMocks(caseName, { project, stack: "prod", config: {} });
}

/** Each permission by name: [function, sourceArn]; every one for API Gateway to invoke a function. */
function permissions(resources: readonly RecordedResource[]): Record<string, [unknown, unknown]> {
  const found = resources.filter((r) => r.type === T.permission);
  for (const p of found) {
    assert.is(p.inputs.principal, "apigateway.amazonaws.com", p.name);
    assert.is(p.inputs.action, "lambda:InvokeFunction", p.name);
  }
  return Object.fromEntries(found.map((p) => [p.name, [p.inputs.function, p.inputs.sourceArn]]));
}

test("one permission per route, scoped to API, stage, method and path; authorizers by their imported id", async () => {
  const resources = await run("perm-api", "perm-api");
  assert.equal(permissions(resources), {
    "perm-pets-get-root": ["fn-pets", `${EXEC}/prod/GET/`],
    "perm-pets-any-files-proxy": ["fn-pets", `${EXEC}/prod/*/files/*`],
    "perm-pets-get-pets": ["fn-pets", `${EXEC}/prod/GET/pets`],
    "perm-pets-post-pets": ["fn-pets", `${EXEC}/prod/POST/pets`],
    "perm-pets-get-pets-pet-id": ["fn-pets", `${EXEC}/prod/GET/pets/*`],
    "perm-pets-delete-pets-pet-id-toys-toy-id": ["fn-pets", `${EXEC}/prod/DELETE/pets/*/toys/*`],
    // One function behind two schemes: one permission per authorizer; none for the scheme no operation uses.
    "perm-auth--authorizer-partners": [AUTH_ARN, `${EXEC}/authorizers/${mockAuthorizerId("partners")}`],
    "perm-auth--authorizer-staff": [AUTH_ARN, `${EXEC}/authorizers/${mockAuthorizerId("staff")}`],
  });
  assert.equal(api.diagnostics, []);
  const program = fileOf(api.files, "pulumi/index.ts");
  assert.ok(program.includes(".getAuthorizersOutput({ restApiId: api.id }, { dependsOn: [deployment] })"), "ids are read after the deployment");
});

test("usage plans: the stage, quota, throttle and the method throttles of their operations", async () => {
  const resources = await run("perm-api", "perm-api");
  const free = resourceOf(resources, T.usagePlan, "plan-free").inputs;
  assert.equal(free.apiStages, [
    {
      apiId: "api-id",
      stage: "prod",
      throttles: [
        { path: "//GET", rateLimit: 1, burstLimit: 1 },
        { path: "/pets/{petId}/GET", rateLimit: 2, burstLimit: 10 },
      ],
    },
  ]);
  assert.equal(free.quotaSettings, { limit: 100, period: "DAY", offset: 0 });
  assert.equal(free.throttleSettings, { rateLimit: 5, burstLimit: 10 });
  const gold = resourceOf(resources, T.usagePlan, "plan-gold").inputs;
  assert.is(gold.description, "Contracted partners");
  assert.equal(gold.apiStages, [
    {
      apiId: "api-id",
      stage: "prod",
      throttles: [
        { path: "/pets/GET", rateLimit: 20, burstLimit: 10 },
        { path: "/pets/{petId}/GET", rateLimit: 2, burstLimit: 100 },
      ],
    },
  ]);
  assert.equal(gold.quotaSettings, { limit: 10000, period: "MONTH", offset: 1 });
  assert.equal(gold.throttleSettings, { rateLimit: 50, burstLimit: 100 });
});

test("API keys: enabled, attached to their plans, ids and secret values as stack outputs", async () => {
  const resources = await run("perm-api-outputs", "perm-api");
  const keys = ["partner-a", "partner-b", "partner-c"];
  for (const key of keys) assert.equal(resourceOf(resources, T.apiKey, `key-${key}`).inputs, { description: key, enabled: true });
  const attachments = resources.filter((r) => r.type === T.usagePlanKey).map((r) => [r.name, r.inputs]);
  assert.equal(attachments, [
    ["plan-free--key-partner-a", { keyId: "key-partner-a-id", keyType: "API_KEY", usagePlanId: "plan-free-id" }],
    ["plan-gold--key-partner-b", { keyId: "key-partner-b-id", keyType: "API_KEY", usagePlanId: "plan-gold-id" }],
    ["plan-gold--key-partner-c", { keyId: "key-partner-c-id", keyType: "API_KEY", usagePlanId: "plan-gold-id" }],
  ]);
  const outputs = resourceOf(resources, T.outputs, "stack-outputs").inputs;
  assert.equal(outputs.apiKeyIds, { "partner-a": "key-partner-a-id", "partner-b": "key-partner-b-id", "partner-c": "key-partner-c-id" });
  assert.is(secretValue(outputs.apiKeyIds), undefined, "ids are not secret");
  const values = secretValue(outputs.apiKeyValues) as Record<string, string> | undefined;
  assert.ok(values !== undefined, "key values are a secret output");
  assert.equal(values, Object.fromEntries(keys.map((key) => [key, resourceOf(resources, T.apiKey, `key-${key}`).outputs?.value])));
  for (const value of Object.values(values)) assert.match(value, /^[A-Za-z0-9]{20,128}$/);
});

test("a program without API keys exports no key outputs", () => {
  const program = fileOf(emitAll(model({ ...apiModel(), usagePlans: [] })).files, "pulumi/index.ts");
  assert.not.match(program, /apiKeyIds|apiKeyValues/);
});

test("routes past Lambda's policy limit are folded, reported at the function", async () => {
  const lines = folded.diagnostics
    .filter((d) => d.code === "lambda-policy-folded")
    .map((d) => {
      const where = folded.locate(d);
      return [where.line, where.column, d.severity, d.message];
    });
  assert.is(lines.length, 2);
  const [huge, pets] = lines as [unknown[], unknown[]];
  assert.equal(huge.slice(0, 3), [7, 5, "warning"]);
  assert.match(String(huge[3]), /^Function huge: one invoke permission per route \(120 routes\) would make a resource-based policy of about \d+ bytes, over Lambda's limit of 20480; the routes are folded into \{stage\}\/\*\/\* \(1 statement in all\)/);
  assert.equal(pets.slice(0, 3), [8, 5, "warning"]);
  assert.match(String(pets[3]), /^Function pets: one invoke permission per route \(63 routes\) would make a resource-based policy of about \d+ bytes, over Lambda's limit of 20480; the routes are folded into \{stage\}\/\*\/pets, \{stage\}\/\*\/pets\/\* \(3 statements in all\)/);

  const resources = await run("perm-folded", "folded");
  assert.equal(permissions(resources), {
    "perm-huge--under-root": ["fn-huge", `${EXEC}/prod/*/*`],
    "perm-pets--any-pets": ["fn-pets", `${EXEC}/prod/*/pets`],
    "perm-pets--under-pets": ["fn-pets", `${EXEC}/prod/*/pets/*`],
    "perm-pets-get-status": ["fn-pets", `${EXEC}/prod/GET/status`],
  });
});

test("folding is deterministic and does not depend on the order of operations", () => {
  const spec = folded.model;
  if (spec === undefined) throw new Error("the folded spec has no model");
  const reversed = { ...spec, operations: [...spec.operations].reverse() };
  const statements = (m: GatewayModel) =>
    planFunctionPolicies(m, createNames(m))
      .flatMap((p) => p.statements.map((s) => JSON.stringify(s)))
      .sort();
  assert.equal(statements(reversed), statements(spec));
  assert.equal(planFunctionPolicies(spec, createNames(spec)), planFunctionPolicies(spec, createNames(spec)));
});

test("a function under the limit keeps one statement per route", () => {
  const ops = Array.from({ length: 40 }, (_, i) => operation("GET", `/pets/{petId}/a${i}`, `a${i}`, lambda("pets")));
  const m = model({ functions: [codeFunction("pets", "./backend")], operations: ops, stages: [stage("prod")] });
  const [policy] = planFunctionPolicies(m, createNames(m));
  assert.is(policy?.folded, undefined);
  assert.equal(policy?.statements.map((s) => (s.kind === "route" ? s.suffix : s.scheme)), ops.map((_, i) => `/GET/pets/*/a${i}`));
});

test("every case type-checks (one tsc run)", async () => {
  const output = await typeCheck;
  assert.is(output, "", output);
});

test.run();
