/**
 * The Pulumi program of HTTP APIs, run under Pulumi mocks stack by stack: the Api with its imported body, the
 * auto-deploying stage (no Deployment) with access logs and route settings, Lambda permissions, the custom domain
 * and its mapping, and the stack outputs; every generated program type-checks.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost, nodeHost, type BuildResult } from "../../compiler/index.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { createNames } from "../../compiler/model/names.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import { yaml } from "../rules/helpers/check.js";
import { fileOf, resourceOf, runUnderMocks, secretValue, startTypeCheck, writeCase, type RecordedResource } from "./helpers/harness.js";

const T = {
  api: "aws:apigatewayv2/api:Api",
  stage: "aws:apigatewayv2/stage:Stage",
  domain: "aws:apigatewayv2/domainName:DomainName",
  mapping: "aws:apigatewayv2/apiMapping:ApiMapping",
  record: "aws:route53/record:Record",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  permission: "aws:lambda/permission:Permission",
};

/** Builds `spec` (a path, or inline YAML served from memory) into `test/.out/<caseName>`. */
function buildCase(caseName: string, spec: string): BuildResult & { model: GatewayModel } {
  const out = `test/.out/${caseName}`;
  const result = spec.includes("\n") ? build(createMemoryHost({ "api.yaml": spec }), "api.yaml", { out }) : build(nodeHost, spec, { out });
  const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);
  assert.equal(errors, [], caseName);
  if (result.model === undefined) throw new Error(`${caseName} has no model`);
  writeCase(caseName, result.files);
  return result as BuildResult & { model: GatewayModel };
}

const SMALL = yaml`
  openapi: 3.0.3
  info: { title: Orders, version: 1.0.0 }
  x-gateway:
    api: http
    functions:
      orders: { arn: { config: ordersFunctionArn } }
  paths:
    /orders/{orderId}:
      get:
        operationId: getOrder
        parameters: [{ name: orderId, in: path, required: true, schema: { type: string } }]
        security: [{ sigv4: [] }]
        x-gateway: { lambda: { function: orders, payloadFormat: "1.0" } }
        responses: { "200": { description: ok } }
  components:
    securitySchemes:
      sigv4: { type: apiKey, in: header, name: Authorization, x-gateway: { iam: true } }
`;

const PRIVATE = yaml`
  openapi: 3.0.3
  info: { title: Inventory, version: 1.0.0 }
  x-gateway:
    api: http
    endpoint: { disableExecuteApiEndpoint: true }
    stages:
      prod: { throttle: { rate: 50, burst: 25 }, metrics: false }
    domain:
      name: { config: domainName }
      certificate: { config: certificateArn }
      basePath: inventory/v1
      mutualTls: { truststoreUri: s3://trust/ca.pem }
  paths:
    /items/{proxy+}:
      parameters: [{ name: proxy, in: path, required: true, schema: { type: string } }]
      x-gateway:
        any:
          http: { url: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/inv/1/2", vpcLink: { id: { config: vpcLinkId } }, tls: { serverName: inventory.internal } }
          public: true
`;

const sample = buildCase("http-sample", "samples/http-api/openapi.yaml");
const small = buildCase("http-small", SMALL);
const privateApi = buildCase("http-private", PRIVATE);
const typeCheck = startTypeCheck(["http-sample", "http-small", "http-private"]);

/** Config values as `<key>-value`, ARN-shaped where the key says it is an ARN. */
function configOf(model: GatewayModel): Record<string, string> {
  return Object.fromEntries(
    configUses(model).map((u) => [u.key, /Arn$/.test(u.key) ? `arn:aws:test:us-east-1:123456789012:${u.key}` : `${u.key}-value`]),
  );
}

function run(caseName: string, model: GatewayModel, stack: string, outputs?: Record<string, unknown>): Promise<readonly RecordedResource[]> {
  const uses = configUses(model);
  return runUnderMocks(caseName, {
    project: createNames(model).project,
    stack,
    config: configOf(model),
    secrets: uses.filter((u) => u.secret).map((u) => u.key),
    ...(outputs === undefined ? {} : { outputs }),
  });
}

const EXEC = "arn:aws:execute-api:us-east-1:123456789012:api-id";

test("every generated HTTP program type-checks", async () => {
  assert.is(await typeCheck, "");
});

