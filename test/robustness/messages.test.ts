/**
 * Names from the spec reach diagnostic messages; a message must still be one line of printable text, so that a
 * name holding a line break or a terminal escape cannot forge a diagnostic line (`file:line:col error …`) or
 * recolour the terminal in text output, logs and CI annotations (security notes §3.12). Names are shown with
 * such characters escaped (`a\nb` as `a\u{A}b`). A YAML key that is itself a mapping or a list is reported
 * at that key rather than turned into a name such as `[object Object]`.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, createMemoryHost } from "../../compiler/index.js";

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** `code: message` of every diagnostic whose message holds an unprintable character. */
function unprintable(files: Record<string, string>, entry: string): string[] {
  const result = check(createMemoryHost(files), entry);
  return result.diagnostics.filter((d) => UNPRINTABLE.test(d.message)).map((d) => `${d.code}: ${JSON.stringify(d.message)}`);
}

/** Codes reported for `text`, to show that a spec reaches the stage under test. */
function codesOf(text: string): string[] {
  return [...new Set(check(createMemoryHost({ "api.yaml": text }), "api.yaml").diagnostics.map((d) => d.code))].sort();
}

const FORGED = "x\\n/etc/evil.yaml:1:1 - error fake: forged\\e[31m";

/** Unknown keys and a bad stage name: stops at the structural checks. */
const STRUCTURE = `openapi: 3.0.3
info: { title: P, version: "1" }
"${FORGED}": 1
x-gateway:
  stages: { "st\\nage": {} }
  "ap\\ni": rest
paths:
  /a:
    get:
      x-gateway: { "pub\\nlic": true }
      responses: { "200": { description: ok } }
`;

/** Names with line breaks in every place a semantic rule quotes one. */
const RULES = `openapi: 3.0.3
info: { title: P, version: "1" }
components:
  securitySchemes:
    keys: { type: apiKey, in: header, name: x-api-key }
    "be\\narer": { type: http, scheme: bearer }
x-gateway:
  functions:
    pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
  usagePlans: { free: { quota: { limit: 1, period: DAY } } }
  websocket:
    routes: { "$se\\nnd": { lambda: pets } }
paths:
  "/a\\n{b}":
    get:
      operationId: "op\\nid"
      x-gateway: { lambda: "pe\\nts", usagePlans: ["fr\\nee"] }
      security: [{ "ke\\nys": [] }, { "be\\narer": [] }]
      responses: { "200": { description: ok } }
  /c:
    get:
      operationId: "op\\nid"
      parameters: [{ name: "x\\ny", in: path, required: true, schema: { type: string } }]
      x-gateway: { lambda: pets, public: true }
      responses: { "200": { description: ok } }
`;

const REF = `openapi: 3.0.3
info: { title: P, version: "1" }
paths: {}
components: { schemas: { Pet: { $ref: "#/x\\ny" } } }
`;

test("the specs reach the stage they are about", () => {
  assert.equal(codesOf(STRUCTURE), ["invalid-value", "unknown-property"]);
  assert.ok(codesOf(RULES).includes("function-unknown"));
  assert.equal(codesOf(REF), ["ref-not-found"]);
});

test("structural messages quote unknown keys and stage names without raw line breaks or escapes", () => {
  assert.equal(unprintable({ "api.yaml": STRUCTURE }, "api.yaml"), []);
});

test("semantic messages quote names, paths and ids without raw line breaks", () => {
  assert.equal(unprintable({ "api.yaml": RULES }, "api.yaml"), []);
});

test("reference messages quote the pointer without raw line breaks", () => {
  assert.equal(unprintable({ "api.yaml": REF }, "api.yaml"), []);
});

test("a YAML key that is a mapping or a list is reported at that key, not turned into the name [object Object]", () => {
  const text = `openapi: 3.0.3
info: { title: P, version: "1" }
paths: {}
x-gateway:
  functions:
    { a: 1 }: { arn: arn:aws:lambda:eu-west-1:123456789012:function:a }
    ? [x, y]
    : { arn: arn:aws:lambda:eu-west-1:123456789012:function:b }
`;
  const result = check(createMemoryHost({ "api.yaml": text }), "api.yaml");
  const found = result.diagnostics.map((d) => {
    const at = result.locate(d);
    return `${at.line}:${at.column} ${d.code}`;
  });
  assert.equal(found, ["6:5 key-not-text", "7:7 key-not-text"]);
  assert.equal(result.diagnostics.filter((d) => /\[object Object\]|x,y/.test(d.message)), []);
});

test.run();
