import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse as parseYaml } from "yaml";
import { Project } from "ts-morph";
import { build, nodeHost } from "../../compiler/index.js";
import { encodePlaceholderValue } from "../../compiler/emit/placeholders.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { createNames } from "../../compiler/model/names.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import { mockAuthorizerId } from "../../compiler/security/mock-run.js";
import { renderTemplate } from "../../compiler/vtl/index.js";
import { model } from "./fixtures/build.js";
import { githubModel } from "./fixtures/github.js";
import { hostileModel, PAYLOAD } from "./fixtures/hostile.js";
import { petsModel } from "./fixtures/pets.js";
import {
  emitAll,
  fileOf,
  resourceOf,
  runUnderMocks,
  secretValue,
  startTypeCheck,
  writeCase,
  type RecordedResource,
} from "./helpers/harness.js";

const CASES = {
  "emit-pets": petsModel(),
  "emit-pets-again": petsModel(),
  "emit-pets-changed": petsModel("changed"),
  "emit-github": githubModel(),
  "emit-hostile": hostileModel(),
  "emit-benign": hostileModel("benign"),
};
/** Samples, and real third-party specs put behind API Gateway by an overlay in samples/overlays/. */
const SAMPLES: readonly { name: string; spec: string; overlays?: string[] }[] = [
  { name: "pets", spec: "samples/pets/openapi.yaml" },
  { name: "warehouse", spec: "samples/warehouse/openapi.yaml" },
  { name: "websocket-chat", spec: "samples/websocket-chat/openapi.yaml" },
  ...(fs.existsSync("../shared/specs")
    ? [
        { name: "petstore", spec: "../shared/specs/petstore.yaml", overlays: ["samples/overlays/petstore.overlay.yaml"] },
        { name: "github", spec: "../shared/specs/github-api.3.0.json", overlays: ["samples/overlays/github.overlay.yaml"] },
      ]
    : []),
];
const emitted = new Map(Object.entries(CASES).map(([name, m]) => [name, emitAll(m).files]));
const samples = new Map(
  SAMPLES.map(({ name, spec, overlays }) => {
    const caseName = `emit-sample-${name}`;
    const result = build(nodeHost, spec, { out: `test/.out/${caseName}`, ...(overlays ? { overlays } : {}) });
    return [caseName, result] as const;
  }),
);
for (const [name, files] of emitted) writeCase(name, files);
for (const [name, result] of samples) writeCase(name, result.files);
// One tsc process for every case, running beside the mock runs; awaited by the type-check test.
const typeCheck = startTypeCheck([...Object.keys(CASES), ...samples.keys()]);
const pets = emitted.get("emit-pets") ?? [];

/** What the mocks resolve a placeholder of `spec` to: a config value, or an ARN as the mocks compute it. */
function resolved(token: string, spec: GatewayModel, config: Readonly<Record<string, string>>): string {
  const [, kind = "", name = "", attribute] = /^\$\{portico:(\w+):([^:}]+)(?::(\w+))?/.exec(token) ?? [];
  const key = decodeURIComponent(name);
  if (kind === "config") {
    const value = config[key] ?? "";
    return attribute === "url" || attribute === "queuePath" ? encodePlaceholderValue(attribute, value) : value;
  }
  if (kind === "role") return `arn:aws:iam::123456789012:role/integration-${key}`;
  const fn = spec.functions.find((f) => f.name === key);
  if (fn?.kind === "arn") return fn.arn.kind === "config" ? config[fn.arn.key] ?? "" : String(fn.arn.kind === "literal" ? fn.arn.value : "");
  return `arn:aws:lambda:us-east-1:123456789012:function:${createNames(spec).functionResource(key)}`;
}

const PETS_CONFIG = {
  adoptionMachine: "arn:aws:states:us-east-1:123456789012:stateMachine:adopt",
  adoptionsVpcLink: "vl-123",
  authorizerArn: "arn:aws:lambda:us-east-1:123456789012:function:authorize",
  dbPassword: "s3cret",
  petsTable: "pets",
  prodBackendHost: "backend.internal",
  userPoolArn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
};

