import { test } from "uvu";
import * as assert from "uvu/assert";
import { DiagnosticCollector } from "../../compiler/diagnostics/diagnostic.js";
import { awsOpenApiEmitter, MAX_BODY_BYTES } from "../../compiler/emit/aws-openapi/index.js";
import { configToken, findPlaceholders, functionArnToken, roleToken } from "../../compiler/emit/placeholders.js";
import type { GatewayModel, Operation } from "../../compiler/model/types.js";
import { http, model, operation } from "./fixtures/build.js";
import { githubModel } from "./fixtures/github.js";
import { petsModel } from "./fixtures/pets.js";
import { emitAll, fileOf } from "./helpers/harness.js";

type Json = Record<string, any>;

/** `openapi.aws.json` of `spec`, parsed. */
function document(spec: GatewayModel = petsModel()): Json {
  const files = awsOpenApiEmitter.emit(spec, { specDirFromPulumi: "..", report: new DiagnosticCollector() });
  return JSON.parse(fileOf(files, "openapi.aws.json")) as Json;
}

const LAMBDA_URI = (fn: string) =>
  `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${portico:function:${fn}:arn}/invocations`;

test("the document is OpenAPI 3.0.1 with the API-wide extensions and native ones passed through", () => {
  const doc = document();
  assert.is(doc.openapi, "3.0.1");
  assert.equal(doc.info, { title: "pets-api", version: "1.4.0" });
  assert.is(doc["x-amazon-apigateway-api-key-source"], "HEADER");
  assert.equal(doc["x-amazon-apigateway-binary-media-types"], ["image/png"]);
  assert.is(doc["x-amazon-apigateway-minimum-compression-size"], 1024);
  // The spec's own validator is kept beside the one derived for methods with path variables.
  assert.equal(doc["x-amazon-apigateway-request-validators"], {
    all: { validateRequestBody: true, validateRequestParameters: true },
    parameters: { validateRequestBody: false, validateRequestParameters: true },
  });
  assert.is(doc["x-amazon-apigateway-policy"], undefined);
  assert.equal(Object.keys(doc.paths), ["/", "/adoption-fees/quote", "/adoptions", "/adoptions/{adoptionId}", "/files/{proxy+}", "/pets", "/pets/{petId}", "/status"]);
});

test("gateway responses: status, headers as mapping expressions (plain text quoted), the JSON template", () => {
  assert.equal(document()["x-amazon-apigateway-gateway-responses"], {
    DEFAULT_5XX: {},
    UNAUTHORIZED: {
      responseParameters: {
        "gatewayresponse.header.WWW-Authenticate": "'Bearer'",
        "gatewayresponse.header.X-Request-Id": "context.requestId",
      },
      responseTemplates: { "application/json": '{"message":"Sign in to continue"}' },
      statusCode: "401",
    },
  });
});

test("Lambda proxy: aws_proxy POST to the function's invocation URI; ANY becomes x-amazon-apigateway-any-method", () => {
  const doc = document();
  assert.equal(doc.paths["/pets"].get["x-amazon-apigateway-integration"], {
    httpMethod: "POST",
    passthroughBehavior: "when_no_match",
    type: "aws_proxy",
    uri: LAMBDA_URI("pets"),
  });
  const any = doc.paths["/files/{proxy+}"]["x-amazon-apigateway-any-method"];
  assert.is(any.operationId, "files");
  assert.equal(any.parameters, [{ in: "path", name: "proxy", required: true, schema: { type: "string" } }]);
});

test("security: only the first alternative, Cognito scopes kept, other schemes with []", () => {
  const paths = document().paths;
  assert.equal(paths["/pets"].get.security, [{ users: ["pets/read"] }]);
  assert.equal(paths["/pets/{petId}"].get.security, [{ keys: [], partners: [] }]);
  assert.is(paths["/status"].get.security, undefined);
});

test("security schemes carry the authorizers API Gateway imports", () => {
  const schemes = document().components.securitySchemes;
  assert.equal(schemes.partners, {
    in: "header",
    name: "Authorization",
    type: "apiKey",
    "x-amazon-apigateway-authtype": "custom",
    "x-amazon-apigateway-authorizer": {
      authorizerResultTtlInSeconds: 300,
      authorizerUri: LAMBDA_URI("authorize"),
      identitySource: "method.request.header.Authorization",
      identityValidationExpression: "^Bearer .+$",
      type: "token",
    },
  });
  assert.equal(schemes.users["x-amazon-apigateway-authorizer"], {
    providerARNs: ["${portico:config:userPoolArn}"],
    type: "cognito_user_pools",
  });
  assert.is(schemes.users["x-amazon-apigateway-authtype"], "cognito_user_pools");
  assert.equal(schemes.keys, { in: "header", name: "x-api-key", type: "apiKey" });
  assert.is(schemes.sigv4["x-amazon-apigateway-authtype"], "awsSigv4");
});

