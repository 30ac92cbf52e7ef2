/**
 * End to end: `build` of samples/pets/openapi.yaml, and of the same API written as OpenAPI 3.1, gives an import
 * document with request validators, request models, CORS preflights and headers, and gateway responses, and the
 * document stays OpenAPI 3.0.1.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import { build, nodeHost, type BuildResult } from "../../compiler/index.js";
import { fileOf } from "./helpers/harness.js";

type Json = Record<string, any>;

const SAMPLE = path.join("samples", "pets");
const scratch = path.join("test", ".out", "aws-openapi-pets");

function buildDoc(spec: string): { result: BuildResult; doc: Json } {
  const result = build(nodeHost, spec, { out: path.join(path.dirname(spec), "out"), emit: ["openapi"] });
  const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);
  assert.equal(errors, [], `${spec} has errors`);
  return { result, doc: JSON.parse(fileOf(result.files, "openapi.aws.json")) as Json };
}

/** The pets sample as OpenAPI 3.1: `type` lists with "null", `const`, `examples`, numeric `exclusiveMinimum`, `$defs`. */
function pets31(): string {
  const dir = path.join(scratch, "pets-3.1");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(SAMPLE, dir, { recursive: true, filter: (src) => !src.endsWith("openapi.yaml") });
  const doc = loadYaml(fs.readFileSync(path.join(SAMPLE, "openapi.yaml"), "utf8"), { schema: CORE_SCHEMA }) as Json;
  doc.openapi = "3.1.0";
  const schemas = doc.components.schemas as Json;
  schemas.PetPage.properties.next = { type: ["string", "null"], examples: ["abc"] };
  schemas.NewPet.$defs = { Microchip: { type: "string", pattern: "^[0-9]{15}$", examples: ["985112345678901"] } };
  schemas.NewPet.properties.microchip = { $ref: "#/components/schemas/NewPet/$defs/Microchip" };
  schemas.NewPet.properties.nickname = { type: ["string", "null"], maxLength: 40 };
  schemas.NewPet.properties.kind = { const: "pet" };
  schemas.FeeQuoteRequest.properties.household.properties.adults = { type: "integer", exclusiveMinimum: 0, maximum: 20 };
  const spec = path.join(dir, "openapi.json");
  fs.writeFileSync(spec, JSON.stringify(doc, null, 2));
  return spec;
}

const validatorOf = (method: Json): string | undefined => method["x-amazon-apigateway-request-validator"];
const pets = buildDoc(path.join(SAMPLE, "openapi.yaml"));

test("pets: the features are deployed, not reported as left out", () => {
  const { result } = pets;
  const notEmitted = result.diagnostics.filter((d) => d.code === "not-emitted").map((d) => d.message);
  for (const message of notEmitted) assert.not.match(message, /CORS|request validation/);
});

