/**
 * checkStructure: the version gate, the OpenAPI schema, x-gateway and x-amazon-apigateway-* checks, and how ajv's
 * errors are reported (code, pointer, part, message).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import YAML from "yaml";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { checkStructure } from "../../compiler/parse/schema-check.js";

const info = { title: "Pets", version: "1.0.0" };
const ok = { "200": { description: "OK" } };

/** A 3.0 document with `GET /pets` carrying `gateway` as its x-gateway, plus `extra` at the root. */
function withOperation(gateway: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi: "3.0.3", info, paths: { "/pets": { get: { operationId: "listPets", responses: ok, "x-gateway": gateway } } }, ...extra };
}

function withRoot(gateway: unknown): Record<string, unknown> {
  return { openapi: "3.0.3", info, paths: {}, "x-gateway": gateway };
}

const check = (doc: unknown): Diagnostic[] => checkStructure(doc, "api.yaml");
const brief = (doc: unknown) => check(doc).map((d) => ({ code: d.code, pointer: d.origin.pointer, part: d.part }));

test("a misspelled x-gateway key is reported on the key, with a suggestion", () => {
  const [d, ...rest] = check(withOperation({ lamda: "pets" }));
  assert.equal(rest, []);
  assert.is(d?.code, "unknown-property");
  assert.is(d?.origin.pointer, "/paths/~1pets/get/x-gateway/lamda");
  assert.is(d?.origin.file, "api.yaml");
  assert.is(d?.part, "key");
  assert.is(d?.message, "Unknown property lamda in x-gateway of operation GET /pets. Did you mean 'lambda'?");
});

test("a wrong type is invalid-type on the value", () => {
  const d = check(withOperation({ lambda: "pets", timeout: "fast" }));
  assert.equal(brief(withOperation({ lambda: "pets", timeout: "fast" })), [
    { code: "invalid-type", pointer: "/paths/~1pets/get/x-gateway/timeout", part: "value" },
  ]);
  assert.is(d[0]?.message, "x-gateway.timeout of operation GET /pets must be an integer, not a string.");
});

test("a value outside an enum lists the allowed values", () => {
  const d = check(withRoot({ api: "soap" }));
  assert.equal(brief(withRoot({ api: "soap" })), [{ code: "invalid-value", pointer: "/x-gateway/api", part: "value" }]);
  assert.is(d[0]?.message, 'x-gateway.api: must be one of "rest", "http" (got "soap").');
});

test("a missing required property is reported at the object", () => {
  const d = check(withRoot({ domain: { name: "api.example.com" } }));
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part, x.message]), [
    ["missing-property", "/x-gateway/domain", "key", "x-gateway.domain requires property certificate."],
  ]);
});

test("a suggestion for a missing property's name replaces the missing-property diagnostic", () => {
  const d = check(withOperation({ stepfunctions: { stateMachine: { confg: "machine" } } }));
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part]), [
    ["unknown-property", "/paths/~1pets/get/x-gateway/stepfunctions/stateMachine/confg", "key"],
  ]);
  assert.match(d[0]?.message ?? "", /Did you mean 'config'\?$/);
});

test("quota limits are enforced at their bounds", () => {
  const cases: [unknown, string | undefined][] = [
    [{ lambda: "pets", timeout: 50 }, undefined],
    [{ lambda: "pets", timeout: 49 }, "/paths/~1pets/get/x-gateway/timeout"],
    [{ lambda: "pets", cache: { ttl: 3600 } }, undefined],
    [{ lambda: "pets", cache: { ttl: 3601 } }, "/paths/~1pets/get/x-gateway/cache/ttl"],
  ];
  for (const [gateway, pointer] of cases) {
    assert.equal(check(withOperation(gateway)).map((d) => d.origin.pointer), pointer ? [pointer] : [], JSON.stringify(gateway));
  }
  assert.equal(brief(withRoot({ cors: { origins: ["*"], maxAge: 86401 }, minimumCompressionSize: -1 })), [
    { code: "invalid-value", pointer: "/x-gateway/cors/maxAge", part: "value" },
    { code: "invalid-value", pointer: "/x-gateway/minimumCompressionSize", part: "value" },
  ]);
  assert.equal(brief(withRoot({ cors: { origins: ["*"], maxAge: -1 }, minimumCompressionSize: 10485760 })), []);
});

