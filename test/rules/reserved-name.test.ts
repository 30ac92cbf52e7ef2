import { test } from "uvu";
import * as assert from "uvu/assert";
import { reservedName } from "../../compiler/validate/rules/reserved-name.js";
import { at, found, model, operation, parameter, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

test("__proto__, constructor and prototype as schema, operation and parameter names are warnings", () => {
  const m = model({
    schemas: [{ name: "__proto__", schema: {}, origin: at("/components/schemas/__proto__") }],
    operations: [operation({ id: "constructor", parameters: [parameter("/paths/~1pets/get", 0, "prototype", "query")] })],
  });
  const d = run(reservedName, m);
  assert.equal(d.map((x) => [x.severity, x.origin.pointer, x.part]), [
    ["warning", "/components/schemas/__proto__", "key"],
    ["warning", "/paths/~1pets/get/operationId", "value"],
    ["warning", "/paths/~1pets/get/parameters/0/name", "value"],
  ]);
  assert.is(d[0]?.message, "Schema __proto__ is a reserved JavaScript name; generated code uses __proto___.");
});

test("ordinary names, including ones that contain a reserved word, pass", () => {
  const m = model({
    schemas: [{ name: "Constructor", schema: {}, origin: at("/components/schemas/Constructor") }],
    operations: [operation({ id: "getPrototype", parameters: [parameter("/paths/~1pets/get", 0, "proto", "query")] })],
  });
  assert.equal(found(reservedName, m), []);
});

test("end to end: the schema key", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        get:
          operationId: "get\\u200BPets"
          x-gateway: { lambda: pets, public: true }
          responses: { "200": { description: ok } }
    components:
      schemas:
        "Pet\\u202E": { type: object }
        __proto__: { type: object }
  `;
  assert.equal(diagnose(spec, reservedName.codes), [{ code: "reserved-name", line: 15, column: 5 }]);
});

test.run();
