/**
 * AWS-service integrations of HTTP APIs (integration subtypes): the import document's `integrationSubtype`,
 * `credentials` and `requestParameters` for every subtype (from the integration's own settings and its `request`
 * map), the diagnostics of a missing or unknown parameter (code, line, column), and, under Pulumi mocks, one role per
 * integration allowed exactly one action on one resource, whose ARN the imported body carries.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost, type BuildResult } from "../../compiler/index.js";
import { createNames } from "../../compiler/model/names.js";
import { yaml } from "../rules/helpers/check.js";
import { runUnderMocks, startTypeCheck, writeCase } from "./helpers/harness.js";

type Json = Record<string, any>;

/** Builds `spec` from memory (everything, or only `emit`). */
function buildSpec(spec: string, emit?: readonly ("openapi" | "pulumi")[]): BuildResult {
  return build(createMemoryHost({ "api.yaml": spec }), "api.yaml", { out: "out", ...(emit === undefined ? {} : { emit }) });
}

/** The import document of a build without errors. */
function documentOf(result: BuildResult): Json {
  assert.equal(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`), []);
  const file = result.files.find((f) => f.path === "openapi.aws.json");
  if (file === undefined) throw new Error("openapi.aws.json was not emitted");
  return JSON.parse(file.content) as Json;
}

/** The diagnostics of `result` with `codes`, as `line:column code`. */
function placed(result: BuildResult, codes: readonly string[]): string[] {
  return result.diagnostics.filter((d) => codes.includes(d.code)).map((d) => {
    const at = result.locate(d);
    return `${at.line}:${at.column} ${d.code}`;
  });
}

const SPEC = yaml`
  openapi: 3.0.3
  info: { title: Jobs, version: 1.0.0 }
  x-gateway:
    api: http
  paths:
    /events:
      post:
        operationId: putEvent
        x-gateway: { eventbridge: { bus: orders, source: jobs.api, detailType: $request.header.x-kind }, public: true }
        responses: { "200": { description: ok } }
    /jobs:
      post:
        operationId: sendJob
        x-gateway:
          sqs: { queue: { config: jobsQueueArn }, request: { DelaySeconds: 5, MessageGroupId: $request.query.group } }
          public: true
        responses: { "202": { description: queued } }
      get:
        operationId: receiveJobs
        x-gateway: { aws: { service: sqs, action: ReceiveMessage, resource: "arn:aws:sqs:eu-west-1:123456789012:jobs", request: { MaxNumberOfMessages: 10 } }, public: true }
        responses: { "200": { description: ok } }
      delete:
        operationId: purgeJobs
        x-gateway: { aws: { service: sqs, action: PurgeQueue, resource: "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs" }, public: true }
        responses: { "200": { description: ok } }
    /jobs/{receipt}:
      delete:
        operationId: deleteJob
        parameters: [{ name: receipt, in: path, required: true, schema: { type: string } }]
        x-gateway: { aws: { service: sqs, action: DeleteMessage, resource: jobs, request: { ReceiptHandle: $request.path.receipt } }, public: true }
        responses: { "200": { description: ok } }
    /records:
      post:
        operationId: putRecord
        x-gateway: { kinesis: { stream: "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks", partitionKey: $request.body.userId }, public: true }
        responses: { "200": { description: ok } }
    /runs:
      post:
        operationId: startRun
        x-gateway: { stepfunctions: { stateMachine: { config: machineArn } }, public: true }
        responses: { "200": { description: ok } }
    /runs/sync:
      post:
        operationId: runNow
        x-gateway: { stepfunctions: { stateMachine: nightly, mode: sync, request: { Name: $context.requestId } }, timeout: 29000, public: true }
        responses: { "200": { description: ok } }
    /runs/{executionArn}:
      delete:
        operationId: stopRun
        parameters: [{ name: executionArn, in: path, required: true, schema: { type: string } }]
        x-gateway: { aws: { service: states, action: StopExecution, resource: "arn:aws:states:eu-west-1:123456789012:stateMachine:nightly", request: { ExecutionArn: $request.path.executionArn, Cause: cancelled } }, public: true }
        responses: { "200": { description: ok } }
    /settings:
      get:
        operationId: getSettings
        x-gateway:
          aws:
            service: appconfig
            action: GetConfiguration
            resource: "arn:aws:appconfig:eu-west-1:123456789012:application/app1"
            request: { Application: app1, Environment: $stageVariables.env, Configuration: settings, ClientId: $context.requestId }
          public: true
        responses: { "200": { description: ok } }
    /own-role:
      post:
        operationId: sendWithOwnRole
        x-gateway: { sqs: { queue: jobs, role: "arn:aws:iam::123456789012:role/jobs-writer" }, public: true }
        responses: { "200": { description: ok } }
`;

const built = buildSpec(SPEC);
const document = documentOf(built);
const integration = (path: string, method: string): Json => document.paths[path][method]["x-amazon-apigateway-integration"];

test("EventBridge-PutEvents: Detail is the body, Source and DetailType from the integration, the bus by name", () => {
  assert.equal(integration("/events", "post"), {
    credentials: "${portico:role:put-event}",
    integrationSubtype: "EventBridge-PutEvents",
    payloadFormatVersion: "1.0",
    requestParameters: { Detail: "$request.body", DetailType: "$request.header.x-kind", EventBusName: "orders", Source: "jobs.api" },
    type: "aws_proxy",
  });
});

test("SQS subtypes: QueueUrl from a config ARN, an ARN, a URL or a name; MessageBody the body; the request map's parameters", () => {
  assert.equal(integration("/jobs", "post").requestParameters, {
    DelaySeconds: "5",
    MessageBody: "$request.body",
    MessageGroupId: "$request.querystring.group",
    QueueUrl: "https://sqs.${AWS::Region}.amazonaws.com/${portico:config:jobsQueueArn:queuePath}",
  });
  assert.is(integration("/jobs", "post").integrationSubtype, "SQS-SendMessage");
  assert.equal(integration("/jobs", "get").requestParameters, { MaxNumberOfMessages: "10", QueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs" });
  assert.is(integration("/jobs", "get").integrationSubtype, "SQS-ReceiveMessage");
  assert.equal(integration("/jobs", "delete").requestParameters, { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs" });
  assert.is(integration("/jobs", "delete").integrationSubtype, "SQS-PurgeQueue");
  assert.equal(integration("/jobs/{receipt}", "delete").requestParameters, {
    QueueUrl: "https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/jobs",
    ReceiptHandle: "$request.path.receipt",
  });
  assert.is(integration("/jobs/{receipt}", "delete").integrationSubtype, "SQS-DeleteMessage");
});

test("Kinesis-PutRecord: the stream's name from its ARN, Data the body, PartitionKey from the integration", () => {
  assert.equal(integration("/records", "post").requestParameters, { Data: "$request.body", PartitionKey: "$request.body.userId", StreamName: "clicks" });
  assert.is(integration("/records", "post").integrationSubtype, "Kinesis-PutRecord");
});

test("Step Functions: StartExecution (async), StartSyncExecution (sync, a name completed into an ARN), StopExecution; the timeout", () => {
  assert.equal(integration("/runs", "post"), {
    credentials: "${portico:role:start-run}",
    integrationSubtype: "StepFunctions-StartExecution",
    payloadFormatVersion: "1.0",
    requestParameters: { Input: "$request.body", StateMachineArn: "${portico:config:machineArn}" },
    type: "aws_proxy",
  });
  assert.equal(integration("/runs/sync", "post"), {
    credentials: "${portico:role:run-now}",
    integrationSubtype: "StepFunctions-StartSyncExecution",
    payloadFormatVersion: "1.0",
    requestParameters: {
      Input: "$request.body",
      Name: "$context.requestId",
      StateMachineArn: "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:nightly",
    },
    timeoutInMillis: 29000,
    type: "aws_proxy",
  });
  assert.equal(integration("/runs/{executionArn}", "delete").requestParameters, { Cause: "cancelled", ExecutionArn: "$request.path.executionArn" });
  assert.is(integration("/runs/{executionArn}", "delete").integrationSubtype, "StepFunctions-StopExecution");
});

test("AppConfig-GetConfiguration: every parameter from the request map, stage variables and $context included", () => {
  assert.equal(integration("/settings", "get").requestParameters, {
    Application: "app1",
    ClientId: "$context.requestId",
    Configuration: "settings",
    Environment: "$stageVariables.env",
  });
  assert.is(integration("/settings", "get").integrationSubtype, "AppConfig-GetConfiguration");
});

test("an integration with its own role names it as credentials; build reports nothing", () => {
  assert.is(integration("/own-role", "post").credentials, "arn:aws:iam::123456789012:role/jobs-writer");
  assert.equal(built.diagnostics.map((d) => d.code), []);
});

test("a required parameter nothing gives, an unknown one, a resource-less role: located diagnostics, nothing written", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Jobs, version: 1.0.0 }
    x-gateway:
      api: http
    paths:
      /jobs:
        delete:
          operationId: deleteJob
          x-gateway:
            aws:
              service: sqs
              action: DeleteMessage
              resource: jobs
              request: { Receipt: $request.body.receipt, Region: eu-west-1 }
            public: true
          responses: { "200": { description: ok } }
      /settings:
        get:
          operationId: getSettings
          x-gateway:
            aws: { service: appconfig, action: GetConfiguration, request: { Application: app1, Environment: prod, Configuration: settings } }
            public: true
          responses: { "200": { description: ok } }
  `;
  const result = buildSpec(spec, ["openapi"]);
  assert.equal(placed(result, ["http-subtype-parameter-missing", "http-subtype-parameter-unknown"]), [
    "10:9 http-subtype-parameter-missing",
    "14:22 http-subtype-parameter-unknown",
    "21:9 http-subtype-parameter-missing",
  ]);
  const messages = result.diagnostics.filter((d) => d.code === "http-subtype-parameter-missing").map((d) => d.message);
  assert.ok(messages[0]?.startsWith("Integration subtype SQS-DeleteMessage needs ReceiptHandle, and nothing gives it: map ReceiptHandle in request"), messages[0]);
  assert.ok(messages[1]?.startsWith("Integration subtype AppConfig-GetConfiguration needs ClientId and a resource to scope its role to"), messages[1]);
  assert.ok(result.diagnostics.some((d) => d.code === "http-subtype-parameter-unknown" && d.message.startsWith("Receipt is not a parameter of integration subtype SQS-DeleteMessage")));
  assert.equal(result.files, []);
});

