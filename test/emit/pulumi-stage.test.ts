/**
 * The stage a stack deploys, under Pulumi mocks: its settings, its method settings (`*\/*` and one override per
 * method with its own throttle or cache, ANY set per method it serves, none equal to `*\/*`), the opt-in account
 * CloudWatch Logs role, and the deployment's triggers (unchanged for the same API, changed by anything the
 * deployment serves).
 */
import * as fs from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost, nodeHost } from "../../compiler/index.js";
import { DiagnosticCollector } from "../../compiler/diagnostics/diagnostic.js";
import { reportNotEmitted } from "../../compiler/emit/not-emitted.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { methodOverrides, methodPath } from "../../compiler/emit/pulumi/method-settings.js";
import { createNames } from "../../compiler/model/names.js";
import type { GatewayModel, Operation, Stage } from "../../compiler/model/types.js";
import { at, codeFunction, config, http, lambda, literal, model, operation, requires, stage } from "./fixtures/build.js";
import { emitAll, fileOf, resourceOf, runUnderMocks, startTypeCheck, writeCase, type RecordedResource } from "./helpers/harness.js";

const T = {
  account: "aws:apigateway/account:Account",
  deployment: "aws:apigateway/deployment:Deployment",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  methodSettings: "aws:apigateway/methodSettings:MethodSettings",
  role: "aws:iam/role:Role",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  stage: "aws:apigateway/stage:Stage",
};

const throttle = (rate: number, burst: number, pointer: string) => ({ rate, burst, origin: at(`${pointer}/throttle`) });
const cache = (ttl: number, pointer: string) => ({ ttl, keys: [], origin: at(`${pointer}/cache`) });
const gateway = (method: string, path: string) => `/paths/${path.replace(/\//g, "~1")}/${method}/x-gateway`;

/** Operations with their own throttle and cache, an ANY method with and one without a declared sibling, two stages. */
function stageModel(): GatewayModel {
  const op = (method: Operation["method"], path: string, id: string, options: Partial<Operation["options"]> = {}) =>
    operation(method, path, id, lambda("pets"), { options: { binary: false, usagePlans: [], ...options } });
  return model({
    functions: [codeFunction("pets", "./backend")],
    operations: [
      op("GET", "/", "root", { throttle: throttle(100, 50, gateway("get", "/")) }),
      op("ANY", "/files/{proxy+}", "files", { throttle: throttle(20, 10, "/any"), cache: cache(30, "/any") }),
      op("POST", "/pets", "createPet", { throttle: throttle(10, 5, gateway("post", "/pets")) }),
      op("GET", "/pets/{petId}", "getPet", { cache: cache(60, gateway("get", "/pets/{petId}")) }),
      op("ANY", "/things", "things", { throttle: throttle(30, 15, "/any-things") }),
      op("GET", "/things", "listThings"),
    ],
    stages: [
      stage("dev", {
        description: "Development",
        throttle: throttle(50, 20, "/x-gateway/stages/dev"),
        logging: { level: "info", retentionDays: 14, dataTrace: false },
        metrics: true,
        variables: { env: literal("dev") },
      }),
      stage("prod", {
        description: "Production",
        throttle: throttle(100, 50, "/x-gateway/stages/prod"),
        logging: { level: "error", retentionDays: 90, dataTrace: false },
        tracing: true,
        metrics: true,
        cache: { size: "0.5", ttl: 300, origin: at("/x-gateway/stages/prod/cache") },
        variables: { env: literal("prod"), backend: literal("api.internal") },
      }),
    ],
  });
}

/** Operations under a proxy resource (throttled, one with a throttle of its own, one cached) and one beside it. */
function proxyModel(): GatewayModel {
  const op = (path: string, id: string, options: Partial<Operation["options"]>) =>
    operation("GET", path, id, http(`https://api.example.com${path}`), { options: { binary: false, usagePlans: [], ...options } });
  return model({
    operations: [
      op("/repos/{owner}", "listRepos", { throttle: throttle(5, 5, gateway("get", "/repos/{owner}")), cache: cache(10, gateway("get", "/repos/{owner}")) }),
      op("/repos/{owner}/{repo}", "getRepo", { throttle: throttle(7, 7, gateway("get", "/repos/{owner}/{repo}")) }),
      op("/users/{user}", "getUser", { throttle: throttle(8, 8, gateway("get", "/users/{user}")) }),
    ],
    proxyResources: [{ prefix: "/repos", origin: at("/x-gateway/proxyResources/0") }],
    stages: [stage("dev", { throttle: throttle(100, 50, "/x-gateway/stages/dev") })],
  });
}

