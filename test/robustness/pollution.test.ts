/**
 * Prototype pollution: specs, overlays and references full of `__proto__`, `constructor` and `prototype` keys
 * (YAML, JSON, merge keys, overlay updates and targets, `$ref` pointers) leave every built-in prototype as it was,
 * and the names stay data: a function or schema called `__proto__` is in the model like any other.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, createMemoryHost } from "../../compiler/index.js";

/** Own property names and descriptors of the prototypes a pollution would change. */
function snapshot(): string {
  const protos = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
  return JSON.stringify(
    Object.entries(protos).map(([name, proto]) => [name, Object.getOwnPropertyNames(proto).sort(), Object.getOwnPropertySymbols(proto).length]),
  );
}

const before = snapshot();

/** Asserts that nothing reads as polluted on a fresh object or array. */
function assertClean(): void {
  const probe: Record<string, unknown> = {};
  for (const key of ["polluted", "isAdmin", "x-gateway", "openapi"]) {
    assert.is(probe[key], undefined, `({}).${key}`);
    assert.is((([] as unknown) as Record<string, unknown>)[key], undefined, `[].${key}`);
  }
  assert.is(Object.getPrototypeOf({}), Object.prototype);
  assert.is(snapshot(), before);
}

const SPEC_YAML = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
x-evil: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }
x-gateway:
  functions:
    __proto__: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    constructor: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
  usagePlans: { __proto__: { quota: { limit: 10, period: DAY } } }
  stages: { __proto__: { variables: { __proto__: polluted } } }
  tags: { __proto__: polluted }
components:
  securitySchemes:
    __proto__: { type: apiKey, in: header, name: x-api-key }
  schemas:
    __proto__: { type: object, properties: { __proto__: { type: string }, constructor: { type: string } } }
    prototype: { type: object }
paths:
  /pets/{__proto__}:
    get:
      operationId: __proto__
      parameters: [{ name: __proto__, in: path, required: true, schema: { type: string } }]
      security: [{ __proto__: [] }]
      x-gateway: { lambda: __proto__, usagePlans: [__proto__] }
      responses: { "200": { description: ok, headers: { __proto__: { schema: { type: string } } } } }
`;

/** A YAML merge key that would copy a `__proto__` key into a schema. */
const MERGE_YAML = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
x-anchors:
  evil: &evil { __proto__: { isAdmin: true }, polluted: true }
paths: {}
components:
  schemas:
    Pet: { <<: *evil, type: object }
`;

/** JSON with own `__proto__` and `constructor` keys, and `$ref`s through them. */
const JSON_OWN_KEYS = `{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1.0.0"},
 "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},
 "paths": {"__proto__": {"polluted": true}},
 "components": {"schemas": {"Pet": {"$ref": "#/__proto__/polluted"}, "Other": {"$ref": "#/constructor/prototype/polluted"}}}}`;

/** The same `$ref`s in a document without those keys, plus names every object inherits. */
const JSON_INHERITED = `{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1.0.0"}, "paths": {},
 "components": {"schemas": {"A": {"$ref": "#/__proto__/polluted"}, "B": {"$ref": "#/constructor/prototype"},
   "C": {"$ref": "#/toString"}, "D": {"$ref": "#/info/hasOwnProperty"}}}}`;

const OVERLAY = `overlay: 1.0.0
info: { title: Evil, version: 1.0.0 }
actions:
  - target: $
    update: { __proto__: { polluted: true }, constructor: { prototype: { isAdmin: true } } }
  - target: $.paths
    update: { __proto__: { get: { responses: { "200": { description: ok } } } } }
  - target: $.__proto__
    update: { polluted: true }
  - target: "$['constructor']['prototype']"
    update: { polluted: true }
`;

/** {@link OVERLAY} plus an action that removes every `__proto__` key again. */
const OVERLAY_REMOVING = `${OVERLAY}  - target: $..__proto__
    remove: true
`;

test("a YAML spec with __proto__ names everywhere pollutes nothing and keeps the names as data", () => {
  const result = check(createMemoryHost({ "api.yaml": SPEC_YAML }), "api.yaml");
  assertClean();
  assert.equal([...new Set(result.diagnostics.map((d) => `${d.severity} ${d.code}`))], ["warning reserved-name"]);
  const model = result.model;
  assert.ok(model, "the spec reaches the model");
  assert.equal(model.functions.map((f) => f.name), ["__proto__", "constructor"]);
  assert.ok(model.schemas.some((s) => s.name === "__proto__"));
  assert.equal(model.operations.map((op) => [op.id, op.parameters.map((p) => p.name)]), [["__proto__", ["__proto__"]]]);
});

test("a YAML merge key is reported, never expanded, and pollutes nothing", () => {
  const result = check(createMemoryHost({ "api.yaml": MERGE_YAML }), "api.yaml");
  assertClean();
  assert.equal(result.diagnostics.map((d) => `${d.code} ${d.origin.pointer}`), ["merge-key /components/schemas/Pet/<<"]);
});

test("own __proto__ and constructor keys in JSON are data: references through them resolve, the keys are unknown properties", () => {
  const result = check(createMemoryHost({ "api.json": JSON_OWN_KEYS }), "api.json");
  assertClean();
  assert.equal(result.diagnostics.map((d) => `${d.code} ${d.origin.pointer}`), [
    "unknown-property /__proto__",
    "unknown-property /constructor",
    "unknown-property /paths/__proto__",
  ]);
});

test("references to inherited names (__proto__, constructor, toString, hasOwnProperty) do not resolve", () => {
  const result = check(createMemoryHost({ "api.json": JSON_INHERITED }), "api.json");
  assertClean();
  assert.equal(result.diagnostics.map((d) => `${d.code} ${d.origin.pointer}`), [
    "ref-not-found /components/schemas/A/$ref",
    "ref-not-found /components/schemas/B/$ref",
    "ref-not-found /components/schemas/C/$ref",
    "ref-not-found /components/schemas/D/$ref",
  ]);
});

test("an overlay that updates and targets __proto__ and constructor pollutes nothing; its keys are data", () => {
  const base = "openapi: 3.0.3\ninfo: { title: P, version: '1' }\npaths: {}\n";
  const run = (overlay: string) => {
    const result = check(createMemoryHost({ "api.yaml": base, "evil.yaml": overlay }), "api.yaml", { overlays: ["evil.yaml"] });
    assertClean();
    return result.diagnostics.map((d) => {
      const at = result.locate(d);
      return `${at.file}:${at.line}:${at.column} ${d.code} ${d.origin.pointer}`;
    });
  };
  assert.equal(run(OVERLAY), [
    "evil.yaml:5:15 unknown-property /__proto__",
    "evil.yaml:5:46 unknown-property /constructor",
    "evil.yaml:7:15 unknown-property /paths/__proto__",
  ]);
  assert.equal(run(OVERLAY_REMOVING), ["evil.yaml:5:46 unknown-property /constructor"]);
});

test.run();
