import { test } from "uvu";
import * as assert from "uvu/assert";
import { usagePlanApiKey } from "../../compiler/validate/rules/usage-plan-api-key.js";
import { diagnose, yaml } from "./helpers/check.js";

const spec = (security: string) => yaml`
  openapi: 3.0.3
  info: { title: Pets, version: 1.0.0 }
  components:
    securitySchemes:
      key: { type: apiKey, in: header, name: x-api-key }
      iam: { type: apiKey, in: header, name: Authorization, x-gateway: { iam: true } }
  x-gateway:
    functions:
      pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    usagePlans:
      free: { quota: { limit: 1000, period: DAY } }
  paths:
    /pets:
      get:
        security: ${security}
        x-gateway: { lambda: pets, usagePlans: [free] }
        responses: { "200": { description: ok } }
`;

test("an operation in a usage plan without an API-key scheme is reported at its usagePlans key", () => {
  assert.equal(diagnose(spec("[{ iam: [] }]"), usagePlanApiKey.codes), [{ code: "usage-plan-without-api-key", line: 16, column: 34 }]);
});

test("only the first alternative is deployed, so a key in a later one does not count", () => {
  assert.equal(diagnose(spec("[{ iam: [] }, { key: [] }]"), usagePlanApiKey.codes).length, 1);
});

test("an API-key scheme, alone or beside another, passes", () => {
  assert.equal(diagnose(spec("[{ key: [] }]"), usagePlanApiKey.codes), []);
  assert.equal(diagnose(spec("[{ key: [], iam: [] }]"), usagePlanApiKey.codes), []);
});

test.run();
