import { test } from "uvu";
import * as assert from "uvu/assert";
import { apiKindUnsupportedRest } from "../../compiler/validate/rules/api-kind-unsupported-rest.js";
import type { Authorizer } from "../../compiler/model/types.js";
import { at, found, http, lambdaAuthorizer, model, operation, requirement, run, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const jwt: Authorizer = {
  kind: "jwt",
  issuer: { kind: "literal", value: "https://issuer.example.com", origin: at("/components/securitySchemes/oidc/x-gateway/jwt/issuer") },
  audiences: [],
  identitySource: "$request.header.Authorization",
  origin: at("/components/securitySchemes/oidc/x-gateway/jwt"),
};
const using = (kind: "rest" | "http", name: string, authorizer: Authorizer) =>
  model({ kind, securitySchemes: [scheme(name, "openIdConnect", { authorizer })], operations: [operation({ security: [requirement("/security/0", { [name]: [] })] })] });

test("a JWT authorizer used on a REST API is reported at its key", () => {
  const d = run(apiKindUnsupportedRest, using("rest", "oidc", jwt));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/components/securitySchemes/oidc/x-gateway/jwt", "key"]]);
  assert.match(d[0]?.message ?? "", /^Not available on REST APIs: JWT authorizers\. /);
});

test("simple authorizer responses on a REST API are reported at simpleResponses", () => {
  const d = found(apiKindUnsupportedRest, using("rest", "fn", lambdaAuthorizer("fn", "pets", { simpleResponses: true })));
  assert.equal(d.map((f) => f.pointer), ["/components/securitySchemes/fn/x-gateway/simpleResponses"]);
});

test("a listener ARN as the backend of a REST API is reported at the url; an NLB URL passes", () => {
  const listener = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/net/inv/1/2";
  const withUrl = (url: string) => model({ operations: [operation({ integration: http(url, at("/paths/~1pets/get/x-gateway/http")) })] });
  const d = run(apiKindUnsupportedRest, withUrl(listener));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/paths/~1pets/get/x-gateway/http/url", "value"]]);
  assert.match(d[0]?.message ?? "", /^Not available on REST APIs: load balancer listener and Cloud Map targets\. /);
  assert.equal(found(apiKindUnsupportedRest, withUrl("https://nlb.internal.example.com/pets")), []);
});

test("JWT on HTTP APIs, and unused JWT schemes on REST, pass", () => {
  assert.equal(found(apiKindUnsupportedRest, using("http", "oidc", jwt)), []);
  assert.equal(found(apiKindUnsupportedRest, model({ securitySchemes: [scheme("oidc", "openIdConnect", { authorizer: jwt })] })), []);
});

test("end to end: the jwt key of the scheme", () => {
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
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        get:
          security: [{ oidc: [] }]
          x-gateway: { lambda: pets }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, apiKindUnsupportedRest.codes), [{ code: "api-kind-unsupported", line: 8, column: 20 }]);
});

test.run();
