import { test } from "uvu";
import * as assert from "uvu/assert";
import { websocketRouteKeyInvalid } from "../../compiler/validate/rules/websocket-route-key-invalid.js";
import { at, model, route, run } from "./helpers/model.js";

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

test.run();