const POLICY = (cidr: string) => ({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*", Condition: { IpAddress: { "aws:SourceIp": [cidr] } } },
  ],
});

/** A Lambda route behind a Lambda TOKEN authorizer, with a resource policy; each variant changes one thing. */
function triggerModel(variant: "base" | "shuffled" | "integration" | "authorizer" | "policy"): GatewayModel {
  const policy =
    variant === "shuffled"
      ? { Statement: [{ Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/8"] } }, Resource: "execute-api:/*", Action: "execute-api:Invoke", Principal: "*", Effect: "Allow" }], Version: "2012-10-17" }
      : POLICY(variant === "policy" ? "192.168.0.0/16" : "10.0.0.0/8");
  const tags = variant === "shuffled" ? { team: "pets", cost: "1" } : { cost: "1", team: "pets" };
  return model({
    functions: [
      codeFunction("pets", "./backend"),
      { kind: "arn", name: "authorize", arn: literal("arn:aws:lambda:us-east-1:123456789012:function:authorize"), origin: at("/f") },
    ],
    securitySchemes: [
      {
        name: "token",
        type: "apiKey",
        in: "header",
        paramName: "Authorization",
        authorizer: {
          kind: "lambda",
          function: "authorize",
          type: "token",
          identitySources: ["method.request.header.Authorization"],
          ttl: variant === "authorizer" ? 60 : 300,
          simpleResponses: false,
          origin: at("/a"),
        },
        origin: at("/a"),
      },
    ],
    operations: [
      operation("GET", "/pets", "listPets", variant === "integration" ? http("https://backend.example.com/pets") : lambda("pets"), {
        security: requires(["token", []]),
        public: false,
      }),
    ],
    stages: [stage("dev"), stage("prod", { variables: variant === "shuffled" ? { b: literal("2"), a: literal("1") } : { a: literal("1"), b: literal("2") } })],
    settings: { binaryMediaTypes: [], apiKeySource: "HEADER", gatewayResponses: [], tags, quotas: {}, policy },
  });
}

/** A private API whose generated resource policy (not in the body) names a configured VPC endpoint. */
function privateModel(): GatewayModel {
  return model({
    endpoint: { type: "private", vpcEndpointIds: [config("vpce")], disableExecuteApiEndpoint: false, origin: at("/x-gateway/endpoint") },
    functions: [codeFunction("pets", "./backend")],
    operations: [operation("GET", "/pets", "listPets", lambda("pets"))],
  });
}

const SPEC = `openapi: 3.0.3
info: { title: Shuffle, version: "1.0" }
x-gateway:
  functions: { pets: { arn: "arn:aws:lambda:us-east-1:123456789012:function:pets" } }
  stages:
    dev: { throttle: { rate: 10, burst: 5 }, variables: { a: "1", b: "2" } }
  tags: { team: pets, cost: "1" }
paths:
  /pets:
    get:
      operationId: listPets
      x-gateway: { lambda: pets, public: true, throttle: { rate: 5, burst: 2 }, cache: { ttl: 60 } }
      responses: { "200": { description: OK } }
`;

/** The same spec with its keys in other orders. */
const SPEC_SHUFFLED = `paths:
  /pets:
    get:
      responses: { "200": { description: OK } }
      x-gateway: { cache: { ttl: 60 }, throttle: { burst: 2, rate: 5 }, public: true, lambda: pets }
      operationId: listPets
x-gateway:
  tags: { cost: "1", team: pets }
  stages:
    dev: { variables: { b: "2", a: "1" }, throttle: { burst: 5, rate: 10 } }
  functions: { pets: { arn: "arn:aws:lambda:us-east-1:123456789012:function:pets" } }
info: { version: "1.0", title: Shuffle }
openapi: 3.0.3
`;

const buildText = (text: string) => build(createMemoryHost({ "api.yaml": text }), "api.yaml", { out: "out" });
const spec = buildText(SPEC);
const specShuffled = buildText(SPEC_SHUFFLED);
const pets = build(nodeHost, "samples/pets/openapi.yaml", { out: "test/.out/stage-sample-pets" });

const CASES: Record<string, GatewayModel> = {
  "stage-small": stageModel(),
  "stage-proxy": proxyModel(),
  "stage-trigger-base": triggerModel("base"),
  "stage-trigger-again": triggerModel("base"),
  "stage-trigger-shuffled": triggerModel("shuffled"),
  "stage-trigger-integration": triggerModel("integration"),
  "stage-trigger-authorizer": triggerModel("authorizer"),
  "stage-trigger-policy": triggerModel("policy"),
  "stage-private": privateModel(),
};
const emitted = new Map(Object.entries(CASES).map(([name, m]) => [name, emitAll(m)]));
for (const [name, result] of emitted) writeCase(name, result.files);
writeCase("stage-spec", spec.files);
writeCase("stage-spec-shuffled", specShuffled.files);
writeCase("stage-sample-pets", pets.files);
const typeCheck = startTypeCheck([...Object.keys(CASES), "stage-spec", "stage-spec-shuffled", "stage-sample-pets"]);

const runs = new Map<string, Promise<readonly RecordedResource[]>>();

/** The resources of a fixture case run as `stack` with `cfg` (each run once; mock runs take a while). */
function run(caseName: string, stack: string, cfg: Readonly<Record<string, string>> = {}): Promise<readonly RecordedResource[]> {
  const key = JSON.stringify([caseName, stack, cfg]);
  const done = runs.get(key) ?? runUnderMocks(caseName, { project: "fixture", stack, config: cfg });
  runs.set(key, done);
  return done;
}

/** MethodSettings by method path, with their settings. */
function methodSettingsOf(resources: readonly RecordedResource[]): Map<string, Record<string, unknown>> {
  return new Map(
    resources
      .filter((r) => r.type === T.methodSettings)
      .map((r) => [r.inputs.methodPath as string, { name: r.name, stageName: r.inputs.stageName, ...(r.inputs.settings as Record<string, unknown>) }]),
  );
}

const ANY = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

test("method paths: every / of the resource path as ~1, then the method; the root is ~1/GET", () => {
  assert.is(methodPath("/", "GET"), "~1/GET");
  assert.is(methodPath("/pets/{petId}", "GET"), "~1pets~1{petId}/GET");
  assert.is(methodPath("/files/{proxy+}", "PUT"), "~1files~1{proxy+}/PUT");
});

test("overrides: own and default throttles, caches; ANY per method it serves, except methods the path declares", () => {
  const table = methodOverrides(stageModel());
  const files = ANY.map((m) => `~1files~1{proxy+}/${m}`);
  const things = ANY.filter((m) => m !== "GET").map((m) => `~1things/${m}`);
  assert.equal(table.map((o) => o.methodPath), ["~1/GET", ...files, "~1pets/POST", "~1pets~1{petId}/GET", ...things]);
  const byPath = new Map(table.map((o) => [o.methodPath, o]));
  assert.equal(byPath.get("~1files~1{proxy+}/GET"), { name: "api-method-get-files-proxy", methodPath: "~1files~1{proxy+}/GET", throttle: { rate: 20, burst: 10 }, cacheTtl: 30 });
  assert.equal(byPath.get("~1files~1{proxy+}/POST"), { name: "api-method-post-files-proxy", methodPath: "~1files~1{proxy+}/POST", throttle: { rate: 20, burst: 10 } });
  assert.equal(byPath.get("~1pets~1{petId}/GET"), { name: "api-method-get-pets-pet-id", methodPath: "~1pets~1{petId}/GET", cacheTtl: 60 });
  assert.equal(new Set(table.map((o) => o.name)).size, table.length, "logical names are unique");
});

test("stack dev: */* from the stage; overrides that differ from it, never cached without a cluster", async () => {
  const resources = await run("stage-small", "dev");
  const settings = methodSettingsOf(resources);
  assert.equal(settings.get("*/*"), {
    name: "api-all-methods",
    stageName: "dev",
    throttlingRateLimit: 50,
    throttlingBurstLimit: 20,
    metricsEnabled: true,
    loggingLevel: "INFO",
    dataTraceEnabled: false,
    cachingEnabled: false,
    cacheDataEncrypted: true,
  });
  // getPet only asks for a cache, which dev cannot give, and then equals */*: left out.
  const files = ANY.map((m) => `~1files~1{proxy+}/${m}`);
  const things = ANY.filter((m) => m !== "GET").map((m) => `~1things/${m}`);
  assert.equal([...settings.keys()].sort(), ["*/*", "~1/GET", ...files, "~1pets/POST", ...things].sort());
  assert.equal(settings.get("~1files~1{proxy+}/GET"), {
    name: "api-method-get-files-proxy",
    stageName: "dev",
    throttlingRateLimit: 20,
    throttlingBurstLimit: 10,
    metricsEnabled: true,
    loggingLevel: "INFO",
    dataTraceEnabled: false,
    cachingEnabled: false,
    cacheDataEncrypted: true,
  });
  assert.is(settings.get("~1/GET")?.throttlingRateLimit, 100, "an operation may ask for more than the stage's */*");
  // cfn-lint W3705: no method setting with nothing but its path.
  for (const [path, s] of settings) assert.ok(typeof s.throttlingRateLimit === "number" && typeof s.loggingLevel === "string", path);
});

test("stack prod: caching on for cached methods (encrypted, authorized invalidation); the override equal to */* is left out", async () => {
  const resources = await run("stage-small", "prod");
  const settings = methodSettingsOf(resources);
  assert.not.ok(settings.has("~1/GET"), "root asks for the stage's own throttle");
  assert.is(settings.size, 1 + 7 + 1 + 1 + 6);
  const cached = {
    metricsEnabled: true,
    loggingLevel: "ERROR",
    dataTraceEnabled: false,
    cachingEnabled: true,
    cacheDataEncrypted: true,
    requireAuthorizationForCacheControl: true,
    unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403",
  };
  assert.equal(settings.get("~1pets~1{petId}/GET"), {
    name: "api-method-get-pets-pet-id",
    stageName: "prod",
    throttlingRateLimit: 100,
    throttlingBurstLimit: 50,
    ...cached,
    cacheTtlInSeconds: 60,
  });
  assert.equal(settings.get("~1files~1{proxy+}/GET"), {
    name: "api-method-get-files-proxy",
    stageName: "prod",
    throttlingRateLimit: 20,
    throttlingBurstLimit: 10,
    ...cached,
    cacheTtlInSeconds: 30,
  });
  const notGet = [...settings].filter(([path]) => path.startsWith("~1files") && !path.endsWith("/GET"));
  assert.equal(notGet.map(([, s]) => s.cachingEnabled), [false, false, false, false, false, false], "an ANY cache serves GET only");
  assert.is(settings.get("*/*")?.cachingEnabled, false, "never cache every method");
  assert.is(settings.get("*/*")?.cacheTtlInSeconds, 300);
});

test("the stage: deployment, description, variables, X-Ray, cache cluster, JSON access logs with the stage's retention", async () => {
  const prod = await run("stage-small", "prod");
  const stageInputs = resourceOf(prod, T.stage, "api").inputs;
  assert.is(stageInputs.stageName, "prod");
  assert.is(stageInputs.deployment, "api-id");
  assert.is(stageInputs.description, "Production");
  assert.equal(stageInputs.variables, { backend: "api.internal", env: "prod" });
  assert.is(stageInputs.xrayTracingEnabled, true);
  assert.is(stageInputs.cacheClusterEnabled, true);
  assert.is(stageInputs.cacheClusterSize, "0.5");
  const access = stageInputs.accessLogSettings as { destinationArn: string; format: string };
  assert.is(access.destinationArn, "arn:aws:logs:us-east-1:123456789012:log-group:api-access-logs");
  assert.not.match(access.format, /\n/, "one line per request");
  assert.equal(JSON.parse(access.format), {
    requestId: "$context.requestId",
    extendedRequestId: "$context.extendedRequestId",
    ip: "$context.identity.sourceIp",
    caller: "$context.identity.caller",
    user: "$context.identity.user",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    resourcePath: "$context.resourcePath",
    status: "$context.status",
    protocol: "$context.protocol",
    responseLength: "$context.responseLength",
    integrationError: "$context.integration.error",
    integrationStatus: "$context.integration.status",
    authorizerError: "$context.authorizer.error",
  });
  assert.is(resourceOf(prod, T.logGroup, "api-access-logs").inputs.retentionInDays, 90);
  const dev = resourceOf(await run("stage-small", "dev"), T.stage, "api").inputs;
  assert.equal([dev.description, dev.variables, dev.xrayTracingEnabled, dev.cacheClusterEnabled, dev.cacheClusterSize], ["Development", { env: "dev" }, false, false, undefined]);
});

test("a stack that is no stage of the spec: secure defaults, and only the overrides that differ from them", async () => {
  const settings = methodSettingsOf(await run("stage-small", "feature-x"));
  assert.equal([settings.get("*/*")?.throttlingRateLimit, settings.get("*/*")?.throttlingBurstLimit, settings.get("*/*")?.loggingLevel], [100, 50, "ERROR"]);
  assert.not.ok(settings.has("~1/GET"));
  assert.not.ok(settings.has("~1pets~1{petId}/GET"));
  assert.is(settings.size, 1 + 7 + 1 + 6);
  assert.ok([...settings.values()].every((s) => s.cachingEnabled === false));
});

test("cache-without-cluster: at each cached operation's cache key when no stage has a cluster", () => {
  assert.equal(emitted.get("stage-small")?.diagnostics, [], "prod has a cluster: caching off on dev is expected");
  const diagnostics = spec.diagnostics.filter((d) => d.code === "cache-without-cluster");
  assert.equal(
    diagnostics.map((d) => [d.severity, d.origin.pointer, d.part]),
    [["warning", "/paths/~1pets/get/x-gateway/cache", "key"]],
  );
  assert.match(diagnostics[0]?.message ?? "", /^Operation listPets asks for caching, but no stage has a cache cluster, /);
  assert.equal(emitted.get("stage-trigger-base")?.diagnostics, [], "no cache asked, nothing reported");
  // Line and column of the key, through the real pipeline.
  const placed = spec.diagnostics.filter((d) => d.code === "cache-without-cluster").map((d) => spec.locate(d));
  assert.equal(placed.map((p) => [p.line, p.column]), [[12, 81]]);
  assert.equal(spec.diagnostics.filter((d) => d.code === "not-emitted").map((d) => d.message).filter((m) => /throttl|cach/.test(m)), []);
});

test("proxy resources: both ANY methods take the source operation's throttle, never a cache; the rest is reported", async () => {
  const settings = methodSettingsOf(await run("stage-proxy", "dev"));
  const proxied = ["~1repos", "~1repos~1{proxy+}"].flatMap((p) => ANY.map((m) => `${p}/${m}`));
  assert.equal([...settings.keys()].sort(), ["*/*", ...proxied, "~1users~1{user}/GET"].sort());
  for (const path of proxied) {
    const s = settings.get(path);
    assert.equal([s?.throttlingRateLimit, s?.throttlingBurstLimit, s?.cachingEnabled], [5, 5, false], path);
  }
  assert.equal(emitted.get("stage-proxy")?.diagnostics, [], "the proxied cache is not reported as a missing cluster");
  const report = new DiagnosticCollector();
  reportNotEmitted(proxyModel(), report);
  assert.equal(
    report.diagnostics.map((d) => [d.code, d.origin.pointer, /: (.*) \(1 place\)/.exec(d.message)?.[1]]),
    [
      ["not-emitted", `${gateway("get", "/repos/{owner}")}/cache`, "caching of an operation under a proxy resource"],
      ["not-emitted", `${gateway("get", "/repos/{owner}/{repo}")}/throttle`, "a throttle of its own for an operation under a proxy resource"],
    ],
  );
});

test("the account's CloudWatch Logs role only when the stack's config asks for it", async () => {
  const types = (resources: readonly RecordedResource[]) =>
    resources.filter((r) => r.type === T.account || r.name === "apigateway-cloudwatch-logs");
  assert.equal(types(await run("stage-small", "dev")), []);
  assert.equal(types(await run("stage-small", "dev", { createAccountLogRole: "false" })), []);
  const resources = await run("stage-small", "dev", { createAccountLogRole: "true" });
  assert.equal(
    types(resources).map((r) => `${r.type} ${r.name}`).sort(),
    [`${T.account} apigateway-account`, `${T.role} apigateway-cloudwatch-logs`, `${T.attachment} apigateway-cloudwatch-logs`].sort(),
  );
  const trust = JSON.parse(resourceOf(resources, T.role, "apigateway-cloudwatch-logs").inputs.assumeRolePolicy as string);
  assert.equal(trust.Statement, [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }]);
  assert.equal(resourceOf(resources, T.attachment, "apigateway-cloudwatch-logs").inputs, {
    role: "apigateway-cloudwatch-logs",
    policyArn: "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
  });
  assert.equal(resourceOf(resources, T.account, "apigateway-account").inputs, { cloudwatchRoleArn: "arn:aws:iam::123456789012:role/apigateway-cloudwatch-logs" });
  // The stage and every method setting wait for it; none of the three is deleted with the stack.
  const program = fileOf(emitted.get("stage-small")?.files ?? [], "pulumi/index.ts");
  assert.is(program.split("dependsOn: apiGatewayAccount,").length - 1, 2);
  assert.ok(program.includes("dependsOn: apiGatewayAccount ? [executionLogs, apiGatewayAccount] : [executionLogs],"), "the stage waits for both");
  assert.is(program.split("retainOnDelete: true,").length - 1, 3);
  const readme = fileOf(emitted.get("stage-small")?.files ?? [], "pulumi/README.md");
  assert.match(readme, /`pulumi config set createAccountLogRole true`, on one stack per account and Region/);
});

test("the deployment: the same API keeps it, however its keys are ordered; an integration, authorizer or policy replaces it", async () => {
  const triggers = async (caseName: string, stack = "prod") =>
    resourceOf(await run(caseName, stack), T.deployment, "api").inputs.triggers as Record<string, string>;
  const base = await triggers("stage-trigger-base");
  assert.equal(Object.keys(base), ["body", "restApi"]);
  assert.equal(await triggers("stage-trigger-again"), base);
  assert.equal(await triggers("stage-trigger-shuffled"), base);
  assert.equal(await triggers("stage-trigger-base", "dev"), base, "the stage is not part of the deployment");
  for (const variant of ["integration", "authorizer"]) {
    const changed = await triggers(`stage-trigger-${variant}`);
    assert.is.not(changed.body, base.body, variant);
    assert.is(changed.restApi, base.restApi, variant);
  }
  const policy = await triggers("stage-trigger-policy");
  assert.is.not(policy.body, base.body);
  assert.is.not(policy.restApi, base.restApi);
  // A spec and the same spec with its keys shuffled, through the whole pipeline.
  const fromSpec = async (caseName: string) =>
    resourceOf(await runUnderMocks(caseName, { project: "shuffle", stack: "dev", config: {} }), T.deployment, "api").inputs.triggers;
  assert.equal(await fromSpec("stage-spec-shuffled"), await fromSpec("stage-spec"));
  assert.not.match(fileOf(emitted.get("stage-trigger-base")?.files ?? [], "pulumi/index.ts"), /deleteBeforeReplace/);
});

test("the deployment: a RestApi setting outside the body (a private API's generated policy) replaces it too", async () => {
  const triggers = async (vpce: string) =>
    resourceOf(await run("stage-private", "dev", { vpce }), T.deployment, "api").inputs.triggers as Record<string, string>;
  const a = await triggers("vpce-aaa");
  const b = await triggers("vpce-bbb");
  // The VPC endpoints are in the body's servers; the policy made from them is a RestApi argument, hashed apart.
  assert.is.not(a.body, b.body);
  assert.is.not(a.restApi, b.restApi);
});

test("samples/pets: an override per method that differs from the stage's */*, caching only where the stage has a cluster", async () => {
  assert.is(pets.errorCount, 0);
  const petsModel = pets.model;
  if (petsModel === undefined) throw new Error("samples/pets has no model");
  const cached = petsModel.operations.filter((op) => op.options.cache !== undefined);
  assert.ok(cached.length > 0);
  assert.equal(
    pets.diagnostics.filter((d) => d.code === "cache-without-cluster"),
    [],
    "prod has a cache cluster: caching off on dev is expected, not reported",
  );
  const cfg = Object.fromEntries(configUses(petsModel).map((u) => [u.key, `arn:aws:test:us-east-1:123456789012:${u.key}`]));
  for (const s of petsModel.stages) {
    const resources = await runUnderMocks("stage-sample-pets", { project: createNames(petsModel).project, stack: s.name, config: cfg });
    const settings = methodSettingsOf(resources);
    const expected = expectedOverrides(petsModel.operations, s);
    assert.equal([...settings.keys()].filter((k) => k !== "*/*").sort(), [...expected.keys()].sort(), s.name);
    for (const [path, caching] of expected) assert.is(settings.get(path)?.cachingEnabled, caching, `${s.name} ${path}`);
  }
});

/** Method path → caching, for the methods (not ANY) whose throttle or cache makes them differ from the stage. */
function expectedOverrides(operations: readonly Operation[], s: Stage): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const op of operations) {
    const own = op.options.throttle;
    const caching = op.options.cache !== undefined && s.cache !== undefined;
    const differs = own !== undefined && (own.rate !== s.throttle?.rate || own.burst !== s.throttle?.burst);
    if (op.method !== "ANY" && (caching || differs)) out.set(methodPath(op.path, op.method), caching);
  }
  return out;
}

test("every generated program type-checks", async () => {
  const output = await typeCheck;
  assert.is(output, "", output);
  assert.ok(fs.existsSync("test/.out/stage-small/pulumi/index.ts"));
});

test.run();
