import { test } from "uvu";
import * as assert from "uvu/assert";
import { integrationTimeoutRange } from "../../compiler/validate/rules/integration-timeout-range.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import { at, lambda, model, operation, route, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const gw = "/paths/~1pets/get/x-gateway";
const timed = (ms: number, init: Partial<GatewayModel> = {}) =>
  model({ ...init, operations: [operation({ integration: lambda("pets", at(`${gw}/lambda`), { timeout: ms }) })] });
const verdicts = (m: GatewayModel) => run(integrationTimeoutRange, m).map((d) => [d.severity, d.origin.pointer]);

test("REST: below 50 ms, or above 29,000 ms on edge, is an error at the integration's timeout", () => {
  assert.equal(verdicts(timed(10)), [["error", `${gw}/lambda/timeout`]]);
  const edge = run(integrationTimeoutRange, timed(60_000, { endpoint: { type: "edge", vpcEndpointIds: [], disableExecuteApiEndpoint: false, origin: at("/x-gateway/endpoint") } }));
  assert.equal(edge.map((d) => d.severity), ["error"]);
  assert.match(edge[0]?.message ?? "", /^Integration timeout 60,000 ms is outside 50–29,000 ms for REST APIs\. Edge-optimized/);
});

test("REST regional: up to 300,000 ms is a warning unless the raised quota covers it", () => {
  assert.equal(verdicts(timed(60_000)), [["warning", `${gw}/lambda/timeout`]]);
  assert.equal(verdicts(timed(60_000, { settings: { ...model().settings, quotas: { integrationTimeout: 90_000 } } })), []);
  assert.equal(verdicts(timed(400_000)), [["error", `${gw}/lambda/timeout`]]);
});

test("HTTP allows 30,000 ms, WebSocket 29,000 ms; an operation timeout is reported where it is written", () => {
  assert.equal(verdicts(timed(30_000, { kind: "http" })), []);
  assert.equal(verdicts(timed(30_001, { kind: "http" })), [["error", `${gw}/lambda/timeout`]]);
  const fromOperation = model({
    kind: "http",
    operations: [operation({ integration: lambda("pets", at(`${gw}/lambda`), { timeout: 40_000 }), options: { binary: false, usagePlans: [], timeout: { ms: 40_000, origin: at(`${gw}/timeout`) } } })],
  });
  assert.equal(verdicts(fromOperation), [["error", `${gw}/timeout`]]);
  const ws = model({
    websocket: {
      name: "chat",
      routeSelection: "$request.body.action",
      routes: [route("send", { integration: lambda("chat", at("/x-gateway/websocket/routes/send/lambda"), { timeout: 29_500 }) })],
      serverMessages: [],
      origin: at("/x-gateway/websocket"),
    },
  });
  assert.equal(verdicts(ws), [["error", "/x-gateway/websocket/routes/send/lambda/timeout"]]);
});

test("timeouts within range, and no timeout, pass", () => {
  assert.equal(verdicts(timed(50)), []);
  assert.equal(verdicts(timed(29_000)), []);
  assert.equal(verdicts(model({ operations: [operation()] })), []);
});

test("end to end: the operation's timeout and the integration's own", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      endpoint: edge
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /a:
        get:
          x-gateway: { lambda: pets, public: true, timeout: 60000 }
          responses: { "200": { description: ok } }
      /b:
        get:
          x-gateway: { lambda: { function: pets, timeout: 30000 }, public: true }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, integrationTimeoutRange.codes), [
    { code: "integration-timeout-range", line: 10, column: 57 },
    { code: "integration-timeout-range", line: 14, column: 55 },
  ]);
});

test.run();
