/**
 * The REST sample (samples/pets) switched to `x-gateway.api: http` with an overlay: one located diagnostic per
 * REST-only feature it uses (API keys, usage plans, caching, validation, gateway responses, VTL, mock and S3 or
 * DynamoDB integrations, Cognito and TOKEN authorizers, and the body shapes of its SQS and Step Functions maps), each
 * with its reason and what to do instead, compared with a golden file
 * (test/golden/diagnostics/pets-as-http.txt, rewritten with UPDATE_GOLDEN=1), and nothing is written.
 */
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, nodeHost } from "../../compiler/index.js";
import { assertGolden } from "../helpers/golden.js";

const result = build(nodeHost, "samples/pets/openapi.yaml", {
  out: "test/.out/pets-as-http",
  overlays: ["test/emit/fixtures/pets-as-http.overlay.yaml"],
});

/** Each diagnostic as `file:line:column severity code: message`. */
const lines = result.diagnostics.map((d) => {
  const at = result.locate(d);
  return `${at.file}:${at.line}:${at.column} ${d.severity} ${d.code}: ${d.message}`;
});

test("samples/pets as an HTTP API: the golden diagnostics", () => {
  assertGolden(path.join("test", "golden", "diagnostics", "pets-as-http.txt"), `${lines.join("\n")}\n`);
});

test("samples/pets as an HTTP API: errors only at REST-only features, at distinct places, and nothing is written", () => {
  assert.ok(result.errorCount > 0);
  assert.equal(result.files, []);
  assert.equal(result.diagnostics.filter((d) => d.severity !== "error"), []);
  const errors = result.diagnostics;
  assert.equal([...new Set(errors.map((d) => d.code))].sort(), ["api-kind-unsupported", "http-mapping-unsupported"]);
  const places = errors.map((d) => `${d.origin.file}#${d.origin.pointer}`);
  assert.equal(places.length, new Set(places).size, "one diagnostic per place");
  for (const d of errors) {
    // Each says what is unavailable, why or instead of what, and what to do.
    const shape = d.code === "api-kind-unsupported" ? /^Not available on HTTP APIs: .+\. \S/ : /^HTTP API parameter mapping cannot express .+: .+\. \S/;
    assert.match(d.message, shape, d.message);
  }
  const mappings = errors.filter((d) => d.code === "http-mapping-unsupported").map((d) => d.origin.pointer);
  assert.equal(mappings, [
    "/paths/~1pets~1{petId}~1sightings/post/x-gateway/sqs/request",
    "/paths/~1pets~1{petId}~1sightings/post/x-gateway/sqs/response/body",
    "/paths/~1adoptions/post/x-gateway/stepfunctions/request",
    "/paths/~1adoptions/post/x-gateway/stepfunctions/response/body",
    "/paths/~1adoption-fees~1quote/post/x-gateway/stepfunctions/response/errors/0/when",
  ]);
});

test.run();
