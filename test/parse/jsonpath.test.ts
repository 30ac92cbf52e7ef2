import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseJsonPath } from "../../compiler/parse/jsonpath-parse.js";
import { selectNodes } from "../../compiler/parse/jsonpath.js";

const doc = {
  paths: {
    "/pets": { get: { parameters: [{ name: "limit", in: "query" }, { name: "dummy", in: "query" }] } },
    "/a~b": { get: { parameters: [] }, post: {} },
  },
  list: [10, 11, 12, 13],
  "x-y": { "it's": 1 },
};

function select(query: string, root: unknown = doc): string[] {
  const parsed = parseJsonPath(query);
  if (!parsed.ok) throw new Error(parsed.reason);
  const selected = selectNodes(root, parsed.value);
  if (!selected.ok) throw new Error(selected.reason);
  return selected.value.map((n) => n.pointer);
}

function reason(query: string): string {
  const parsed = parseJsonPath(query);
  return parsed.ok ? "ok" : parsed.reason;
}

test("names, wildcards and bracketed names select own members as pointers", () => {
  assert.equal(select("$"), [""]);
  assert.equal(select("$.paths['/pets'].get"), ["/paths/~1pets/get"]);
  assert.equal(select('$.paths["/a~b"]'), ["/paths/~1a~0b"]);
  assert.equal(select("$.paths.*.get"), ["/paths/~1pets/get", "/paths/~1a~0b/get"]);
  assert.equal(select("$['x-y'][\"it's\"]"), ["/x-y/it's"]);
  assert.equal(select("$['x-y']['it\\'s']"), ["/x-y/it's"]);
  assert.equal(select("$.paths['\\u002fpets']"), ["/paths/~1pets"]);
  assert.equal(select("$.nope.deeper"), []);
});

test("indexes, negative indexes, slices and unions", () => {
  assert.equal(select("$.list[0]"), ["/list/0"]);
  assert.equal(select("$.list[-1]"), ["/list/3"]);
  assert.equal(select("$.list[9]"), []);
  assert.equal(select("$.list[1:3]"), ["/list/1", "/list/2"]);
  assert.equal(select("$.list[::2]"), ["/list/0", "/list/2"]);
  assert.equal(select("$.list[::-1]"), ["/list/3", "/list/2", "/list/1", "/list/0"]);
  assert.equal(select("$.list[0, 2]"), ["/list/0", "/list/2"]);
  assert.equal(select("$.list[0, 0]"), ["/list/0"]);
});

test("descendants are searched in document order", () => {
  assert.equal(select("$..get"), ["/paths/~1pets/get", "/paths/~1a~0b/get"]);
  assert.equal(select("$..parameters[1].name"), ["/paths/~1pets/get/parameters/1/name"]);
});

test("filters accept the RFC 9535 form and the parenthesised form", () => {
  const expected = ["/paths/~1pets/get/parameters/1"];
  assert.equal(select("$.paths.*.get.parameters[?@.name == 'dummy']"), expected);
  assert.equal(select("$.paths.*.get.parameters[?(@.name == 'dummy')]"), expected);
  assert.equal(select("$.paths.*.get.parameters[?@.name=='dummy' && @.in=='query']"), expected);
  assert.equal(select("$.list[?@ > 11]"), ["/list/2", "/list/3"]);
  assert.equal(select("$.paths[?@.post]"), ["/paths/~1a~0b"]);
});

test("only own properties are selected", () => {
  assert.equal(select("$.constructor"), []);
  assert.equal(select("$.__proto__"), []);
  assert.equal(select("$.paths.*[?@.constructor]"), []);
  const withProto = JSON.parse('{"__proto__": {"x": 1}}');
  assert.equal(select("$['__proto__'].x", withProto), ["/__proto__/x"]);
});

test("malformed queries are refused with the position of the problem", () => {
  assert.is(reason(""), "a query must start with $ at position 0");
  assert.is(reason("paths.x"), "a query must start with $ at position 0");
  assert.is(reason("$."), "a member name is expected at position 2");
  assert.is(reason("$.paths["), "a selector is expected at position 8");
  assert.is(reason("$['a"), "unterminated string at position 4");
  assert.is(reason("$['a' 'b']"), "unexpected \"'\" at position 6");
  assert.is(reason("$.a b"), 'unexpected "b" at position 4');
  assert.is(reason("$[?]"), "empty filter at position 3");
  assert.is(reason("$[?@.a == 1"), "unterminated filter at position 11");
  assert.is(reason("$[?length(@.a) > 1]"), "the function length() is not supported in filters at position 18");
  assert.match(reason("$[?@.a ==]"), /^invalid filter \(/);
  assert.is(reason("$[01]"), 'unexpected "1" at position 3');
});

test("filters cannot reach the host: no eval, no constructor chains", () => {
  const parsed = parseJsonPath("$.list[?@.constructor.constructor('return process')().exit(3)]");
  if (parsed.ok) {
    const selected = selectNodes(doc, parsed.value);
    assert.ok(!selected.ok || selected.value.length === 0);
  }
  assert.is(reason("$.list[?process.exit(1)]"), "ok");
  assert.equal(select("$.list[?process.exit(1)]"), []);
});

test.run();
