import { test } from "uvu";
import * as assert from "uvu/assert";
import { operationUnauthenticated } from "../../compiler/validate/rules/operation-unauthenticated.js";
import { found, model, operation, requirement, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const sec = (...alts: Record<string, string[]>[]) => alts.map((a, i) => requirement(`/security/${i}`, a));

test("no requirement, [] or an empty alternative is a warning at the method key", () => {
  const m = model({
    operations: [
      operation({ path: "/a", method: "POST" }),
      operation({ path: "/b", security: sec({}) }),
      operation({ path: "/c", security: sec({ keys: [] }, {}) }),
    ],
  });
  const d = run(operationUnauthenticated, m);
  assert.equal(d.map((x) => [x.severity, x.origin.pointer, x.part]), [
    ["warning", "/paths/~1a/post", "key"],
    ["warning", "/paths/~1b/get", "key"],
    ["warning", "/paths/~1c/get", "key"],
  ]);
  assert.is(d[0]?.message, "Operation posta has no security requirement; add one, or x-gateway.public: true if it is meant to be open.");
});

test("secured, public and OPTIONS operations pass", () => {
  const m = model({
    operations: [
      operation({ path: "/a", security: sec({ keys: [] }) }),
      operation({ path: "/b", public: true }),
      operation({ path: "/c", method: "OPTIONS" }),
    ],
  });
  assert.equal(found(operationUnauthenticated, m), []);
});

test("end to end: the method key of the open operation only", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        post:
          x-gateway: { lambda: pets }
          responses: { "200": { description: ok } }
        get:
          x-gateway: { lambda: pets, public: true }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, operationUnauthenticated.codes), [{ code: "operation-unauthenticated", line: 8, column: 5 }]);
});

test.run();
