import { test } from "uvu";
import * as assert from "uvu/assert";
import { located, loadMemory, summary } from "./helpers/position.js";

const SPEC = [
  "{",
  '  "openapi": "3.0.3",',
  '  "info": {"title": "Pets", "version": "1"},',
  '  "paths": {',
  '    "/pets/{id}": {',
  '      "get": {"operationId": "getPet"}',
  "    }",
  "  }",
  "}",
].join("\n");

for (const [name, text] of [
  ["LF", SPEC],
  ["CRLF", SPEC.replace(/\n/g, "\r\n")],
  ["BOM and CRLF", "\ufeff" + SPEC.replace(/\n/g, "\r\n")],
] as const) {
  test(`keys and values have 1-based line:column (${name})`, () => {
    const r = loadMemory({ "api.json": text });
    assert.equal(r.diagnostics, []);
    assert.is((r.document as { info: { title: string } }).info.title, "Pets");
    assert.is(located(r, "api.json", "/openapi", "key"), "api.json:2:3");
    assert.is(located(r, "api.json", "/openapi"), "api.json:2:14");
    assert.is(located(r, "api.json", "/info", "key"), "api.json:3:3");
    assert.is(located(r, "api.json", "/info"), "api.json:3:11");
    assert.is(located(r, "api.json", "/info/title", "key"), "api.json:3:12");
    assert.is(located(r, "api.json", "/info/title"), "api.json:3:21");
    assert.is(located(r, "api.json", "/paths/~1pets~1{id}", "key"), "api.json:5:5");
    assert.is(located(r, "api.json", "/paths/~1pets~1{id}/get/operationId", "key"), "api.json:6:15");
    assert.is(located(r, "api.json", "/paths/~1pets~1{id}/get/operationId"), "api.json:6:30");
  });
}

test("a missing node is located at the key of its longest existing parent", () => {
  const r = loadMemory({ "api.json": SPEC });
  const at = r.locate({ file: "api.json", pointer: "/paths/~1pets~1{id}/get/responses/200" }, "value");
  assert.is(at.pointer, "/paths/~1pets~1{id}/get");
  assert.is(`${at.line}:${at.column}`, "6:7");
  assert.is(located(r, "api.json", "/paths/~1nope/get"), "api.json:4:3");
  assert.is(located(r, "api.json", "/nope"), "api.json:1:1");
  assert.is(located(r, "api.json", "not-a-pointer"), "api.json:1:1");
});

test("a file that was never read locates at line 1, column 1", () => {
  const r = loadMemory({ "api.json": SPEC });
  assert.is(located(r, "elsewhere.json", "/a/b"), "elsewhere.json:1:1");
});

test("duplicate keys are reported on the second key, with the first as related", () => {
  const r = loadMemory({ "api.json": '{"a": 1,\n "b": {"c": 2,\r\n "c": 3}}' });
  assert.equal(summary(r), ["duplicate-key@api.json#/b/c 3:2"]);
  const d = r.diagnostics[0]!;
  assert.is(d.part, "key");
  assert.is(d.message, 'Key "c" appears twice in the same object; the second value would silently win.');
  assert.equal(d.related, [{ file: "api.json", pointer: "/b/c" }]);
  assert.is(located(r, "api.json", "/b/c", "key"), "api.json:2:8");
  assert.equal(r.document, { a: 1, b: { c: 3 } });
});

test("syntax errors carry their offset range", () => {
  const cases: [string, string, string][] = [
    ['{"a": 1,, "b": 2}', "1:9", "JSON syntax error: property name expected."],
    ['{\n  "a": "x', "2:8", "JSON syntax error: unterminated string."],
    ['{"a": 1}\n// note', "2:1", "JSON syntax error: comments are not allowed in JSON."],
    ['{"a": [1, 2,]}', "1:13", "JSON syntax error: value expected."],
  ];
  for (const [text, position, message] of cases) {
    const r = loadMemory({ "api.json": text });
    assert.equal(summary(r), [`syntax-error@api.json# ${position}`], text);
    assert.is(r.diagnostics[0]!.message, message);
    assert.is(r.document, undefined);
  }
});

test("content starting with { is read as JSON whatever the extension", () => {
  const r = loadMemory({ "api.txt": '{"a": {"b": 1}}' });
  assert.is(r.entry?.language, "json");
  assert.equal(r.document, { a: { b: 1 } });
  const flow = loadMemory({ "api.yaml": "{a: 1, b: [x]}" });
  assert.is(flow.entry?.language, "yaml");
  assert.equal(flow.document, { a: 1, b: ["x"] });
});

test("__proto__ and constructor keys stay own properties and pollute nothing", () => {
  const r = loadMemory({ "api.json": '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}' });
  assert.equal(r.diagnostics, []);
  const doc = r.document as Record<string, unknown>;
  assert.ok(Object.hasOwn(doc, "__proto__"));
  assert.is(Object.getPrototypeOf(doc), Object.prototype);
  assert.equal(doc["__proto__"], { polluted: true });
  assert.is(({} as Record<string, unknown>)["polluted"], undefined);
});

test("nesting is allowed up to 256 levels", () => {
  const ok = loadMemory({ "a.json": "[".repeat(256) + "1" + "]".repeat(256) });
  assert.equal(ok.diagnostics, []);
  const deep = loadMemory({ "a.json": "[".repeat(257) + "1" + "]".repeat(257) });
  assert.equal(summary(deep), [`nesting-too-deep@a.json#${"/0".repeat(257)} 1:258`]);
});

test("a 20,000-deep array is rejected at the limit, twice in one process", () => {
  for (let round = 0; round < 2; round++) {
    const r = loadMemory({ "deep.json": "[".repeat(20000) + "1" + "]".repeat(20000) });
    assert.equal(summary(r), [`nesting-too-deep@deep.json#${"/0".repeat(257)} 1:258`]);
    assert.is(r.diagnostics[0]!.message, "The document nests deeper than 256 levels.");
    assert.is(r.document, undefined);
  }
});

test("a 5,000-deep object names the pointer where the limit is hit", () => {
  const r = loadMemory({ "deep.json": '{"a":'.repeat(5000) + "1" + "}".repeat(5000) });
  assert.equal(summary(r), [`nesting-too-deep@deep.json#${"/a".repeat(257)} 1:1282`]);
  assert.is(located(r, "deep.json", "/a".repeat(257), "key"), "deep.json:1:1282");
});

test.run();
