import { test } from "uvu";
import * as assert from "uvu/assert";
import { greedyPathNotLast } from "../../compiler/validate/rules/greedy-path-not-last.js";
import { found, model, operation, run } from "./helpers/model.js";

test("a greedy variable before another segment is reported once per path, at the path key", () => {
  const m = model({ operations: [operation({ path: "/files/{key+}/meta" }), operation({ path: "/files/{key+}/meta", method: "PUT" })] });
  assert.equal(found(greedyPathNotLast, m), [{ code: "greedy-path-not-last", pointer: "/paths/~1files~1{key+}~1meta", part: "key" }]);
  assert.is(run(greedyPathNotLast, m)[0]?.message, "Greedy path variable {key+} must be the last segment of /files/{key+}/meta.");
});

test("a greedy variable as the last segment passes", () => {
  assert.equal(found(greedyPathNotLast, model({ operations: [operation({ path: "/files/{key+}" }), operation({ path: "/{proxy+}" })] })), []);
});

test.run();
