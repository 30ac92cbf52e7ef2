import { test } from "uvu";
import * as assert from "uvu/assert";
import { apiKindUnsupportedWebSocket } from "../../compiler/validate/rules/api-kind-unsupported-websocket.js";
import type { Authorizer } from "../../compiler/model/types.js";
import { at, found, lambdaAuthorizer, model, route, run, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const connectWith = (authorizer: Authorizer) =>
  model({
    securitySchemes: [scheme("s", "http", { authorizer })],
    websocket: {
      name: "chat",
      routeSelection: "$request.body.action",
      routes: [route("$connect", { auth: { scheme: "s", origin: at("/x-gateway/websocket/routes/$connect/auth") } })],
      serverMessages: [],
      origin: at("/x-gateway/websocket"),
    },
  });

test("Cognito, JWT and API-key schemes as $connect auth are reported at the auth value", () => {
  const d = run(apiKindUnsupportedWebSocket, connectWith({ kind: "cognito", userPools: [], origin: at("/c") }));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/x-gateway/websocket/routes/$connect/auth", "value"]]);
  assert.match(d[0]?.message ?? "", /^Not available on WebSocket APIs: Cognito user pool authorizers\. /);
  assert.equal(found(apiKindUnsupportedWebSocket, connectWith({ kind: "apiKey", origin: at("/k") })).length, 1);
});

test("Lambda and IAM authorizers pass", () => {
  assert.equal(found(apiKindUnsupportedWebSocket, connectWith(lambdaAuthorizer("s", "pets"))), []);
  assert.equal(found(apiKindUnsupportedWebSocket, connectWith({ kind: "iam", origin: at("/i") })), []);
});

test("end to end: the route's auth value", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    components:
      securitySchemes:
        users: { type: oauth2, flows: {}, x-gateway: { cognito: { userPools: [arn:aws:cognito-idp:eu-west-1:123456789012:userpool/x] } } }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
      websocket:
        routes:
          $connect: { lambda: pets, auth: users }
    paths: {}
  `;
  assert.equal(diagnose(spec, apiKindUnsupportedWebSocket.codes), [{ code: "api-kind-unsupported", line: 11, column: 39 }]);
});

test.run();