test("an invalid stage name is reported on the key, with the rule", () => {
  const d = check(withRoot({ stages: { "prod env": {}, $default: {}, dev_1: {} } }));
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part]), [["invalid-value", "/x-gateway/stages/prod env", "key"]]);
  assert.is(d[0]?.message, 'stage prod env: name "prod env" is not allowed: Stage names are 1–128 letters, digits, - or _ (or $default on HTTP APIs).');
});

test("security scheme and WebSocket x-gateway nodes are checked where they are", () => {
  const doc = {
    openapi: "3.0.3",
    info,
    paths: {},
    components: { securitySchemes: { partners: { type: "apiKey", in: "header", name: "Authorization", "x-gateway": { lambda: "auth", ttl: 3601 } } } },
    "x-gateway": { websocket: { routes: { sendMessage: { lambda: "chat", reply: "Ack" } } } },
  };
  const d = check(doc);
  assert.equal(d.map((x) => [x.code, x.origin.pointer]), [
    ["invalid-type", "/x-gateway/websocket/routes/sendMessage/reply"],
    ["invalid-value", "/components/securitySchemes/partners/x-gateway/ttl"],
  ]);
  assert.is(d[0]?.message, "reply of WebSocket route sendMessage must be an object, not a string.");
  assert.is(d[1]?.message, "x-gateway.ttl of security scheme partners: must be at most 3600 (got 3601).");
});

test("a short form of the wrong type gives one diagnostic", () => {
  const d = check(withOperation({ lambda: 5 }));
  assert.equal(d.map((x) => x.message), ["x-gateway.lambda of operation GET /pets must be a string or an object, not an integer."]);
});

test("the path item's x-gateway is checked, and its ANY method is named as such", () => {
  const doc = { openapi: "3.0.3", info, paths: { "/{proxy+}": { "x-gateway": { any: { htp: "https://b.example.com" } } } } };
  const d = check(doc);
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part]), [["unknown-property", "/paths/~1{proxy+}/x-gateway/any/htp", "key"]]);
  assert.is(d[0]?.message, "Unknown property htp in operation ANY /{proxy+}. Did you mean 'http'?");
});

test("x-amazon-apigateway-integration with a bad type", () => {
  const doc = withOperation(undefined, {
    paths: { "/pets": { get: { responses: ok, "x-amazon-apigateway-integration": { type: "lambda", uri: "arn:x" } } } },
  });
  const d = check(doc);
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part]), [
    ["invalid-value", "/paths/~1pets/get/x-amazon-apigateway-integration/type", "value"],
  ]);
  assert.match(d[0]?.message ?? "", /^x-amazon-apigateway-integration\.type of operation GET \/pets: must be one of "aws", "aws_proxy", "http", "http_proxy", "mock", /);
});

test("native extensions: upper-case integration types pass; unknown names and wrong places are unknown-property", () => {
  const doc = {
    openapi: "3.0.3",
    info,
    "x-amazon-apigateway-foo": true,
    "x-amazon-apigateway-binary-media-type": ["image/png"],
    "X-Amazon-Apigateway-Cors": {},
    paths: {
      "/pets": {
        get: { responses: ok, "x-amazon-apigateway-integration": { type: "AWS_PROXY", httpMethod: "POST", uri: "arn:x" }, "x-amazon-apigateway-cors": {} },
      },
    },
  };
  const d = check(doc);
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part]), [
    ["unknown-property", "/x-amazon-apigateway-foo", "key"],
    ["unknown-property", "/x-amazon-apigateway-binary-media-type", "key"],
    ["unknown-property", "/X-Amazon-Apigateway-Cors", "key"],
    ["unknown-property", "/paths/~1pets/get/x-amazon-apigateway-cors", "key"],
  ]);
  assert.equal(d.map((x) => x.message), [
    "Unknown property x-amazon-apigateway-foo in the document. API Gateway defines no such extension.",
    "Unknown property x-amazon-apigateway-binary-media-type in the document. Did you mean 'x-amazon-apigateway-binary-media-types'?",
    "Unknown property X-Amazon-Apigateway-Cors in the document. Did you mean 'x-amazon-apigateway-cors'?",
    "Unknown property x-amazon-apigateway-cors in operation GET /pets. API Gateway reads x-amazon-apigateway-cors only in the document root.",
  ]);
});

