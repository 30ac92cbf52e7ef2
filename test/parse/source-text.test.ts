import { test } from "uvu";
import * as assert from "uvu/assert";
import { createSourceText, stripBom } from "../../compiler/parse/source-text.js";

const at = (text: string, offset: number) => createSourceText("f", text).lineAndColumn(offset);

test("offsets map to 0-based line and column with LF line ends", () => {
  const text = "ab\ncd\n\nef";
  assert.equal(at(text, 0), { line: 0, column: 0 });
  assert.equal(at(text, 2), { line: 0, column: 2 });
  assert.equal(at(text, 3), { line: 1, column: 0 });
  assert.equal(at(text, 6), { line: 2, column: 0 });
  assert.equal(at(text, 8), { line: 3, column: 1 });
});

test("CRLF is one line end and a lone CR is one too", () => {
  const text = "ab\r\ncd\ref";
  assert.equal(at(text, 3), { line: 0, column: 3 });
  assert.equal(at(text, 4), { line: 1, column: 0 });
  assert.equal(at(text, 7), { line: 2, column: 0 });
});

test("columns count UTF-16 code units", () => {
  const text = "x: \u{1F600}é!";
  assert.equal(at(text, text.indexOf("!")), { line: 0, column: 6 });
});

test("offsets outside the text are clamped", () => {
  assert.equal(at("ab\ncd", -5), { line: 0, column: 0 });
  assert.equal(at("ab\ncd", 99), { line: 1, column: 2 });
});

test("a leading BOM becomes a space, keeping offsets", () => {
  assert.is(stripBom("\ufeffa: 1"), " a: 1");
  assert.is(stripBom("a: 1"), "a: 1");
  assert.is(stripBom("a\ufeff"), "a\ufeff");
});

test.run();
