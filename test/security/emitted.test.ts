/**
 * Checks over programs the emitters build for hand-written models, where the check depends on what the spec asked
 * for: a named WAF web ACL must be attached to the stage, and a function whose route permissions the build folded
 * to fit Lambda's policy limit may have folded patterns (and only it).
 */
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DiagnosticCollector } from "../../compiler/diagnostics/diagnostic.js";
import { emitters } from "../../compiler/emit/index.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import { securityContext } from "../../compiler/security/context.js";
import type { ResourceGraph } from "../../compiler/security/graph.js";
import { securityChecks } from "../../compiler/security/index.js";
import { runUnderMocks } from "../../compiler/security/mock-run.js";
import { loadPulumiPackages } from "../../compiler/security/pulumi-packages.js";
import { at, codeFunction, lambda, literal, model, operation, requires } from "../emit/fixtures/build.js";

const packages = loadPulumiPackages(process.cwd());
if (packages === undefined) throw new Error("@pulumi/pulumi and @pulumi/aws are devDependencies and should be installed.");
const SIGV4 = { name: "sigv4", type: "apiKey", in: "header" as const, paramName: "Authorization", authorizer: { kind: "iam" as const, origin: at("/s") }, origin: at("/s") };

/** Emits `spec` in memory and runs its program as stack `prod`. */
async function graphOf(name: string, spec: GatewayModel): Promise<ResourceGraph> {
  const outDir = path.resolve("test", ".out", "security-emitted", name);
  const report = new DiagnosticCollector();
  const files = emitters.flatMap((e) => e.emit(spec, { specDirFromPulumi: "..", report }));
  const inMemory = new Map(files.map((f) => [path.join(outDir, f.path), f.content]));
  return runUnderMocks(path.join(outDir, "pulumi", "index.ts"), packages as NonNullable<typeof packages>, { project: "fixture", stack: "prod", config: {}, files: inMemory });
}

function check(id: string) {
  const found = securityChecks.find((c) => c.id === id);
  if (!found) throw new Error(`No check ${id}.`);
  return found;
}

test("x-gateway.waf: the emitted association attaches the web ACL to the stage", async () => {
  const spec = model({
    operations: [operation("GET", "/pets", "listPets", lambda("pets"), { security: requires(["sigv4", []]) })],
    functions: [codeFunction("pets", "./backend")],
    securitySchemes: [SIGV4],
    waf: { webAcl: literal("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/pets/1"), origin: at("/x-gateway/waf") },
  });
  const graph = await graphOf("waf", spec);
  const context = securityContext(spec);
  assert.ok(context.webAcl);
  assert.equal(check("waf").run(graph, context), []);
  const detached = graph.filter((r) => r.type !== "aws:wafv2/webAclAssociation:WebAclAssociation");
  assert.equal(check("waf").run(detached, context).map((f) => f.resource.name), ["api"]);
});

test("request validation covers the bodies API Gateway can validate: JSON with a schema, not text", async () => {
  const body = (mediaType: string) => ({
    required: true,
    content: [{ mediaType, schema: { type: "string" }, origin: at("/b") }],
    origin: at("/b"),
  });
  const spec = model({
    operations: [
      operation("POST", "/markdown/raw", "renderRaw", lambda("pets"), { security: requires(["sigv4", []]), requestBody: body("text/plain") }),
      operation("POST", "/markdown", "render", lambda("pets"), { security: requires(["sigv4", []]), requestBody: body("application/json") }),
    ],
    functions: [codeFunction("pets", "./backend")],
    securitySchemes: [SIGV4],
  });
  const context = securityContext(spec);
  assert.equal([...context.routesWithBody], ["POST /markdown"]);
  assert.equal(check("request-validation").run(await graphOf("text-body", spec), context), []);
});

test("folded permissions: accepted for the function the build folded, refused for any other", async () => {
  const routes = Array.from({ length: 90 }, (_, i) => operation("GET", `/catalogue/items-${i}/{id}`, `getItem${i}`, lambda("catalogue"), { security: requires(["sigv4", []]) }));
  const spec = model({ operations: routes, functions: [codeFunction("catalogue", "./backend")], securitySchemes: [SIGV4], stages: [] });
  const graph = await graphOf("folded", spec);
  const context = securityContext(spec);
  assert.ok(context.foldedPermissions.size > 0, "the build folds 90 routes of one function");
  const permissions = graph.filter((r) => r.type === "aws:lambda/permission:Permission");
  assert.ok(permissions.length < routes.length);
  assert.ok(permissions.some((p) => context.foldedPermissions.has(p.name) && String(p.inputs.sourceArn).includes("/*/")));
  assert.equal(check("lambda-permission").run(graph, context), []);
  const unexplained = check("lambda-permission").run(graph, { ...context, foldedPermissions: new Set() });
  assert.equal(unexplained.map((f) => f.resource.name).sort(), [...context.foldedPermissions].sort());
});

test.run();
