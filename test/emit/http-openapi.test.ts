/**
 * The import document of HTTP APIs (`openapi.aws.json` for `x-gateway.api: http`): integrations (Lambda proxy with
 * payload 2.0 or 1.0, HTTP proxy, private integrations over a VPC link, timeouts), authorizers (JWT, Lambda REQUEST,
 * IAM), CORS and the preflight routes it needs, proxy resources, 3.1 input, and samples/http-api (its SQS subtype
 * and parameter mapping included; ./http-subtypes.test.ts and ./http-parameter-mapping.test.ts cover those).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost, nodeHost, type BuildResult } from "../../compiler/index.js";
import { yaml } from "../rules/helpers/check.js";

type Json = Record<string, any>;

const HEADER = yaml`
  info: { title: Tasks, version: 2.0.0 }
  x-gateway:
    api: http
    functions:
      tasks: { arn: arn:aws:lambda:eu-west-1:123456789012:function:tasks }
      auth: { arn: arn:aws:lambda:eu-west-1:123456789012:function:auth }
`;

/** Builds the spec `text` (after its `openapi` version line) in memory, the import document only. */
function buildSpec(text: string, openapi = "3.0.3"): BuildResult {
  return build(createMemoryHost({ "api.yaml": `openapi: ${openapi}\n${text}` }), "api.yaml", { out: "out", emit: ["openapi"] });
}

/** The import document of a build without errors. */
function documentOf(result: BuildResult): Json {
  const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);
  assert.equal(errors, []);
  const file = result.files.find((f) => f.path === "openapi.aws.json");
  if (file === undefined) throw new Error("openapi.aws.json was not emitted");
  return JSON.parse(file.content) as Json;
}

const ROUTES = `${HEADER}
paths:
  /tasks:
    get:
      operationId: listTasks
      parameters: [{ name: limit, in: query, schema: { type: integer } }]
      security: [{ oidc: [tasks/read, tasks/admin] }]
      x-gateway: { lambda: tasks, timeout: 12000 }
      responses: { "200": { description: The tasks }, default: { description: An error } }
    post:
      operationId: createTask
      security: [{ device: [] }]
      x-gateway: { lambda: { function: tasks, payloadFormat: "1.0" } }
      responses: { "201": { description: Created } }
  /holidays/{year}:
    get:
      operationId: listHolidays
      security: [{ sigv4: [] }]
      parameters: [{ name: year, in: path, required: true, schema: { type: integer } }]
      x-gateway: { http: { url: "https://date.example.com/holidays/{year}", method: GET }, timeout: 50 }
      responses: { "200": { description: ok } }
  /inventory/{proxy+}:
    parameters: [{ name: proxy, in: path, required: true, schema: { type: string } }]
    x-gateway:
      any:
        http: { url: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/inv/50dc6c495c0c9188/f2f7dc8efc522ab2", vpcLink: { id: { config: vpcLinkId } }, tls: { serverName: inventory.internal } }
        public: true
components:
  securitySchemes:
    oidc:
      type: openIdConnect
      openIdConnectUrl: https://issuer.example.com/.well-known/openid-configuration
      x-gateway: { jwt: { issuer: https://issuer.example.com, audiences: [tasks-web, { config: mobileClientId }] } }
    device:
      type: apiKey
      in: header
      name: X-Device-Token
      x-gateway: { lambda: auth, identitySources: [$request.header.X-Device-Token, $context.routeKey], ttl: 60, simpleResponses: true }
    sigv4: { type: apiKey, in: header, name: Authorization, x-gateway: { iam: true } }
`;

const routes = documentOf(buildSpec(ROUTES));

test("an HTTP API document: OpenAPI 3.0.1, the import-export version, no REST-only extension", () => {
  assert.is(routes.openapi, "3.0.1");
  assert.equal(routes.info, { title: "Tasks", version: "2.0.0" });
  assert.is(routes["x-amazon-apigateway-importexport-version"], "1.0");
  for (const rest of ["x-amazon-apigateway-api-key-source", "x-amazon-apigateway-gateway-responses", "x-amazon-apigateway-request-validators"]) {
    assert.is(routes[rest], undefined, rest);
  }
  assert.equal(Object.keys(routes.paths), ["/holidays/{year}", "/inventory/{proxy+}", "/tasks"]);
});

