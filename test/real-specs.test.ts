/**
 * `check` over large, real OpenAPI descriptions (../shared/specs: GitHub, Stripe as JSON and YAML, DigitalOcean,
 * OpenAI, Twilio, Clerk, …), read in place, never copied here. Each one finishes without throwing, with the counts
 * by code recorded below; the facts behind those counts (every operation lacks an integration, which paths a REST
 * API cannot hold) are asserted on their own, and a few positions are checked against the file's text. The
 * sample overlays turn GitHub's and the Petstore's descriptions into clean specs. Skipped when the folder is absent.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost, type CheckResult, type Diagnostic } from "../compiler/index.js";

const folder = path.resolve(import.meta.dirname, "..", "..", "shared", "specs");
const overlays = path.resolve(import.meta.dirname, "..", "samples", "overlays");
const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /\.(json|ya?ml)$/.test(f)).sort() : [];

/** Diagnostics by code for each spec checked without an overlay. */
const COUNTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "clerk-2025-11-10.yaml": { "integration-missing": 207, "operation-unauthenticated": 1, "security-scheme-unimplemented": 1 },
  "digitalocean.bundled.yaml": {
    "integration-missing": 659,
    "operation-unauthenticated": 1,
    "path-segment-invalid": 1,
    "quota-soft-limit": 1,
    "security-scheme-unimplemented": 2,
    "sibling-path-variables": 13,
  },
  "github-api.3.0.json": {
    "integration-missing": 1223,
    "operation-unauthenticated": 1223,
    "path-segment-mixed": 1,
    "quota-soft-limit": 1,
    "sibling-path-variables": 9,
  },
  "openai.3.1.yaml": { "integration-missing": 162, "path-param-undeclared": 2, "security-scheme-unimplemented": 1 },
  "opencode.3.1.yaml": { "integration-missing": 131, "operation-unauthenticated": 131 },
  "petstore-expanded.yaml": { "integration-missing": 4, "operation-unauthenticated": 4 },
  "petstore.yaml": { "integration-missing": 3, "operation-unauthenticated": 3 },
  "stripe.spec3.2023-09.json": { "integration-missing": 468, "quota-soft-limit": 1, "security-scheme-unimplemented": 2, "sibling-path-variables": 6 },
  "stripe.spec3.2023-09.yaml": { "integration-missing": 468, "quota-soft-limit": 1, "security-scheme-unimplemented": 2, "sibling-path-variables": 6 },
  "twilio_api_v2010.json": { "integration-missing": 197, "path-segment-mixed": 45, "security-scheme-unimplemented": 1, "sibling-path-variables": 2 },
  "uspto.yaml": { "integration-missing": 3, "operation-unauthenticated": 3 },
  "webhook-example.3.1.yaml": {},
};

const results = new Map<string, CheckResult>();

/** The result of checking `file` (once per run). */
function checked(file: string): CheckResult {
  let result = results.get(file);
  if (!result) {
    result = check(nodeHost, path.join(folder, file));
    results.set(file, result);
  }
  return result;
}

const countsOf = (result: CheckResult): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const d of [...result.diagnostics].sort((a, b) => (a.code < b.code ? -1 : 1))) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return counts;
};

const withCode = (file: string, code: string): Diagnostic[] => checked(file).diagnostics.filter((d) => d.code === code);

/** The text of `file` from the reported line and column of `d`, up to the end of that line. */
function textAt(file: string, d: Diagnostic): string {
  const result = checked(file);
  const at = result.locate(d);
  const line = (result.sourceText(at.file) ?? "").split(/\r\n|\r|\n/)[at.line - 1] ?? "";
  return line.slice(at.column - 1);
}

/** The paths a message names, in order (`/users/{username}`, …). */
const pathsIn = (message: string): string[] => message.match(/\/[\w{}.\-/<>]+/g) ?? [];

