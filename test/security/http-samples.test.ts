/**
 * The security checks over the HTTP API sample: its program, run under mocks for every stage of the spec and for a
 * stack that deploys `$default`, passes every check that applies to HTTP APIs (access logs, log retention,
 * throttling, route authorization, domain TLS, Lambda permissions); deliberately public routes are suppressed,
 * never failed. Mutated graphs show that each check reads the v2 resources.
 */
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, nodeHost } from "../../compiler/index.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { createNames } from "../../compiler/model/names.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import type { SecurityContext } from "../../compiler/security/check.js";
import { securityContext } from "../../compiler/security/context.js";
import type { GraphResource, ResourceGraph } from "../../compiler/security/graph.js";
import { checksFor, runChecks } from "../../compiler/security/index.js";
import { runUnderMocks } from "../../compiler/security/mock-run.js";
import { loadPulumiPackages } from "../../compiler/security/pulumi-packages.js";
import { placeholderConfigValue } from "../../compiler/security/strict.js";

const out = path.resolve("test", ".out", "security-http");
const packages = loadPulumiPackages(out);
if (packages === undefined) throw new Error("@pulumi/pulumi and @pulumi/aws are devDependencies and should be installed.");

const result = build(nodeHost, "samples/http-api/openapi.yaml", { out });
const model = result.model as GatewayModel;
const files = new Map(result.files.map((f) => [path.join(out, f.path), f.content]));
const context = securityContext(model);
const checks = checksFor("http");

async function graphOf(stack: string): Promise<ResourceGraph> {
  const uses = configUses(model);
  const config = Object.fromEntries(uses.map((u) => [u.key, placeholderConfigValue(u.key)]));
  const options = { project: createNames(model).project, stack, config, secrets: uses.filter((u) => u.secret).map((u) => u.key), files };
  return runUnderMocks(path.join(out, "pulumi", "index.ts"), packages as NonNullable<typeof packages>, options);
}

/** Check ids with a finding that is not suppressed. */
function failing(graph: ResourceGraph, ctx: SecurityContext = context): string[] {
  return [...new Set(runChecks(checks, graph, ctx).filter((f) => f.finding.suppressed === undefined).map((f) => f.check.id))];
}

function change(graph: ResourceGraph, type: string, name: string, edit: (inputs: Record<string, any>) => void): ResourceGraph {
  const target = graph.find((r) => r.type === type && r.name === name);
  if (!target) throw new Error(`No ${type} ${name} in the graph.`);
  return graph.map((r): GraphResource => {
    if (r !== target) return r;
    const inputs = structuredClone(r.inputs) as Record<string, any>;
    edit(inputs);
    return { ...r, inputs };
  });
}

const T = {
  api: "aws:apigatewayv2/api:Api",
  stage: "aws:apigatewayv2/stage:Stage",
  domain: "aws:apigatewayv2/domainName:DomainName",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  permission: "aws:lambda/permission:Permission",
};

test("the checks of HTTP APIs: access logs, retention, throttling, authorization, domain TLS, Lambda permissions", () => {
  assert.equal(checks.map((c) => c.id), ["access-logging", "log-retention", "throttling", "authorization", "domain-tls", "lambda-permission"]);
  assert.ok(checks.find((c) => c.id === "access-logging")?.rules.includes("CKV_AWS_95"));
  assert.ok(checks.find((c) => c.id === "authorization")?.rules.includes("CKV_AWS_309"));
});

test("samples/http-api passes every HTTP check in every stage and in $default; only x-gateway.public routes are suppressed", async () => {
  assert.is(result.errorCount, 0);
  for (const stack of ["dev", "prod", "feature-x"]) {
    const graph = await graphOf(stack);
    const findings = runChecks(checks, graph, context);
    assert.equal(findings.filter((f) => f.finding.suppressed === undefined).map((f) => `${f.check.id}: ${f.finding.message}`), [], stack);
    assert.equal(
      findings.map((f) => `${f.check.id} ${f.finding.route?.method} ${f.finding.route?.path}: ${f.finding.suppressed}`).sort(),
      ["authorization ANY /legacy/{proxy+}: x-gateway.public: true", "authorization GET /health: x-gateway.public: true"],
      stack,
    );
  }
});

test("each check fails on a mutated graph of the sample (stack prod)", async () => {
  const graph = await graphOf("prod");
  const exec = String((graph.find((r) => r.type === T.api) as GraphResource).outputs?.executionArn);
  const cases: [string, ResourceGraph][] = [
    ["access-logging", change(graph, T.stage, "api", (i) => void delete i.accessLogSettings)],
    ["access-logging", change(graph, T.stage, "api", (i) => void delete i.accessLogSettings.format)],
    ["log-retention", change(graph, T.logGroup, "api-access-logs", (i) => void delete i.retentionInDays)],
    ["throttling", change(graph, T.stage, "api", (i) => void delete i.defaultRouteSettings.throttlingRateLimit)],
    ["throttling", change(graph, T.stage, "api", (i) => void (i.routeSettings[0].throttlingBurstLimit = -1))],
    ["domain-tls", change(graph, T.domain, "api-domain", (i) => void (i.domainNameConfiguration.securityPolicy = "TLS_1_0"))],
    ["lambda-permission", change(graph, T.permission, "perm-tasks-get-tasks", (i) => void (i.principal = "*"))],
    ["lambda-permission", change(graph, T.permission, "perm-tasks-get-tasks", (i) => void (i.sourceArn = `${exec}/*/GET/tasks`))],
    ["lambda-permission", change(graph, T.permission, "perm-tasks-get-tasks", (i) => void (i.sourceArn = `${exec}/prod/*`))],
    [
      "authorization",
      change(graph, T.api, "api", (i) => {
        const body = JSON.parse(i.body);
        delete body.paths["/tasks"].get.security;
        i.body = JSON.stringify(body);
      }),
    ],
  ];
  for (const [id, mutated] of cases) assert.equal(failing(mutated), [id], id);
  const authorizer = change(graph, T.permission, "perm-device-authorizer-authorizers", (i) => void (i.sourceArn = `${exec}/authorizers/*`));
  assert.equal(failing(authorizer), [], "an HTTP API's authorizers may be admitted as authorizers/*");
  const noAuthorizer = change(graph, T.api, "api", (i) => {
    const body = JSON.parse(i.body);
    delete body.components.securitySchemes.device;
    i.body = JSON.stringify(body);
  });
  assert.ok(failing(noAuthorizer).includes("lambda-permission"), "authorizers/* for an API without a Lambda authorizer");
});

test.run();
