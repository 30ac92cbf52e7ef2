import { test } from "uvu";
import * as assert from "uvu/assert";
import { operationUnauthenticated } from "../../compiler/validate/rules/operation-unauthenticated.js";
import { found, model, operation, requirement, run } from "./helpers/model.js";

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

test.run();