test("HTTP proxy over a VPC link maps every path variable and keeps the timeout", () => {
  const integration = document().paths["/adoptions/{adoptionId}"].get["x-amazon-apigateway-integration"];
  assert.equal(integration, {
    connectionId: "${portico:config:adoptionsVpcLink}",
    connectionType: "VPC_LINK",
    httpMethod: "GET",
    passthroughBehavior: "when_no_match",
    requestParameters: { "integration.request.path.adoptionId": "method.request.path.adoptionId" },
    timeoutInMillis: 5000,
    type: "http_proxy",
    uri: "http://adoptions.internal.example.com/adoptions/{adoptionId}",
  });
});

test("mock: statusCode request template, body as response template, headers declared on the method response", () => {
  const get = document().paths["/status"].get;
  const integration = get["x-amazon-apigateway-integration"];
  assert.is(integration.type, "mock");
  assert.equal(integration.requestTemplates, { "application/json": '{"statusCode": 200}' });
  assert.equal(integration.responses.default, {
    responseParameters: { "method.response.header.Cache-Control": "'no-store'" },
    responseTemplates: { "application/json": '#[[{"ok":true,"price":"$5"}]]#' },
    statusCode: "200",
  });
  assert.equal(get.responses["200"].headers, { "Cache-Control": { schema: { type: "string" } } });
});

