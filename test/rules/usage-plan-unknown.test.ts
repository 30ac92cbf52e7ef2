import { test } from "uvu";
import * as assert from "uvu/assert";
import { usagePlanUnknown } from "../../compiler/validate/rules/usage-plan-unknown.js";
import { at, model, operation, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const withPlans = (...names: string[]) =>
  model({
    usagePlans: [{ name: "free", apiKeys: [], origin: at("/x-gateway/usagePlans/free") }],
    operations: [
      operation({
        options: { binary: false, usagePlans: names.map((name, i) => ({ name, origin: at(`/paths/~1pets/get/x-gateway/usagePlans/${i}`) })) },
      }),
    ],
  });

test("an unknown usage plan is reported at the list item, with a suggestion", () => {
  const d = run(usagePlanUnknown, withPlans("free", "fre"));
  assert.equal(d.map((x) => x.origin.pointer), ["/paths/~1pets/get/x-gateway/usagePlans/1"]);
  assert.is(d[0]?.message, "Usage plan fre is not defined in x-gateway.usagePlans. Did you mean 'free'?");
});

test("defined usage plans pass", () => {
  assert.equal(run(usagePlanUnknown, withPlans("free")), []);
});

test("end to end: the list item", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
      usagePlans:
        free: { quota: { limit: 1000, period: DAY } }
    paths:
      /pets:
        get:
          x-gateway: { lambda: pets, public: true, usagePlans: [free, fre] }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, usagePlanUnknown.codes), [{ code: "usage-plan-unknown", line: 11, column: 67 }]);
});

test.run();
