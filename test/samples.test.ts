/**
 * Every sample, and every overlay applied to the published spec it is for, checks clean: no errors and no
 * warnings. (Building them is tested with the Pulumi emitter, in test/emit/pulumi.test.ts.)
 */
import * as fs from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost } from "../compiler/index.js";

const samples = fs
  .readdirSync("samples", { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(`samples/${e.name}/openapi.yaml`))
  .map((e) => ({ spec: `samples/${e.name}/openapi.yaml`, overlays: [] as string[] }));
const overlays = fs.existsSync("../shared/specs")
  ? [
      { spec: "../shared/specs/petstore.yaml", overlays: ["samples/overlays/petstore.overlay.yaml"] },
      { spec: "../shared/specs/github-api.3.0.json", overlays: ["samples/overlays/github.overlay.yaml"] },
    ]
  : [];

test("there are samples for REST, HTTP and WebSocket APIs", () => {
  const kinds = samples.map(({ spec }) => check(nodeHost, spec).model).map((m) => (m?.websocket ? "websocket" : m?.kind));
  for (const kind of ["rest", "http", "websocket"]) assert.ok(kinds.includes(kind as never), `no ${kind} sample`);
});

for (const { spec, overlays: applied } of [...samples, ...overlays]) {
  test(`${spec}${applied.length ? ` + ${applied.join(", ")}` : ""} checks clean`, () => {
    const result = check(nodeHost, spec, { overlays: applied });
    const shown = result.diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
    assert.equal(shown, []);
    assert.ok(result.model && result.model.operations.length > 0);
  });
}

test.run();
