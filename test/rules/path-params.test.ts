import { test } from "uvu";
import * as assert from "uvu/assert";
import { pathParams } from "../../compiler/validate/rules/path-params.js";
import { found, model, operation, operationPointer, parameter } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const p = operationPointer("GET", "/pets/{id}");

test("a template variable without a path parameter is reported at the method key", () => {
  const m = model({ operations: [operation({ path: "/pets/{id}" })] });
  assert.equal(found(pathParams, m), [{ code: "path-param-undeclared", pointer: p, part: "key" }]);
});

test("a path parameter missing from the template is reported at its name", () => {
  const m = model({ operations: [operation({ path: "/pets", parameters: [parameter(operationPointer("GET", "/pets"), 0, "id")] })] });
  assert.equal(found(pathParams, m), [{ code: "path-param-unused", pointer: "/paths/~1pets/get/parameters/0/name", part: "value" }]);
});

test("a shared path-item parameter that is unused is reported once", () => {
  const shared = parameter("/paths/~1pets", 0, "id");
  const m = model({
    operations: [operation({ path: "/pets", parameters: [shared] }), operation({ path: "/pets", method: "POST", parameters: [shared] })],
  });
  assert.equal(found(pathParams, m).length, 1);
});

test("a greedy {proxy+} is declared by a parameter named proxy; query parameters do not count", () => {
  const path = "/files/{proxy+}";
  const op = operationPointer("GET", path);
  const ok = model({ operations: [operation({ path, parameters: [parameter(op, 0, "proxy")] })] });
  assert.equal(found(pathParams, ok), []);
  const wrong = model({ operations: [operation({ path, parameters: [parameter(op, 0, "proxy", "query")] })] });
  assert.equal(found(pathParams, wrong).map((f) => f.code), ["path-param-undeclared"]);
});

test("declared and used parameters pass", () => {
  const m = model({ operations: [operation({ path: "/pets/{id}", parameters: [parameter(p, 0, "id"), parameter(p, 1, "q", "query")] })] });
  assert.equal(found(pathParams, m), []);
});

test("end to end: the method key and the unused parameter's name", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    paths:
      /pets/{id}:
        get:
          parameters:
            - { name: petId, in: path, required: true, schema: { type: string } }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, pathParams.codes), [
    { code: "path-param-undeclared", line: 5, column: 5 },
    { code: "path-param-unused", line: 7, column: 19 },
  ]);
});

test.run();