test("Step Functions: StartExecution / StartSyncExecution with the role placeholder and the body as input", () => {
  const paths = document().paths;
  const async = paths["/adoptions"].post["x-amazon-apigateway-integration"];
  assert.is(async.type, "aws");
  assert.is(async.httpMethod, "POST");
  assert.is(async.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution");
  assert.is(async.credentials, "${portico:role:create-adoption}");
  assert.is(
    async.requestTemplates["application/json"],
    `{"input": "$util.escapeJavaScript($input.json('$')).replaceAll("\\\\'","'")", "stateMachineArn": "$util.escapeJavaScript($util.urlDecode('\${portico:config:adoptionMachine:url}')).replaceAll("\\\\'","'")"}`,
  );
  assert.equal(Object.keys(async.responses).sort(), ["4\\d{2}", "5\\d{2}", "default"]);
  assert.equal(async.responses.default, { statusCode: "202" });
  assert.equal([async.responses["4\\d{2}"].statusCode, async.responses["5\\d{2}"].statusCode], ["400", "502"], "a failed call is no success");
  assert.ok(paths["/adoptions"].post.responses["202"], "the integration's status has a method response");
  const sync = paths["/adoption-fees/quote"].post["x-amazon-apigateway-integration"];
  assert.is(sync.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartSyncExecution");
  assert.match(sync.requestTemplates["application/json"], /"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:quote"/);
});

test("other AWS services: the action URI, the role placeholder, the service request, error responses", () => {
  const integration = document().paths["/pets/{petId}"].delete["x-amazon-apigateway-integration"];
  assert.is(integration.type, "aws");
  assert.is(integration.uri, "arn:${AWS::Partition}:apigateway:${AWS::Region}:dynamodb:action/DeleteItem");
  assert.is(integration.credentials, "${portico:role:delete-pet}");
  assert.is(integration.passthroughBehavior, "never");
  assert.match(integration.requestTemplates["application/json"], /"TableName": .*petsTable/);
  assert.equal(Object.keys(integration.responses).sort(), ["4\\d{2}", "5\\d{2}", "default"]);
});

test("what import does not need is left out", () => {
  const text = JSON.stringify(document(), null, 2);
  for (const key of ['"description"', '"summary"', '"content"', '"example"']) {
    const outside = text.split("\n").filter((l) => l.includes(key) && !l.includes('"description": "OK"') && !l.includes("Integration response"));
    assert.equal(outside, [], `${key} should not appear`);
  }
});

test("proxyResources: the prefix and {prefix}/{proxy+} (ANY) replace every operation at or under it", () => {
  const doc = document(githubModel());
  assert.equal(Object.keys(doc.paths), ["/orgs/{org}", "/orgs/{org}/{proxy+}", "/repos", "/repos/{proxy+}", "/users/{username}"]);
  for (const path of ["/orgs/{org}", "/orgs/{org}/{proxy+}", "/repos", "/repos/{proxy+}"]) {
    assert.equal(Object.keys(doc.paths[path]), ["x-amazon-apigateway-any-method"], path);
  }
  const greedy = doc.paths["/repos/{proxy+}"]["x-amazon-apigateway-any-method"];
  assert.equal(greedy["x-amazon-apigateway-integration"], {
    httpMethod: "ANY",
    passthroughBehavior: "when_no_match",
    requestParameters: { "integration.request.path.proxy": "method.request.path.proxy" },
    timeoutInMillis: 10000,
    type: "http_proxy",
    uri: "https://api.github.com/repos/{proxy}",
  });
  assert.equal(greedy.parameters, [{ in: "path", name: "proxy", required: true, schema: { type: "string" } }]);
  const prefix = doc.paths["/repos"]["x-amazon-apigateway-any-method"];
  assert.is(prefix["x-amazon-apigateway-integration"].uri, "https://api.github.com/repos");
  assert.is(prefix.parameters, undefined);
  const org = doc.paths["/orgs/{org}/{proxy+}"]["x-amazon-apigateway-any-method"];
  assert.is(org["x-amazon-apigateway-integration"].uri, "https://api.github.com/orgs/{org}/{proxy}");
  assert.equal(org["x-amazon-apigateway-integration"].requestParameters, {
    "integration.request.path.org": "method.request.path.org",
    "integration.request.path.proxy": "method.request.path.proxy",
  });
  assert.equal(org.parameters.map((p: Json) => p.name), ["org", "proxy"]);
});

test("placeholders: one grammar, names percent-encoded, found again in text", () => {
  assert.is(functionArnToken("pets"), "${portico:function:pets:arn}");
  assert.is(configToken("aws:region"), "${portico:config:aws%3Aregion}");
  assert.is(roleToken("create-pet"), "${portico:role:create-pet}");
  const found = findPlaceholders(`x ${configToken("a}b$c")} ${functionArnToken("pets")} \${AWS::Region} ${configToken("a}b$c")}`);
  assert.equal(
    found.map((p) => [p.kind, p.name, p.attribute]),
    [
      ["config", "a}b$c", undefined],
      ["function", "pets", "arn"],
    ],
  );
});

test("two runs give byte-identical files", () => {
  const a = emitAll(petsModel()).files;
  const b = emitAll(petsModel()).files;
  assert.equal(a.map((f) => f.path), b.map((f) => f.path));
  a.forEach((file, i) => assert.ok(file.content === b[i]?.content, `${file.path} differs between runs`));
  for (const file of a) {
    assert.ok(file.content.endsWith("\n") && !file.content.endsWith("\n\n"), `${file.path} ends with one newline`);
    assert.not.match(file.content, /\r/);
  }
});

test("HTTP models get their own document (test/emit/http-openapi.test.ts), and no error", () => {
  const { files, diagnostics } = emitAll(model({ kind: "http" }));
  const document = JSON.parse(fileOf(files, "openapi.aws.json"));
  assert.is(document["x-amazon-apigateway-importexport-version"], "1.0");
  assert.is(document["x-amazon-apigateway-api-key-source"], undefined);
  assert.equal(diagnostics, []);
});

test("a body over 6 MB is reported as body-too-large", () => {
  const operations: Operation[] = [];
  for (let i = 0; operations.length < 16000; i++) {
    operations.push(operation("GET", `/resource-with-a-long-name-${i}/{id}`, `op${i}`, http(`https://backend.example.com/resource-with-a-long-name-${i}/{id}`)));
  }
  const big = model({ operations });
  const collector = new DiagnosticCollector();
  awsOpenApiEmitter.emit(big, { specDirFromPulumi: "..", report: collector });
  const report = collector.diagnostics;
  assert.is(report.length, 1);
  assert.is(report[0]?.code, "body-too-large");
  assert.is(report[0]?.severity, "error");
  assert.match(report[0]?.message ?? "", new RegExp(`API Gateway imports at most ${MAX_BODY_BYTES} bytes`));
  assert.equal(report[0]?.origin, big.origin);
});

test.run();
