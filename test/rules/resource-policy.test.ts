import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Endpoint } from "../../compiler/model/types.js";
import { resourcePolicy } from "../../compiler/validate/rules/resource-policy.js";
import { at, found, model } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const CODES = [...resourcePolicy.codes];
const SETTINGS = { binaryMediaTypes: [], apiKeySource: "HEADER" as const, gatewayResponses: [], tags: {}, quotas: {} };

const privateEndpoint = (ids: string[]): Endpoint => ({
  type: "private",
  vpcEndpointIds: ids.map((value, i) => ({ kind: "literal", value, origin: at(`/x-gateway/endpoint/vpcEndpointIds/${i}`) })),
  disableExecuteApiEndpoint: false,
  origin: at("/x-gateway/endpoint"),
});

/** A REST model whose `x-gateway.policy` has these statements. */
const withPolicy = (...Statement: unknown[]) => model({ settings: { ...SETTINGS, policy: { Version: "2012-10-17", Statement } } });
const everyone = { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" };

test("a private API needs VPC endpoints or a policy (x-gateway or native)", () => {
  assert.equal(found(resourcePolicy, model({ endpoint: privateEndpoint([]) })), [
    { code: "private-api-no-policy", pointer: "/x-gateway/endpoint", part: "value" },
  ]);
  assert.equal(found(resourcePolicy, model({ endpoint: privateEndpoint(["vpce-1"]) })), []);
  const native = { "x-amazon-apigateway-policy": { Statement: [{ ...everyone, Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } }] } };
  assert.equal(found(resourcePolicy, model({ endpoint: privateEndpoint([]), nativeExtensions: native })), []);
  assert.equal(found(resourcePolicy, model({ kind: "http", endpoint: privateEndpoint([]) })), [], "HTTP APIs: api-kind-unsupported says it");
});

test("an unconditional allow to everyone is reported at its statement, whatever the spelling", () => {
  assert.equal(found(resourcePolicy, withPolicy({ Effect: "Allow", Principal: "*", Action: "s3:GetObject" }, everyone)), [
    { code: "policy-allows-everyone", pointer: "/x-gateway/policy/Statement/1", part: "value" },
  ]);
  const spellings = [
    { ...everyone, Principal: { AWS: "*" }, Action: "execute-api:*" },
    { ...everyone, Principal: { AWS: ["arn:aws:iam::1:root", "*"] }, Action: ["EXECUTE-API:invoke"] },
    { ...everyone, Action: "execute-api:Inv?ke" },
    { Effect: "Allow", Principal: "*", NotAction: "execute-api:InvalidateCache", Resource: "*" },
    { ...everyone, Action: "*", Condition: {} },
  ];
  for (const statement of spellings) assert.is(found(resourcePolicy, withPolicy(statement)).length, 1, JSON.stringify(statement));
  const single = model({ settings: { ...SETTINGS, policy: { Statement: everyone } } });
  assert.equal(found(resourcePolicy, single).map((f) => f.pointer), ["/x-gateway/policy/Statement"]);
});

test("a condition, named principals, another action or a conditional Deny make it pass", () => {
  const vpce = { StringEquals: { "aws:SourceVpce": "vpce-1" } };
  assert.equal(found(resourcePolicy, withPolicy({ ...everyone, Condition: vpce })), []);
  assert.equal(found(resourcePolicy, withPolicy({ ...everyone, Principal: { AWS: "arn:aws:iam::123456789012:root" } })), []);
  assert.equal(found(resourcePolicy, withPolicy({ ...everyone, Action: "execute-api:InvalidateCache" })), []);
  assert.equal(found(resourcePolicy, withPolicy({ ...everyone, Effect: "Deny" })), []);
  const narrowed = { ...everyone, Effect: "Deny", Condition: { NotIpAddress: { "aws:SourceIp": "192.0.2.0/24" } } };
  assert.equal(found(resourcePolicy, withPolicy(everyone, narrowed)), []);
});

test("end to end: the warning at the statement, the error at the endpoint", () => {
  const open = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
      policy:
        Version: "2012-10-17"
        Statement:
          - { Effect: Allow, Principal: { AWS: arn:aws:iam::123456789012:root }, Action: execute-api:Invoke, Resource: execute-api:/* }
          - { Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/* }
    paths:
      /pets:
        get:
          x-gateway: { lambda: pets, public: true }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(open, CODES), [{ code: "policy-allows-everyone", line: 10, column: 9 }]);
  const closed = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      endpoint: private
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        get:
          x-gateway: { lambda: pets, public: true }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(closed, CODES), [{ code: "private-api-no-policy", line: 4, column: 13 }]);
});

test("the private allow-then-conditional-deny pattern (as in samples/warehouse) passes", () => {
  const text = yaml`
    openapi: 3.0.3
    info: { title: Warehouse, version: 1.0.0 }
    x-gateway:
      endpoint: { type: private, vpcEndpointIds: [{ config: vpce }] }
      policy:
        Statement:
          - { Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/* }
          - { Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/*, Condition: { StringNotEquals: { aws:SourceVpc: vpc-0a1b2c3d } } }
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        get:
          x-gateway: { lambda: pets, public: true }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(text, CODES), []);
});

test.run();
