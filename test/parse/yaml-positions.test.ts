/**
 * Node positions from the second `js-yaml` pass (`createParsedYamlRanges`) against the ones `yaml`'s document
 * tree gives (`createYamlRanges`, the reference): real specs in ../shared/specs (skipped when absent), the
 * samples, hand-written corner cases and generated documents salted with comments, empty lines and CRLF.
 *
 * Key and value ranges are compared exactly, ends included: the rules in `yaml-collection-end.ts` reproduce
 * where `yaml` ends a block collection (trailing comments and empty lines), so no case here needs the looser
 * "same start line and column" comparison. The texts the pass does not map fall back to `yaml` and are listed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { CORE_SCHEMA, dump, load } from "js-yaml";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { stringify } from "yaml";
import { childPointer } from "../../compiler/parse/pointer.js";
import { createParsedYamlRanges, createYamlRanges } from "../../compiler/parse/yaml-ranges.js";
import { buildPositionTree } from "../../compiler/parse/yaml-positions.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const specs = path.resolve(root, "..", "shared", "specs");
const specFiles = fs.existsSync(specs) ? fs.readdirSync(specs).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
const sampleFiles = ["http-api/openapi.yaml", "pets/openapi.yaml", "warehouse/openapi.yaml", "websocket-chat/openapi.yaml", "overlays/github.overlay.yaml", "overlays/petstore.overlay.yaml"];

/** Every `every`-th pointer of the parsed document in depth-first order, and every path item (`/paths/…`). */
function pointersOf(text: string, every: number): string[] {
  const found: string[] = [];
  const stack: { node: unknown; pointer: string; depth: number }[] = [{ node: load(text, { schema: CORE_SCHEMA }), pointer: "", depth: 0 }];
  for (let n = 0; stack.length > 0; n++) {
    const { node, pointer, depth } = stack.pop() as { node: unknown; pointer: string; depth: number };
    if (n % every === 0 || /^\/paths\/[^/]+$/.test(pointer)) found.push(pointer);
    // Aliases make shared (even circular) values: past a few levels below any real spec's depth, stop.
    if (typeof node !== "object" || node === null || depth > 40) continue;
    for (const [key, child] of Object.entries(node)) stack.push({ node: child, pointer: childPointer(pointer, key), depth: depth + 1 });
  }
  return found;
}

/** Asserts that the js-yaml pass maps `text` and answers like `yaml` for `pointers`. */
function assertSameRanges(text: string, pointers: readonly string[], label: string): void {
  assert.ok(buildPositionTree(text), `${label}: mapped without falling back to yaml`);
  const expected = createYamlRanges(text);
  const actual = createParsedYamlRanges(text, 0);
  for (const pointer of pointers) assert.equal(actual.rangeOf(pointer), expected.rangeOf(pointer), `${label} ${pointer}`);
}

for (const file of specFiles) {
  test(`real spec ${file}: every path item and every 50th node (every node of a small file) as yaml places them`, () => {
    const text = fs.readFileSync(path.join(specs, file), "utf8");
    assertSameRanges(text, pointersOf(text, text.length > 100_000 ? 50 : 1), file);
  });
}

test("samples: every node as yaml places it", () => {
  for (const file of sampleFiles) {
    const text = fs.readFileSync(path.join(root, "samples", file), "utf8");
    assertSameRanges(text, pointersOf(text, 1), file);
  }
});

const CORNER_CASES: readonly string[] = [
  'a: 1\nb:\n  c: "x"   # comment\n  d: |\n    text\n\n  e: [p , q]\n\n# trailing\nf: &A\n  - x\n  - y\ng: *A\n',
  "a:\n  b: 1\n  # deeper comment\n\n# col0\nc: |+\n  keep\n\n\nd: >-\n  strip\n\ne:\nf: {g: , h, \"i\": j}\nk:\n- \n- x\n-\nl: end",
  "a: # c\nb: !!str\nc: &x\nd:   \ne: [ ]\nf:\n  - # c\n  -   \n  - &y\n",
  '{a: 1, "b" : 2, c:, ? d : 3}',
  "? a\n: b\n? c\nd: e\n",
  "? \n: x\n",
  "{&k a: 1, b: *k}\n",
  "a: &s str\nb: *s\nc: [*s, *s]\n",
  "a: &m\n  b: &n {c: 1}\nd: *m\ne: *n\n",
  "a: &x 1\nb: &x 2\nc: *x\n",
  "a:\t1\nb:\t\"x\"\t\n",
  "a: 'it''s'\nb: \"esc \\\" q\"\nc: \"multi\n  line\"\nd: plain\n  multi line\n",
  "key with spaces  :   value with spaces   \n\"quoted key\": 1\n'single': 2\n",
  "-\n  a: 1\n-\n  - x\n- - y\n  - z\n- a: 1\n  b: 2\n",
  "a: |-\n\n  x\n\n",
  "a: |\nb: 1\n",
  "a: |2\n    x\n   \nb: 1\n",
  "a:\n  b: |\n    x\n     \n",
  "a: >\n\n  folded\n  more\n\n\nb: 1",
  "a:\r\n  b: 1\r\n  c: |\r\n    x\r\n\r\nd: 2\r\n",
  "%YAML 1.2\n---\na: 1\n...\n",
  "a: !!map {b: 1}\nc: !!seq [1]\nd: !<tag:yaml.org,2002:str> x\n",
  "a: [x,\n  y, z\n  ]\nb: {\n  c: d\n}\n",
  "   a: 1\n   b: 2\n",
  "a: 2001-12-14\n200: x\n1.0: y\nnull: z\ntrue: w\n",
  "root\n",
  "[a, [b, {c: d}]]\n",
  "x:\n  o:\n    a: # c\n\n  b: 2\n",
  "o:\n  a: # c\n# d\nb: 2\n",
  "s:\n- a\n- # c\n\nt: 1\n",
  "o:\n  - [a]\n    # d\nb: 2\n",
  "o:\n  - [a]\n  # d\nb: 2\n",
  "x:\n  o:\n    a: 1 # c\n    # d\n  b: 2\n",
  "r:\n  x:\n    o:\n      a: 1\n      # d\n\n\n# e\n\n  b: 2\n",
  "r:\n  x:\n    o:\n      a: 1\n      # d\n  \n   \n  b: 1",
  "a:\n  - b\n  -\n",
];

