/**
 * Properties of the evaluator over generated inputs (fast-check): hostile strings survive the documented
 * escaping idioms, `$input.json` writes back the JSON it read, Java printing of doubles, lists and maps, and the
 * `$util` codecs round-trip.
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from "../../compiler/vtl/escape.js";
import { renderTemplate } from "../../compiler/vtl/index.js";
import { javaSplit } from "../../compiler/vtl/java-regex.js";
import { javaDoubleToString } from "../../compiler/vtl/number.js";

const runs = { numRuns: 200 };
/** Strings with what breaks templates and JSON: quotes, backslashes, line breaks, `$`, `#`, `</`, U+2028, non-ASCII, any code point. */
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom("'", '"', "\\", "\n", "\r", "\t", "$", "#", "</", "\u2028", "\u0000", "\u007f", "é", "€", "😀", "a", " ", "/", "{", "}"), maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 24 }),
);
const render = (template: string, body: string | null) => renderTemplate(template, { body }).output;

test("escapeJavaScript inside a JSON string parses back to the input when the input has no ' (the \\' quirk)", () => {
  fc.assert(
    fc.property(hostile, (s) => {
      fc.pre(!s.includes("'"));
      assert.is(JSON.parse(`"${escapeJavaScript(s)}"`), s);
      const out = render(`{"v": "$util.escapeJavaScript($input.path('$.v'))"}`, JSON.stringify({ v: s }));
      assert.is((JSON.parse(out) as { v: string }).v, s);
    }),
    runs,
  );
});

test("escapeJavaScript writes ' as \\' and only ASCII (DEL stays as it is); the documented .replaceAll fix makes any input JSON-safe", () => {
  fc.assert(
    fc.property(hostile, (s) => {
      const escaped = escapeJavaScript(s);
      assert.ok(/^[\x20-\x7f]*$/.test(escaped));
      assert.not.match(escaped.replace(/\\\\/g, ""), /(^|[^\\])'/);
      const out = render(`{"v": "$util.escapeJavaScript($input.path('$.v')).replaceAll("\\\\'","'")"}`, JSON.stringify({ v: s }));
      assert.is((JSON.parse(out) as { v: string }).v, s);
    }),
    runs,
  );
});

test("$input.json gives back valid JSON equal to the selected part of the payload", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), hostile, (value, s) => {
      const body = JSON.stringify({ x: value, s });
      const out = render(`{"x": $input.json('$.x'), "s": $input.json('$.s'), "all": $input.json('$')}`, body);
      assert.equal(JSON.parse(out), { x: JSON.parse(JSON.stringify(value)), s, all: JSON.parse(body) });
    }),
    runs,
  );
});

test("Double.toString: reads back to the same double, in plain notation between 10^-3 and 10^7, else with E", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
      const text = javaDoubleToString(d);
      assert.ok(Object.is(Number(text), d), text);
      assert.match(text, /^-?\d+\.\d+(E-?\d+)?$/);
      const abs = Math.abs(d);
      assert.is(text.includes("E"), abs !== 0 && (abs < 1e-3 || abs >= 1e7), text);
    }),
    { numRuns: 1000 },
  );
});

test("lists print like ArrayList.toString(), JSON objects like LinkedHashMap.toString() in payload order", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 8 }), (items) => {
      assert.is(render(`#set($l = [${items.join(", ")}])$l|$l.size()`, null), `[${items.join(", ")}]|${items.length}`);
    }),
    runs,
  );
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^k[a-z0-9_]{0,6}$/), hostile), { selector: ([k]) => k, maxLength: 6 }), (entries) => {
      const body = `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")}}`;
      assert.is(render("$input.path('$')", body), `{${entries.map(([k, v]) => `${k}=${v}`).join(", ")}}`);
    }),
    runs,
  );
});

test("text without $, # or \\ renders as it is", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
      fc.pre(!/[$#\\]/.test(s));
      assert.is(render(s, null), s);
    }),
    runs,
  );
});

test("urlEncode, urlDecode, base64Encode and base64Decode round-trip any well-formed text", () => {
  const wellFormed = hostile.filter((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s));
  fc.assert(
    fc.property(wellFormed, (s) => {
      const encoded = urlEncode(s);
      assert.match(encoded, /^[A-Za-z0-9.\-*_+%]*$/);
      assert.is(urlDecode(encoded), s);
      assert.is(base64Decode(base64Encode(s)), s);
    }),
    runs,
  );
});

test("String.split with a plain separator drops trailing empty strings, as Java does", () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom("a", "b", ","), maxLength: 12 }), (s) => {
      const expected = s.includes(",") ? s.split(",") : [s];
      if (s.includes(",")) while (expected.length > 0 && expected[expected.length - 1] === "") expected.pop();
      assert.equal(javaSplit(s, ","), expected);
    }),
    runs,
  );
});

test.run();
