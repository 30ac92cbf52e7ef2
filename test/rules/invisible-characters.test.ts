import { test } from "uvu";
import * as assert from "uvu/assert";
import { invisibleCharacters } from "../../compiler/validate/rules/invisible-characters.js";
import { at, found, model, operation, parameter, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

test("a zero-width space in an operation id is reported at the id, named and made visible", () => {
  const d = run(invisibleCharacters, model({ operations: [operation({ id: "get\u200BUser" })] }));
  assert.equal(d.map((x) => [x.origin.pointer, x.part]), [["/paths/~1pets/get/operationId", "value"]]);
  assert.is(d[0]?.message, "Operation id get\\u{200B}User contains invisible or bidirectional characters (U+200B).");
});

test("bidi controls and other format characters in names, paths and keys are reported", () => {
  const path = "/a\u202Eb";
  const m = model({
    operations: [operation({ path, origin: at("/paths/~1a\u202Eb/get"), parameters: [parameter("/paths/~1a\u202Eb/get", 0, "q\u2066", "query")] })],
    schemas: [{ name: "Pet\uFEFF", schema: {}, origin: at("/components/schemas/Pet\uFEFF") }],
    functions: [{ kind: "arn", name: "fn\u2060", arn: { kind: "literal", value: "x", origin: at("/f") }, origin: at("/x-gateway/functions/fn\u2060") }],
  });
  assert.equal(found(invisibleCharacters, m).map((f) => [f.pointer, f.part]), [
    ["/paths/~1a\u202Eb/get/parameters/0/name", "value"],
    ["/paths/~1a\u202Eb", "key"],
    ["/components/schemas/Pet\uFEFF", "key"],
    ["/x-gateway/functions/fn\u2060", "key"],
  ]);
});

test("derived ids are not checked on their own, and visible names (accents, emoji) pass", () => {
  assert.equal(found(invisibleCharacters, model({ operations: [operation({ id: "get\u200BX", idDerived: true })] })), []);
  assert.equal(found(invisibleCharacters, model({ operations: [operation({ id: "créerAnimal🐾" })] })), []);
});

test("end to end: the operation id value and the schema key", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Pets, version: 1.0.0 }
    x-gateway:
      functions:
        pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
    paths:
      /pets:
        get:
          operationId: "get\\u200BPets"
          x-gateway: { lambda: pets, public: true }
          responses: { "200": { description: ok } }
    components:
      schemas:
        "Pet\\u202E": { type: object }
        __proto__: { type: object }
  `;
  assert.equal(diagnose(spec, invisibleCharacters.codes), [
    { code: "invisible-characters", line: 9, column: 20 },
    { code: "invisible-characters", line: 14, column: 5 },
  ]);
});

test.run();
