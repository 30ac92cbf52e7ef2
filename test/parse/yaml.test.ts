import { test } from "uvu";
import * as assert from "uvu/assert";
import { located, loadMemory, summary } from "./helpers/position.js";

const SPEC = [
  "openapi: 3.0.3",
  "info:",
  "  title: Pets",
  "  version: '1'",
  "paths:",
  "  /pets/{id}:",
  "    get:",
  "      operationId: getPet",
  "      tags: [a, b]",
  "",
].join("\n");

for (const [name, text] of [
  ["LF", SPEC],
  ["CRLF", SPEC.replace(/\n/g, "\r\n")],
  ["BOM and CRLF", "\ufeff" + SPEC.replace(/\n/g, "\r\n")],
] as const) {
  test(`keys and values have 1-based line:column (${name})`, () => {
    const r = loadMemory({ "api.yaml": text });
    assert.equal(r.diagnostics, []);
    assert.is(located(r, "api.yaml", "/info/title", "key"), "api.yaml:3:3");
    assert.is(located(r, "api.yaml", "/info/title"), "api.yaml:3:10");
    assert.is(located(r, "api.yaml", "/info/version"), "api.yaml:4:12");
    assert.is(located(r, "api.yaml", "/paths/~1pets~1{id}", "key"), "api.yaml:6:3");
    assert.is(located(r, "api.yaml", "/paths/~1pets~1{id}/get/operationId", "key"), "api.yaml:8:7");
    assert.is(located(r, "api.yaml", "/paths/~1pets~1{id}/get/operationId"), "api.yaml:8:20");
    assert.is(located(r, "api.yaml", "/paths/~1pets~1{id}/get/tags/1"), "api.yaml:9:17");
    assert.is(located(r, "api.yaml", "/paths/~1pets~1{id}/get/tags/1", "key"), "api.yaml:9:17");
  });
}

test("a missing node is located at the key of its longest existing parent", () => {
  const r = loadMemory({ "api.yaml": SPEC });
  const at = r.locate({ file: "api.yaml", pointer: "/paths/~1pets~1{id}/get/responses" }, "key");
  assert.is(at.pointer, "/paths/~1pets~1{id}/get");
  assert.is(`${at.line}:${at.column}`, "7:5");
  assert.is(located(r, "api.yaml", "/paths/~1pets~1{id}/get/tags/7"), "api.yaml:9:7");
});

test("pointer tokens unescape ~1 to / and ~0 to ~", () => {
  const r = loadMemory({ "a.yaml": "paths:\n  /a~b/{c}:\n    x: 1\n" });
  assert.is(located(r, "a.yaml", "/paths/~1a~0b~1{c}/x"), "a.yaml:3:8");
  assert.is(located(r, "a.yaml", "/paths/~1a~0b~1{c}", "key"), "a.yaml:2:3");
  assert.is(located(r, "a.yaml", "/paths/~1a~1b~1{c}", "key"), "a.yaml:1:1");
});

test("core schema: timestamps stay strings, numeric keys are strings", () => {
  const r = loadMemory({ "a.yaml": "d: 2001-12-14\nt: 2001-12-14T21:59:43.10-05:00\nresponses:\n  200: {description: ok}\n" });
  assert.equal(r.diagnostics, []);
  assert.equal(r.document, { d: "2001-12-14", t: "2001-12-14T21:59:43.10-05:00", responses: { "200": { description: "ok" } } });
  assert.is(located(r, "a.yaml", "/responses/200/description"), "a.yaml:4:22");
});

test("a merge key (<<) is reported at the key, never merged", () => {
  const r = loadMemory({ "a.yaml": "base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n" });
  assert.equal(summary(r), ["merge-key@a.yaml#/item/<< 3:3"]);
  assert.is(r.document, undefined);
});

