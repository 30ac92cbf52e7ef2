/**
 * Request validation and request models of `openapi.aws.json`: which validators exist and which methods use them,
 * which request bodies and component schemas are written, and how schemas are lowered to what API Gateway's
 * importer and its JSON Schema draft 4 models accept.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DiagnosticCollector, type Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { awsOpenApiEmitter } from "../../compiler/emit/aws-openapi/index.js";
import { NULL_SCHEMA } from "../../compiler/emit/aws-openapi/schemas.js";
import { reportNotEmitted } from "../../compiler/emit/not-emitted.js";
import type { GatewayModel, NamedSchema, Operation, Parameter, Schema } from "../../compiler/model/types.js";
import { at, http, lambda, model, operation } from "./fixtures/build.js";
import { fileOf } from "./helpers/harness.js";

type Json = Record<string, any>;

/** The import document of `spec` and what emitting it reported. */
function emit(spec: GatewayModel): { doc: Json; diagnostics: readonly Diagnostic[] } {
  const report = new DiagnosticCollector();
  const files = awsOpenApiEmitter.emit(spec, { specDirFromPulumi: "..", report });
  return { doc: JSON.parse(fileOf(files, "openapi.aws.json")) as Json, diagnostics: report.diagnostics };
}

function param(name: string, where: Parameter["in"], required: boolean): Parameter {
  return { name, in: where, required, schema: { type: "string" }, deprecated: false, origin: at(`/p/${name}`) };
}

/** An operation with a request body of `schema` under each of `mediaTypes` (default `application/json`). */
function withBody(method: "POST" | "PUT", path: string, id: string, schema: Schema, extra: Partial<Operation> = {}, mediaTypes = ["application/json"]): Operation {
  const pointer = `/paths/x/${id}/requestBody`;
  return operation(method, path, id, lambda("fn"), {
    requestBody: {
      required: true,
      content: mediaTypes.map((mediaType) => ({ mediaType, schema, origin: at(`${pointer}/content/${mediaType}`) })),
      origin: at(pointer),
    },
    ...extra,
  });
}

