/**
 * Method details of `openapi.aws.json`: cache keys, the parameters HTTP integrations forward, binary media types,
 * and the ANY method of greedy paths.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DiagnosticCollector, type Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { awsOpenApiEmitter } from "../../compiler/emit/aws-openapi/index.js";
import type { GatewayModel, Operation, Parameter } from "../../compiler/model/types.js";
import { at, http, lambda, model, operation } from "./fixtures/build.js";
import { fileOf } from "./helpers/harness.js";

type Json = Record<string, any>;

function emit(spec: GatewayModel): { doc: Json; diagnostics: readonly Diagnostic[] } {
  const report = new DiagnosticCollector();
  const files = awsOpenApiEmitter.emit(spec, { specDirFromPulumi: "..", report });
  return { doc: JSON.parse(fileOf(files, "openapi.aws.json")) as Json, diagnostics: report.diagnostics };
}

function param(name: string, where: Parameter["in"], required = false): Parameter {
  return { name, in: where, required, schema: { type: "integer" }, deprecated: false, origin: at(`/p/${name}`) };
}

function cached(op: Operation, keys: string[]): Operation {
  return { ...op, options: { ...op.options, cache: { ttl: 60, keys, origin: at(`/paths/x/${op.id}/x-gateway/cache`) } } };
}

test("cache keys: the integration keys on the named parameters, in a namespace of its own; they are declared on the method", () => {
  const base = operation("GET", "/pets/{petId}", "getPet", lambda("fn"));
  const op = cached({ ...base, parameters: [...base.parameters, param("limit", "query"), param("X-Tenant", "header", true)] }, ["petId", "limit", "X-Tenant", "limit"]);
  const { doc, diagnostics } = emit(model({ operations: [op, operation("GET", "/other", "other", lambda("fn"))] }));
  assert.equal(diagnostics, []);
  const method = doc.paths["/pets/{petId}"].get;
  assert.equal(method["x-amazon-apigateway-integration"].cacheKeyParameters, [
    "method.request.path.petId",
    "method.request.querystring.limit",
    "method.request.header.X-Tenant",
  ]);
  assert.is(method["x-amazon-apigateway-integration"].cacheNamespace, "get-pet");
  assert.equal(method.parameters.map((p: Json) => `${p.in}:${p.name}`), ["path:petId", "query:limit", "header:X-Tenant"]);
  assert.is(doc.paths["/other"].get["x-amazon-apigateway-integration"].cacheNamespace, undefined);
});

test("cache-key-unknown: a key that names no parameter of the operation is an error at the key", () => {
  const op = cached(operation("GET", "/pets", "listPets", lambda("fn"), { parameters: [param("limit", "query"), param("session", "cookie")] }), ["limit", "page", "session"]);
  const { doc, diagnostics } = emit(model({ operations: [op] }));
  assert.equal(
    diagnostics.map((d) => [d.code, d.severity, d.origin.pointer]),
    [
      ["cache-key-unknown", "error", "/paths/x/listPets/x-gateway/cache/keys/1"],
      ["cache-key-unknown", "error", "/paths/x/listPets/x-gateway/cache/keys/2"],
    ],
  );
  assert.match(diagnostics[0]?.message ?? "", /^Cache key page of operation listPets is no path, query or header parameter/);
  assert.equal(doc.paths["/pets"].get["x-amazon-apigateway-integration"].cacheKeyParameters, ["method.request.querystring.limit"]);
});

test("HTTP without proxy forwards the declared query and header parameters; HTTP proxy forwards them by itself", () => {
  const parameters = [param("id", "path", true), param("q", "query"), param("X-Trace", "header"), param("c", "cookie")];
  const { doc } = emit(
    model({
      operations: [
        operation("GET", "/a/{id}", "a", http("https://backend.example.com/a/{id}", { proxy: false }), { parameters }),
        operation("GET", "/b/{id}", "b", http("https://backend.example.com/b/{id}"), { parameters }),
      ],
    }),
  );
  assert.equal(doc.paths["/a/{id}"].get["x-amazon-apigateway-integration"].requestParameters, {
    "integration.request.header.X-Trace": "method.request.header.X-Trace",
    "integration.request.path.id": "method.request.path.id",
    "integration.request.querystring.q": "method.request.querystring.q",
  });
  assert.equal(doc.paths["/b/{id}"].get["x-amazon-apigateway-integration"].requestParameters, {
    "integration.request.path.id": "method.request.path.id",
  });
});

test("binary media types: the spec's, those of binary operations and of format: binary bodies; never JSON or */*", () => {
  const content = (mediaType: string, schema: Json = { type: "string" }) => ({ mediaType, schema, origin: at("/c") });
  const { doc } = emit(
    model({
      settings: { ...model({}).settings, binaryMediaTypes: ["image/png"] },
      operations: [
        operation("PUT", "/photo", "putPhoto", lambda("fn"), {
          options: { binary: true, usagePlans: [] },
          requestBody: { required: true, content: [content("image/jpeg"), content("application/json"), content("*/*")], origin: at("/b") },
        }),
        operation("GET", "/report", "getReport", lambda("fn"), {
          responses: [{ status: "200", description: "OK", content: [content("application/pdf", { type: "string", format: "binary" }), content("text/csv")], headers: [], origin: at("/r") }],
        }),
      ],
    }),
  );
  assert.equal(doc["x-amazon-apigateway-binary-media-types"], ["application/pdf", "image/jpeg", "image/png"]);
});

test("parameters keep a scalar type only: arrays, objects and 3.1 type lists with null become scalars", () => {
  const typed = (name: string, schema: Json): Parameter => ({ ...param(name, "query"), schema });
  const op = operation("GET", "/search", "search", lambda("fn"), {
    parameters: [typed("ids", { type: "array", items: { type: "integer" } }), typed("filter", { type: "object" }), typed("n", { type: ["null", "integer"] }), typed("s", { $ref: "#/components/schemas/S" })],
  });
  const { doc } = emit(model({ operations: [op] }));
  assert.equal(doc.paths["/search"].get.parameters.map((p: Json) => p.schema.type), ["string", "string", "integer", "string"]);
});

test("ANY on a greedy path: x-amazon-apigateway-any-method with the proxy variable declared and validated", () => {
  const { doc } = emit(model({ operations: [operation("ANY", "/files/{proxy+}", "files", lambda("fn"))] }));
  const any = doc.paths["/files/{proxy+}"]["x-amazon-apigateway-any-method"];
  assert.equal(any.parameters, [{ in: "path", name: "proxy", required: true, schema: { type: "string" } }]);
  assert.is(any["x-amazon-apigateway-request-validator"], "parameters");
  assert.is(any["x-amazon-apigateway-integration"].type, "aws_proxy");
  assert.equal(Object.keys(doc.paths["/files/{proxy+}"]), ["x-amazon-apigateway-any-method"], "no CORS, no preflight");
});

test.run();
