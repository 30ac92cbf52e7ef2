import { test } from "uvu";
import * as assert from "uvu/assert";
import { siblingPathVariables } from "../../compiler/validate/rules/sibling-path-variables.js";
import { at, found, model, operation, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const paths = (...ps: string[]) => ps.map((path) => operation({ path }));

test("different variable names under one parent: the name most paths use is the reference", () => {
  const m = model({ operations: paths("/u/{id}/a", "/u/{uid}/b", "/u/{uid}/c") });
  const d = run(siblingPathVariables, m);
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/paths/~1u~1{id}~1a", "key"]]);
  assert.equal(d[0]?.related, [at("/paths/~1u~1{uid}~1b")]);
  assert.is(
    d[0]?.message,
    "/u/{id}/a names its variable {id} where /u/{uid}/b names the same position {uid}; a REST API allows one variable name per parent resource. Rename {id} to {uid}, or serve the subtree through x-gateway.proxyResources: [/u].",
  );
});

test("on a tie, the name met first is the reference, and every other path item is reported", () => {
  const d = run(siblingPathVariables, model({ operations: paths("/u/{id}/a", "/u/{uid}/b") }));
  assert.equal(d.map((x) => x.origin.pointer), ["/paths/~1u~1{uid}~1b"]);
});

test("a greedy variable beside a plain one under the root conflicts too", () => {
  const d = run(siblingPathVariables, model({ operations: paths("/{id}", "/{proxy+}") }));
  assert.equal(d.map((x) => x.origin.pointer), ["/paths/~1{proxy+}"]);
  assert.match(d[0]?.message ?? "", /proxyResources: \[\/\]/);
});

test("the same name everywhere, HTTP APIs and paths under proxyResources pass", () => {
  assert.equal(found(siblingPathVariables, model({ operations: paths("/u/{id}/a", "/u/{id}/b", "/u/{id}") })), []);
  assert.equal(found(siblingPathVariables, model({ kind: "http", operations: paths("/u/{id}/a", "/u/{uid}/b") })), []);
  const proxied = model({ operations: paths("/u/{id}/a", "/u/{uid}/b"), proxyResources: [{ prefix: "/u", origin: at("/x-gateway/proxyResources/0") }] });
  assert.equal(found(siblingPathVariables, proxied), []);
});

test("end to end: the second path key", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    paths:
      /u/{id}/a:
        get:
          responses: { "200": { description: ok } }
      /u/{uid}/b:
        get:
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, siblingPathVariables.codes), [{ code: "sibling-path-variables", line: 7, column: 3 }]);
});

test.run();
