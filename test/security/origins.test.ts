/** Where `--strict` reports a finding: the place in the spec that decides it. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost } from "../../compiler/index.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import type { Finding, SecurityCheckId } from "../../compiler/security/check.js";
import { createFindingPlaces } from "../../compiler/security/origins.js";

const FILE = "test/security/insecure/openapi.yaml";
const spec = check(nodeHost, FILE).model as GatewayModel;

function place(checkId: SecurityCheckId, finding: Omit<Finding, "message">, stack = "prod"): [string, string] {
  const { origin, part } = createFindingPlaces(spec, stack)(checkId, { ...finding, message: "m" });
  assert.is(origin.file, FILE);
  return [origin.pointer, part];
}

const api = { type: "aws:apigateway/restApi:RestApi", name: "api" };
const stage = { type: "aws:apigateway/stage:Stage", name: "api" };

test("a method of the document: its operation's method key", () => {
  assert.equal(place("authorization", { resource: api, route: { method: "GET", path: "/orders" } }), ["/paths/~1orders/get", "key"]);
  assert.equal(place("request-validation", { resource: api, route: { method: "POST", path: "/orders" } }), ["/paths/~1orders/post", "key"]);
});

test("stage resources: the stage setting the check is about; a stack that is no stage: x-gateway.stages", () => {
  assert.equal(place("tracing", { resource: stage }), ["/x-gateway/stages/prod/tracing", "key"]);
  assert.equal(place("data-trace", { resource: { type: "aws:apigateway/methodSettings:MethodSettings", name: "api-all-methods" } }, "test"), [
    "/x-gateway/stages/test/logging/dataTrace",
    "key",
  ]);
  assert.equal(place("log-retention", { resource: { type: "aws:cloudwatch/logGroup:LogGroup", name: "api-access-logs" } }), ["/x-gateway/stages/prod/logging/retentionDays", "key"]);
  assert.equal(place("tracing", { resource: stage }, "feature-x"), ["/x-gateway/stages", "key"]);
});

test("permissions at the operation, functions' log groups at the function, and the API-wide settings", () => {
  assert.equal(place("lambda-permission", { resource: { type: "aws:lambda/permission:Permission", name: "perm-orders-get-orders" } }), ["/paths/~1orders/get/x-gateway", "key"]);
  assert.equal(place("log-retention", { resource: { type: "aws:cloudwatch/logGroup:LogGroup", name: "fn-orders" } }), ["/x-gateway/functions/orders", "key"]);
  assert.equal(place("domain-tls", { resource: { type: "aws:apigateway/domainName:DomainName", name: "api-domain" } }), ["/x-gateway/domain/securityPolicy", "value"]);
  assert.equal(place("resource-policy", { resource: api }), ["/x-gateway/policy", "key"]);
  assert.equal(place("waf", { resource: stage }), ["/x-gateway/waf", "key"]);
  assert.equal(place("domain-tls", { resource: api }), ["/x-gateway", "key"]);
});

test.run();