test("Lambda proxy integrations: POST to the invocation URI, payload format 2.0 by default, 1.0 when asked, the timeout", () => {
  const uri = "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${portico:function:tasks:arn}/invocations";
  assert.equal(routes.paths["/tasks"].get["x-amazon-apigateway-integration"], {
    httpMethod: "POST",
    payloadFormatVersion: "2.0",
    timeoutInMillis: 12000,
    type: "aws_proxy",
    uri,
  });
  assert.equal(routes.paths["/tasks"].post["x-amazon-apigateway-integration"], { httpMethod: "POST", payloadFormatVersion: "1.0", type: "aws_proxy", uri });
});

test("HTTP proxies: the URL with its path variables and the method; a private integration over a VPC link with tlsConfig", () => {
  assert.equal(routes.paths["/holidays/{year}"].get["x-amazon-apigateway-integration"], {
    httpMethod: "GET",
    payloadFormatVersion: "1.0",
    timeoutInMillis: 50,
    type: "http_proxy",
    uri: "https://date.example.com/holidays/{year}",
  });
  const any = routes.paths["/inventory/{proxy+}"]["x-amazon-apigateway-any-method"];
  assert.equal(any["x-amazon-apigateway-integration"], {
    connectionId: "${portico:config:vpcLinkId}",
    connectionType: "VPC_LINK",
    httpMethod: "ANY",
    payloadFormatVersion: "1.0",
    tlsConfig: { serverNameToVerify: "inventory.internal" },
    type: "http_proxy",
    uri: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/inv/50dc6c495c0c9188/f2f7dc8efc522ab2",
  });
  assert.equal(any.parameters, [{ in: "path", name: "proxy", required: true, schema: { type: "string" } }]);
  assert.is(any.security, undefined, "a public route has no authorization");
});

test("authorizers: JWT with its issuer, audiences and route scopes; Lambda REQUEST with payload 2.0; IAM per route", () => {
  assert.equal(routes.components.securitySchemes, {
    device: {
      in: "header",
      name: "X-Device-Token",
      type: "apiKey",
      "x-amazon-apigateway-authorizer": {
        authorizerPayloadFormatVersion: "2.0",
        authorizerResultTtlInSeconds: 60,
        authorizerUri: "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${portico:function:auth:arn}/invocations",
        enableSimpleResponses: true,
        identitySource: "$request.header.X-Device-Token, $context.routeKey",
        type: "request",
      },
    },
    oidc: {
      flows: {},
      type: "oauth2",
      "x-amazon-apigateway-authorizer": {
        identitySource: "$request.header.Authorization",
        jwtConfiguration: { audience: ["tasks-web", "${portico:config:mobileClientId}"], issuer: "https://issuer.example.com" },
        type: "jwt",
      },
    },
  });
  assert.equal(routes.paths["/tasks"].get.security, [{ oidc: ["tasks/read", "tasks/admin"] }]);
  assert.equal(routes.paths["/tasks"].post.security, [{ device: [] }]);
  const iam = routes.paths["/holidays/{year}"].get;
  assert.equal(iam["x-amazon-apigateway-auth"], { type: "AWS_IAM" });
  assert.is(iam.security, undefined);
});

test("routes keep operationId, scalar parameter types and numeric response statuses only", () => {
  const get = routes.paths["/tasks"].get;
  assert.is(get.operationId, "listTasks");
  assert.equal(get.parameters, [{ in: "query", name: "limit", required: false, schema: { type: "integer" } }]);
  assert.equal(get.responses, { "200": { description: "The tasks" } });
  assert.is(get.requestBody, undefined);
});

const CORS = `${HEADER}
  cors: { origins: [https://app.example.com, "https://*.example.com"], methods: [GET, POST], headers: [Authorization], exposeHeaders: [Location], credentials: true, maxAge: 600 }
paths:
  /files/{proxy+}:
    x-gateway: { any: { lambda: tasks } }
    parameters: [{ name: proxy, in: path, required: true, schema: { type: string } }]
  /tasks:
    get: { operationId: listTasks, x-gateway: { lambda: tasks }, responses: { "200": { description: ok } } }
security: [{ oidc: [] }]
components:
  securitySchemes:
    oidc: { type: openIdConnect, openIdConnectUrl: https://issuer.example.com/.well-known/openid-configuration, x-gateway: { jwt: { issuer: https://issuer.example.com, audiences: [web] } } }
`;

