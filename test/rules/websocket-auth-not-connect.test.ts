import { test } from "uvu";
import * as assert from "uvu/assert";
import { websocketAuthNotConnect } from "../../compiler/validate/rules/websocket-auth-not-connect.js";
import type { WebSocketRoute } from "../../compiler/model/types.js";
import { at, found, lambdaAuthorizer, model, route, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const withRoutes = (...routes: WebSocketRoute[]) =>
  model({
    securitySchemes: [
      scheme("partners", "apiKey", { authorizer: lambdaAuthorizer("partners", "pets") }),
      scheme("sigv4", "apiKey", { authorizer: { kind: "iam", origin: at("/components/securitySchemes/sigv4/x-gateway/iam") } }),
    ],
    websocket: { name: "chat", routeSelection: "$request.body.action", routes, serverMessages: [], origin: at("/x-gateway/websocket") },
  });
const auth = (key: string, schemeName: string) => route(key, { auth: { scheme: schemeName, origin: at(`/x-gateway/websocket/routes/${key}/auth`) } });

test("a Lambda authorizer on a route other than $connect is reported at its auth key", () => {
  assert.equal(found(websocketAuthNotConnect, withRoutes(auth("sendMessage", "partners"))), [
    { code: "websocket-auth-not-connect", pointer: "/x-gateway/websocket/routes/sendMessage/auth", part: "key" },
  ]);
});

test("auth on $connect passes, Lambda or IAM; IAM on another route is reported too", () => {
  assert.equal(found(websocketAuthNotConnect, withRoutes(auth("$connect", "partners"))), []);
  assert.equal(found(websocketAuthNotConnect, withRoutes(auth("$connect", "sigv4"))), []);
  assert.equal(found(websocketAuthNotConnect, withRoutes(auth("sendMessage", "sigv4"))), [
    { code: "websocket-auth-not-connect", pointer: "/x-gateway/websocket/routes/sendMessage/auth", part: "key" },
  ]);
});

test("end to end: the auth key of the route", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    components:
      securitySchemes:
        partners: { type: apiKey, in: header, name: Authorization, x-gateway: { lambda: pets, type: request } }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
      websocket:
        routes:
          $connect: { lambda: pets, auth: partners }
          sendMessage: { lambda: pets, auth: partners }
          $send: { lambda: pets }
    paths: {}
  `;
  assert.equal(diagnose(spec, websocketAuthNotConnect.codes), [{ code: "websocket-auth-not-connect", line: 12, column: 36 }]);
});

test.run();