test("samples/http-api, stack prod: the Api imports the resolved body, with CORS also as corsConfiguration", async () => {
  const resources = await run("http-sample", sample.model, "prod");
  const api = resourceOf(resources, T.api, "api").inputs;
  assert.is(api.protocolType, "HTTP");
  assert.is(api.failOnWarnings, true);
  assert.is(api.name, "tasks-http-api");
  assert.equal(api.tags, { team: "productivity" });
  const body = JSON.parse(api.body as string);
  assert.not.match(api.body as string, /\$\{portico:/);
  assert.is(
    body.paths["/tasks"].get["x-amazon-apigateway-integration"].uri,
    "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn-tasks/invocations",
  );
  assert.equal(body.components.securitySchemes.cognito["x-amazon-apigateway-authorizer"].jwtConfiguration, {
    audience: ["cognitoAppClientId-value"],
    issuer: "cognitoIssuerUrl-value",
  });
  assert.match(body.components.securitySchemes.device["x-amazon-apigateway-authorizer"].authorizerUri, /function:fn-device-authorizer\/invocations$/);
  assert.equal(api.corsConfiguration, body["x-amazon-apigateway-cors"]);
  assert.not.ok(resources.some((r) => r.type === "aws:apigatewayv2/deployment:Deployment"), "autoDeploy: no hand-made Deployment");
});

test("samples/http-api, stack prod: the stage auto-deploys, logs JSON access logs and throttles by default and per route", async () => {
  const resources = await run("http-sample", sample.model, "prod");
  const stage = resourceOf(resources, T.stage, "api").inputs;
  assert.is(stage.apiId, "api-id");
  assert.is(stage.name, "prod");
  assert.is(stage.autoDeploy, true);
  assert.is(stage.description, "Production");
  assert.equal(stage.stageVariables, { legacyHost: "legacy.tasks.example.com" });
  assert.equal(stage.defaultRouteSettings, { throttlingRateLimit: 2000, throttlingBurstLimit: 1000, detailedMetricsEnabled: true });
  const routes = stage.routeSettings as Record<string, unknown>[];
  assert.equal(routes.map((r) => r.routeKey), [
    "ANY /legacy/{proxy+}",
    "DELETE /tasks/{taskId}",
    "GET /health",
    "GET /holidays/{year}/{countryCode}",
    "GET /tasks",
    "GET /tasks/{taskId}",
    "PATCH /tasks/{taskId}",
    "POST /devices/{deviceId}/sync",
    "POST /imports",
    "POST /tasks",
  ]);
  assert.equal(routes.find((r) => r.routeKey === "POST /tasks"), {
    routeKey: "POST /tasks",
    throttlingRateLimit: 20,
    throttlingBurstLimit: 40,
    detailedMetricsEnabled: true,
  });
  const access = stage.accessLogSettings as { destinationArn: string; format: string };
  assert.is(access.destinationArn, "arn:aws:logs:us-east-1:123456789012:log-group:api-access-logs");
  const format = JSON.parse(access.format) as Record<string, string>;
  assert.is(format.requestId, "$context.requestId");
  assert.is(format.routeKey, "$context.routeKey");
  assert.is(format.authorizerError, "$context.authorizer.error");
  assert.not.match(access.format, /\n/);
  assert.is(resourceOf(resources, T.logGroup, "api-access-logs").inputs.retentionInDays, 365);
});

test("samples/http-api, stack prod: Lambda permissions scoped to each route of the stage, and to the API's authorizers", async () => {
  const resources = await run("http-sample", sample.model, "prod");
  const permissions = Object.fromEntries(
    resources.filter((r) => r.type === T.permission).map((r) => [r.name, [r.inputs.function, r.inputs.sourceArn, r.inputs.principal, r.inputs.action]]),
  );
  const invoke = (fn: string, arn: string) => [fn, arn, "apigateway.amazonaws.com", "lambda:InvokeFunction"];
  assert.equal(permissions, {
    "perm-device-authorizer-authorizers": invoke("fn-device-authorizer", `${EXEC}/authorizers/*`),
    "perm-tasks-post-devices-device-id-sync": invoke("fn-tasks", `${EXEC}/prod/POST/devices/*/sync`),
    "perm-tasks-get-health": invoke("fn-tasks", `${EXEC}/prod/GET/health`),
    "perm-tasks-get-tasks": invoke("fn-tasks", `${EXEC}/prod/GET/tasks`),
    "perm-tasks-post-tasks": invoke("fn-tasks", `${EXEC}/prod/POST/tasks`),
    "perm-tasks-get-tasks-task-id": invoke("fn-tasks", `${EXEC}/prod/GET/tasks/*`),
    "perm-tasks-delete-tasks-task-id": invoke("fn-tasks", `${EXEC}/prod/DELETE/tasks/*`),
    "perm-tasks-patch-tasks-task-id": invoke("fn-tasks", `${EXEC}/prod/PATCH/tasks/*`),
  });
  const environment = secretValue(resourceOf(resources, "aws:lambda/function:Function", "fn-device-authorizer").inputs.environment);
  assert.equal(environment, { variables: { DEVICE_TOKEN_SECRET: "deviceTokenSecret-value" } });
});

test("samples/http-api, stack prod: the SQS integration's role, allowed sqs:SendMessage on the import queue only", async () => {
  const resources = await run("http-sample", sample.model, "prod");
  const role = resourceOf(resources, "aws:iam/role:Role", "integration-queue-import").inputs;
  assert.equal(JSON.parse(role.assumeRolePolicy as string).Statement, [
    { Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" },
  ]);
  const policy = resourceOf(resources, "aws:iam/rolePolicy:RolePolicy", "integration-queue-import").inputs;
  assert.is(policy.role, "integration-queue-import-id");
  assert.equal(JSON.parse(policy.policy as string).Statement, [
    { Effect: "Allow", Action: "sqs:SendMessage", Resource: "arn:aws:test:us-east-1:123456789012:importQueueArn" },
  ]);
  const body = JSON.parse(resourceOf(resources, T.api, "api").inputs.body as string);
  assert.is(body.paths["/imports"].post["x-amazon-apigateway-integration"].credentials, "arn:aws:iam::123456789012:role/integration-queue-import");
  assert.is(resources.filter((r) => r.type === "aws:iam/role:Role" && r.name.startsWith("integration-")).length, 1);
});

test("samples/http-api, stack prod: a regional TLS 1.2 domain mapped to the stage, with A and AAAA aliases; outputs", async () => {
  const outputs: Record<string, unknown> = {};
  const resources = await run("http-sample", sample.model, "prod", outputs);
  const domain = resourceOf(resources, T.domain, "api-domain").inputs;
  assert.is(domain.domainName, "tasks-api.example.com");
  assert.equal(domain.domainNameConfiguration, {
    certificateArn: "arn:aws:test:us-east-1:123456789012:certificateArn",
    endpointType: "REGIONAL",
    ipAddressType: "dualstack",
    securityPolicy: "TLS_1_2",
  });
  assert.equal(resourceOf(resources, T.mapping, "api-domain-mapping").inputs, { apiId: "api-id", domainName: "tasks-api.example.com", stage: "prod" });
  for (const type of ["a", "aaaa"]) {
    const record = resourceOf(resources, T.record, `api-domain-${type}`).inputs;
    assert.is(record.type, type.toUpperCase());
    assert.is(record.zoneId, "hostedZoneId-value");
    assert.equal(record.aliases, [{ name: "d-api-domain-id.execute-api.us-east-1.amazonaws.com", zoneId: "Z1UJRXOUMOOFQ8", evaluateTargetHealth: false }]);
  }
  assert.equal(outputs, {
    apiId: "api-id",
    apiEndpoint: "https://api-id.execute-api.us-east-1.amazonaws.com",
    stageName: "prod",
    invokeUrl: "https://api-id.execute-api.us-east-1.amazonaws.com/prod/",
    domainTarget: "d-api-domain-id.execute-api.us-east-1.amazonaws.com",
    domainZoneId: "Z1UJRXOUMOOFQ8",
    customUrl: "https://tasks-api.example.com/",
  });
});

test("samples/http-api, stack dev: the dev stage's throttle, retention and variables", async () => {
  const resources = await run("http-sample", sample.model, "dev");
  const stage = resourceOf(resources, T.stage, "api").inputs;
  assert.is(stage.name, "dev");
  assert.equal(stage.defaultRouteSettings, { throttlingRateLimit: 20, throttlingBurstLimit: 10, detailedMetricsEnabled: true });
  assert.equal(stage.stageVariables, { legacyHost: "legacy-dev.tasks.example.com" });
  assert.is(resourceOf(resources, T.logGroup, "api-access-logs").inputs.retentionInDays, 7);
  assert.is(resourceOf(resources, T.logGroup, "fn-tasks").inputs.retentionInDays, 7);
});

test("a stack that is no stage of the spec deploys $default with secure defaults, served at the API's root", async () => {
  const outputs: Record<string, unknown> = {};
  const resources = await run("http-sample", sample.model, "feature-x", outputs);
  const stage = resourceOf(resources, T.stage, "api").inputs;
  assert.is(stage.name, "$default");
  assert.is(stage.autoDeploy, true);
  assert.equal(stage.defaultRouteSettings, { throttlingRateLimit: 100, throttlingBurstLimit: 50, detailedMetricsEnabled: true });
  assert.equal(stage.stageVariables, {});
  assert.is(resourceOf(resources, T.permission, "perm-tasks-get-tasks").inputs.sourceArn, `${EXEC}/$default/GET/tasks`);
  assert.is(resourceOf(resources, T.mapping, "api-domain-mapping").inputs.stage, "$default");
  assert.is(outputs.invokeUrl, "https://api-id.execute-api.us-east-1.amazonaws.com/");
});

test("a spec without stages: $default; IAM routes; a function by ARN from config; payload format 1.0", async () => {
  const outputs: Record<string, unknown> = {};
  const resources = await run("http-small", small.model, "dev", outputs);
  assert.is(resourceOf(resources, T.stage, "api").inputs.name, "$default");
  assert.equal(
    resources.filter((r) => r.type === T.permission).map((r) => [r.name, r.inputs.function, r.inputs.sourceArn]),
    [["perm-orders-get-orders-order-id", "arn:aws:test:us-east-1:123456789012:ordersFunctionArn", `${EXEC}/$default/GET/orders/*`]],
  );
  const body = JSON.parse(resourceOf(resources, T.api, "api").inputs.body as string);
  const route = body.paths["/orders/{orderId}"].get;
  assert.equal(route["x-amazon-apigateway-auth"], { type: "AWS_IAM" });
  assert.is(route["x-amazon-apigateway-integration"].payloadFormatVersion, "1.0");
  assert.is(resourceOf(resources, T.stage, "api").inputs.routeSettings, undefined);
  assert.not.ok(resources.some((r) => r.type === T.domain));
  assert.equal(Object.keys(outputs), ["apiId", "apiEndpoint", "stageName", "invokeUrl"]);
  const readme = fileOf(small.files, "pulumi/README.md");
  assert.ok(readme.includes("pulumi stack init dev   # any name: the stack deploys the $default stage"));
  assert.ok(readme.includes("Any other stack deploys the `$default` stage"));
  assert.ok(readme.includes("| `ordersFunctionArn` | no | ARN of Lambda function orders |"));
  assert.not.ok(readme.includes("createAccountLogRole"), "HTTP APIs need no account-level CloudWatch Logs role");
});

test("a private integration over a VPC link; the default endpoint off; a multi-level mapping with mutual TLS", async () => {
  const resources = await run("http-private", privateApi.model, "prod");
  const api = resourceOf(resources, T.api, "api").inputs;
  assert.is(api.disableExecuteApiEndpoint, true);
  assert.is(api.corsConfiguration, undefined);
  const any = JSON.parse(api.body as string).paths["/items/{proxy+}"]["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"];
  assert.is(any.connectionId, "vpcLinkId-value");
  assert.equal(any.tlsConfig, { serverNameToVerify: "inventory.internal" });
  const stage = resourceOf(resources, T.stage, "api").inputs;
  assert.equal(stage.defaultRouteSettings, { throttlingRateLimit: 50, throttlingBurstLimit: 25, detailedMetricsEnabled: false });
  const domain = resourceOf(resources, T.domain, "api-domain").inputs;
  assert.is(domain.domainName, "domainName-value");
  assert.equal(domain.mutualTlsAuthentication, { truststoreUri: "s3://trust/ca.pem" });
  assert.equal(resourceOf(resources, T.mapping, "api-domain-mapping").inputs, {
    apiId: "api-id",
    domainName: "domainName-value",
    stage: "prod",
    apiMappingKey: "inventory/v1",
  });
  assert.not.ok(resources.some((r) => r.type === T.record), "no hosted zone, no records");
  assert.not.ok(resources.some((r) => r.type === T.permission), "no Lambda, no permission");
});

test("the program reads its config at the top and never pastes spec text into code", () => {
  const program = fileOf(sample.files, "pulumi/index.ts");
  assert.ok(program.startsWith("// Generated by Portico. Do not edit"));
  assert.ok(program.includes('const stage = stageSettings.has(stack) ? stack : "$default";'));
  assert.ok(program.includes('protocolType: "HTTP",'));
  assert.not.match(program, /import \* as crypto/);
  assert.not.match(program, /aws\.apigateway\.Account|aws\.apigatewayv2\.Deployment/);
});

test.run();
