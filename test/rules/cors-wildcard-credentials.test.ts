import { test } from "uvu";
import * as assert from "uvu/assert";
import { corsWildcardCredentials } from "../../compiler/validate/rules/cors-wildcard-credentials.js";
import { at, model, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const cors = (origins: string[], credentials: boolean) =>
  model({ cors: { origins, methods: ["GET"], headers: [], exposeHeaders: [], credentials, origin: at("/x-gateway/cors") } });

test("origin * with credentials is reported at the * entry, credentials related", () => {
  const d = run(corsWildcardCredentials, cors(["https://a.example.com", "*"], true));
  assert.equal(d.map((x) => x.origin.pointer), ["/x-gateway/cors/origins/1"]);
  assert.equal(d[0]?.related, [at("/x-gateway/cors/credentials")]);
});

test("* without credentials, listed origins with credentials, and no CORS pass", () => {
  assert.equal(run(corsWildcardCredentials, cors(["*"], false)), []);
  assert.equal(run(corsWildcardCredentials, cors(["https://a.example.com"], true)), []);
  assert.equal(run(corsWildcardCredentials, model()), []);
});

test("end to end: the * entry", () => {
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
  assert.equal(diagnose(spec, corsWildcardCredentials.codes), [{ code: "cors-wildcard-credentials", line: 4, column: 46 }]);
});

test.run();
