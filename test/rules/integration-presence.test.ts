import { test } from "uvu";
import * as assert from "uvu/assert";
import { integrationPresence } from "../../compiler/validate/rules/integration-presence.js";
import { at, found, model, operation, route, run } from "./helpers/model.js";

test("an operation without integration is reported at its x-gateway key", () => {
  const m = model({ operations: [operation({ integration: undefined, integrationKeys: [] })] });
  const d = run(integrationPresence, m);
  assert.equal(d.map((x) => [x.code, x.origin.pointer, x.part]), [["integration-missing", "/paths/~1pets/get/x-gateway", "key"]]);
  assert.is(d[0]?.message, "Operation getpets has no integration: add one to its x-gateway (lambda, http, mock, …) or set x-gateway.defaults.integration.");
});

test("several integration keys are reported at the second, the others related", () => {
  const m = model({ operations: [operation({ integrationKeys: ["lambda", "http", "mock"] })] });
  const d = run(integrationPresence, m);
  assert.equal(d.map((x) => [x.code, x.origin.pointer]), [["integration-multiple", "/paths/~1pets/get/x-gateway/http"]]);
  assert.equal(d[0]?.related?.map((o) => o.pointer), ["/paths/~1pets/get/x-gateway/lambda", "/paths/~1pets/get/x-gateway/mock"]);
  assert.match(d[0]?.message ?? "", /\(lambda, http, mock\); keep exactly one/);
});

test("WebSocket routes need one too, except $connect", () => {
  const m = model({
    websocket: {
      name: "chat",
      routeSelection: "$request.body.action",
      routes: [route("$connect", { integration: undefined, integrationKeys: [] }), route("send", { integration: undefined, integrationKeys: [] })],
      serverMessages: [],
      origin: at("/x-gateway/websocket"),
    },
  });
  const d = run(integrationPresence, m);
  assert.equal(d.map((x) => x.origin.pointer), ["/x-gateway/websocket/routes/send"]);
  assert.match(d[0]?.message ?? "", /^WebSocket route send has no integration/);
});

test("one integration, and operations under proxyResources without one, pass", () => {
  const m = model({
    proxyResources: [{ prefix: "/legacy", origin: at("/x-gateway/proxyResources/0") }],
    operations: [operation(), operation({ path: "/legacy/a", integration: undefined, integrationKeys: [] })],
  });
  assert.equal(found(integrationPresence, m), []);
});

test.run();
