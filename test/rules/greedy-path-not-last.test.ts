import { test } from "uvu";
import * as assert from "uvu/assert";
import { greedyPathNotLast } from "../../compiler/validate/rules/greedy-path-not-last.js";
import { at, found, model, operation, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

test("a greedy variable before another segment is reported once per path, at the path key", () => {
  const m = model({ operations: [operation({ path: "/files/{key+}/meta" }), operation({ path: "/files/{key+}/meta", method: "PUT" })] });
  assert.equal(found(greedyPathNotLast, m), [{ code: "greedy-path-not-last", pointer: "/paths/~1files~1{key+}~1meta", part: "key" }]);
  assert.is(run(greedyPathNotLast, m)[0]?.message, "Greedy path variable {key+} must be the last segment of /files/{key+}/meta.");
});

test("a greedy variable as the last segment, or under proxyResources, passes", () => {
  assert.equal(found(greedyPathNotLast, model({ operations: [operation({ path: "/files/{key+}" }), operation({ path: "/{proxy+}" })] })), []);
  const proxied = model({ operations: [operation({ path: "/files/{key+}/meta" })], proxyResources: [{ prefix: "/files", origin: at("/p/0") }] });
  assert.equal(found(greedyPathNotLast, proxied), []);
});

test("end to end: the path key", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    paths:
      /files/{key+}/meta:
        get:
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, greedyPathNotLast.codes), [{ code: "greedy-path-not-last", line: 4, column: 3 }]);
});

test.run();
