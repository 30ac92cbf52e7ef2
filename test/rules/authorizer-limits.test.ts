import { test } from "uvu";
import * as assert from "uvu/assert";
import { authorizerLimits } from "../../compiler/validate/rules/authorizer-limits.js";
import type { Authorizer, GatewayModel } from "../../compiler/model/types.js";
import { at, found, model, operation, requirement, run, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const jwt = (audiences: number): Authorizer => ({
  kind: "jwt",
  issuer: { kind: "literal", value: "https://issuer.example.com", origin: at("/i") },
  audiences: Array.from({ length: audiences }, (_, i) => ({ kind: "literal", value: `a${i}`, origin: at(`/a/${i}`) })),
  identitySource: "$request.header.Authorization",
  origin: at("/components/securitySchemes/oidc/x-gateway/jwt"),
});
const scoped = (kind: "rest" | "http", scopes: number): GatewayModel => {
  const shared = [requirement("/security/0", { oidc: Array.from({ length: scopes }, (_, i) => `s${i}`) })];
  return model({ kind, securitySchemes: [scheme("oidc", "openIdConnect", { authorizer: jwt(1) })], operations: [operation({ path: "/a", security: shared }), operation({ path: "/b", security: shared })] });
};

test("more than 50 JWT audiences is an error at the audiences key", () => {
  const d = run(authorizerLimits, model({ kind: "http", securitySchemes: [scheme("oidc", "openIdConnect", { authorizer: jwt(51) })] }));
  assert.equal(d.map((x) => [x.severity, x.origin.pointer, x.part]), [["error", "/components/securitySchemes/oidc/x-gateway/jwt/audiences", "key"]]);
  assert.match(d[0]?.message ?? "", /^Audiences of JWT authorizer oidc: 51 exceeds API Gateway's limit of 50 \(/);
});

test("more than 10 scopes on an HTTP route is an error at the scope list, once per list", () => {
  assert.equal(found(authorizerLimits, scoped("http", 11)), [{ code: "quota-exceeded", pointer: "/security/0/oidc", part: "value" }]);
});

test("50 audiences, 10 scopes, and scopes on REST pass", () => {
  assert.equal(found(authorizerLimits, model({ securitySchemes: [scheme("oidc", "openIdConnect", { authorizer: jwt(50) })] })), []);
  assert.equal(found(authorizerLimits, scoped("http", 10)), []);
  assert.equal(found(authorizerLimits, scoped("rest", 11)), []);
});

test("end to end: the scope list of the requirement", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    components:
      securitySchemes:
        oidc:
          type: openIdConnect
          openIdConnectUrl: https://issuer.example.com/.well-known/openid-configuration
          x-gateway: { jwt: { issuer: https://issuer.example.com, audiences: [api] } }
    x-gateway:
      api: http
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        get:
          security: [{ oidc: [s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11] }]
          x-gateway: { lambda: pets }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, authorizerLimits.codes), [{ code: "quota-exceeded", line: 16, column: 26 }]);
});

test.run();
