import { test } from "uvu";
import * as assert from "uvu/assert";
import { stageNameInvalid } from "../../compiler/validate/rules/stage-name-invalid.js";
import type { GatewayModel, Stage } from "../../compiler/model/types.js";
import { at, found, model } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const stage = (name: string): Stage => ({
  name,
  logging: { level: "error", retentionDays: 30, dataTrace: false },
  tracing: false,
  metrics: false,
  variables: {},
  origin: at(`/x-gateway/stages/${name}`),
});
const stages = (init: Partial<GatewayModel>, ...names: string[]) => model({ ...init, stages: names.map(stage) });

test("names with other characters, too long, or $default outside HTTP APIs are reported at the key", () => {
  assert.equal(found(stageNameInvalid, stages({}, "prod.eu", "x".repeat(129), "$default")).map((f) => [f.pointer, f.part]), [
    ["/x-gateway/stages/prod.eu", "key"],
    [`/x-gateway/stages/${"x".repeat(129)}`, "key"],
    ["/x-gateway/stages/$default", "key"],
  ]);
  const ws = { name: "chat", routeSelection: "$request.body.action", routes: [], serverMessages: [], origin: at("/x-gateway/websocket") };
  assert.equal(found(stageNameInvalid, stages({ kind: "http", websocket: ws }, "$default")).length, 1);
});

test("letters, digits, - and _ up to 128 characters, and $default on HTTP APIs, pass", () => {
  assert.equal(found(stageNameInvalid, stages({}, "dev", "prod-eu_1", "x".repeat(128))), []);
  assert.equal(found(stageNameInvalid, stages({ kind: "http" }, "$default")), []);
});

test("end to end: $default on a REST API, at the stage key (the schema rejects other names before the rules)", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
      stages:
        dev: {}
        $default: {}
    paths: {}
  `;
  assert.equal(diagnose(spec, stageNameInvalid.codes), [{ code: "stage-name-invalid", line: 8, column: 5 }]);
});

test.run();
