import { test } from "uvu";
import * as assert from "uvu/assert";
import { corsWildcardCredentials } from "../../compiler/validate/rules/cors-wildcard-credentials.js";
import { at, model, run } from "./helpers/model.js";

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

test.run();