function runPets(caseName: string, stack: string): Promise<readonly RecordedResource[]> {
  return runUnderMocks(caseName, { project: "pets-api", stack, config: PETS_CONFIG, secrets: ["dbPassword"] });
}

const T = {
  api: "aws:apigateway/restApi:RestApi",
  deployment: "aws:apigateway/deployment:Deployment",
  stage: "aws:apigateway/stage:Stage",
  methodSettings: "aws:apigateway/methodSettings:MethodSettings",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  permission: "aws:lambda/permission:Permission",
  fn: "aws:lambda/function:Function",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  usagePlan: "aws:apigateway/usagePlan:UsagePlan",
  usagePlanKey: "aws:apigateway/usagePlanKey:UsagePlanKey",
};

function triggerOf(resources: readonly RecordedResource[]): string {
  return (resourceOf(resources, T.deployment, "api").inputs.triggers as Record<string, string>).body as string;
}

test("REST and HTTP models get the import document and the five project files", () => {
  const paths = ["openapi.aws.json", "pulumi/Pulumi.yaml", "pulumi/package.json", "pulumi/tsconfig.json", "pulumi/index.ts", "pulumi/README.md"];
  for (const files of [pets, emitAll(model({ kind: "http" })).files]) {
    const emittedPaths = files.map((f) => f.path);
    assert.equal(emittedPaths.filter((p) => paths.includes(p)), paths);
  }
});

test("Pulumi.yaml, package.json and tsconfig.json", () => {
  const yamlText = fileOf(pets, "pulumi/Pulumi.yaml");
  assert.ok(yamlText.startsWith("# Generated by Portico. Do not edit"));
  assert.equal(parseYaml(yamlText), {
    name: "pets-api",
    runtime: "nodejs",
    description: "Adoptable pets across the shelters of the network.",
  });
  const pkg = JSON.parse(fileOf(pets, "pulumi/package.json"));
  const ours = JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  assert.is(pkg.type, undefined, "no type field: the program runs as CommonJS");
  assert.equal(pkg.dependencies, { "@pulumi/aws": "7.48.0", "@pulumi/pulumi": "3.276.0" });
  for (const name of ["@pulumi/aws", "@pulumi/pulumi"]) assert.is(pkg.dependencies[name], ours.devDependencies[name]);
  for (const name of ["typescript", "@types/node"]) assert.is(pkg.devDependencies[name], ours.devDependencies[name]);
  const tsconfig = JSON.parse(fileOf(pets, "pulumi/tsconfig.json"));
  assert.is(tsconfig.compilerOptions.strict, true);
  assert.is(tsconfig.compilerOptions.module, "commonjs");
  assert.equal(tsconfig.files, ["index.ts"]);
});

test("README: the deploy commands with one config line per required key, saying what it is", () => {
  const readme = fileOf(pets, "pulumi/README.md");
  const lines = readme.split("\n");
  for (const command of ["npm install", "pulumi stack init dev   # the stack name is the stage name", "pulumi up"]) {
    assert.ok(lines.includes(command), command);
  }
  assert.ok(lines.includes("pulumi config set aws:region us-east-1   # the Region to deploy to"));
  assert.ok(lines.includes("pulumi config set --secret dbPassword '<value>'   # environment variable DB_PASSWORD of function pets"));
  assert.ok(
    lines.includes(
      "pulumi config set petsTable '<value>'   # environment variable TABLE of function pets; dynamodb resource of operation deletePet",
    ),
  );
  assert.ok(lines.includes("pulumi config set prodBackendHost '<value>'   # stage variable backend (stage prod only)"));
  assert.is(lines.filter((l) => l.startsWith("pulumi config set ") && !l.includes("aws:region")).length, Object.keys(PETS_CONFIG).length);
});

test("the program reads the body relative to itself and never pastes spec text into code", () => {
  const program = fileOf(pets, "pulumi/index.ts");
  assert.ok(program.startsWith("// Generated by Portico. Do not edit"));
  assert.ok(program.includes('fs.readFileSync(path.join(__dirname, "..", "openapi.aws.json"), "utf8")'));
  assert.ok(program.includes('new pulumi.asset.FileArchive(path.join(__dirname, "../backend"))'));
  const hostile = fileOf(emitted.get("emit-hostile") ?? [], "pulumi/index.ts");
  assert.ok(hostile.includes(`handler: ${JSON.stringify(PAYLOAD)},`), "the handler is one string literal");
  assert.ok(hostile.includes('["__proto__"]: '), "a __proto__ key stays an own property");
  const count = (text: string) => new Project({ useInMemoryFileSystem: true }).createSourceFile("x.ts", text).getStatements().length;
  assert.is(count(hostile), count(fileOf(emitted.get("emit-benign") ?? [], "pulumi/index.ts")));
});

