/**
 * The `templates` artifact: every mapping template of the import document as its own file, indexed, and each one
 * runs through the VTL evaluator: the CORS preflight of the pets sample answers an allowed origin and only that.
 */
import * as fs from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, nodeHost } from "../../compiler/index.js";
import { templateFiles } from "../../compiler/emit/templates/index.js";
import { lintTemplate, renderTemplate } from "../../compiler/vtl/index.js";

const pets = build(nodeHost, "samples/pets/openapi.yaml", { out: "test/.out/templates-pets", emit: ["templates"] });
const files = new Map(pets.files.map((f) => [f.path, f.content]));
const document = JSON.parse(
  build(nodeHost, "samples/pets/openapi.yaml", { out: "test/.out/templates-pets", emit: ["openapi"] }).files[0]?.content ?? "{}",
) as Record<string, unknown>;

interface Use {
  file: string;
  kind: string;
  mediaType: string;
  path?: string;
  method?: string;
  selectionPattern?: string;
  statusCode?: string;
  responseType?: string;
  placeholders?: string[];
}
const index = JSON.parse(files.get("templates/index.json") ?? "[]") as Use[];

test("--emit templates writes only templates/, one file per template of the document, and an index", () => {
  assert.is(pets.errorCount, 0);
  assert.ok([...files.keys()].every((p) => p.startsWith("templates/")));
  assert.equal(index.map((u) => `templates/${u.file}`).sort(), [...files.keys()].filter((p) => p !== "templates/index.json").sort());
  // Each indexed file holds exactly the template API Gateway imports at that place.
  const paths = document.paths as Record<string, Record<string, Record<string, any>>>;
  for (const use of index) {
    const content = files.get(`templates/${use.file}`);
    let expected: unknown;
    if (use.kind === "gateway-response") {
      expected = (document["x-amazon-apigateway-gateway-responses"] as Record<string, any>)[use.responseType ?? ""].responseTemplates[use.mediaType];
    } else {
      const key = use.method === "ANY" ? "x-amazon-apigateway-any-method" : (use.method ?? "").toLowerCase();
      const integration = paths[use.path ?? ""]?.[key]?.["x-amazon-apigateway-integration"];
      expected = use.kind === "request"
        ? integration.requestTemplates[use.mediaType]
        : integration.responses[use.selectionPattern ?? ""].responseTemplates[use.mediaType];
    }
    // Deploy-time placeholders are written as plain text, so that the file renders.
    const written = String(expected).replace(/\$\{portico:/g, "{portico:").replace(/\n$/, "");
    assert.is(content?.replace(/\n$/, ""), written, use.file);
    if (String(expected).includes("${portico:")) assert.ok(use.placeholders?.length, `${use.file} lists its placeholders`);
  }
});

test("every template lints clean of syntax errors and renders", () => {
  for (const use of index) {
    const template = files.get(`templates/${use.file}`) ?? "";
    assert.equal(lintTemplate(template).filter((f) => f.kind === "syntax"), [], use.file);
    renderTemplate(template, { body: '{"name":"Rex"}', kind: use.kind === "request" ? "request" : "response", headers: { Origin: "https://app.pets.example.com" } });
  }
});

test("the CORS preflight echoes an allowed origin and no other", () => {
  const preflight = index.find((u) => u.kind === "response" && u.method === "OPTIONS" && u.path === "/pets");
  if (preflight === undefined) throw new Error("no preflight response template for /pets");
  const template = files.get(`templates/${preflight.file}`) ?? "";
  const origin = (headers: Record<string, string>) =>
    renderTemplate(template, { body: "", kind: "response", headers }).overrides.response.header["Access-Control-Allow-Origin"];
  assert.is(origin({ Origin: "https://admin.pets.example.com" }), "https://admin.pets.example.com");
  assert.is(origin({ Origin: "https://evil.example.com" }), undefined);
});

test("HTTP APIs have no mapping templates, and a document without any gives no files", () => {
  const http = build(nodeHost, "samples/http-api/openapi.yaml", { out: "test/.out/templates-http", emit: ["templates"] });
  assert.is(http.errorCount, 0);
  assert.equal(http.files, []);
  assert.equal(templateFiles({ openapi: "3.0.1", paths: {} }), []);
  assert.ok(fs.existsSync("samples/http-api/openapi.yaml"));
});

test.run();
