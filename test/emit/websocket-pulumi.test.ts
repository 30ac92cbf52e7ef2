/**
 * The WebSocket API of a spec, deployed by the same Pulumi program as its REST or HTTP API and run under Pulumi
 * mocks: the Api, models, the `$connect` authorizer, integrations and integration responses, routes and route
 * responses, the deployment (triggers, dependsOn) and stage (logs, throttling), Lambda permissions scoped to each
 * route key, the `@connections` policy scoped to this API and stage, the custom domain and the outputs; every
 * generated program type-checks.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost, nodeHost, type BuildResult } from "../../compiler/index.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { createNames } from "../../compiler/model/names.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import { yaml } from "../rules/helpers/check.js";
import { fileOf, resourceOf, runUnderMocks, startTypeCheck, writeCase, type RecordedResource } from "./helpers/harness.js";

const T = {
  api: "aws:apigatewayv2/api:Api",
  model: "aws:apigatewayv2/model:Model",
  authorizer: "aws:apigatewayv2/authorizer:Authorizer",
  integration: "aws:apigatewayv2/integration:Integration",
  integrationResponse: "aws:apigatewayv2/integrationResponse:IntegrationResponse",
  route: "aws:apigatewayv2/route:Route",
  routeResponse: "aws:apigatewayv2/routeResponse:RouteResponse",
  deployment: "aws:apigatewayv2/deployment:Deployment",
  stage: "aws:apigatewayv2/stage:Stage",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  permission: "aws:lambda/permission:Permission",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  domain: "aws:apigatewayv2/domainName:DomainName",
  mapping: "aws:apigatewayv2/apiMapping:ApiMapping",
  record: "aws:route53/record:Record",
};

/**
 * Builds `spec` (a path, or inline YAML served from memory) into `test/.out/<caseName>`; no errors, and no warnings
 * but `not-emitted` at the pointers `notEmitted` lists.
 */
function buildCase(caseName: string, spec: string, notEmitted: readonly string[] = []): BuildResult & { model: GatewayModel } {
  const out = `test/.out/${caseName}`;
  const result = spec.includes("\n") ? build(createMemoryHost({ "api.yaml": spec }), "api.yaml", { out }) : build(nodeHost, spec, { out });
  const [expected, others] = [result.diagnostics.filter((d) => d.code === "not-emitted"), result.diagnostics.filter((d) => d.code !== "not-emitted")];
  assert.equal(others.map((d) => `${d.severity} ${d.code}: ${d.message}`), [], caseName);
  assert.equal(expected.map((d) => d.origin.pointer), notEmitted, caseName);
  if (result.model === undefined) throw new Error(`${caseName} has no model`);
  writeCase(caseName, result.files);
  return result as BuildResult & { model: GatewayModel };
}

/** An HTTP API and a WebSocket API side by side: IAM and an API key on $connect, HTTP integrations, a function by ARN. */
const SIDE_BY_SIDE = yaml`
  openapi: 3.0.3
  info: { title: Quotes, version: 1.0.0 }
  x-gateway:
    api: http
    functions:
      quotes: { arn: { config: quotesFunctionArn } }
    stages:
      live: { throttle: { rate: 10, burst: 5 }, logging: { level: info, retentionDays: 14, dataTrace: true }, metrics: false }
    websocket:
      name: quotes-stream
      routeSelection: "\${request.body.channel}/\${request.body.action}"
      routes:
        $connect: { http: https://auth.example.com/connect, auth: sigv4, apiKeyRequired: true, parameters: { headers: [x-client] } }
        $default: { lambda: quotes }
        prices/subscribe:
          http:
            url: https://prices.example.com/subscribe
            method: PUT
            proxy: false
            timeout: 5000
            request: { template: '{"connection": "$context.connectionId", "symbol": $input.json(''$.symbol'')}' }
      manageConnections: [quotes]
  paths:
    /quotes:
      get:
        operationId: listQuotes
        security: [{ sigv4: [] }]
        x-gateway: { lambda: quotes }
        responses: { "200": { description: ok } }
  components:
    securitySchemes:
      sigv4: { type: apiKey, in: header, name: Authorization, x-gateway: { iam: true } }
`;

