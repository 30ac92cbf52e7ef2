import { test } from "uvu";
import * as assert from "uvu/assert";
import { duplicateOperationId } from "../../compiler/validate/rules/duplicate-operation-id.js";
import { found, model, operation, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const ops = (...specs: [string, string, boolean?][]) =>
  model({ operations: specs.map(([id, path, derived]) => operation({ id, path, idDerived: derived ?? false })) });

test("exact duplicates are reported on the later operation, with the first as related", () => {
  const d = run(duplicateOperationId, ops(["getUser", "/a"], ["getUser", "/b"]));
  assert.equal(d.map((x) => x.origin.pointer), ["/paths/~1b/get/operationId"]);
  assert.equal(d[0]?.related, [{ file: "api.yaml", pointer: "/paths/~1a/get/operationId" }]);
  assert.is(d[0]?.message, "Operation id getUser is used more than once (also at GET /a).");
});

test("ids that become the same identifier are duplicates: get-user, get.user, getUser", () => {
  const d = run(duplicateOperationId, ops(["get-user", "/a"], ["get.user", "/b"], ["getUser", "/c"]));
  assert.equal(d.map((x) => x.origin.pointer), ["/paths/~1b/get/operationId", "/paths/~1c/get/operationId"]);
  assert.match(d[0]?.message ?? "", /get\.user becomes the identifier getUser, as get-user does/);
});

test("an underscore is part of an identifier, so get_user and getUser do not clash", () => {
  assert.equal(found(duplicateOperationId, ops(["get_user", "/a"], ["getUser", "/b"])), []);
});

test("ids that differ only in case collide on case-insensitive file systems", () => {
  const d = run(duplicateOperationId, ops(["getUser", "/a"], ["GetUser", "/b"], ["getURL", "/c"], ["get-url", "/d"]));
  assert.equal(d.map((x) => x.origin.pointer), ["/paths/~1b/get/operationId", "/paths/~1d/get/operationId"]);
  assert.match(d[0]?.message ?? "", /GetUser differs from getUser only in letter case/);
  assert.match(d[1]?.message ?? "", /differs from getURL only in letter case/);
});

test("a derived id that clashes with a written one is reported on the derived operation's method key", () => {
  const d = run(duplicateOperationId, ops(["getPets", "/pets", true], ["getPets", "/zoo"]));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/paths/~1pets/get", "key"]]);
  assert.match(d[0]?.message ?? "", /getPets \(derived from GET \/pets; add an operationId\) is used more than once/);
});

test("distinct ids pass", () => {
  assert.equal(found(duplicateOperationId, ops(["getUser", "/a"], ["getUsers", "/b"], ["listUsers", "/c"])), []);
});

test("end to end: the later id is underlined", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    paths:
      /a:
        get:
          operationId: get-user
          responses: { "200": { description: ok } }
      /b:
        get:
          operationId: getUser
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, ["duplicate-operation-id"]), [{ code: "duplicate-operation-id", line: 10, column: 20 }]);
});

test.run();