test("duplicate keys are reported on the second key, with the first as related", () => {
  const r = loadMemory({ "a.yaml": "a: 1\nb:\n  c: 2\n  c: 3\n" });
  assert.equal(summary(r), ["duplicate-key@a.yaml#/b/c 4:3"]);
  assert.is(r.diagnostics[0]!.message, 'Key "c" appears twice in the same object; the second value would silently win.');
  assert.equal(r.diagnostics[0]!.related, [{ file: "a.yaml", pointer: "/b/c" }]);
  assert.is(located(r, "a.yaml", "/b/c", "key"), "a.yaml:3:3");
  assert.is(r.document, undefined);
});

test("several documents in one file are refused at the second one", () => {
  const r = loadMemory({ "a.yaml": "openapi: 3.0.3\n---\ninfo: {}\n" });
  assert.equal(summary(r), ["multiple-documents@a.yaml# 2:1"]);
});

test("CloudFormation tags such as !Ref are unknown tags", () => {
  const r = loadMemory({ "a.yaml": "a:\n  b: !Ref Foo\n  c: 1\n" });
  assert.equal(summary(r), ["unknown-tag@a.yaml#/a/b 2:6"]);
  assert.match(r.diagnostics[0]!.message, /^Unknown YAML tag !Ref;/);
  const binary = loadMemory({ "a.yaml": "a: !!binary aGk=\n" });
  assert.equal(summary(binary), ["unknown-tag@a.yaml#/a 1:4"]);
  assert.match(binary.diagnostics[0]!.message, /tag !!binary;/);
});

test("syntax errors carry their position", () => {
  const cases: [string, string, string][] = [
    ["a: [1, 2\nb: 3\n", "2:1", "YAML syntax error: missed comma between flow collection entries."],
    ["a: b: c\n", "1:5", "YAML syntax error: bad indentation of a mapping entry."],
    ["a: *nope\n", "1:9", 'YAML syntax error: unidentified alias "nope".'],
  ];
  for (const [text, position, message] of cases) {
    const r = loadMemory({ "a.yaml": text });
    assert.equal(summary(r), [`syntax-error@a.yaml# ${position}`], text);
    assert.is(r.diagnostics[0]!.message, message);
  }
});