const sample = buildCase("websocket-sample", "samples/websocket-chat/openapi.yaml");
// An HTTP API has no usage plans, so nothing can give the keys $connect requires.
const sideBySide = buildCase("websocket-side-by-side", SIDE_BY_SIDE.replace("    manageConnections: [quotes]\n", ""), ["/x-gateway/websocket/routes/$connect"]);
const typeCheck = startTypeCheck(["websocket-sample", "websocket-side-by-side"]);

/** Config values as `<key>-value`, ARN-shaped where the key says it is an ARN. */
function configOf(model: GatewayModel): Record<string, string> {
  return Object.fromEntries(
    configUses(model).map((u) => [u.key, /Arn$/.test(u.key) ? `arn:aws:lambda:us-east-1:123456789012:function:${u.key}` : `${u.key}-value`]),
  );
}

/** Runs without outputs, by case and stack: each program runs once per stack (runs are sequential). */
const runs = new Map<string, Promise<readonly RecordedResource[]>>();

function run(caseName: string, model: GatewayModel, stack: string, outputs?: Record<string, unknown>): Promise<readonly RecordedResource[]> {
  const key = `${caseName}\u0000${stack}`;
  const done = runs.get(key);
  if (outputs === undefined && done !== undefined) return done;
  const uses = configUses(model);
  const running = runUnderMocks(caseName, {
    project: createNames(model).project,
    stack,
    config: configOf(model),
    secrets: uses.filter((u) => u.secret).map((u) => u.key),
    ...(outputs === undefined ? {} : { outputs }),
  });
  if (outputs === undefined) runs.set(key, running);
  return running;
}

const EXEC = "arn:aws:execute-api:us-east-1:123456789012:websocket-id";
const of = (resources: readonly RecordedResource[], type: string) => resources.filter((r) => r.type === type);

test("every generated program with a WebSocket API type-checks", async () => {
  assert.is(await typeCheck, "");
});