test("pets under mocks, stack prod: API, deployment, stage, method settings", async () => {
  const resources = await runPets("emit-pets", "prod");
  const api = resourceOf(resources, T.api, "api").inputs;
  const body = api.body as string;
  assert.not.match(body, /\$\{portico:/);
  assert.is(api.failOnWarnings, true);
  assert.is(api.putRestApiMode, "overwrite");
  assert.equal(api.endpointConfiguration, { types: "REGIONAL" });
  assert.equal(api.tags, { "cost-center": "4711", team: "pets" });
  const doc = JSON.parse(body);
  assert.is(
    doc.paths["/pets"].get["x-amazon-apigateway-integration"].uri,
    "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn-pets/invocations",
  );
  assert.is(doc.paths["/adoptions"].post["x-amazon-apigateway-integration"].credentials, "arn:aws:iam::123456789012:role/integration-create-adoption");
  assert.equal(doc.components.securitySchemes.users["x-amazon-apigateway-authorizer"].providerARNs, [PETS_CONFIG.userPoolArn]);
  assert.is(doc.paths["/adoptions/{adoptionId}"].get["x-amazon-apigateway-integration"].connectionId, "vl-123");
  const startExecution = doc.paths["/adoptions"].post["x-amazon-apigateway-integration"].requestTemplates["application/json"];
  assert.equal(JSON.parse(renderTemplate(startExecution, { body: '{"petId":"p1"}' }).output), { input: '{"petId":"p1"}', stateMachineArn: PETS_CONFIG.adoptionMachine });

  assert.is(triggerOf(resources), createHash("sha256").update(body).digest("hex"));
  const logs = resourceOf(resources, T.logGroup, "api-access-logs").inputs;
  assert.is(logs.retentionInDays, 90);
  const stage = resourceOf(resources, T.stage, "api").inputs;
  assert.is(stage.stageName, "prod");
  assert.is(stage.deployment, "api-id");
  assert.is(stage.xrayTracingEnabled, true);
  assert.is(stage.cacheClusterEnabled, true);
  assert.is(stage.cacheClusterSize, "0.5");
  assert.equal(stage.variables, { backend: "backend.internal", environment: "prod" });
  const access = stage.accessLogSettings as { destinationArn: string; format: string };
  assert.is(access.destinationArn, "arn:aws:logs:us-east-1:123456789012:log-group:api-access-logs");
  assert.equal(Object.keys(JSON.parse(access.format)), [
    "requestId", "extendedRequestId", "ip", "caller", "user", "requestTime", "httpMethod", "resourcePath", "status",
    "protocol", "responseLength", "integrationError", "integrationStatus", "authorizerError",
  ]);
  const settings = resourceOf(resources, T.methodSettings, "api-all-methods").inputs;
  assert.is(settings.methodPath, "*/*");
  assert.is(settings.stageName, "prod");
  assert.equal(settings.settings, {
    throttlingRateLimit: 1000,
    throttlingBurstLimit: 500,
    metricsEnabled: true,
    loggingLevel: "ERROR",
    dataTraceEnabled: false,
    cachingEnabled: false,
    cacheDataEncrypted: true,
    cacheTtlInSeconds: 300,
  });
});

test("pets under mocks: permissions, function, roles, usage plans", async () => {
  const resources = await runPets("emit-pets", "prod");
  const exec = "arn:aws:execute-api:us-east-1:123456789012:api-id";
  const permissions = Object.fromEntries(
    resources.filter((r) => r.type === T.permission).map((r) => [r.name, [r.inputs.function, r.inputs.sourceArn, r.inputs.principal, r.inputs.action]]),
  );
  const invoke = (fn: string, arn: string) => [fn, arn, "apigateway.amazonaws.com", "lambda:InvokeFunction"];
  assert.equal(permissions, {
    "perm-pets-get-root": invoke("fn-pets", `${exec}/prod/GET/`),
    "perm-pets-any-files-proxy": invoke("fn-pets", `${exec}/prod/*/files/*`),
    "perm-pets-get-pets": invoke("fn-pets", `${exec}/prod/GET/pets`),
    "perm-pets-post-pets": invoke("fn-pets", `${exec}/prod/POST/pets`),
    "perm-pets-get-pets-pet-id": invoke("fn-pets", `${exec}/prod/GET/pets/*`),
    "perm-authorize-authorizers": invoke(PETS_CONFIG.authorizerArn, `${exec}/authorizers/${mockAuthorizerId("partners")}`),
  });
  const fn = resourceOf(resources, T.fn, "fn-pets").inputs;
  assert.is(fn.handler, "pets.handler");
  assert.is(fn.runtime, "nodejs20.x");
  assert.is(fn.memorySize, 256);
  assert.is(fn.timeout, 10);
  assert.equal(fn.architectures, ["arm64"]);
  assert.is(fn.role, "arn:aws:iam::123456789012:role/fn-pets");
  assert.equal(fn.loggingConfig, { logFormat: "Text", logGroup: "fn-pets" });
  const environment = secretValue(fn.environment) as { variables: Record<string, string> };
  assert.equal(environment.variables, { DB_PASSWORD: "s3cret", LOG_LEVEL: "info", TABLE: "pets" });
  const policy = (name: string) => JSON.parse(resourceOf(resources, T.rolePolicy, name).inputs.policy as string).Statement;
  assert.equal(policy("integration-create-adoption"), [{ Effect: "Allow", Action: "states:StartExecution", Resource: PETS_CONFIG.adoptionMachine }]);
  assert.equal(policy("integration-quote-adoption-fee"), [
    { Effect: "Allow", Action: "states:StartSyncExecution", Resource: "arn:aws:states:us-east-1:123456789012:stateMachine:quote" },
  ]);
  assert.equal(policy("integration-delete-pet"), [
    { Effect: "Allow", Action: "dynamodb:DeleteItem", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/pets" },
  ]);
  const free = resourceOf(resources, T.usagePlan, "plan-free").inputs;
  assert.equal(free.apiStages, [{ apiId: "api-id", stage: "prod" }]);
  assert.equal(free.quotaSettings, { limit: 1000, period: "DAY", offset: 0 });
  assert.equal(free.throttleSettings, { rateLimit: 5, burstLimit: 10 });
  const key = resourceOf(resources, T.usagePlanKey, "plan-free--key-partner-a").inputs;
  assert.equal(key, { keyId: "key-partner-a-id", keyType: "API_KEY", usagePlanId: "plan-free-id" });
});

test("a stack that is not a stage of the spec gets the secure defaults", async () => {
  const resources = await runPets("emit-pets", "feature-x");
  assert.is(resourceOf(resources, T.stage, "api").inputs.stageName, "feature-x");
  assert.is(resourceOf(resources, T.logGroup, "api-access-logs").inputs.retentionInDays, 365);
  const settings = resourceOf(resources, T.methodSettings, "api-all-methods").inputs.settings as Record<string, unknown>;
  assert.equal(settings, {
    throttlingRateLimit: 100,
    throttlingBurstLimit: 50,
    metricsEnabled: true,
    loggingLevel: "ERROR",
    dataTraceEnabled: false,
    cachingEnabled: false,
    cacheDataEncrypted: true,
  });
});

test("the deployment trigger changes when the body changes, and not otherwise", async () => {
  const base = triggerOf(await runPets("emit-pets", "prod"));
  assert.is(triggerOf(await runPets("emit-pets-again", "prod")), base);
  assert.is(triggerOf(await runPets("emit-pets", "dev")), base, "the stage does not change the body");
  assert.is.not(triggerOf(await runPets("emit-pets-changed", "prod")), base);
});

test("proxy resources: HTTP only, no Lambda permission", async () => {
  const resources = await runUnderMocks("emit-github", { project: "github-v3-rest-api", stack: "dev", config: {} });
  assert.equal(resources.filter((r) => r.type === T.permission), []);
  const body = JSON.parse(resourceOf(resources, T.api, "api").inputs.body as string);
  assert.equal(Object.keys(body.paths), ["/orgs/{org}", "/orgs/{org}/{proxy+}", "/repos", "/repos/{proxy+}", "/users/{username}"]);
});

test("hostile spec text stays data when the program runs", async () => {
  const resources = await runUnderMocks("emit-hostile", { project: "evil-name-process-exit-3", stack: "dev", config: { "other:key": "v" } });
  assert.is((globalThis as { pwned?: unknown }).pwned, undefined);
  assert.is(resourceOf(resources, T.api, "api").inputs.name, "evil */ name ${process.exit(3)}");
  const fn = resources.find((r) => r.type === T.fn);
  assert.is(fn?.inputs.handler, PAYLOAD);
  assert.is(fn?.inputs.description, PAYLOAD);
});

test("the samples build, and their programs deploy under mocks with every placeholder resolved", async () => {
  for (const [caseName, result] of samples) {
    assert.is(result.errorCount, 0, `${caseName}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
    const spec = result.model;
    if (spec === undefined) throw new Error(`${caseName} has no model`);
    const config = Object.fromEntries(configUses(spec).map((u) => [u.key, `arn:aws:test:us-east-1:123456789012:${u.key}`]));
    const stack = spec.stages[0]?.name ?? "dev";
    const resources = await runUnderMocks(caseName, { project: createNames(spec).project, stack, config });
    const body = resourceOf(resources, T.api, "api").inputs.body as string;
    assert.not.match(body, /\$\{portico:/, caseName);
    // Every method of the deployed body has its integration.
    const paths = (JSON.parse(body) as { paths: Record<string, Record<string, Record<string, unknown>>> }).paths;
    const methods = Object.values(paths).flatMap((item) => Object.entries(item).filter(([k]) => k !== "parameters"));
    assert.ok(methods.length > 0, caseName);
    for (const [method, operation] of methods) {
      assert.ok(operation["x-amazon-apigateway-integration"], `${caseName}: ${method} without an integration`);
    }
    assert.is(body, fileOf(result.files, "openapi.aws.json").replace(/\$\{portico:[^}]*\}/g, (token) => resolved(token, spec, config)), caseName);
    assert.is(triggerOf(resources), createHash("sha256").update(body).digest("hex"));
    assert.is(resourceOf(resources, T.api, "api").inputs.failOnWarnings, true, caseName);
    // The stage writes JSON access logs to the API's own log group.
    const stageInputs = resourceOf(resources, T.stage, "api").inputs;
    const access = stageInputs.accessLogSettings as { destinationArn: string; format: string };
    assert.is(access.destinationArn, "arn:aws:logs:us-east-1:123456789012:log-group:api-access-logs", caseName);
    assert.is((JSON.parse(access.format) as Record<string, string>)["requestId"], "$context.requestId", caseName);
    const lambdaRoutes = spec.operations.filter((op) => op.integration?.kind === "lambda").length;
    // The REST API's own: a WebSocket API beside it has its own permissions (perm-ws-…, test/emit/websocket-pulumi.test.ts).
    const routePermissions = resources.filter((r) => r.type === T.permission && !r.name.endsWith("-authorizers") && !r.name.startsWith("perm-ws-"));
    assert.is(routePermissions.length, lambdaRoutes, caseName);
    // Each route's permission is scoped to the API, the stage, the method and the path (variables as *).
    const expected = spec.operations
      .filter((op) => op.integration?.kind === "lambda")
      .map((op) => {
        const method = op.method === "ANY" ? "*" : op.method;
        const path = op.path.slice(1).replace(/\{[^}]+\}/g, "*");
        return `arn:aws:execute-api:us-east-1:123456789012:api-id/${stack}/${method}/${path}`;
      })
      .sort();
    assert.equal(routePermissions.map((p) => String(p.inputs.sourceArn)).sort(), expected, caseName);
  }
});

test("every generated program type-checks (one tsc run over all cases)", async () => {
  const output = await typeCheck;
  assert.is(output, "", output);
});

test.run();
