/**
 * Renders every conformance case (`test/vtl/cases/*`) and compares with what API Gateway produces: byte for byte,
 * JSON-equal, or whitespace-normalised as the case says; overrides and errors (kind, line, column) where given.
 * Each case cites its source (AWS documentation, recordings on API Gateway) in its `case.json`.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { VtlError, renderTemplate } from "../../compiler/vtl/index.js";
import { normaliseWhitespace, readCases } from "./helpers/cases.js";

const cases = readCases();

test("there are at least 60 cases, each citing its source", () => {
  assert.ok(cases.length >= 60, `${cases.length} cases`);
  for (const c of cases) assert.ok(c.source.length > 20, `${c.name} cites its source`);
});

for (const c of cases) {
  test(`case ${c.name}`, () => {
    const input = { ...c.input, kind: c.response ? ("response" as const) : ("request" as const) };
    if (c.error) {
      try {
        renderTemplate(c.template, input);
      } catch (error) {
        assert.instance(error, VtlError);
        const e = error as VtlError;
        assert.equal({ kind: e.kind, line: e.line, column: e.column }, c.error, e.message);
        return;
      }
      assert.unreachable("the render should fail");
    }
    const result = renderTemplate(c.template, input);
    const expected = c.expected as string;
    if (c.compare === "json") assert.equal(JSON.parse(result.output), JSON.parse(expected), result.output);
    else if (c.compare === "whitespace") assert.is(normaliseWhitespace(result.output), normaliseWhitespace(expected));
    else assert.is(result.output, expected);
    if (c.overrides !== undefined) assert.equal(result.overrides, c.overrides);
  });
}

test.run();
