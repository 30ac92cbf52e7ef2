/**
 * AWS-service integrations, request mappings and API keys of WebSocket routes, built and run under Pulumi mocks:
 * each service route is an `AWS` integration with the service's URI, method, static headers and request template
 * (the message as payload by default, or the route's request shape or raw template), `passthroughBehavior: NEVER`,
 * and as credentials a role API Gateway assumes whose one policy statement allows one action on one resource; a
 * non-proxy Lambda route's request shape and `templateFile` are its `$default` template; API keys on `$connect` get
 * usage plans bound to the WebSocket stage. The generated program type-checks.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost, type BuildResult } from "../../compiler/index.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { createNames } from "../../compiler/model/names.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import { yaml } from "../rules/helpers/check.js";
import { resourceOf, runUnderMocks, startTypeCheck, writeCase, type RecordedResource } from "./helpers/harness.js";

const T = {
  integration: "aws:apigatewayv2/integration:Integration",
  integrationResponse: "aws:apigatewayv2/integrationResponse:IntegrationResponse",
  route: "aws:apigatewayv2/route:Route",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  usagePlan: "aws:apigateway/usagePlan:UsagePlan",
  usagePlanKey: "aws:apigateway/usagePlanKey:UsagePlanKey",
  permission: "aws:lambda/permission:Permission",
};

const SPEC = yaml`
  openapi: 3.0.3
  info: { title: Orders, version: 1.0.0 }
  x-gateway:
    functions:
      orders: { arn: arn:aws:lambda:us-east-1:123456789012:function:orders }
    usagePlans:
      partners: { quota: { limit: 1000, period: DAY }, throttle: { rate: 5, burst: 10 }, apiKeys: [acme] }
    websocket:
      routes:
        $connect: { lambda: orders, apiKeyRequired: true }
        $default: { lambda: orders }
        enqueue: { sqs: { queue: arn:aws:sqs:us-east-1:123456789012:orders } }
        publish: { eventbridge: { bus: orders-bus, source: chat, detailType: $request.body.kind } }
        record: { kinesis: { stream: { config: streamName }, partitionKey: $context.connectionId } }
        start: { stepfunctions: { stateMachine: arn:aws:states:us-east-1:123456789012:stateMachine:fulfil } }
        save:
          dynamodb: { action: PutItem, table: orders }
          message: { $ref: '#/components/schemas/Order' }
        startShaped:
          stepfunctions:
            stateMachine: arn:aws:states:us-east-1:123456789012:stateMachine:fulfil
            request: { orderId: $request.body.id, connection: $context.connectionId }
        raw:
          sqs: { queue: arn:aws:sqs:us-east-1:123456789012:orders, request: { template: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' } }
        shaped: { lambda: { function: orders, proxy: false, request: { id: $request.body.id, route: $context.routeKey } } }
        filed: { lambda: { function: orders, proxy: false, request: { templateFile: ./filed.vtl } } }
  paths:
    /orders:
      get:
        operationId: listOrders
        security: [{ key: [] }]
        x-gateway: { lambda: orders, usagePlans: [partners] }
        responses: { "200": { description: ok } }
  components:
    securitySchemes:
      key: { type: apiKey, in: header, name: x-api-key }
    schemas:
      Order:
        type: object
        required: [action, id]
        properties: { action: { type: string, enum: [save] }, id: { type: string }, total: { type: number } }
`;

const FILED = '{"connection": "$context.connectionId", "body": $input.json(\'$\')}';

function buildCase(caseName: string): BuildResult & { model: GatewayModel } {
  const result = build(createMemoryHost({ "api.yaml": SPEC, "filed.vtl": FILED }), "api.yaml", { out: `test/.out/${caseName}` });
  assert.equal(result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.origin.pointer}: ${d.message}`), [], caseName);
  if (result.model === undefined) throw new Error(`${caseName} has no model`);
  writeCase(caseName, result.files);
  return result as BuildResult & { model: GatewayModel };
}

const built = buildCase("websocket-services");
const typeCheck = startTypeCheck(["websocket-services"]);
let resources: Promise<readonly RecordedResource[]> | undefined;
function run(): Promise<readonly RecordedResource[]> {
  resources ??= runUnderMocks("websocket-services", {
    project: createNames(built.model).project,
    stack: "prod",
    config: Object.fromEntries(configUses(built.model).map((u) => [u.key, `${u.key}-value`])),
  });
  return resources;
}

const of = (all: readonly RecordedResource[], type: string) => all.filter((r) => r.type === type);
const integration = (all: readonly RecordedResource[], slug: string) => resourceOf(all, T.integration, `websocket-${slug}`).inputs;
const template = (inputs: Record<string, unknown>) => (inputs.requestTemplates as Record<string, string> | undefined)?.$default ?? "";

test("the program with AWS-service routes type-checks", async () => {
  assert.is(await typeCheck, "");
});

test("every service route is an AWS integration with the service's URI, its role as credentials, and NEVER passthrough", async () => {
  const all = await run();
  const expected: Record<string, [string, Record<string, string> | undefined]> = {
    enqueue: ["sqs:path/123456789012/orders", { "integration.request.header.Content-Type": "'application/x-www-form-urlencoded'" }],
    publish: [
      "events:action/PutEvents",
      { "integration.request.header.Content-Type": "'application/x-amz-json-1.1'", "integration.request.header.X-Amz-Target": "'AWSEvents.PutEvents'" },
    ],
    record: ["kinesis:action/PutRecord", { "integration.request.header.Content-Type": "'application/x-amz-json-1.1'" }],
    start: ["states:action/StartExecution", undefined],
    save: ["dynamodb:action/PutItem", undefined],
  };
  for (const [slug, [target, parameters]] of Object.entries(expected)) {
    const inputs = integration(all, slug);
    assert.is(inputs.integrationType, "AWS", slug);
    assert.is(inputs.integrationMethod, "POST", slug);
    assert.is(inputs.integrationUri, `arn:aws:apigateway:us-east-1:${target}`, slug);
    assert.is(inputs.credentialsArn, `arn:aws:iam::123456789012:role/websocket-integration-${slug}`, slug);
    assert.equal(inputs.requestParameters, parameters, slug);
    assert.is(inputs.passthroughBehavior, "NEVER", slug);
    assert.is(inputs.templateSelectionExpression, "\\$default", slug);
    const response = resourceOf(all, T.integrationResponse, `websocket-${slug}`).inputs;
    assert.is(response.integrationResponseKey, "$default", slug);
  }
  const routes = of(all, T.route).map((r) => r.inputs.routeKey).sort();
  assert.equal(routes, ["$connect", "$default", "enqueue", "filed", "publish", "raw", "record", "save", "shaped", "start", "startShaped"]);
  assert.equal(of(all, T.permission).filter((p) => p.name.startsWith("perm-ws--")).map((p) => p.name).sort(), [
    "perm-ws--orders--connect",
    "perm-ws--orders--default",
    "perm-ws--orders--filed",
    "perm-ws--orders--shaped",
  ]);
});

test("each role is assumed by API Gateway and allowed exactly one action on exactly one resource", async () => {
  const all = await run();
  const policies = Object.fromEntries(
    of(all, T.rolePolicy)
      .filter((p) => p.name.startsWith("websocket-integration-"))
      .map((p) => [p.name.slice("websocket-integration-".length), JSON.parse(p.inputs.policy as string) as unknown]),
  );
  const allow = (action: string, resource: string) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: resource }] });
  assert.equal(policies, {
    enqueue: allow("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:orders"),
    publish: allow("events:PutEvents", "arn:aws:events:us-east-1:123456789012:event-bus/orders-bus"),
    raw: allow("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:orders"),
    record: allow("kinesis:PutRecord", "arn:aws:kinesis:us-east-1:123456789012:stream/streamName-value"),
    save: allow("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"),
    start: allow("states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:fulfil"),
    "start-shaped": allow("states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:fulfil"),
  });
  const trust = JSON.parse(resourceOf(all, T.role, "websocket-integration-enqueue").inputs.assumeRolePolicy as string);
  assert.equal(trust.Statement, [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }]);
});

test("by default the payload is the message as sent; a shape or a raw template replaces it", async () => {
  const all = await run();
  assert.is(template(integration(all, "enqueue")), "Action=SendMessage&MessageBody=$util.urlEncode($input.body)");
  const publish = template(integration(all, "publish"));
  for (const part of ['"EventBusName": "orders-bus"', '"Source": "chat"', "\"Detail\": \"$util.escapeJavaScript($input.body)", "$input.path('$.kind')"]) {
    assert.ok(publish.includes(part), part);
  }
  const record = template(integration(all, "record"));
  // The config value is filled in at deploy time, percent-encoded for the template.
  assert.ok(record.startsWith("#set($stream = $util.urlDecode('streamName-value'))"), record);
  for (const part of ['"Data": "$util.base64Encode($input.body)"', "$context.connectionId"]) assert.ok(record.includes(part), part);
  const start = template(integration(all, "start"));
  assert.ok(start.includes("$util.escapeJavaScript($input.json('$'))"), start);
  assert.ok(start.includes('"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:fulfil"'), start);
  const save = template(integration(all, "save"));
  // PutItem's item: the message's declared properties, typed by its schema.
  for (const part of ['"TableName": "orders"', "\"id\": {\"S\": $input.json('$.id')}", '"total": {"N": ']) assert.ok(save.includes(part), part);
  const shaped = template(integration(all, "start-shaped"));
  assert.ok(shaped.includes("$context.connectionId") && shaped.includes("orderId"), shaped);
  assert.is(template(integration(all, "raw")), "Action=SendMessage&MessageBody=$util.urlEncode($input.body)");
});

test("a non-proxy Lambda route's request shape is compiled to its template, and a templateFile is read", async () => {
  const all = await run();
  const shaped = integration(all, "shaped");
  assert.is(shaped.integrationType, "AWS");
  assert.ok(template(shaped).includes("$context.routeKey") && template(shaped).includes("$input.json('$.id')"), template(shaped));
  assert.is(template(integration(all, "filed")), FILED);
});

test("API keys on $connect: a usage plan bound to the WebSocket stage with the plan's limits and its keys", async () => {
  const all = await run();
  const plan = resourceOf(all, T.usagePlan, "websocket-plan-partners").inputs;
  assert.equal(plan.apiStages, [{ apiId: "websocket-id", stage: "prod" }]);
  assert.equal(plan.quotaSettings, { limit: 1000, period: "DAY", offset: 0 });
  assert.equal(plan.throttleSettings, { rateLimit: 5, burstLimit: 10 });
  const key = resourceOf(all, T.usagePlanKey, "websocket-plan-partners--key-acme").inputs;
  assert.equal(key, { keyId: "key-acme-id", keyType: "API_KEY", usagePlanId: "websocket-plan-partners-id" });
  assert.equal(resourceOf(all, T.usagePlan, "plan-partners").inputs.apiStages, [{ apiId: "api-id", stage: "prod" }]);
});

test.run();