test("pets: validators on the methods that need them, request models for the JSON bodies", () => {
  const { doc } = pets;
  assert.is(doc.openapi, "3.0.1");
  assert.equal(doc["x-amazon-apigateway-request-validators"], {
    body: { validateRequestBody: true, validateRequestParameters: false },
    "body-and-parameters": { validateRequestBody: true, validateRequestParameters: true },
    parameters: { validateRequestBody: false, validateRequestParameters: true },
  });
  const paths = doc.paths as Json;
  assert.is(validatorOf(paths["/pets"].post), "body");
  assert.is(validatorOf(paths["/adoptions"].post), "body-and-parameters", "a required Idempotency-Key header");
  assert.is(validatorOf(paths["/pets/{petId}"].get), "parameters");
  assert.is(validatorOf(paths["/pets/{petId}/photo"].put), "parameters", "validate: { body: false } for the image upload");
  assert.is(paths["/pets/{petId}/photo"].put.requestBody, undefined);
  assert.is(validatorOf(paths["/status"].get), undefined);
  assert.equal(paths["/pets"].post.requestBody, { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/NewPet" } } } });
  assert.equal(Object.keys(doc.components.schemas).sort(), [
    "AdoptionApplication",
    "Applicant",
    "Category",
    "FeeQuoteRequest",
    "NewPet",
    "Sighting",
    "Species",
    "Tags",
  ]);
  assert.equal(doc.components.schemas.Category.properties.subcategories.items, { $ref: "#/components/schemas/Category" });
  assert.not.match(JSON.stringify(doc.components.schemas), /"description"/);
  assert.equal(paths["/pets"].get["x-amazon-apigateway-integration"].cacheKeyParameters, [
    "method.request.querystring.limit",
    "method.request.querystring.cursor",
    "method.request.querystring.species",
  ]);
});

test("pets: OPTIONS on every path, the allowed origins echoed, gateway responses without a reflected origin", () => {
  const { doc } = pets;
  for (const [p, item] of Object.entries(doc.paths as Json)) {
    const preflight = item.options;
    assert.ok(preflight, `${p} has a preflight`);
    assert.equal(preflight.security, [], p);
    const response = preflight["x-amazon-apigateway-integration"].responses.default;
    assert.is(response.statusCode, "204", p);
    assert.is(response.responseParameters["method.response.header.Access-Control-Allow-Credentials"], "'true'", p);
    assert.is(response.responseParameters["method.response.header.Vary"], "'Origin'", p);
    const template = response.responseTemplates["application/json"] as string;
    assert.ok(template.includes("'https://app.pets.example.com'") && template.includes("'https://admin.pets.example.com'"), p);
  }
  const allow = (p: string) => doc.paths[p].options["x-amazon-apigateway-integration"].responses.default.responseParameters["method.response.header.Access-Control-Allow-Methods"];
  assert.is(allow("/pets"), "'GET,POST,OPTIONS'");
  assert.is(allow("/pets/{petId}/photo"), "'GET,PUT,OPTIONS'");
  assert.is(
    doc.paths["/pets"].options["x-amazon-apigateway-integration"].responses.default.responseParameters["method.response.header.Access-Control-Allow-Headers"],
    "'Content-Type,Authorization,Idempotency-Key,X-Correlation-Id,x-api-key'",
  );
  const status = doc.paths["/status"].get["x-amazon-apigateway-integration"].responses.default;
  assert.is(status.responseParameters["method.response.header.Access-Control-Expose-Headers"], "'Location,X-Correlation-Id'");
  assert.match(status.responseTemplates["application/json"], /^#set\(\$corsOrigin = .*#\{end\}\{"status":"ok"\}$/);
  const gateway = doc["x-amazon-apigateway-gateway-responses"];
  assert.equal(Object.keys(gateway).sort(), ["DEFAULT_4XX", "DEFAULT_5XX", "UNAUTHORIZED"]);
  assert.not.match(JSON.stringify(gateway), /Access-Control|method\.request\.header\.Origin/);
});

test("pets as OpenAPI 3.1: the document is still 3.0.1, with the 3.1 schemas lowered to 3.0 forms", () => {
  const { result, doc } = buildDoc(pets31());
  assert.is(result.model?.openapiVersion, "3.1.0");
  assert.is(doc.openapi, "3.0.1");
  const schemas = doc.components.schemas as Json;
  const newPet = schemas.NewPet.properties;
  assert.equal(newPet.nickname, { anyOf: [{ type: "string", maxLength: 40 }, { $ref: "#/components/schemas/Null" }] });
  assert.equal(newPet.kind, { enum: ["pet"] });
  assert.equal(newPet.microchip, { $ref: "#/components/schemas/NewPetDefsMicrochip" });
  assert.equal(schemas.NewPetDefsMicrochip, { type: "string", pattern: "^[0-9]{15}$" });
  assert.equal(schemas.FeeQuoteRequest.properties.household.properties.adults, { type: "integer", minimum: 0, maximum: 20 });
  assert.ok(schemas.Null);
  const text = JSON.stringify(schemas);
  for (const keyword of ["examples", "const", "$defs", "nullable", '"null"']) assert.not.ok(text.includes(keyword), keyword);
  assert.not.match(text, /"type":\[/);
});

test.run();