test("an action HTTP APIs cannot call is reported by validation and never gets a route", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Jobs, version: 1.0.0 }
    x-gateway:
      api: http
    paths:
      /topics:
        post:
          operationId: publish
          x-gateway: { sns: { topic: "arn:aws:sns:eu-west-1:123456789012:jobs" }, public: true }
          responses: { "200": { description: ok } }
  `;
  const result = buildSpec(spec, ["openapi"]);
  assert.equal(placed(result, ["api-kind-unsupported", "not-emitted"]), ["9:20 api-kind-unsupported"]);
});

const CASE = "http-subtypes";
writeCase(CASE, built.files);
const typeCheck = startTypeCheck([CASE]);

test("the program type-checks", async () => {
  assert.is(await typeCheck, "");
});

test("under mocks: one role per integration, trusted by API Gateway, allowed one action on one resource; the body names it", async () => {
  const config = { jobsQueueArn: "arn:aws:sqs:us-east-1:123456789012:jobs", machineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:orders" };
  const resources = await runUnderMocks(CASE, { project: createNames(built.model!).project, stack: "dev", config });
  const roles = resources.filter((r) => r.type === "aws:iam/role:Role");
  assert.equal(roles.map((r) => r.name).sort(), [
    "integration-delete-job",
    "integration-get-settings",
    "integration-purge-jobs",
    "integration-put-event",
    "integration-put-record",
    "integration-receive-jobs",
    "integration-run-now",
    "integration-send-job",
    "integration-start-run",
    "integration-stop-run",
  ]);
  for (const role of roles) {
    assert.equal(JSON.parse(role.inputs.assumeRolePolicy as string).Statement, [
      { Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
  }
  const grants = Object.fromEntries(
    resources
      .filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy")
      .map((r) => {
        const statements = JSON.parse(r.inputs.policy as string).Statement as Json[];
        assert.is(statements.length, 1, r.name);
        assert.is(r.inputs.role, `${r.name}-id`, "the policy belongs to the role of the same name");
        return [r.name, `${statements[0]?.Action} ${statements[0]?.Resource}`];
      }),
  );
  assert.equal(grants, {
    "integration-delete-job": "sqs:DeleteMessage arn:aws:sqs:us-east-1:123456789012:jobs",
    "integration-get-settings": "appconfig:GetConfiguration arn:aws:appconfig:eu-west-1:123456789012:application/app1",
    "integration-purge-jobs": "sqs:PurgeQueue arn:aws:sqs:eu-west-1:123456789012:jobs",
    "integration-put-event": "events:PutEvents arn:aws:events:us-east-1:123456789012:event-bus/orders",
    "integration-put-record": "kinesis:PutRecord arn:aws:kinesis:eu-west-1:123456789012:stream/clicks",
    "integration-receive-jobs": "sqs:ReceiveMessage arn:aws:sqs:eu-west-1:123456789012:jobs",
    "integration-run-now": "states:StartSyncExecution arn:aws:states:us-east-1:123456789012:stateMachine:nightly",
    "integration-send-job": "sqs:SendMessage arn:aws:sqs:us-east-1:123456789012:jobs",
    "integration-start-run": "states:StartExecution arn:aws:states:us-east-1:123456789012:stateMachine:orders",
    "integration-stop-run": "states:StopExecution arn:aws:states:eu-west-1:123456789012:execution:nightly:*",
  });
  const api = resources.find((r) => r.type === "aws:apigatewayv2/api:Api");
  const body = JSON.parse(api?.inputs.body as string) as Json;
  const send = body.paths["/jobs"].post["x-amazon-apigateway-integration"];
  assert.is(send.credentials, "arn:aws:iam::123456789012:role/integration-send-job");
  assert.is(send.requestParameters.QueueUrl, "https://sqs.${AWS::Region}.amazonaws.com/123456789012/jobs");
  assert.is(body.paths["/own-role"].post["x-amazon-apigateway-integration"].credentials, "arn:aws:iam::123456789012:role/jobs-writer");
});

test.run();
