import { test } from "uvu";
import * as assert from "uvu/assert";
import { websocketRouteKeyInvalid } from "../../compiler/validate/rules/websocket-route-key-invalid.js";
import { at, model, route, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const withKeys = (...keys: string[]) =>
  model({ websocket: { name: "chat", routeSelection: "$request.body.action", routes: keys.map((k) => route(k)), serverMessages: [], origin: at("/x-gateway/websocket") } });

test("a custom key starting with $ and an empty key are reported at the route key", () => {
  const d = run(websocketRouteKeyInvalid, withKeys("$send", ""));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/x-gateway/websocket/routes/$send", "key"], ["/x-gateway/websocket/routes/", "key"]]);
  assert.is(d[0]?.message, "Route key $send: only $connect, $disconnect and $default may start with $; rename the custom route.");
});

test("predefined and ordinary custom keys pass", () => {
  assert.equal(run(websocketRouteKeyInvalid, withKeys("$connect", "$disconnect", "$default", "sendMessage", "a$b")), []);
});

test("end to end: the route key", () => {
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
  assert.equal(diagnose(spec, websocketRouteKeyInvalid.codes), [{ code: "websocket-route-key-invalid", line: 13, column: 7 }]);
});

test.run();