if (files.length === 0) {
  console.log(`real-specs: ${folder} is missing or empty; skipped`);
  test.skip("real specs");
} else {
  for (const file of files) {
    test(`${file}: check finishes without throwing, with the recorded counts by code`, () => {
      assert.equal(countsOf(checked(file)), COUNTS[file] ?? "a new spec: record its counts");
    });
  }

  test("every operation of every spec lacks an integration, once; the only model without operations is the webhooks-only spec", () => {
    for (const file of files) {
      const model = checked(file).model;
      assert.ok(model, file);
      assert.is(withCode(file, "integration-missing").length, model.operations.length, file);
      const pointers = withCode(file, "integration-missing").map((d) => d.origin.pointer);
      assert.is(new Set(pointers).size, pointers.length, `${file}: one diagnostic per operation`);
    }
    assert.equal(files.filter((f) => checked(f).model?.operations.length === 0), ["webhook-example.3.1.yaml"]);
  });

  test("Stripe's JSON and YAML editions give the same diagnostics at the same pointers", () => {
    const view = (file: string) => checked(file).diagnostics.map((d) => `${d.code} ${d.origin.pointer} ${d.message}`);
    assert.equal(view("stripe.spec3.2023-09.yaml"), view("stripe.spec3.2023-09.json"));
  });

  test("GitHub: the shapes a REST API cannot hold are named, and all lie under the overlay's proxy resources", () => {
    const github = "github-api.3.0.json";
    const mixed = withCode(github, "path-segment-mixed");
    assert.equal(mixed.map((d) => pathsIn(d.message)[0]), ["/repos/{owner}/{repo}/compare/{base}...{head}"]);
    const siblings = withCode(github, "sibling-path-variables").map((d) => pathsIn(d.message).slice(0, 2));
    const involves = (a: RegExp, b: RegExp) => siblings.some((pair) => pair.some((p) => a.test(p)) && pair.some((p) => b.test(p)));
    assert.ok(involves(/^\/users\/\{username\}/, /^\/users\/\{user_id\}\/projectsV2/), "/users/{username} vs /users/{user_id}");
    assert.ok(involves(/^\/repos\/\{owner\}\/\{repo\}$/, /^\/repos\/\{template_owner\}/), "/repos/{owner} vs /repos/{template_owner}");
    assert.ok(involves(/^\/user\/\{account_id\}$/, /^\/user\/\{user_id\}/), "/user/{account_id} vs /user/{user_id}");
    assert.ok(involves(/\/commits\/\{ref\}/, /\/commits\/\{commit_sha\}/), "commits/{ref} vs commits/{commit_sha}");
    const prefixes = ["/repos", "/users", "/user", "/enterprises/{enterprise}/teams", "/orgs/{org}"];
    const under = (p: string) => prefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
    for (const pair of [...siblings, ...mixed.map((d) => pathsIn(d.message).slice(0, 1))]) {
      assert.ok(pair.every(under), `${pair.join(" vs ")} is under a proxy resource of github.overlay.yaml`);
    }
  });

  test("OpenAI: the two operations that forget their path parameter", () => {
    const found = withCode("openai.3.1.yaml", "path-param-undeclared").map((d) => d.origin.pointer);
    assert.equal(found, ["/paths/~1organization~1certificates~1{certificate_id}/post", "/paths/~1organization~1certificates~1{certificate_id}/delete"]);
  });

  test("Twilio: every mixed segment is a variable followed by .json", () => {
    for (const d of withCode("twilio_api_v2010.json", "path-segment-mixed")) {
      assert.match(d.message, /^Segment \{\w+\}\.json of \/2010-04-01\//);
    }
  });

  test("positions: each diagnostic points at the key it is about", () => {
    const cases: [file: string, code: string, pointer: string, text: string][] = [
      ["github-api.3.0.json", "integration-missing", "/paths/~1/get", '"get": {'],
      [
        "github-api.3.0.json",
        "path-segment-mixed",
        "/paths/~1repos~1{owner}~1{repo}~1compare~1{base}...{head}",
        '"/repos/{owner}/{repo}/compare/{base}...{head}": {',
      ],
      ["stripe.spec3.2023-09.json", "sibling-path-variables", "/paths/~1v1~1subscription_items~1{item}", '"/v1/subscription_items/{item}": {'],
      ["stripe.spec3.2023-09.yaml", "sibling-path-variables", "/paths/~1v1~1subscription_items~1{item}", "'/v1/subscription_items/{item}':"],
      ["twilio_api_v2010.json", "security-scheme-unimplemented", "/components/securitySchemes/accountSid_authToken", '"accountSid_authToken": {'],
      ["digitalocean.bundled.yaml", "path-segment-invalid", "/paths/~1<upload_url>", "/<upload_url>:"],
      ["clerk-2025-11-10.yaml", "security-scheme-unimplemented", "/components/securitySchemes/bearerAuth", "bearerAuth:"],
    ];
    for (const [file, code, pointer, text] of cases) {
      const d = withCode(file, code).find((x) => x.origin.pointer === pointer);
      assert.ok(d, `${file}: ${code} at ${pointer}`);
      assert.is(textAt(file, d).slice(0, text.length), text, `${file}: ${code}`);
    }
  });

  test("positions: the method key found is the one of the operation the message names", () => {
    const file = "openai.3.1.yaml";
    const result = checked(file);
    for (const d of withCode(file, "path-param-undeclared")) {
      const at = result.locate(d);
      const lines = (result.sourceText(at.file) ?? "").split("\n");
      const method = d.origin.pointer.split("/").pop() as string;
      assert.is(lines[at.line - 1]?.slice(at.column - 1), `${method}:`);
      const id = /\((\w+)\)/.exec(d.message)?.[1] ?? "?";
      assert.ok(lines.slice(at.line, at.line + 8).some((l) => l.trim() === `operationId: ${id}`), `${method} holds operationId ${id}`);
      const item = lines.slice(0, at.line - 1).reverse().find((l) => /^ {2}\S/.test(l));
      assert.is(item, "  /organization/certificates/{certificate_id}:");
    }
  });

  test("GitHub with samples/overlays/github.overlay.yaml checks clean, every operation routed or proxied", () => {
    const result = check(nodeHost, path.join(folder, "github-api.3.0.json"), { overlays: [path.join(overlays, "github.overlay.yaml")] });
    assert.equal(result.diagnostics.map((d) => `${d.code} ${d.origin.pointer}`), []);
    assert.is(result.model?.operations.length, 1223);
    assert.equal(result.model?.proxyResources.map((p) => p.prefix), ["/repos", "/users", "/user", "/enterprises/{enterprise}/teams", "/orgs/{org}"]);
  });

  test("the Petstore with samples/overlays/petstore.overlay.yaml checks clean", () => {
    const result = check(nodeHost, path.join(folder, "petstore.yaml"), { overlays: [path.join(overlays, "petstore.overlay.yaml")] });
    assert.equal(result.diagnostics.map((d) => `${d.code} ${d.origin.pointer}`), []);
    assert.equal(result.model?.operations.map((op) => [op.id, op.public]), [
      ["listPets", true],
      ["createPets", false],
      ["showPetById", true],
    ]);
  });
}

test.run();