test("samples/websocket-chat: the build reports nothing left out, and the program deploys both APIs", () => {
  const program = fileOf(sample.files, "pulumi/index.ts");
  assert.match(program, /new aws\.apigateway\.RestApi\("api"/);
  assert.match(program, /new aws\.apigatewayv2\.Api\("websocket"/);
  assert.not.ok(sample.diagnostics.some((d) => d.code === "not-emitted"));
});

test("samples/websocket-chat, stack prod: the Api selects routes by action and reads API keys from the header", async () => {
  const resources = await run("websocket-sample", sample.model, "prod");
  const api = resourceOf(resources, T.api, "websocket").inputs;
  assert.equal(api, {
    name: "chat-websocket",
    protocolType: "WEBSOCKET",
    routeSelectionExpression: "$request.body.action",
    apiKeySelectionExpression: "$request.header.x-api-key",
  });
  assert.is(of(resources, "aws:apigateway/restApi:RestApi").length, 1, "the REST API is deployed beside it");
});

test("samples/websocket-chat, stack prod: one route per key; the authorizer only on $connect, with its parameters; models on messages", async () => {
  const resources = await run("websocket-sample", sample.model, "prod");
  const routes = Object.fromEntries(of(resources, T.route).map((r) => [String(r.inputs.routeKey), r.inputs]));
  assert.equal(Object.keys(routes).sort(), ["$connect", "$default", "$disconnect", "ping", "reportMessage", "sendMessage", "typing"]);
  assert.equal(routes["$connect"], {
    apiId: "websocket-id",
    routeKey: "$connect",
    target: "integrations/websocket-connect-id",
    authorizationType: "CUSTOM",
    authorizerId: "websocket-authorizer-id",
    requestParameters: [
      { requestParameterKey: "route.request.querystring.room", required: true },
      { requestParameterKey: "route.request.querystring.ticket", required: true },
    ],
  });
  for (const [key, route] of Object.entries(routes)) {
    if (key !== "$connect") assert.is(route.authorizationType, undefined, key);
  }
  assert.equal(routes["sendMessage"], {
    apiId: "websocket-id",
    routeKey: "sendMessage",
    target: "integrations/websocket-send-message-id",
    modelSelectionExpression: "$default",
    requestModels: { $default: "SendMessage" },
    routeResponseSelectionExpression: "$default",
  });
  assert.is(routes["typing"]?.routeResponseSelectionExpression, undefined, "one-way route");
  const authorizers = of(resources, T.authorizer);
  assert.is(authorizers.length, 1);
  assert.equal(authorizers[0]?.inputs, {
    apiId: "websocket-id",
    name: "ticket",
    authorizerType: "REQUEST",
    authorizerUri:
      "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn-authorize-connection/invocations",
    identitySources: ["route.request.querystring.ticket", "route.request.querystring.room"],
  });
});

test("samples/websocket-chat, stack prod: models are self-contained draft 4 schemas named after their components", async () => {
  const resources = await run("websocket-sample", sample.model, "prod");
  const models = Object.fromEntries(of(resources, T.model).map((r) => [r.inputs.name, r.inputs]));
  assert.equal(Object.keys(models).sort(), ["MessageAccepted", "Ping", "Pong", "ReportMessage", "SendMessage", "Typing"]);
  const send = JSON.parse(models["SendMessage"]?.schema as string);
  assert.equal(send, {
    $schema: "http://json-schema.org/draft-04/schema#",
    type: "object",
    additionalProperties: false,
    required: ["action", "text", "clientMessageId"],
    properties: {
      action: { type: "string", enum: ["sendMessage"] },
      text: { type: "string", minLength: 1, maxLength: 2000 },
      clientMessageId: { type: "string", maxLength: 64 },
    },
  });
  assert.is(models["SendMessage"]?.contentType, "application/json");
  const responses = of(resources, T.routeResponse).map((r) => [r.name, r.inputs]);
  assert.equal(responses, [
    ["websocket-ping", { apiId: "websocket-id", routeId: "websocket-ping-id", routeResponseKey: "$default", modelSelectionExpression: "$default", responseModels: { $default: "Pong" } }],
    [
      "websocket-send-message",
      { apiId: "websocket-id", routeId: "websocket-send-message-id", routeResponseKey: "$default", modelSelectionExpression: "$default", responseModels: { $default: "MessageAccepted" } },
    ],
  ]);
});

test("samples/websocket-chat, stack prod: Lambda proxy, SQS with its request shape, and a mock with integration responses", async () => {
  const resources = await run("websocket-sample", sample.model, "prod");
  const integrations = Object.fromEntries(of(resources, T.integration).map((r) => [r.name, r.inputs]));
  const chatUri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn-chat/invocations";
  assert.equal(integrations["websocket-send-message"], { apiId: "websocket-id", integrationType: "AWS_PROXY", integrationMethod: "POST", integrationUri: chatUri });
  const report = integrations["websocket-report-message"] ?? {};
  assert.is(report.integrationType, "AWS");
  assert.is(report.integrationMethod, "POST");
  assert.is(report.integrationUri, "arn:aws:apigateway:us-east-1:sqs:path/123456789012/moderationQueueUrl-value");
  assert.is(report.credentialsArn, "arn:aws:iam::123456789012:role/websocket-integration-report-message");
  assert.equal(report.requestParameters, { "integration.request.header.Content-Type": "'application/x-www-form-urlencoded'" });
  assert.is(report.passthroughBehavior, "NEVER");
  assert.is(report.templateSelectionExpression, "\\$default");
  const template = (report.requestTemplates as Record<string, string>).$default ?? "";
  assert.match(template, /\nAction=SendMessage&MessageBody=%7B/);
  for (const part of ["%22connectionId%22", "%22messageId%22%3A+$util.urlEncode($input.json('$.messageId'))", "%22reportedBy%22"]) assert.ok(template.includes(part), part);
  assert.equal(integrations["websocket-ping"], {
    apiId: "websocket-id",
    integrationType: "MOCK",
    requestTemplates: { $default: '{"statusCode":200}' },
    templateSelectionExpression: "\\$default",
  });
  const responses = Object.fromEntries(of(resources, T.integrationResponse).map((r) => [r.name, r.inputs]));
  assert.equal(responses, {
    "websocket-ping": {
      apiId: "websocket-id",
      integrationId: "websocket-ping-id",
      integrationResponseKey: "$default",
      responseTemplates: { $default: '{"type":"pong"}' },
      templateSelectionExpression: "\\$default",
    },
    "websocket-report-message": { apiId: "websocket-id", integrationId: "websocket-report-message-id", integrationResponseKey: "$default" },
  });
});

test("samples/websocket-chat, stack prod: the deployment hashes what it snapshots and waits for every route; the stage logs and throttles", async () => {
  const resources = await run("websocket-sample", sample.model, "prod");
  const deployment = resourceOf(resources, T.deployment, "websocket");
  const triggers = deployment.inputs.triggers as Record<string, string>;
  assert.equal(Object.keys(triggers), ["configuration", "values"]);
  assert.match(triggers.configuration ?? "", /^[0-9a-f]{64}$/);
  assert.match(triggers.values ?? "", /^[0-9a-f]{64}$/);
  const program = fileOf(sample.files, "pulumi/index.ts");
  const dependsOn = /new aws\.apigatewayv2\.Deployment\("websocket"[\s\S]*?dependsOn: \[([\s\S]*?)\]/.exec(program)?.[1] ?? "";
  for (const variable of ["websocketRoute_connect", "websocketRouteResponse_sendMessage", "websocketIntegrationResponse_ping", "websocketRoute_typing"]) {
    assert.ok(dependsOn.includes(variable), variable);
  }
  const stage = resourceOf(resources, T.stage, "websocket").inputs;
  assert.is(stage.apiId, "websocket-id");
  assert.is(stage.name, "prod");
  assert.is(stage.deploymentId, "websocket-id");
  assert.equal(stage.defaultRouteSettings, {
    loggingLevel: "ERROR",
    dataTraceEnabled: false,
    detailedMetricsEnabled: true,
    throttlingRateLimit: 500,
    throttlingBurstLimit: 1000,
  });
  const access = stage.accessLogSettings as { destinationArn: string; format: string };
  assert.is(access.destinationArn, "arn:aws:logs:us-east-1:123456789012:log-group:websocket-access-logs");
  const format = JSON.parse(access.format) as Record<string, string>;
  for (const [field, variable] of Object.entries({
    requestId: "$context.requestId",
    connectionId: "$context.connectionId",
    eventType: "$context.eventType",
    routeKey: "$context.routeKey",
    status: "$context.status",
    messageId: "$context.messageId",
  })) {
    assert.is(format[field], variable, field);
  }
  assert.is(resourceOf(resources, T.logGroup, "websocket-access-logs").inputs.retentionInDays, 30);
  assert.equal(resourceOf(resources, T.logGroup, "websocket-execution-logs").inputs, {
    name: "API-Gateway-Execution-Logs_websocket-id/prod",
    retentionInDays: 30,
  });
});

test("samples/websocket-chat: the deployment's configuration hash changes with what it snapshots, and only then", () => {
  const text = (spec: string) => /configuration: "([0-9a-f]{64})"/.exec(fileOf(build(createMemoryHost({ "api.yaml": spec }), "api.yaml", { out: "out" }).files, "pulumi/index.ts"))?.[1];
  const base = yaml`
    openapi: 3.0.3
    info: { title: T, version: 1.0.0 }
    x-gateway:
      functions:
        f: { arn: arn:aws:lambda:us-east-1:123456789012:function:f }
      stages: { dev: { throttle: { rate: 1, burst: 1 } } }
      websocket:
        routes:
          $default: { lambda: f }
          ping: { mock: { body: { type: pong } } }
    paths: {}
  `;
  const hash = text(base);
  assert.ok(hash);
  assert.is(text(base.replace("rate: 1, burst: 1", "rate: 2, burst: 2")), hash, "stage settings are not snapshotted");
  assert.is.not(text(base.replace("type: pong", "type: pang")), hash, "a mock's reply is");
  assert.is.not(text(base.replace("ping:", "pong:")), hash, "a route key is");
});

test("samples/websocket-chat, stack dev and a stack that is no stage: the stage's settings, else secure defaults", async () => {
  const dev = resourceOf(await run("websocket-sample", sample.model, "dev"), T.stage, "websocket").inputs;
  assert.equal(dev.defaultRouteSettings, { loggingLevel: "INFO", dataTraceEnabled: false, detailedMetricsEnabled: true, throttlingRateLimit: 20, throttlingBurstLimit: 40 });
  const other = await run("websocket-sample", sample.model, "feature-x");
  assert.equal(resourceOf(other, T.stage, "websocket").inputs.defaultRouteSettings, {
    loggingLevel: "ERROR",
    dataTraceEnabled: false,
    detailedMetricsEnabled: true,
    throttlingRateLimit: 100,
    throttlingBurstLimit: 50,
  });
  assert.is(resourceOf(other, T.logGroup, "websocket-access-logs").inputs.retentionInDays, 365);
  assert.is(resourceOf(other, T.stage, "websocket").inputs.name, "feature-x");
});

test("samples/websocket-chat, stack prod: Lambda permissions name this API, the stack's stage and each route key; the authorizer by id", async () => {
  const resources = await run("websocket-sample", sample.model, "prod");
  const permissions = Object.fromEntries(
    of(resources, T.permission)
      .filter((r) => r.name.startsWith("perm-ws-"))
      .map((r) => [r.name, [r.inputs.function, r.inputs.sourceArn, r.inputs.principal, r.inputs.action]]),
  );
  const invoke = (fn: string, arn: string) => [fn, arn, "apigateway.amazonaws.com", "lambda:InvokeFunction"];
  assert.equal(permissions, {
    "perm-ws--chat--connect": invoke("fn-chat", `${EXEC}/prod/$connect`),
    "perm-ws--chat--default": invoke("fn-chat", `${EXEC}/prod/$default`),
    "perm-ws--chat--disconnect": invoke("fn-chat", `${EXEC}/prod/$disconnect`),
    "perm-ws--chat--send-message": invoke("fn-chat", `${EXEC}/prod/sendMessage`),
    "perm-ws--chat--typing": invoke("fn-chat", `${EXEC}/prod/typing`),
    "perm-ws-authorizer--authorize-connection": invoke("fn-authorize-connection", `${EXEC}/authorizers/websocket-authorizer-id`),
  });
});

test("samples/websocket-chat, stack prod: the pushing function may manage connections of this API and stage only", async () => {
  const resources = await run("websocket-sample", sample.model, "prod");
  const policies = of(resources, T.rolePolicy);
  assert.equal(policies.map((p) => p.name), ["websocket-integration-report-message", "websocket-manage-connections-chat"]);
  assert.equal(JSON.parse(policies[0]?.inputs.policy as string), {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:moderationQueueUrl-value" }],
  });
  assert.is(policies[1]?.inputs.role, "fn-chat");
  assert.equal(JSON.parse(policies[1]?.inputs.policy as string), {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: "execute-api:ManageConnections",
        Resource: [`${EXEC}/prod/POST/@connections/*`, `${EXEC}/prod/GET/@connections/*`, `${EXEC}/prod/DELETE/@connections/*`],
      },
    ],
  });
});

test("samples/websocket-chat, stack prod: its own regional domain, mapped to its stage; the outputs", async () => {
  const outputs: Record<string, unknown> = {};
  const resources = await run("websocket-sample", sample.model, "prod", outputs);
  assert.equal(resourceOf(resources, T.domain, "websocket-domain").inputs, {
    domainName: "chat.example.com",
    domainNameConfiguration: { certificateArn: "arn:aws:lambda:us-east-1:123456789012:function:chatCertificateArn", endpointType: "REGIONAL", securityPolicy: "TLS_1_2" },
  });
  assert.equal(resourceOf(resources, T.mapping, "websocket-domain-mapping").inputs, { apiId: "websocket-id", domainName: "chat.example.com", stage: "prod" });
  assert.is(resourceOf(resources, T.record, "websocket-domain-a").inputs.type, "A");
  assert.is(outputs.websocketApiId, "websocket-id");
  assert.is(outputs.websocketUrl, "https://websocket-id.execute-api.us-east-1.amazonaws.com/prod/");
  assert.is(outputs.websocketManagementEndpoint, "https://websocket-id.execute-api.us-east-1.amazonaws.com/prod");
  assert.is(outputs.websocketCustomUrl, "wss://chat.example.com/");
  assert.is(outputs.apiId, "api-id", "the REST API's outputs stay");
});

test("beside an HTTP API: two stages; IAM and an API key on $connect; HTTP proxy and non-proxy; no @connections policy without manageConnections", async () => {
  const resources = await run("websocket-side-by-side", sideBySide.model, "live");
  assert.equal(of(resources, T.stage).map((s) => [s.name, s.inputs.name]).sort(), [["api", "live"], ["websocket", "live"]]);
  const api = resourceOf(resources, T.api, "websocket").inputs;
  assert.is(api.routeSelectionExpression, "${request.body.channel}/${request.body.action}");
  assert.is(api.apiKeySelectionExpression, "$request.header.x-api-key");
  const routes = Object.fromEntries(of(resources, T.route).map((r) => [r.inputs.routeKey, r.inputs]));
  assert.equal(routes["$connect"], {
    apiId: "websocket-id",
    routeKey: "$connect",
    target: "integrations/websocket-connect-id",
    authorizationType: "AWS_IAM",
    apiKeyRequired: true,
    requestParameters: [{ requestParameterKey: "route.request.header.x-client", required: true }],
  });
  assert.equal(of(resources, T.authorizer), []);
  const integrations = Object.fromEntries(of(resources, T.integration).map((r) => [r.name, r.inputs]));
  assert.equal(integrations["websocket-connect"], {
    apiId: "websocket-id",
    integrationType: "HTTP_PROXY",
    integrationMethod: "POST",
    integrationUri: "https://auth.example.com/connect",
  });
  assert.equal(integrations["websocket-prices-subscribe"], {
    apiId: "websocket-id",
    integrationType: "HTTP",
    integrationMethod: "PUT",
    integrationUri: "https://prices.example.com/subscribe",
    requestTemplates: { $default: '{"connection": "$context.connectionId", "symbol": $input.json(\'$.symbol\')}' },
    templateSelectionExpression: "\\$default",
    timeoutMilliseconds: 5000,
  });
  assert.equal(of(resources, T.integrationResponse).map((r) => r.name), ["websocket-prices-subscribe"]);
  assert.equal(resourceOf(resources, T.permission, "perm-ws--quotes--default").inputs.sourceArn, `${EXEC}/live/$default`);
  assert.is(
    resourceOf(resources, T.integration, "websocket-default").inputs.integrationUri,
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:quotesFunctionArn/invocations",
  );
  assert.equal(resourceOf(resources, T.stage, "websocket").inputs.defaultRouteSettings, {
    loggingLevel: "INFO",
    dataTraceEnabled: true,
    detailedMetricsEnabled: false,
    throttlingRateLimit: 10,
    throttlingBurstLimit: 5,
  });
  assert.equal(of(resources, T.rolePolicy), []);
});

test("a function referenced by arn in manageConnections gets no policy, and the build says so", () => {
  const result = build(createMemoryHost({ "api.yaml": SIDE_BY_SIDE }), "api.yaml", { out: "out" });
  const notEmitted = result.diagnostics.filter((d) => d.code === "not-emitted");
  assert.equal(notEmitted.map((d) => d.origin.pointer), ["/x-gateway/websocket/routes/$connect", "/x-gateway/websocket/manageConnections/0"]);
  assert.not.match(fileOf(result.files, "pulumi/index.ts"), /ManageConnections/);
});

test.run();