function schemas(entries: Record<string, Schema>): NamedSchema[] {
  return Object.keys(entries)
    .sort()
    .map((name) => ({ name, schema: entries[name] as Schema, origin: at(`/components/schemas/${name}`) }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const BOTH = { validateRequestBody: true, validateRequestParameters: true };
const BODY = { validateRequestBody: true, validateRequestParameters: false };
const PARAMETERS = { validateRequestBody: false, validateRequestParameters: true };

test("validation is on by default: each method gets the validator it needs, the root lists only those used", () => {
  const { doc } = emit(
    model({
      schemas: schemas({ Pet: { type: "object", properties: { name: { type: "string" } } } }),
      operations: [
        operation("GET", "/", "root", lambda("fn")),
        operation("GET", "/pets", "listPets", lambda("fn"), { parameters: [param("limit", "query", false)] }),
        withBody("POST", "/pets", "createPet", ref("Pet"), { parameters: [param("Idempotency-Key", "header", true)] }),
        withBody("PUT", "/status", "putStatus", ref("Pet")),
        operation("GET", "/pets/{petId}", "getPet", lambda("fn")),
      ],
    }),
  );
  const v = "x-amazon-apigateway-request-validator";
  assert.is(doc.paths["/"].get[v], undefined, "nothing to validate");
  assert.is(doc.paths["/pets"].get[v], undefined, "optional parameters are not checked");
  assert.is(doc.paths["/pets"].post[v], "body-and-parameters");
  assert.is(doc.paths["/status"].put[v], "body");
  assert.is(doc.paths["/pets/{petId}"].get[v], "parameters", "a path variable is a required parameter");
  assert.equal(doc["x-amazon-apigateway-request-validators"], { body: BODY, "body-and-parameters": BOTH, parameters: PARAMETERS });
  assert.equal(doc.paths["/pets"].post.requestBody, { required: true, content: { "application/json": { schema: ref("Pet") } } });
  assert.equal(doc.paths["/pets"].post.parameters, [{ in: "header", name: "Idempotency-Key", required: true, schema: { type: "string" } }]);
});

test("x-gateway.validate: the root value is the default, an operation's own wins; no body validation, no request body", () => {
  const { doc } = emit(
    model({
      settings: { ...model({}).settings, validate: { body: false, parameters: true, origin: at("/x-gateway/validate") } },
      schemas: schemas({ Pet: { type: "object" } }),
      operations: [
        withBody("POST", "/a/{id}", "a", ref("Pet")),
        withBody("POST", "/b/{id}", "b", ref("Pet"), { options: { binary: false, usagePlans: [], validate: { body: true, parameters: false } } }),
        withBody("POST", "/c/{id}", "c", ref("Pet"), { options: { binary: false, usagePlans: [], validate: { body: false, parameters: false } } }),
      ],
    }),
  );
  const v = "x-amazon-apigateway-request-validator";
  assert.is(doc.paths["/a/{id}"].post[v], "parameters");
  assert.is(doc.paths["/a/{id}"].post.requestBody, undefined, "body validation is off: no model");
  assert.is(doc.paths["/b/{id}"].post[v], "body");
  assert.ok(doc.paths["/b/{id}"].post.requestBody);
  assert.is(doc.paths["/c/{id}"].post[v], undefined);
  assert.equal(Object.keys(doc.components.schemas), ["Pet"]);
  assert.equal(doc["x-amazon-apigateway-request-validators"], { body: BODY, parameters: PARAMETERS });
});

test("native extensions win: the spec's validators are reused or kept, its default and per-operation choices stand", () => {
  const { doc } = emit(
    model({
      schemas: schemas({ Pet: { type: "object" } }),
      nativeExtensions: {
        "x-amazon-apigateway-request-validator": "strict",
        "x-amazon-apigateway-request-validators": {
          strict: BOTH,
          parameters: BODY,
        },
      },
      operations: [
        withBody("POST", "/inherit", "inherit", ref("Pet")),
        withBody("POST", "/own/{id}", "own", ref("Pet"), { options: { binary: false, usagePlans: [], validate: { body: true, parameters: true } } }),
        operation("GET", "/params/{id}", "params", lambda("fn"), { options: { binary: false, usagePlans: [], validate: { body: true, parameters: true } } }),
        operation("GET", "/off/{id}", "off", lambda("fn"), { options: { binary: false, usagePlans: [], validate: { body: false, parameters: false } } }),
        withBody("POST", "/mine", "mine", ref("Pet"), { nativeExtensions: { "x-amazon-apigateway-request-validator": "strict" } }),
      ],
    }),
  );
  const v = "x-amazon-apigateway-request-validator";
  assert.is(doc.paths["/inherit"].post[v], undefined, "the native default validator applies");
  assert.ok(doc.paths["/inherit"].post.requestBody, "the default may validate bodies, so the model is written");
  assert.is(doc.paths["/own/{id}"].post[v], "strict", "a native validator with the same flags is reused");
  assert.is(doc.paths["/params/{id}"].get[v], "parameters-2", "the spec's `parameters` means something else");
  assert.is(doc.paths["/off/{id}"].get[v], "none", "off under a native default needs a validator that checks nothing");
  assert.is(doc.paths["/mine"].post[v], "strict");
  assert.equal(doc["x-amazon-apigateway-request-validators"], {
    none: { validateRequestBody: false, validateRequestParameters: false },
    parameters: BODY,
    "parameters-2": PARAMETERS,
    strict: BOTH,
  });
  assert.is(doc["x-amazon-apigateway-request-validator"], "strict");
});

test("components.schemas: only what request bodies reach, names made alphanumeric, $refs rewritten, recursion kept", () => {
  const { doc } = emit(
    model({
      schemas: schemas({
        "pet-page": { type: "object", properties: { items: { type: "array", items: ref("Pet") } } },
        petPage: { type: "object", properties: { page: ref("pet-page") } },
        Pet: { type: "object", properties: { name: { type: "string" }, children: { type: "array", items: ref("Pet") } } },
        Response: { type: "object" },
        "a.b": { type: "string" },
      }),
      operations: [
        withBody("POST", "/pages", "postPage", ref("petPage")),
        operation("GET", "/pets", "listPets", lambda("fn"), {
          responses: [{ status: "200", description: "OK", content: [{ mediaType: "application/json", schema: ref("Response"), origin: at("/r") }], headers: [], origin: at("/r") }],
        }),
      ],
    }),
  );
  const components = doc.components.schemas as Json;
  assert.equal(Object.keys(components).sort(), ["Pet", "petPage", "petPage2"]);
  assert.equal(components.petPage.properties.page, ref("petPage2"), "the renamed schema's $ref follows");
  assert.equal(components.petPage2.properties.items.items, ref("Pet"));
  assert.equal(components.Pet.properties.children.items, ref("Pet"), "a recursive schema stays a reference");
  assert.equal(doc.paths["/pages"].post.requestBody.content["application/json"].schema, ref("petPage"));
  assert.is(doc.paths["/pets"].get.responses["200"].content, undefined, "response schemas are not written");
});

test("request bodies: inline schemas become <operationId>Request, JSON media types only, binary bodies get no model", () => {
  const inline = { type: "object", properties: { a: { type: "integer" } }, required: ["a"] };
  const { doc } = emit(
    model({
      operations: [
        withBody("POST", "/inline", "create-thing", inline, {}, ["application/json; charset=utf-8", "application/merge-patch+json", "application/xml", "text/plain"]),
        withBody("PUT", "/upload", "upload", { type: "string", format: "binary" }, {}, ["application/json", "image/png"]),
        withBody("PUT", "/photo", "photo", inline, { options: { binary: true, usagePlans: [] } }),
      ],
    }),
  );
  const body = doc.paths["/inline"].post.requestBody;
  assert.equal(Object.keys(body.content), ["application/json", "application/merge-patch+json"], "parameters dropped, non-JSON left out");
  assert.equal(body.content["application/json"].schema, ref("createThingRequest"));
  assert.equal(doc.components.schemas.createThingRequest, inline);
  assert.is(doc.paths["/upload"].put.requestBody, undefined);
  assert.is(doc.paths["/photo"].put.requestBody, undefined);
  assert.is(doc.paths["/photo"].put["x-amazon-apigateway-request-validator"], undefined);
  assert.equal(doc["x-amazon-apigateway-binary-media-types"], ["image/png"], "a format: binary body's media type is binary");
});

/** Keywords a lowered schema may hold: OpenAPI 3.0 Schema Object keywords that JSON Schema draft 4 shares. */
const ALLOWED = new Set([
  "$ref", "type", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "maxLength", "minLength", "pattern",
  "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required", "properties",
  "additionalProperties", "items", "allOf", "anyOf", "oneOf", "not", "format",
]);

/** Every keyword of `schema` and its subschemas that {@link ALLOWED} does not list, as `path: keyword`. */
function disallowed(schema: unknown, path: string): string[] {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return [];
  const s = schema as Json;
  const found = Object.keys(s).filter((k) => !ALLOWED.has(k)).map((k) => `${path}: ${k}`);
  if (s.type !== undefined && typeof s.type !== "string") found.push(`${path}: type ${JSON.stringify(s.type)}`);
  for (const [name, sub] of Object.entries((s.properties ?? {}) as Json)) found.push(...disallowed(sub, `${path}/properties/${name}`));
  for (const key of ["items", "additionalProperties", "not"]) found.push(...disallowed(s[key], `${path}/${key}`));
  for (const key of ["allOf", "anyOf", "oneOf"]) (s[key] ?? []).forEach((sub: unknown, i: number) => found.push(...disallowed(sub, `${path}/${key}/${i}`)));
  return found;
}

test("schemas are lowered to OpenAPI 3.0 forms API Gateway models accept (3.1 input, annotations, unsupported keywords)", () => {
  const thing = {
    type: "object",
    description: "A thing",
    title: "Thing",
    example: { id: "1" },
    examples: [{ id: "1" }],
    discriminator: { propertyName: "kind" },
    xml: { name: "thing" },
    externalDocs: { url: "https://example.com" },
    deprecated: true,
    $comment: "internal",
    "x-internal": true,
    required: ["id", "name", "name"],
    additionalProperties: false,
    properties: {
      id: { type: "string", readOnly: true },
      name: { type: ["string", "null"], maxLength: 10, examples: ["a"] },
      nick: { type: "string", nullable: true, default: "x" },
      kind: { const: "thing" },
      count: { type: "integer", format: "int32", exclusiveMinimum: 0, exclusiveMaximum: 10, maximum: 20 },
      ratio: { type: "number", minimum: 0, exclusiveMinimum: true, format: "decimal" },
      email: { type: "string", format: "email", writeOnly: true },
      day: { type: "string", format: "date" },
      either: { type: ["string", "integer"] },
      nothing: { type: "null" },
      tuple: { type: "array", prefixItems: [{ type: "string" }], items: false },
      tag: { $ref: "#/components/schemas/Thing/$defs/Tag", description: "3.0 ignores this" },
      limited: { $ref: "#/components/schemas/Thing/$defs/Tag", maxLength: 3 },
      external: { $ref: "./other.yaml#/Thing" },
      free: true,
      never: false,
    },
    $defs: { Tag: { type: "string", pattern: "^[a-z]+$" } },
  };
  const { doc, diagnostics } = emit(model({ schemas: schemas({ Thing: thing }), operations: [withBody("POST", "/things", "createThing", ref("Thing"))] }));
  const components = doc.components.schemas as Json;
  const p = components.Thing.properties as Json;
  assert.equal(components.Thing.required, ["name"], "readOnly properties and duplicates leave required");
  assert.is(components.Thing.additionalProperties, false);
  assert.equal(p.id, { type: "string" });
  assert.equal(p.name, { anyOf: [{ maxLength: 10, type: "string" }, ref("Null")] });
  assert.equal(p.nick, { anyOf: [{ type: "string" }, ref("Null")] });
  assert.equal(components.Null, NULL_SCHEMA);
  assert.equal(p.kind, { enum: ["thing"] });
  assert.equal(p.count, { type: "integer", minimum: 0, maximum: 10, exclusiveMaximum: true });
  assert.equal(p.ratio, { type: "number", minimum: 0 }, "exclusiveMinimum is unsupported: the bound becomes inclusive");
  assert.equal(p.email, { type: "string", format: "email" });
  assert.equal(p.day, { type: "string" }, "formats draft 4 does not define are dropped");
  assert.equal(p.either, { anyOf: [{ type: "string" }, { type: "integer" }] });
  assert.equal(p.nothing, ref("Null"));
  assert.equal(p.tuple, { type: "array", maxItems: 0 });
  assert.equal(p.tag, ref("ThingDefsTag"), "a $ref into a component becomes a component of its own");
  assert.equal(p.limited, { allOf: [ref("ThingDefsTag")], maxLength: 3 });
  assert.equal(components.ThingDefsTag, { type: "string", pattern: "^[a-z]+$" });
  assert.equal(p.external, {}, "an unresolvable $ref accepts anything");
  assert.equal(p.free, {});
  assert.equal(p.never, { not: {} });
  assert.equal(Object.keys(components).sort(), ["Null", "Thing", "ThingDefsTag"]);
  for (const [name, schema] of Object.entries(components)) assert.equal(disallowed(schema, name), [], name);
  assert.equal(
    diagnostics.map((d) => [d.code, d.severity, d.origin.pointer]),
    [["request-schema-unresolved", "warning", "/components/schemas/Thing/properties/external/$ref"]],
  );
  assert.match(diagnostics[0]?.message ?? "", /\.\/other\.yaml#\/Thing/);
});

test("a name the spec already uses is not taken by a derived model name", () => {
  const { doc } = emit(
    model({
      schemas: schemas({ Null: { type: "string" }, createThingRequest: { type: "integer" }, "thing-body": { type: "object", properties: { n: { type: "string", nullable: true } } } }),
      operations: [withBody("POST", "/things", "createThing", { type: "object", properties: { b: ref("thing-body") } })],
    }),
  );
  assert.equal(Object.keys(doc.components.schemas).sort(), ["Null2", "createThingRequest2", "thingBody"]);
  assert.equal(doc.components.schemas.thingBody.properties.n.anyOf[1], ref("Null2"));
});

test("not-emitted: validation is deployed, except an operation's own under a proxy resource (the proxy's source decides)", () => {
  const off = { binary: false, usagePlans: [], validate: { body: false, parameters: false } };
  const spec = model({
    settings: { ...model({}).settings, validate: { body: true, parameters: false, origin: at("/x-gateway/validate") } },
    proxyResources: [{ prefix: "/repos", origin: at("/x-gateway/proxyResources/0") }],
    operations: [
      operation("GET", "/repos/{owner}", "getOwner", http("https://api.example.com/repos/{owner}")),
      operation("GET", "/repos/{owner}/{repo}", "getRepo", http("https://api.example.com/repos/{owner}/{repo}"), { options: off }),
      operation("GET", "/users/{user}", "getUser", lambda("fn"), { options: off }),
    ],
  });
  const report = new DiagnosticCollector();
  reportNotEmitted(spec, report);
  assert.equal(
    report.diagnostics.map((d) => [d.code, d.origin.pointer]),
    [["not-emitted", "/paths/~1repos~1{owner}~1{repo}/get/x-gateway/validate"]],
  );
  assert.match(report.diagnostics[0]?.message ?? "", /request validation of its own for an operation under a proxy resource/);
});

test.run();
