import { test } from "uvu";
import * as assert from "uvu/assert";
import { MAX_TARGET_LENGTH, parseQuery, selectNodes } from "../../compiler/parse/jsonpath.js";

const doc = {
  paths: {
    "/pets": { get: { parameters: [{ name: "limit", in: "query" }, { name: "dummy", in: "query" }] } },
    "/a~b": { get: { parameters: [] }, post: {} },
  },
  list: [10, 11, 12, 13],
  info: { title: "Pets" },
};

function select(target: string, root: unknown = doc): string[] {
  const query = parseQuery(target);
  if (!query.ok) throw new Error(query.reason);
  const selected = selectNodes(root, query.value);
  if (!selected.ok) throw new Error(selected.reason);
  return selected.value.map((n) => n.pointer);
}

function reason(target: string): string {
  const query = parseQuery(target);
  return query.ok ? "ok" : query.reason;
}

test("names, wildcards and bracketed names select nodes as escaped JSON pointers", () => {
  assert.equal(select("$"), [""]);
  assert.equal(select(" $.info "), ["/info"]);
  assert.equal(select("$.paths['/pets'].get"), ["/paths/~1pets/get"]);
  assert.equal(select('$.paths["/a~b"]'), ["/paths/~1a~0b"]);
  assert.equal(select("$.paths.*.get"), ["/paths/~1pets/get", "/paths/~1a~0b/get"]);
  assert.equal(select("$.paths[*]"), ["/paths/~1pets", "/paths/~1a~0b"]);
  assert.equal(select("$.nope.deeper"), []);
  const info = parseQuery("$.info");
  assert.ok(info.ok);
  if (info.ok) assert.equal(selectNodes(doc, info.value), { ok: true, value: [{ pointer: "/info", value: { title: "Pets" } }] });
});

test("indexes, slices and unions; blanks inside brackets are ignored", () => {
  assert.equal(select("$.list[0]"), ["/list/0"]);
  assert.equal(select("$.list[ 1 ]"), ["/list/1"]);
  assert.equal(select("$.list[9]"), []);
  assert.equal(select("$.list[-1:]"), ["/list/3"]);
  assert.equal(select("$.list[1:3]"), ["/list/1", "/list/2"]);
  assert.equal(select("$.list[::2]"), ["/list/0", "/list/2"]);
  assert.equal(select("$.list[0, 2]"), ["/list/0", "/list/2"]);
});

test("results come in document order, each node once", () => {
  assert.equal(select("$.list[2,0]"), ["/list/0", "/list/2"]);
  assert.equal(select("$.list[0,0]"), ["/list/0"]);
  assert.equal(select("$..get"), ["/paths/~1pets/get", "/paths/~1a~0b/get"]);
  assert.equal(select("$..parameters[1].name"), ["/paths/~1pets/get/parameters/1/name"]);
  assert.equal(select("$.paths..*"), [
    "/paths/~1pets",
    "/paths/~1pets/get",
    "/paths/~1pets/get/parameters",
    "/paths/~1pets/get/parameters/0",
    "/paths/~1pets/get/parameters/0/name",
    "/paths/~1pets/get/parameters/0/in",
    "/paths/~1pets/get/parameters/1",
    "/paths/~1pets/get/parameters/1/name",
    "/paths/~1pets/get/parameters/1/in",
    "/paths/~1a~0b",
    "/paths/~1a~0b/get",
    "/paths/~1a~0b/get/parameters",
    "/paths/~1a~0b/post",
  ]);
});

test("filters accept the RFC 9535 form and the parenthesised form", () => {
  const expected = ["/paths/~1pets/get/parameters/1"];
  assert.equal(select("$.paths.*.get.parameters[?@.name == 'dummy']"), expected);
  assert.equal(select("$.paths.*.get.parameters[?(@.name == 'dummy')]"), expected);
  assert.equal(select("$.paths.*.get.parameters[?@.name=='dummy' && @.in=='query']"), expected);
  assert.equal(select("$.paths.*.get.parameters[?(@.name == 'x') || (@.name == 'dummy')]"), expected);
  assert.equal(select("$.list[?@ > 11]"), ["/list/2", "/list/3"]);
  assert.equal(select("$.paths[?@.post]"), ["/paths/~1a~0b"]);
  assert.equal(select("$.items[?@.name == 'b']", { items: [null, { name: "b" }, 3] }), ["/items/1"], "a filter failing on null skips that item");
});