test("CORS: x-amazon-apigateway-cors from x-gateway.cors; an invalid origin is reported and left out", () => {
  const result = buildSpec(CORS);
  const cors = result.diagnostics.filter((d) => d.code === "cors-value-invalid");
  assert.equal(cors.map((d) => d.origin.pointer), ["/x-gateway/cors/origins/1"]);
  const built = buildSpec(CORS.replace(', "https://*.example.com"', ""));
  const document = documentOf(built);
  assert.equal(document["x-amazon-apigateway-cors"], {
    allowCredentials: true,
    allowHeaders: ["Authorization"],
    allowMethods: ["GET", "POST"],
    allowOrigins: ["https://app.example.com"],
    exposeHeaders: ["Location"],
    maxAge: 600,
  });
});

test("CORS: an ANY route behind an authorizer gets an unauthenticated OPTIONS route with its integration", () => {
  const document = documentOf(buildSpec(CORS.replace(', "https://*.example.com"', "")));
  const files = document.paths["/files/{proxy+}"];
  assert.equal(files["x-amazon-apigateway-any-method"].security, [{ oidc: [] }]);
  assert.equal(files.options, {
    parameters: [{ in: "path", name: "proxy", required: true, schema: { type: "string" } }],
    responses: { "204": { description: "CORS preflight" } },
    "x-amazon-apigateway-integration": files["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"],
  });
  assert.is(document.paths["/tasks"].options, undefined, "API Gateway answers preflights of routes that do not catch OPTIONS");
  const withoutCors = documentOf(buildSpec(CORS.replace(/\n {2}cors: .*\n/, "\n")));
  assert.is(withoutCors.paths["/files/{proxy+}"].options, undefined);
  assert.is(withoutCors["x-amazon-apigateway-cors"], undefined);
});

test("proxy resources become the ANY routes of the prefix and of {prefix}/{proxy+}, HTTP proxies to the base URL", () => {
  const spec = `${HEADER}
  proxyResources: [/repos]
  defaults: { integration: { http: { baseUrl: https://api.example.com } } }
paths:
  /repos/{owner}:
    parameters: [{ name: owner, in: path, required: true, schema: { type: string } }]
    get: { operationId: getOwner, security: [{ sigv4: [] }], responses: { "200": { description: ok } } }
  /repos/{owner}/{repo}:
    parameters: [{ name: owner, in: path, required: true, schema: { type: string } }, { name: repo, in: path, required: true, schema: { type: string } }]
    get: { operationId: getRepo, security: [{ sigv4: [] }], responses: { "200": { description: ok } } }
components:
  securitySchemes:
    sigv4: { type: apiKey, in: header, name: Authorization, x-gateway: { iam: true } }
`;
  const document = documentOf(buildSpec(spec));
  assert.equal(Object.keys(document.paths), ["/repos", "/repos/{proxy+}"]);
  const greedy = document.paths["/repos/{proxy+}"]["x-amazon-apigateway-any-method"];
  assert.equal(greedy["x-amazon-apigateway-integration"], { httpMethod: "ANY", payloadFormatVersion: "1.0", type: "http_proxy", uri: "https://api.example.com/repos/{proxy}" });
  assert.equal(greedy["x-amazon-apigateway-auth"], { type: "AWS_IAM" });
  assert.is(greedy.operationId, undefined);
  assert.is(document.paths["/repos"]["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"].uri, "https://api.example.com/repos");
});

test("OpenAPI 3.1 input is lowered: a 3.0.1 document, type lists reduced to their scalar type", () => {
  const spec = `${HEADER}
paths:
  /tasks:
    get:
      operationId: listTasks
      parameters: [{ name: limit, in: query, schema: { type: [integer, "null"], exclusiveMinimum: 0 } }]
      x-gateway: { lambda: tasks, public: true }
      responses: { "200": { description: ok } }
`;
  const document = documentOf(buildSpec(spec, "3.1.0"));
  assert.is(document.openapi, "3.0.1");
  assert.equal(document.paths["/tasks"].get.parameters, [{ in: "query", name: "limit", required: false, schema: { type: "integer" } }]);
});

