import { test } from "uvu";
import * as assert from "uvu/assert";
import { apiQuotas } from "../../compiler/validate/rules/api-quotas.js";
import type { GatewayModel, Stage } from "../../compiler/model/types.js";
import { at, lambdaAuthorizer, model, operation, requirement, route, run, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const settings = (quotas: Record<string, number>) => ({ ...model().settings, quotas });
/** `n` paths `/r<i>/{id}`: each adds two resources. */
const manyPaths = (n: number) => Array.from({ length: n }, (_, i) => operation({ path: `/r${i}/{id}` }));
const messages = (m: GatewayModel) => run(apiQuotas, m).map((d) => `${d.severity} ${d.origin.pointer} ${d.message}`);

test("REST resources over 300 (root and every prefix) are a warning at paths", () => {
  assert.equal(messages(model({ operations: manyPaths(149) })), []); // 1 + 298 resources
  assert.equal(messages(model({ operations: manyPaths(150) })), [
    "warning /paths Resources of the REST API: 301 exceeds API Gateway's default quota of 300; request an increase before deploying (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html).",
  ]);
});

test("a raised quota in x-gateway.quotas is honoured, and named when still exceeded", () => {
  assert.equal(messages(model({ operations: manyPaths(150), settings: settings({ resources: 600 }) })), []);
  assert.match(messages(model({ operations: manyPaths(150), settings: settings({ resources: 200 }) }))[0] ?? "", /quota of 200 \(raised in x-gateway\.quotas\.resources\)/);
});

test("proxyResources collapse their subtree into two resources", () => {
  const proxied = model({ operations: manyPaths(150).map((op) => ({ ...op, path: `/legacy${op.path}` })), proxyResources: [{ prefix: "/legacy", origin: at("/x-gateway/proxyResources/0") }] });
  assert.equal(messages(proxied), []);
});

test("HTTP routes, stages, authorizers and WebSocket routes each have their quota", () => {
  const routes = Array.from({ length: 301 }, (_, i) => operation({ path: `/r${i}` }));
  assert.match(messages(model({ kind: "http", operations: routes }))[0] ?? "", /^warning \/paths Routes of the HTTP API: 301 exceeds .* 300;.*http-api-quotas\.html/);
  const stage = (name: string): Stage => ({ name, logging: { level: "error", retentionDays: 30, dataTrace: false }, tracing: false, metrics: false, variables: {}, origin: at(`/x-gateway/stages/${name}`) });
  assert.match(messages(model({ stages: Array.from({ length: 11 }, (_, i) => stage(`s${i}`)) }))[0] ?? "", /Stages: 11 exceeds .* 10;/);
  const names = Array.from({ length: 11 }, (_, i) => `a${i}`);
  const authorized = model({
    securitySchemes: names.map((n) => scheme(n, "apiKey", { authorizer: lambdaAuthorizer(n, "pets") })),
    operations: [operation({ security: [requirement("/security/0", Object.fromEntries(names.map((n) => [n, []])))] })],
  });
  assert.match(messages(authorized)[0] ?? "", /Authorizers of the REST API: 11 exceeds .* 10;/);
  const ws = model({ websocket: { name: "chat", routeSelection: "$request.body.action", routes: Array.from({ length: 301 }, (_, i) => route(`r${i}`)), serverMessages: [], origin: at("/x-gateway/websocket") } });
  assert.match(messages(ws)[0] ?? "", /Routes of the WebSocket API: 301 exceeds/);
});

test("end to end: the root x-gateway key", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
      stages: { s0: {}, s1: {}, s2: {}, s3: {}, s4: {}, s5: {}, s6: {}, s7: {}, s8: {}, s9: {}, s10: {} }
    paths: {}
  `;
  assert.equal(diagnose(spec, apiQuotas.codes), [{ code: "quota-soft-limit", line: 3, column: 1 }]);
});

test.run();