test("only own properties are selected: __proto__ is data, nothing inherited is reached", () => {
  assert.equal(select("$.constructor"), []);
  assert.equal(select("$.__proto__"), []);
  assert.equal(select("$.info.toString"), []);
  assert.equal(select("$.info.hasOwnProperty"), []);
  assert.equal(select("$.paths.*[?@.constructor]"), []);
  assert.equal(select("$.list.length"), [], "an array's length is not a node");
  assert.equal(select("$.info.title[0]"), [], "nor is a character of a string");
  const withProto = JSON.parse('{"__proto__": {"x": 1}}');
  assert.equal(select("$['__proto__'].x", withProto), ["/__proto__/x"]);
  assert.equal(select("$.__proto__", withProto), ["/__proto__"]);
  // The library's filter interpreter reads inherited members (other than constructor and __proto__): such a test
  // holds on every item, yet what it selects are the items themselves.
  assert.equal(select("$.list[?@.toString]"), ["/list/0", "/list/1", "/list/2", "/list/3"]);
});

test("malformed queries are refused with the position of the problem", () => {
  assert.is(reason(""), "the query is empty; it starts with $, such as $.paths");
  assert.is(reason("paths.x"), "a query must start with $");
  assert.is(reason("$."), "a name, * or [ is expected after the dot at position 1");
  assert.is(reason("$.paths.."), "a name, * or [ is expected after the dot at position 8");
  assert.is(reason("$.paths["), "missing ] for the [ at position 7");
  assert.is(reason("$.paths[?(@.a == 1]"), "unexpected ] at position 18");
  assert.is(reason("$.a]"), "unexpected ] at position 3");
  assert.is(reason("$['a"), "unterminated string at position 2");
  assert.is(reason("$[]"), "empty brackets at position 1");
  assert.is(reason("$[?]"), "empty filter at position 1");
  assert.is(reason("$.paths.*~"), "~ selects property names, not nodes");
  assert.is(reason(`$${".a".repeat(MAX_TARGET_LENGTH / 2)}`), `the query is longer than ${MAX_TARGET_LENGTH} characters`);
  assert.is(reason(`$${".a".repeat(MAX_TARGET_LENGTH / 2 - 1)}`), "ok");
});

test("a filter that does not parse fails when it is evaluated, with the library's reason", () => {
  const query = parseQuery("$.list[?@ ==]");
  assert.ok(query.ok);
  if (!query.ok) return;
  const selected = selectNodes(doc, query.value);
  assert.equal(selected, { ok: false, reason: "Expected expression after == at character 7" });
});

test("filters cannot run code: no calls, no script selectors", () => {
  const calls = [
    "$.paths[?(@.constructor.constructor('return process')().exit())]",
    "$.list[?@.__lookupGetter__('__proto__').call(@.toString).constructor('globalThis.pwned = 1')()]",
    "$.list[?process.exit(1)]",
    "$.list[?(@.toString ())]",
    "$.paths[?@.name.startsWith('x')]",
  ];
  for (const target of calls) assert.match(reason(target), /^a filter cannot call functions or hold script selectors \(.*\); parentheses may only group$/, target);
  assert.is(reason("$.paths[?(@.constructor.constructor('return process')().exit())]"), 'a filter cannot call functions or hold script selectors (".constructor.constructor("); parentheses may only group');
  assert.is(reason("$.list[(@.length-1)]"), "script selectors such as [(@.length-1)] are not supported; use a filter [?…]");
  assert.is(reason("$.list['(@.length-1)']"), "script selectors such as [(@.length-1)] are not supported; use a filter [?…]");
  assert.is(reason("$.list[0,(@.length-1)]"), "script selectors such as [0,(@.length-1)] are not supported; use a filter [?…]");
  assert.is(reason("$.paths[?(@.get[(@.x)])]"), 'a filter cannot call functions or hold script selectors ("?(@.get[("); parentheses may only group');
  assert.equal(select("$.list[?process]"), [], "names other than @ are unknown to a filter");
  assert.is((globalThis as Record<string, unknown>)["pwned"], undefined);
});

test.run();