test("the 9×9 alias bomb is refused in well under a second", () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = "abcdefghi";
  for (let i = 1; i < 9; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(",")}]`);
  const start = performance.now();
  const r = loadMemory({ "bomb.yaml": lines.join("\n") + "\n" });
  const elapsed = performance.now() - start;
  assert.ok(elapsed < 1000, `took ${elapsed} ms`);
  assert.equal(summary(r), ["alias-limit@bomb.yaml#/g/0 7:8"]);
  assert.is(r.diagnostics[0]!.message, "The document expands to more than 1000000 nodes through YAML aliases (an alias bomb?).");
  assert.is(r.document, undefined);
});

test("one anchor used 500 times is accepted and expanded into separate copies", () => {
  let text = "components:\n  responses:\n    E: &e {description: err, content: {application/json: {schema: {type: object}}}}\npaths:\n";
  for (let i = 0; i < 500; i++) text += `  /p${i}: {get: {responses: {'500': *e}}}\n`;
  const r = loadMemory({ "a.yaml": text });
  assert.equal(r.diagnostics, []);
  type Doc = { components: { responses: { E: unknown } }; paths: Record<string, { get: { responses: Record<string, unknown> } }> };
  const doc = r.document as Doc;
  const first = doc.paths["/p0"]!.get.responses["500"];
  const last = doc.paths["/p499"]!.get.responses["500"];
  assert.equal(first, doc.components.responses.E);
  assert.equal(last, doc.components.responses.E);
  assert.is.not(first, doc.components.responses.E);
  assert.is.not(first, last);
  assert.is.not((first as { content: unknown }).content, (last as { content: unknown }).content);
  assert.is(located(r, "a.yaml", "/paths/~1p3/get/responses/500/description"), "a.yaml:3:25", "through the alias to the anchor");
  assert.is(located(r, "a.yaml", "/paths/~1p3/get/responses/500", "key"), "a.yaml:8:27");
});

test("an alias inside its own anchor is refused, without hanging", () => {
  assert.equal(summary(loadMemory({ "a.yaml": "a: &a [1, *a]\n" })), ["alias-limit@a.yaml#/a/1 1:11"]);
  assert.equal(summary(loadMemory({ "a.yaml": "a: &a {b: *a}\n" })), ["alias-limit@a.yaml#/a/b 1:11"]);
});

test("__proto__ and constructor keys stay own properties and pollute nothing; under << they are not merged", () => {
  const r = loadMemory({ "a.yaml": "__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\nx: {a: 1}\n" });
  assert.equal(r.diagnostics, []);
  const doc = r.document as Record<string, Record<string, unknown>>;
  assert.ok(Object.hasOwn(doc, "__proto__"));
  assert.is(Object.getPrototypeOf(doc), Object.prototype);
  const merged = loadMemory({ "a.yaml": "x:\n  <<: {__proto__: {isAdmin: true}}\n" });
  assert.equal(merged.diagnostics.map((d) => d.code), ["merge-key"]);
  assert.is(({} as Record<string, unknown>)["polluted"], undefined);
  assert.is(({} as Record<string, unknown>)["isAdmin"], undefined);
});

test("nesting is allowed up to 256 levels, in every style", () => {
  const styles: Record<string, (n: number) => string> = {
    "flow sequence": (n) => "[".repeat(n) + "1" + "]".repeat(n),
    "flow mapping": (n) => "{a: ".repeat(n) + "1" + "}".repeat(n),
    "block sequence": (n) => "- ".repeat(n) + "1\n",
    "block mapping": (n) => Array.from({ length: n }, (_, i) => "  ".repeat(i) + "a:").join("\n") + "\n" + "  ".repeat(n) + "1\n",
  };
  for (const [style, make] of Object.entries(styles)) {
    assert.equal(loadMemory({ "a.yaml": make(256) }).diagnostics, [], style);
    const deep = loadMemory({ "a.yaml": make(257) });
    assert.equal(deep.diagnostics.map((d) => `${d.code} ${d.origin.pointer.split("/").length - 1}`), ["nesting-too-deep 257"], style);
  }
  const deep = loadMemory({ "a.yaml": "[".repeat(257) + "1" + "]".repeat(257) });
  assert.equal(summary(deep), [`nesting-too-deep@a.yaml#${"/0".repeat(257)} 1:258`]);
});

test("a 20,000-deep flow sequence is rejected at the limit, twice in one process", () => {
  for (let round = 0; round < 2; round++) {
    const r = loadMemory({ "deep.yaml": "[".repeat(20000) + "1" + "]".repeat(20000) });
    assert.equal(summary(r), [`nesting-too-deep@deep.yaml#${"/0".repeat(257)} 1:258`]);
    assert.is(located(r, "deep.yaml", "/0".repeat(257)), "deep.yaml:1:258");
  }
});

test("a 5,000-deep block mapping names the pointer where the limit is hit", () => {
  let text = "";
  for (let d = 0; d < 5000; d++) text += "  ".repeat(d) + "a:\n";
  text += "  ".repeat(5000) + "1\n";
  const r = loadMemory({ "deep.yaml": text });
  assert.equal(summary(r), [`nesting-too-deep@deep.yaml#${"/a".repeat(257)} 257:513`]);
  assert.is(located(r, "deep.yaml", "/a".repeat(257), "key"), "deep.yaml:257:513");
});

test("an alias that takes the expanded tree past the limit is refused at the deepest node", () => {
  const text = `a: &x ${"[".repeat(200)}1${"]".repeat(200)}\nb: ${"[".repeat(99)}*x${"]".repeat(99)}\n`;
  const r = loadMemory({ "a.yaml": text });
  assert.equal(r.diagnostics.map((d) => `${d.code}@${d.origin.pointer}`), [`nesting-too-deep@/b${"/0".repeat(256)}`]);
  assert.is(located(r, "a.yaml", "/b" + "/0".repeat(99)), "a.yaml:2:103");
});

test.run();
