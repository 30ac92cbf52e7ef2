import { test } from "uvu";
import * as assert from "uvu/assert";
import { functionUnknown } from "../../compiler/validate/rules/function-unknown.js";
import { at, found, lambda, lambdaAuthorizer, model, operation, route, run, scheme } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

test("an unknown function in an integration is reported at its function, with a suggestion", () => {
  const op = operation({ integration: lambda("pet", at("/paths/~1pets/get/x-gateway/lambda")) });
  const d = run(functionUnknown, model({ operations: [op] }));
  assert.equal(d.map((x) => x.origin.pointer), ["/paths/~1pets/get/x-gateway/lambda"]);
  assert.is(d[0]?.message, "Function pet is not defined in x-gateway.functions. Did you mean 'pets'?");
});

test("authorizers and WebSocket routes are checked; a far name gets no suggestion", () => {
  const m = model({
    securitySchemes: [scheme("partners", "apiKey", { authorizer: lambdaAuthorizer("partners", "authorize") })],
    websocket: { name: "chat", routeSelection: "$request.body.action", routes: [route("$default")], serverMessages: [], origin: at("/x-gateway/websocket") },
  });
  const d = run(functionUnknown, m);
  assert.equal(d.map((x) => x.origin.pointer), [
    "/x-gateway/websocket/routes/$default/lambda",
    "/components/securitySchemes/partners/x-gateway/lambda",
  ]);
  assert.is(d[1]?.message, "Function authorize is not defined in x-gateway.functions.");
});

test("an integration shared through defaults is reported once", () => {
  const shared = lambda("nope", at("/x-gateway/defaults/integration/lambda"));
  const m = model({ operations: [operation({ path: "/a", integration: shared }), operation({ path: "/b", integration: shared })] });
  assert.equal(found(functionUnknown, m).length, 1);
});

test("defined functions and other integration kinds pass", () => {
  const m = model({ operations: [operation(), operation({ path: "/b", integration: { kind: "mock", status: 200, headers: {}, origin: at("/x") } })] });
  assert.equal(found(functionUnknown, m), []);
});

test("end to end: the name in the short form, the function of the full form, the authorizer's value", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    components:
      securitySchemes:
        partners: { type: apiKey, in: header, name: Authorization, x-gateway: { lambda: authorise } }
    paths:
      /a:
        get:
          x-gateway: { lambda: pet, public: true }
          responses: { "200": { description: ok } }
      /b:
        get:
          x-gateway: { lambda: { function: pest }, public: true }
          responses: { "200": { description: ok } }
  `;
  assert.equal(diagnose(spec, functionUnknown.codes), [
    { code: "function-unknown", line: 8, column: 85 },
    { code: "function-unknown", line: 12, column: 28 },
    { code: "function-unknown", line: 16, column: 40 },
  ]);
});

test.run();
