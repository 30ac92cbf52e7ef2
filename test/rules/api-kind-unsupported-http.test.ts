import { test } from "uvu";
import * as assert from "uvu/assert";
import { apiKindUnsupportedHttp } from "../../compiler/validate/rules/api-kind-unsupported-http.js";
import type { Integration } from "../../compiler/model/types.js";
import { at, found, http, lambda, lambdaAuthorizer, mock, model, operation, requirement, run, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const gw = "/paths/~1pets/get/x-gateway";
const withIntegration = (integration: Integration) => model({ kind: "http", operations: [operation({ integration })] });

test("mock, non-proxy and VTL integrations are reported at the key that asks for them", () => {
  assert.equal(found(apiKindUnsupportedHttp, withIntegration(mock(at(`${gw}/mock`)))), [{ code: "api-kind-unsupported", pointer: `${gw}/mock`, part: "key" }]);
  assert.equal(found(apiKindUnsupportedHttp, withIntegration(lambda("pets", at(`${gw}/lambda`), { proxy: false }))).map((f) => f.pointer), [`${gw}/lambda/proxy`]);
  const vtl = http("https://b.example.com", at(`${gw}/http`), { request: { kind: "template", template: "{}", origin: at(`${gw}/http/request/template`) } });
  const d = run(apiKindUnsupportedHttp, withIntegration(vtl));
  assert.equal(d.map((x) => x.origin.pointer), [`${gw}/http/request/template`]);
  assert.match(d[0]?.message ?? "", /^Not available on HTTP APIs: VTL mapping templates\. /);
});

test("AWS service actions without an HTTP integration subtype are reported; SQS SendMessage is not", () => {
  const aws = (service: string, action: string): Integration => ({
    kind: "aws", service, action, httpMethod: "POST", shorthand: service, settings: {}, origin: at(`${gw}/${service}`),
  });
  assert.equal(found(apiKindUnsupportedHttp, withIntegration(aws("dynamodb", "GetItem"))).map((f) => f.pointer), [`${gw}/dynamodb`]);
  assert.equal(found(apiKindUnsupportedHttp, withIntegration(aws("sqs", "SendMessage"))), []);
});

test("REST-only operation options, authorizers and API settings are each reported", () => {
  const m = model({
    kind: "http",
    endpoint: { type: "edge", vpcEndpointIds: [], disableExecuteApiEndpoint: false, origin: at("/x-gateway/endpoint") },
    securitySchemes: [
      scheme("users", "oauth2", { authorizer: { kind: "cognito", userPools: [], origin: at("/components/securitySchemes/users/x-gateway/cognito") } }),
      scheme("token", "apiKey", { authorizer: lambdaAuthorizer("token", "pets", { type: "token" }) }),
    ],
    usagePlans: [{ name: "free", apiKeys: [], origin: at("/x-gateway/usagePlans/free") }],
    settings: {
      binaryMediaTypes: ["image/png"],
      minimumCompressionSize: 1024,
      apiKeySource: "HEADER",
      validate: { body: true, parameters: true, origin: at("/x-gateway/validate") },
      policy: {},
      gatewayResponses: [{ type: "DEFAULT_4XX", headers: {}, origin: at("/x-gateway/gatewayResponses/DEFAULT_4XX") }],
      tags: {},
      quotas: {},
    },
    operations: [
      operation({
        security: [requirement(`/paths/~1pets/get/security/0`, { users: [], token: [] })],
        options: {
          binary: false,
          usagePlans: [{ name: "free", origin: at(`${gw}/usagePlans/0`) }],
          validate: { body: true, parameters: false },
          cache: { ttl: 60, keys: [], origin: at(`${gw}/cache`) },
        },
      }),
    ],
  });
  assert.equal(found(apiKindUnsupportedHttp, m).map((f) => f.pointer), [
    "/paths/~1pets/get/security/0",
    `${gw}/usagePlans`,
    `${gw}/validate`,
    `${gw}/cache`,
    "/components/securitySchemes/users/x-gateway/cognito",
    "/components/securitySchemes/token/x-gateway/lambda",
    "/x-gateway/usagePlans",
    "/x-gateway/endpoint",
    "/x-gateway/binaryMediaTypes",
    "/x-gateway/minimumCompressionSize",
    "/x-gateway/gatewayResponses",
    "/x-gateway/policy",
    "/x-gateway/validate",
  ]);
});

test("two schemes required together, and skipping backend TLS verification, are reported; one scheme per alternative passes", () => {
  const both = model({ kind: "http", operations: [operation({ security: [requirement("/paths/~1pets/get/security/0", { jwt: [], device: [] })] })] });
  const d = run(apiKindUnsupportedHttp, both);
  assert.equal(d.map((x) => x.origin.pointer), ["/paths/~1pets/get/security/0"]);
  assert.match(d[0]?.message ?? "", /^Not available on HTTP APIs: several security schemes required together\. An HTTP route has one authorizer/);
  const either = [requirement("/paths/~1pets/get/security/0", { jwt: [] }), requirement("/paths/~1pets/get/security/1", { device: [] })];
  assert.equal(found(apiKindUnsupportedHttp, model({ kind: "http", operations: [operation({ security: either })] })), []);
  const skip = http("https://b.example.com", at(`${gw}/http`), { tls: { insecureSkipVerification: true } });
  assert.equal(found(apiKindUnsupportedHttp, withIntegration(skip)).map((f) => f.pointer), [`${gw}/http/tls/insecureSkipVerification`]);
  const verify = http("https://b.example.com", at(`${gw}/http`), { tls: { insecureSkipVerification: false, serverName: "b.internal" } });
  assert.equal(found(apiKindUnsupportedHttp, withIntegration(verify)), []);
});

test("a private integration names a listener or Cloud Map ARN, and only a private one does", () => {
  const listener = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/inv/1/2";
  const vpcLink = { id: { kind: "literal" as const, value: "vl-1", origin: at(`${gw}/http/vpcLink/id`) }, origin: at(`${gw}/http/vpcLink`) };
  const pointers = (integration: Integration) => found(apiKindUnsupportedHttp, withIntegration(integration)).map((f) => f.pointer);
  assert.equal(pointers(http("https://inventory.internal/items", at(`${gw}/http`), { vpcLink })), [`${gw}/http/url`]);
  assert.equal(pointers(http(listener, at(`${gw}/http`))), [`${gw}/http/url`]);
  assert.equal(pointers(http(listener, at(`${gw}/http`), { vpcLink })), []);
});

test("the same features on a REST API, and a plain HTTP API, pass", () => {
  assert.equal(found(apiKindUnsupportedHttp, model({ operations: [operation({ integration: mock(at(`${gw}/mock`)) })] })), []);
  assert.equal(found(apiKindUnsupportedHttp, model({ kind: "http", operations: [operation()] })), []);
});

test("end to end: each REST-only key on an HTTP API", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      api: http
      endpoint: edge
      binaryMediaTypes: [image/png]
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        get:
          x-gateway: { mock: { status: 200 }, public: true, cache: { ttl: 60 } }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, apiKindUnsupportedHttp.codes), [
    { code: "api-kind-unsupported", line: 5, column: 3 },
    { code: "api-kind-unsupported", line: 6, column: 3 },
    { code: "api-kind-unsupported", line: 12, column: 20 },
    { code: "api-kind-unsupported", line: 12, column: 57 },
  ]);
});

test("execution logging on an HTTP API's stage is reported at logging.level (else dataTrace), unless a WebSocket API uses it", () => {
  const spec = (websocket: string) => yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      api: http
      stages:
        dev: { logging: { retentionDays: 7, dataTrace: false, level: info } }
        prod: { logging: { retentionDays: 365 } }
      ${websocket}
    paths: {}
  `;
  assert.equal(diagnose(spec(""), apiKindUnsupportedHttp.codes), [{ code: "api-kind-unsupported", line: 6, column: 59 }]);
  const websocket = "websocket: { routeSelection: $request.body.action, routes: { $default: { mock: {} } } }";
  assert.equal(diagnose(spec(websocket), apiKindUnsupportedHttp.codes), []);
});

test.run();