test("native x-amazon-apigateway-* extensions at the root and on operations pass through and win", () => {
  const spec = `${HEADER}
x-amazon-apigateway-importexport-version: "1.0"
paths:
  /tasks:
    get:
      operationId: listTasks
      x-gateway: { lambda: tasks, public: true }
      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: "https://old.example.com/tasks", payloadFormatVersion: "1.0" }
      responses: { "200": { description: ok } }
`;
  const document = documentOf(buildSpec(spec));
  assert.is(document.paths["/tasks"].get["x-amazon-apigateway-integration"].uri, "https://old.example.com/tasks");
});

const sample = build(nodeHost, "samples/http-api/openapi.yaml", { out: "test/.out/http-openapi-sample", emit: ["openapi"] });
const tasks = documentOf(sample);

test("samples/http-api: builds with no warning; every route, its integration and its authorization", () => {
  assert.equal(sample.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  const summary = Object.entries(tasks.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, route]) => {
      const i = (route as Json)["x-amazon-apigateway-integration"];
      const auth = (route as Json).security === undefined ? "none" : JSON.stringify((route as Json).security);
      return `${method} ${path}: ${i.type} ${i.payloadFormatVersion} ${i.timeoutInMillis} ${auth}`;
    }),
  );
  assert.equal(summary, [
    'post /devices/{deviceId}/sync: aws_proxy 2.0 25000 [{"device":[]}]',
    "get /health: aws_proxy 2.0 15000 none",
    'get /holidays/{year}/{countryCode}: http_proxy 1.0 5000 [{"cognito":["tasks/read"]}]',
    'post /imports: aws_proxy 1.0 15000 [{"cognito":["tasks/write"]}]',
    "x-amazon-apigateway-any-method /legacy/{proxy+}: http_proxy 1.0 15000 none",
    'get /tasks: aws_proxy 2.0 15000 [{"cognito":["tasks/read"]}]',
    'post /tasks: aws_proxy 2.0 15000 [{"cognito":["tasks/write"]}]',
    'delete /tasks/{taskId}: aws_proxy 2.0 15000 [{"cognito":["tasks/write"]}]',
    'get /tasks/{taskId}: aws_proxy 2.0 15000 [{"cognito":["tasks/read"]}]',
    'patch /tasks/{taskId}: aws_proxy 2.0 15000 [{"cognito":["tasks/write"]}]',
  ]);
  const imports = tasks.paths["/imports"].post["x-amazon-apigateway-integration"];
  assert.equal([imports.integrationSubtype, imports.credentials, imports.requestParameters.MessageBody, imports.responseParameters], [
    "SQS-SendMessage",
    "${portico:role:queue-import}",
    "$request.body",
    { "200": { "overwrite:statuscode": "202" } },
  ]);
  const holidays = tasks.paths["/holidays/{year}/{countryCode}"].get["x-amazon-apigateway-integration"];
  assert.equal(holidays.requestParameters, { "overwrite:header.X-Request-Id": "$context.requestId", "remove:header.Cookie": "''" });
  assert.equal(holidays.responseParameters, { "200": { "overwrite:header.Cache-Control": "public, max-age=86400" } });
  const legacy = tasks.paths["/legacy/{proxy+}"];
  assert.is(legacy["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"].uri, "https://${stageVariables.legacyHost}/{proxy}");
  assert.is(legacy.options, undefined, "an ANY route without authorization needs no preflight route");
});

test("samples/http-api: the JWT (Cognito issuer) and device authorizers, and CORS", () => {
  const schemes = tasks.components.securitySchemes;
  assert.equal(schemes.cognito["x-amazon-apigateway-authorizer"].jwtConfiguration, {
    audience: ["${portico:config:cognitoAppClientId}"],
    issuer: "${portico:config:cognitoIssuerUrl}",
  });
  const device = schemes.device["x-amazon-apigateway-authorizer"];
  assert.equal([device.type, device.authorizerPayloadFormatVersion, device.enableSimpleResponses, device.identitySource, device.authorizerResultTtlInSeconds], [
    "request",
    "2.0",
    true,
    "$request.header.X-Device-Token",
    300,
  ]);
  assert.equal(tasks["x-amazon-apigateway-cors"], {
    allowCredentials: true,
    allowHeaders: ["Authorization", "Content-Type"],
    allowMethods: ["GET", "POST", "PATCH", "DELETE"],
    allowOrigins: ["https://tasks.example.com"],
    exposeHeaders: ["Location"],
    maxAge: 3600,
  });
});

test.run();