test("a misspelled x-gateway key is caught although OpenAPI accepts any x- key", () => {
  const doc = {
    openapi: "3.0.3",
    info,
    "x-gatway": { api: "http" },
    paths: { "/pets": { get: { responses: ok, "X-Gateway": { lambda: "pets" } } } },
    components: { securitySchemes: { k: { type: "apiKey", in: "header", name: "x-api-key", "x-gateways": {} } } },
  };
  const d = check(doc);
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part]), [
    ["unknown-property", "/x-gatway", "key"],
    ["unknown-property", "/paths/~1pets/get/X-Gateway", "key"],
    ["unknown-property", "/components/securitySchemes/k/x-gateways", "key"],
  ]);
  assert.is(d[1]?.message, "Unknown property X-Gateway in operation GET /pets. Did you mean 'x-gateway'?");
});

test("OpenAPI structural errors: paths: [], responses: \"ok\", operationId: 123, security: {}", () => {
  assert.equal(brief({ openapi: "3.0.3", info, paths: [] }), [{ code: "invalid-type", pointer: "/paths", part: "value" }]);
  const doc = { openapi: "3.0.3", info, security: {}, paths: { "/a": { get: { operationId: 123, responses: "ok" } } } };
  const d = check(doc);
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part]), [
    ["invalid-type", "/security", "value"],
    ["invalid-type", "/paths/~1a/get/operationId", "value"],
    ["invalid-type", "/paths/~1a/get/responses", "value"],
  ]);
  assert.equal(d.map((x) => x.message), [
    "security must be a list, not an object.",
    "operationId of operation GET /a must be a string, not an integer.",
    "responses of operation GET /a must be an object, not a string.",
  ]);
});

test("oneOf noise is reduced to the branch the author meant", () => {
  const doc = {
    openapi: "3.0.3",
    info,
    paths: {
      "/a": {
        get: {
          parameters: [{ name: "q", in: "body", schema: { type: "string" } }, { in: "query" }],
          responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object", nullable: "yes" } } } }, "404": {} },
        },
      },
    },
  };
  const d = check(doc);
  assert.equal(d.map((x) => [x.code, x.origin.pointer]), [
    ["invalid-value", "/paths/~1a/get/parameters/0/in"],
    ["missing-property", "/paths/~1a/get/parameters/1"],
    ["missing-property", "/paths/~1a/get/parameters/1"],
    ["invalid-type", "/paths/~1a/get/responses/200/content/application~1json/schema/nullable"],
    ["missing-property", "/paths/~1a/get/responses/404"],
  ]);
  assert.equal(d.map((x) => x.message), [
    'parameters[0].in of operation GET /a: must be one of "path", "query", "header", "cookie" (got "body").',
    "parameters[1] of operation GET /a requires property schema or content.",
    "parameters[1] of operation GET /a requires property name.",
    'responses.200.content["application/json"].schema.nullable of operation GET /a must be a boolean, not a string.',
    "responses.404 of operation GET /a requires property description.",
  ]);
});

test("a Reference Object is judged as a reference when it has $ref", () => {
  const doc = { openapi: "3.0.3", info, paths: { "/a": { get: { responses: { "200": { $ref: "#/components/responses/not a url" } } } } } };
  assert.equal(brief(doc), [{ code: "invalid-value", pointer: "/paths/~1a/get/responses/200/$ref", part: "value" }]);
  const refs = { openapi: "3.0.3", info, paths: { "/a": { $ref: "./paths.yaml#/a" }, "/b": { get: { responses: { "200": { $ref: "#/components/responses/Ok" } } } } } };
  assert.equal(check(refs), []);
});

test("OpenAPI 3.1: unknown fields get suggestions; one of paths, components or webhooks is required", () => {
  const doc = { openapi: "3.1.0", info, paths: { "/a": { gte: {}, get: { operationid: "x", responses: ok } } } };
  const d = check(doc);
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part, x.message]), [
    ["unknown-property", "/paths/~1a/get/operationid", "key", "Unknown property operationid in operation GET /a. Did you mean 'operationId'?"],
    ["unknown-property", "/paths/~1a/gte", "key", "Unknown property gte in path /a. Did you mean 'get'?"],
  ]);
  assert.equal(check({ openapi: "3.1.0", info }).map((x) => x.message), ["the document requires property paths or components or webhooks."]);
});

