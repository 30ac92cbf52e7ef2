/**
 * The generated validators (schemas/validators/*.cjs): up to date with the schemas and the generator, and reporting
 * exactly the errors ajv gives when it compiles the same schemas at run time, with schema nodes that are the
 * modules' own `roots` objects (ajv-branches.ts and schema-index.ts find them by identity).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  createAjv,
  extensionExports,
  extensionSchemas,
  generateValidators,
  openApi30Schema,
  openApi31Schema,
  VALIDATORS_DIR,
} from "../../scripts/generate-validators.js";
import { loadGenerated } from "../../compiler/parse/openapi-validators.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const info = { title: "Pets", version: "1.0.0" };

test("the committed validators are what scripts/generate-validators.ts writes (npm run generate:validators)", () => {
  for (const [name, text] of Object.entries(generateValidators())) {
    const committed = fs.readFileSync(path.join(root, VALIDATORS_DIR, name), "utf8");
    assert.ok(committed === text, `${VALIDATORS_DIR}/${name} is stale: run npm run generate:validators`);
  }
});

/** Every object and array of `node`. */
function nodesOf(node: unknown, into = new Set<unknown>()): Set<unknown> {
  if (node !== null && typeof node === "object" && !into.has(node)) {
    into.add(node);
    for (const value of Object.values(node)) nodesOf(value, into);
  }
  return into;
}

/** The errors of `validate` on `data`, with the schema nodes and data compared by value. */
function errorsOf(validate: ValidateFunction, data: unknown): unknown[] {
  validate(data);
  return (validate.errors ?? []).map(({ schema, parentSchema, data: at, ...rest }: ErrorObject) => ({
    ...rest,
    schema: JSON.stringify(schema),
    parentSchema: JSON.stringify(parentSchema),
    data: JSON.stringify(at),
  }));
}

/** Asserts that `generated` and `compiled` report the same errors on `data`, and that they are not none. */
function assertSame(generated: ValidateFunction, compiled: ValidateFunction, data: unknown, nodes: Set<unknown>, label: string): void {
  const expected = errorsOf(compiled, data);
  assert.ok(expected.length > 0, `${label}: the case has errors`);
  assert.equal(errorsOf(generated, data), expected, label);
  for (const e of generated.errors ?? []) {
    if (e.parentSchema !== undefined) assert.ok(nodes.has(e.parentSchema), `${label}: parentSchema of ${e.schemaPath} is a node of roots`);
    if (e.schema !== null && typeof e.schema === "object") assert.ok(nodes.has(e.schema), `${label}: schema of ${e.schemaPath} is a node of roots`);
  }
}

const badOperation = {
  operationId: 7,
  summmary: "typo",
  parameters: [{ name: "id", in: "body" }, { $ref: 3 }],
  responses: { "200": { content: { "application/json": { schema: { type: "strin", properties: [] } } } }, nope: {} },
};

test("the OpenAPI 3.0 validator reports what ajv compiling the schema reports", () => {
  const generated = loadGenerated("openapi-3.0");
  const compiled = createAjv("3.0", []).compile(openApi30Schema());
  const doc = {
    openapi: "3.0.3",
    info: { ...info, contact: { email: "not an email", url: "a b" } },
    servers: [{ url: 5 }],
    paths: { "/pets": { get: badOperation, "x-ok": true }, pets: {} },
    components: { schemas: { Pet: { type: "object", pattern: "(", required: "name", oneOf: [{ $ref: "#/x" }, 1] } } },
  };
  assertSame(generated["default"] as ValidateFunction, compiled, doc, nodesOf(generated.roots), "3.0");
});

test("the OpenAPI 3.1 validator reports what ajv compiling the schema reports", () => {
  const generated = loadGenerated("openapi-3.1");
  const compiled = createAjv("3.1", []).compile(openApi31Schema());
  const doc = {
    openapi: "3.1.0",
    info: { ...info, license: { identifier: 1 } },
    jsonSchemaDialect: 2,
    paths: { "/pets": { get: badOperation, $ref: 4 } },
    webhooks: { ping: { post: { responses: { default: {} } } } },
    components: { schemas: { Pet: { type: ["object", 3], properties: { a: { $dynamicRef: 1 } } } } },
  };
  assertSame(generated["default"] as ValidateFunction, compiled, doc, nodesOf(generated.roots), "3.1");
});

test("the x-gateway and native extension validators report what ajv compiling the schemas reports", () => {
  const generated = loadGenerated("extensions");
  const { gateway, native } = extensionSchemas();
  const ajv = createAjv("extensions", [gateway, native]);
  const nodes = nodesOf(generated.roots);
  const cases: Record<string, unknown> = {
    "gateway/Root": { api: { type: "rest", name: 3 }, unknown: true },
    "gateway/PathItem": { lamda: "x" },
    "gateway/Operation": { lambda: 5, timeout: "fast", auth: { type: "nope" } },
    "gateway/SecurityScheme": { authorizer: [] },
    "native/x-amazon-apigateway-integration": { type: "HTTP", httpMethod: 1, uri: [], passthroughBehavior: "sometimes" },
    "native/x-amazon-apigateway-cors": { allowOrigins: "*", maxAge: -1 },
    "native/x-amazon-apigateway-gateway-responses": { NOPE: { statusCode: true } },
  };
  for (const [name, data] of Object.entries(cases)) {
    const compiled = ajv.getSchema(extensionExports(native)[name] as string);
    assert.ok(compiled, name);
    assertSame(generated[name] as ValidateFunction, compiled, data, nodes, name);
  }
  assert.equal(
    Object.keys(generated).filter((name) => name !== "roots").sort(),
    Object.keys(extensionExports(native)).sort(),
  );
});

test.run();
