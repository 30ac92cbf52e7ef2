/**
 * The security checks over every REST sample: each sample's program, run under mocks for every stage of its spec,
 * passes every check (deliberately public routes are suppressed, never failed). For the checks a spec cannot
 * fail (Portico always emits access logs, retention, throttling, encrypted caches, scoped permissions), a
 * recorded sample graph is mutated and the check must fail.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, check, nodeHost } from "../../compiler/index.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { createNames } from "../../compiler/model/names.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import type { SecurityContext } from "../../compiler/security/check.js";
import { securityContext } from "../../compiler/security/context.js";
import type { GraphResource, ResourceGraph } from "../../compiler/security/graph.js";
import { runChecks, securityChecks } from "../../compiler/security/index.js";
import { runUnderMocks } from "../../compiler/security/mock-run.js";
import { loadPulumiPackages } from "../../compiler/security/pulumi-packages.js";
import { placeholderConfigValue } from "../../compiler/security/strict.js";

const out = path.resolve("test", ".out", "security");
const packages = loadPulumiPackages(out);
if (packages === undefined) throw new Error("@pulumi/pulumi and @pulumi/aws are devDependencies and should be installed.");

interface Sample {
  readonly model: GatewayModel;
  /** Every stack's graph, by stack (stage) name. */
  readonly graphs: ReadonlyMap<string, ResourceGraph>;
}

/** Builds `spec` in memory and records its program's graph for every stage (or `dev`). */
async function record(name: string, spec: string): Promise<Sample> {
  const outDir = path.join(out, name);
  const result = build(nodeHost, spec, { out: outDir });
  assert.is(result.errorCount, 0, `${spec}: ${result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("; ")}`);
  const model = result.model as GatewayModel;
  const files = new Map(result.files.map((f) => [path.join(outDir, f.path), f.content]));
  const uses = configUses(model);
  const config = Object.fromEntries(uses.map((u) => [u.key, placeholderConfigValue(u.key)]));
  const graphs = new Map<string, ResourceGraph>();
  for (const stack of model.stages.length > 0 ? model.stages.map((s) => s.name) : ["dev"]) {
    const options = { project: createNames(model).project, stack, config, secrets: uses.filter((u) => u.secret).map((u) => u.key), files };
    graphs.set(stack, await runUnderMocks(path.join(outDir, "pulumi", "index.ts"), packages as NonNullable<typeof packages>, options));
  }
  return { model, graphs };
}

/** Every sample whose spec deploys a REST API. */
const REST_SAMPLES = fs
  .readdirSync("samples", { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join("samples", d.name, "openapi.yaml")))
  .map((d) => d.name)
  .filter((name) => check(nodeHost, `samples/${name}/openapi.yaml`).model?.kind === "rest")
  .sort();

const recorded = new Map<string, Sample>();
async function sample(name: string): Promise<Sample> {
  const known = recorded.get(name);
  if (known) return known;
  const made = await record(name, `samples/${name}/openapi.yaml`);
  recorded.set(name, made);
  return made;
}

/** Check ids with a finding that is not suppressed. */
function failing(graph: ResourceGraph, context: SecurityContext): string[] {
  return [...new Set(runChecks(securityChecks, graph, context).filter((f) => f.finding.suppressed === undefined).map((f) => f.check.id))];
}

function change(graph: ResourceGraph, type: string, name: string, edit: (inputs: Record<string, unknown>) => void): ResourceGraph {
  const target = graph.find((r) => r.type === type && r.name === name);
  if (!target) throw new Error(`No ${type} ${name} in the graph.`);
  return graph.map((r): GraphResource => {
    if (r !== target) return r;
    const inputs = structuredClone(r.inputs) as Record<string, unknown>;
    edit(inputs);
    return { ...r, inputs };
  });
}

test("the REST samples include pets and warehouse", () => {
  assert.ok(["pets", "warehouse"].every((name) => REST_SAMPLES.includes(name)), REST_SAMPLES.join(", "));
});

test("every REST sample passes every check in every stage; only x-gateway.public routes are suppressed", async () => {
  for (const name of REST_SAMPLES) {
    const { model, graphs } = await sample(name);
    const context = securityContext(model);
    assert.ok(graphs.size > 0);
    for (const [stack, graph] of graphs) {
      const findings = runChecks(securityChecks, graph, context);
      const open = findings.filter((f) => f.finding.suppressed === undefined);
      assert.equal(open.map((f) => `${f.check.id}: ${f.finding.message}`), [], `${name} (${stack})`);
      const publicRoutes = model.operations.filter((op) => op.public).map((op) => `${op.method} ${op.path}`);
      assert.equal(
        findings.map((f) => `${f.finding.route?.method} ${f.finding.route?.path}: ${f.finding.suppressed}`).sort(),
        publicRoutes.map((route) => `${route}: x-gateway.public: true`).sort(),
        `${name} (${stack})`,
      );
    }
  }
});

const T = {
  stage: "aws:apigateway/stage:Stage",
  settings: "aws:apigateway/methodSettings:MethodSettings",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  permission: "aws:lambda/permission:Permission",
};

test("checks a spec cannot fail, failing on a mutated pets graph (stack prod)", async () => {
  const { model, graphs } = await sample("pets");
  const graph = graphs.get("prod") as ResourceGraph;
  const context = securityContext(model);
  assert.equal(failing(graph, context), []);
  const permission = graph.find((r) => r.type === T.permission && r.name === "perm-pets-get-pets") as GraphResource;
  const executionArn = String(permission.inputs.sourceArn).replace(/\/prod\/GET\/pets$/, "");
  const cases: [string, ResourceGraph][] = [
    ["access-logging", change(graph, T.stage, "api", (i) => void delete i.accessLogSettings)],
    ["log-retention", change(graph, T.logGroup, "api-access-logs", (i) => void delete i.retentionInDays)],
    ["throttling", change(graph, T.settings, "api-all-methods", (i) => void delete (i.settings as Record<string, unknown>).throttlingRateLimit)],
    ["cache-encryption", change(graph, T.settings, "api-method-get-pets", (i) => void ((i.settings as Record<string, unknown>).cacheDataEncrypted = false))],
    ["lambda-permission", change(graph, T.permission, "perm-pets-get-pets", (i) => void (i.principal = "*"))],
    ["lambda-permission", change(graph, T.permission, "perm-pets-get-pets", (i) => void (i.sourceArn = `${executionArn}/*`))],
    ["lambda-permission", change(graph, T.permission, "perm-pets-get-pets", (i) => void (i.sourceArn = `${executionArn}/*/GET/pets`))],
  ];
  for (const [id, mutated] of cases) assert.equal(failing(mutated, context), [id], id);
  assert.equal(failing(graph, { ...context, webAcl: true }), ["waf"], "a named web ACL that no association attaches");
});

test("the pets graph: what the checks read is there (stage-wide settings, permissions, validators, a TLS 1.2 domain)", async () => {
  const graph = (await sample("pets")).graphs.get("prod") as ResourceGraph;
  const of = (type: string) => graph.filter((r) => r.type === type);
  assert.is(of(T.stage).length, 1);
  assert.ok(of(T.settings).some((r) => r.inputs.methodPath === "*/*"));
  assert.ok(of(T.permission).length >= 4);
  assert.equal(of("aws:apigateway/domainName:DomainName").map((r) => r.inputs.securityPolicy), ["TLS_1_2"]);
  const body = JSON.parse(String(graph.find((r) => r.type === "aws:apigateway/restApi:RestApi")?.inputs.body));
  assert.ok(Object.keys(body["x-amazon-apigateway-request-validators"] ?? {}).length > 0);
});

test.run();
