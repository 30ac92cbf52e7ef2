import { test } from "uvu";
import * as assert from "uvu/assert";
import { securitySchemeUnknown } from "../../compiler/validate/rules/security-scheme-unknown.js";
import { at, found, model, operation, requirement, route, run, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

test("an unknown scheme in a requirement is reported at its key, once for a shared document requirement", () => {
  const shared = [requirement("/security/0", { user: [] })];
  const m = model({
    securitySchemes: [scheme("users", "oauth2")],
    operations: [operation({ path: "/a", security: shared }), operation({ path: "/b", security: shared })],
  });
  const d = run(securitySchemeUnknown, m);
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/security/0/user", "key"]]);
  assert.is(d[0]?.message, "Security scheme user is not defined in components.securitySchemes. Did you mean 'users'?");
});

test("a WebSocket route's auth is checked at its value", () => {
  const m = model({
    websocket: {
      name: "chat",
      routeSelection: "$request.body.action",
      routes: [route("$connect", { auth: { scheme: "partners", origin: at("/x-gateway/websocket/routes/$connect/auth") } })],
      serverMessages: [],
      origin: at("/x-gateway/websocket"),
    },
  });
  assert.equal(found(securitySchemeUnknown, m), [{ code: "security-scheme-unknown", pointer: "/x-gateway/websocket/routes/$connect/auth", part: "value" }]);
});

test("defined schemes and empty alternatives pass", () => {
  const m = model({
    securitySchemes: [scheme("users", "oauth2")],
    operations: [operation({ security: [requirement("/paths/~1pets/get/security/0", { users: ["read"] }), requirement("/paths/~1pets/get/security/1", {})] })],
  });
  assert.equal(found(securitySchemeUnknown, m), []);
});

test("end to end: the requirement key and the route's auth value", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    components:
      securitySchemes:
        users: { type: http, scheme: bearer, x-gateway: { lambda: pets } }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
      websocket:
        routes:
          $connect: { lambda: pets, auth: partner }
    paths:
      /pets:
        get:
          security:
            - { user: [] }
          x-gateway: { lambda: pets }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, securitySchemeUnknown.codes), [
    { code: "security-scheme-unknown", line: 11, column: 39 },
    { code: "security-scheme-unknown", line: 16, column: 13 },
  ]);
});

test.run();
