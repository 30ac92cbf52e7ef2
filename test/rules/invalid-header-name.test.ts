import { test } from "uvu";
import * as assert from "uvu/assert";
import { invalidHeaderName } from "../../compiler/validate/rules/invalid-header-name.js";
import { at, found, mock, model, operation, parameter, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const op = "/paths/~1pets/get";

test("a header parameter with CR/LF is reported at its name, shown escaped", () => {
  const d = run(invalidHeaderName, model({ operations: [operation({ parameters: [parameter(op, 0, "X-A\r\nX-B: 1", "header")] })] }));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [[`${op}/parameters/0/name`, "value"]]);
  assert.is(d[0]?.message, 'Header name "X-A\\r\\nX-B: 1" is not a valid HTTP token (RFC 9110 §5.6.2).');
});

test("CORS, response, mock and gateway-response headers are checked at their own place", () => {
  const m = model({
    cors: { origins: [], methods: [], headers: ["Content-Type", "X Bad"], exposeHeaders: ["X(1)"], credentials: false, origin: at("/x-gateway/cors") },
    operations: [
      operation({
        responses: [{ status: "200", description: "", content: [], headers: [{ name: "X:Y", origin: at(`${op}/responses/200/headers/X:Y`) }], origin: at(`${op}/responses/200`) }],
        integration: mock(at(`${op}/x-gateway/mock`), { headers: { "Bad Header": "1" } }),
      }),
    ],
    settings: { ...model().settings, gatewayResponses: [{ type: "DEFAULT_4XX", headers: { "a@b": "1" }, origin: at("/x-gateway/gatewayResponses/DEFAULT_4XX") }] },
  });
  assert.equal(found(invalidHeaderName, m).map((f) => [f.pointer, f.part]), [
    [`${op}/responses/200/headers/X:Y`, "key"],
    [`${op}/x-gateway/mock/headers/Bad Header`, "key"],
    ["/x-gateway/cors/headers/1", "value"],
    ["/x-gateway/cors/exposeHeaders/0", "value"],
    ["/x-gateway/gatewayResponses/DEFAULT_4XX/headers/a@b", "key"],
  ]);
});

test("tokens pass, including the wildcard and the token punctuation", () => {
  const m = model({
    cors: { origins: [], methods: [], headers: ["*", "X-Amz-Date"], exposeHeaders: ["x-custom_1"], credentials: false, origin: at("/x-gateway/cors") },
    operations: [operation({ parameters: [parameter(op, 0, "X-Request-Id", "header"), parameter(op, 1, "not a header", "query")] })],
  });
  assert.equal(found(invalidHeaderName, m), []);
});

test("end to end: CORS entry, parameter name, response header key", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      cors: { origins: [https://app.example.com, "*"], credentials: true, headers: [Content-Type, "X Bad"] }
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        get:
          parameters:
            - { name: "X-A\\r\\nX-B", in: header, schema: { type: string } }
          x-gateway: { lambda: pets, public: true }
          responses:
            "200":
              description: ok
              headers:
                X Rate: { schema: { type: integer } }
  `;
  assert.equal(diagnose(spec, invalidHeaderName.codes), [
    { code: "invalid-header-name", line: 4, column: 95 },
    { code: "invalid-header-name", line: 11, column: 19 },
    { code: "invalid-header-name", line: 17, column: 13 },
  ]);
});

test.run();
