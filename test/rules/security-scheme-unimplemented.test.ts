import { test } from "uvu";
import * as assert from "uvu/assert";
import { securitySchemeUnimplemented } from "../../compiler/validate/rules/security-scheme-unimplemented.js";
import { at, found, lambdaAuthorizer, model, operation, requirement, run, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const secured = (...names: string[]) =>
  operation({ security: [requirement("/paths/~1pets/get/security/0", Object.fromEntries(names.map((n) => [n, []])))] });

test("a used bearer scheme without x-gateway is reported at its key, with the use as related", () => {
  const m = model({ securitySchemes: [scheme("bearer", "http", { scheme: "bearer" })], operations: [secured("bearer")] });
  const d = run(securitySchemeUnimplemented, m);
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/components/securitySchemes/bearer", "key"]]);
  assert.equal(d[0]?.related, [at("/paths/~1pets/get/security/0/bearer")]);
  assert.match(d[0]?.message ?? "", /^Security scheme bearer \(http bearer\) is used but nothing implements it on API Gateway: add x-gateway: \{ cognito/);
});

test("the fix follows the API kind: oauth2 on HTTP points at JWT authorizers", () => {
  const m = model({ kind: "http", securitySchemes: [scheme("users", "oauth2")], operations: [secured("users")] });
  assert.match(run(securitySchemeUnimplemented, m)[0]?.message ?? "", /add x-gateway: \{ jwt: \{ issuer, audiences \} \}/);
});

test("implemented schemes (Lambda, API keys) and unused schemes pass", () => {
  const m = model({
    securitySchemes: [
      scheme("partners", "apiKey", { in: "header", paramName: "Authorization", authorizer: lambdaAuthorizer("partners", "pets") }),
      scheme("keys", "apiKey", { in: "header", paramName: "x-api-key", authorizer: { kind: "apiKey", origin: at("/components/securitySchemes/keys") } }),
      scheme("unused", "http", { scheme: "basic" }),
    ],
    operations: [secured("partners", "keys")],
  });
  assert.equal(found(securitySchemeUnimplemented, m), []);
});

test("end to end: the scheme key; the x-api-key scheme is implemented by API keys", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    components:
      securitySchemes:
        bearer: { type: http, scheme: bearer }
        keys: { type: apiKey, in: header, name: x-api-key }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    security:
      - { bearer: [] }
      - { keys: [] }
    paths:
      /pets:
        get:
          x-gateway: { lambda: pets }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, securitySchemeUnimplemented.codes), [{ code: "security-scheme-unimplemented", line: 5, column: 5 }]);
});

test.run();
