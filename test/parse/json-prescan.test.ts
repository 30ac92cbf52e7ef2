/**
 * isPlainJson: the fast path of JSON loading answers true only for texts the full scan has nothing to report on
 * (no duplicate key, no nesting beyond the limit), whatever the strings hold.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { isPlainJson } from "../../compiler/parse/json-prescan.js";
import { MAX_DEPTH } from "../../compiler/parse/limits.js";
import { loadMemory } from "./helpers/position.js";

const plain = (text: string) => isPlainJson(text, JSON.parse(text));

test("texts without duplicate keys are plain, whatever their strings hold", () => {
  for (const text of [
    "{}",
    "[]",
    '"a:b"',
    '{"a": {"b": [1, {"c": null}]}, "d": []}',
    '{"a:b": "c:d", "e": "{[:"}',
    '{"q\\"": "\\\\", "r": "\\\\\\"x:y"}',
    '{"__proto__": {"x": 1}, "constructor": 2}',
    '[{"a": 1}, {"a": 1}]',
  ]) {
    assert.ok(plain(text), text);
  }
});

test("a duplicate key anywhere, however written, makes the text not plain", () => {
  for (const text of [
    '{"a": 1, "a": 2}',
    '{"x": [{"b": {"c": 1, "c": 1}}]}',
    '{"a": 1, "\\u0061": 2}',
    '{"s": "\\":", "t": {"k": 1, "k": 2}}',
    '{"__proto__": 1, "__proto__": 2}',
  ]) {
    assert.not.ok(plain(text), text);
  }
});

test("nesting up to the limit is plain; one container more leaves it to the full scan", () => {
  const nested = (n: number) => "[".repeat(n) + "]".repeat(n);
  assert.ok(plain(nested(MAX_DEPTH)));
  assert.not.ok(plain(nested(MAX_DEPTH + 1)));
});

test("a duplicate key deep in a large document is still reported where it is written", () => {
  const paths = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`/p${i}`, { get: { operationId: `op${i}` } }]));
  const text = JSON.stringify({ openapi: "3.0.3", info: { title: "T", version: "1" }, paths }, null, 1).replace(
    '"operationId": "op150"',
    '"operationId": "op150",\n "operationId": "again"',
  );
  const r = loadMemory({ "api.json": text });
  const [d, ...rest] = r.diagnostics;
  assert.equal(rest, []);
  assert.is(d?.code, "duplicate-key");
  assert.is(d?.origin.pointer, "/paths/~1p150/get/operationId");
  assert.is(d?.range?.[0], text.indexOf('"operationId": "again"'));
});

test.run();