test("corner cases: every node as yaml places it", () => {
  for (const text of CORNER_CASES) assertSameRanges(text, pointersOf(text, 1), JSON.stringify(text));
});

test("generated documents with comments, empty lines and CRLF: every node as yaml places it", () => {
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      fc.string(),
      fc.integer(),
      fc.constantFrom(null, true, "", " x ", "a: b", "- x", "#c", "multi\nline\n", "trail\n\n", "  lead", "'q'"),
      fc.array(tie("node"), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 6 }), tie("node"), { maxKeys: 4 }),
    ),
  })).node;
  const edit = fc.tuple(fc.nat(), fc.constantFrom("comment line", "empty line", "end comment"), fc.nat(8));
  const style = fc.record({ flowLevel: fc.integer({ min: -1, max: 3 }), indent: fc.integer({ min: 1, max: 4 }), viaYaml: fc.boolean(), crlf: fc.boolean() });
  fc.assert(
    fc.property(value, style, fc.array(edit, { maxLength: 10 }), (v, { flowLevel, indent, viaYaml, crlf }, edits) => {
      const lines = (viaYaml ? stringify(v, { indent: Math.max(2, indent) }) : dump(v, { flowLevel, indent, lineWidth: 20 })).split("\n");
      for (const [at, kind, column] of edits) {
        const i = at % lines.length;
        if (kind === "comment line") lines.splice(i, 0, " ".repeat(column) + "# note");
        else if (kind === "empty line") lines.splice(i, 0, " ".repeat(column % 3));
        else lines[i] += " ".repeat(1 + (column % 2)) + "# end";
      }
      const text = crlf ? lines.join("\r\n") : lines.join("\n");
      try {
        load(text, { schema: CORE_SCHEMA });
      } catch {
        return; // a comment landed inside a quoted scalar or a flow collection and broke the text
      }
      assertSameRanges(text, pointersOf(text, 1), JSON.stringify(text));
    }),
    { numRuns: 400, seed: 20261130 },
  );
});

test("a byte order mark shifts every offset by one, as in the file", () => {
  const text = "\ufeffopenapi: 3.0.3\ninfo:\n  title: T\n";
  const ranges = createParsedYamlRanges(text, 1);
  assert.equal(ranges.rangeOf("/info/title"), { key: [24, 29], value: [31, 32] });
  assert.equal(ranges.rangeOf("/info/title"), createYamlRanges(text).rangeOf("/info/title"));
  assert.is(text.slice(24, 29), "title");
});

test("aliases: a path through one follows the anchor last defined before it; an alias at the end is located itself", () => {
  const text = "a: &x {v: 1}\nb: *x\nc: &x {v: 2}\nd: *x\n";
  const ranges = createParsedYamlRanges(text, 0);
  assert.equal(ranges.rangeOf("/b/v"), { key: [7, 8], value: [10, 11] });
  assert.equal(ranges.rangeOf("/d/v"), { key: [26, 27], value: [29, 30] });
  assert.equal(ranges.rangeOf("/b"), { key: [13, 14], value: [16, 18] });
  assert.is(ranges.rangeOf("/b/w"), undefined);
});

test("lookups that miss: unknown keys, indexes out of range or not canonical, scalars, bad pointers", () => {
  const ranges = createParsedYamlRanges("a: [x, y]\nb: 1\n", 0);
  for (const pointer of ["/c", "/a/2", "/a/01", "/a/-", "/b/0", "a", "/a~2"]) assert.is(ranges.rangeOf(pointer), undefined, pointer);
  assert.equal(ranges.rangeOf("/a/1"), { value: [7, 8] });
  assert.equal(ranges.rangeOf(""), { value: [0, 15] });
});

test("a document of comments only has no nodes", () => {
  assert.is(createParsedYamlRanges("# nothing here\n", 0).rangeOf(""), undefined);
});

test("texts the js-yaml pass does not map fall back to yaml, with the same answers", () => {
  // A `key: value` pair or an explicit key inside a flow sequence; a sequence or mapping used as a key.
  for (const text of ["a: [b: 1, c]\n", "a: [? b]\n", "? [a, b]\n: c\nd: 1\n", "[a]: 1\n"]) {
    assert.is(buildPositionTree(text), undefined, text);
    const expected = createYamlRanges(text);
    const actual = createParsedYamlRanges(text, 0);
    for (const pointer of ["", "/a", "/a/0", "/a/1", "/d"]) assert.equal(actual.rangeOf(pointer), expected.rangeOf(pointer), `${text} ${pointer}`);
  }
});

test.run();