test("a valid OpenAPI 3.1 document with type: [string, \"null\"] passes", () => {
  const doc = YAML.parse(`
openapi: 3.1.0
info: { title: Pets, version: 1.0.0, license: { name: MIT, identifier: MIT } }
jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base
paths:
  /pets/{id}:
    $ref: '#/components/pathItems/Pet'
  /pets:
    get:
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
components:
  pathItems:
    Pet: { get: { responses: { '200': { description: OK } } } }
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: { type: integer, format: int64 }
        name: { type: [string, "null"], examples: [Rex] }
        tag: { $ref: '#/components/schemas/Tag', description: siblings are fine in 3.1 }
    Tag: { const: dog }
webhooks:
  newPet: { post: { requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }, responses: { '200': { description: OK } } } }
`);
  assert.equal(check(doc), []);
});

test("a sample-like document with a full root x-gateway and native extensions passes", () => {
  const text = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "full-gateway.yaml"), "utf8");
  assert.equal(check(YAML.parse(text)), []);
});

test("the version gate: not an object, Swagger 2.0, unsupported and unquoted versions", () => {
  const gate = (doc: unknown) => check(doc).map((d) => [d.code, d.origin.pointer, d.message]);
  assert.equal(gate(42), [["not-openapi", "", "This is not an OpenAPI 3.x document: the document is a number (42); expected an object with openapi, info and paths."]]);
  assert.equal(gate([]), [["not-openapi", "", "This is not an OpenAPI 3.x document: the document is a list; expected an object with openapi, info and paths."]]);
  assert.equal(gate(null), [["not-openapi", "", "This is not an OpenAPI 3.x document: the document is empty (null); expected an object with openapi, info and paths."]]);
  assert.equal(gate({ swagger: "2.0", info, paths: {} }), [
    ["not-openapi", "/swagger", 'This is not an OpenAPI 3.x document: it is a Swagger (OpenAPI 2.0) document (swagger: "2.0"); convert it to OpenAPI 3.x first.'],
  ]);
  assert.equal(gate({ info, paths: {} }), [["not-openapi", "", "This is not an OpenAPI 3.x document: it has no openapi field (such as openapi: 3.0.3)."]]);
  assert.equal(gate(YAML.parse("openapi: 2.0\ninfo: { title: x, version: '1' }\npaths: {}\n")), [
    ["unsupported-openapi-version", "/openapi", "OpenAPI version 2.0 is not supported; Portico reads OpenAPI 3.0.x and 3.1.x."],
  ]);
  assert.equal(gate({ openapi: "4.0.0", info, paths: { bad: 1 } }), [
    ["unsupported-openapi-version", "/openapi", "OpenAPI version 4.0.0 is not supported; Portico reads OpenAPI 3.0.x and 3.1.x."],
  ]);
  assert.equal(gate(YAML.parse("openapi: 3.0\ninfo: { title: x, version: '1' }\npaths: {}\n")).map((x) => x.slice(0, 2)), [["invalid-type", "/openapi"]]);
  assert.equal(check({ openapi: "3.0.4", info, paths: {} }), []);
  assert.equal(check({ openapi: "3.1.1", info, paths: {} }), []);
});

test("keys named like Object.prototype members are data, never prototypes", () => {
  const doc = JSON.parse('{"openapi":"3.0.3","info":{"title":"x","version":"1"},"paths":{},"x-gateway":{"__proto__":{"api":"http"},"constructor":1}}');
  assert.equal(brief(doc), [
    { code: "unknown-property", pointer: "/x-gateway/__proto__", part: "key" },
    { code: "unknown-property", pointer: "/x-gateway/constructor", part: "key" },
  ]);
  assert.is(({} as Record<string, unknown>)["api"], undefined);
});

test("the output is the same, in the same order, every time", () => {
  const doc = withOperation({ lamda: 1, timeout: 1, cache: { ttl: -5, keyz: [] } }, { security: {}, "x-gateway": { api: 1, stages: { "a b": {} } } });
  const first = check(doc);
  assert.ok(first.length >= 6);
  assert.equal(check(structuredClone(doc)), first);
});

test.run();
