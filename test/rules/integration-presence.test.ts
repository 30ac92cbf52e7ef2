import { test } from "uvu";
import * as assert from "uvu/assert";
import { integrationPresence } from "../../compiler/validate/rules/integration-presence.js";
import { at, found, model, operation, route, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

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

test("end to end: the method key, the x-gateway key, the second integration key", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /a:
        get:
          responses: { "200": { description: ok } }
      /b:
        get:
          x-gateway: { public: true }
          responses: { "200": { description: ok } }
      /c:
        get:
          x-gateway: { lambda: pets, http: https://backend.example.com/c, public: true }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, integrationPresence.codes), [
    { code: "integration-missing", line: 8, column: 5 },
    { code: "integration-missing", line: 12, column: 7 },
    { code: "integration-multiple", line: 16, column: 34 },
  ]);
});

test.run();
