import { test } from "uvu";
import * as assert from "uvu/assert";
import { located, loadMemory, summary } from "./helpers/position.js";

const API = [
  "openapi: 3.0.3",
  "info:",
  "  title: Pets",
  "  version: '1'",
  "tags:",
  "  - name: a",
  "  - name: dummy",
  "  - name: c",
  "paths:",
  "  /pets:",
  "    get:",
  "      operationId: listPets",
  "      tags: [pets]",
  "      parameters:",
  "        - {name: limit, in: query}",
  "        - {name: dummy, in: query}",
  "      responses:",
  "        '200': {description: ok}",
  "",
].join("\n");

const OVERLAY = [
  "overlay: 1.0.0",
  "info:",
  "  title: Gateway",
  "  version: 1.0.0",
  "actions:",
  "  - target: $.paths['/pets'].get",
  "    description: add the integration",
  "    update:",
  "      summary: List pets",
  "      tags: [public]",
  "      x-gateway:",
  "        lambda: pets",
  "  - target: $.info",
  "    update:",
  "      title: Pets (gateway)",
  "  - target: $.paths.*.get.parameters",
  "    update: {name: page, in: query}",
  "  - target: $.tags[?@.name == 'dummy']",
  "    remove: true",
  "",
].join("\n");

type Doc = {
  info: { title: string; version: string };
  tags: { name: string }[];
  paths: Record<string, { get: Record<string, unknown> & { parameters: unknown[]; tags: string[] } }>;
};

const load = (overlay = OVERLAY, more: Record<string, string> = {}, overlays = ["gw.overlay.yaml"]) =>
  loadMemory({ "api.yaml": API, "gw.overlay.yaml": overlay, ...more }, "api.yaml", { overlays });

test("update merges objects recursively and inserts new properties", () => {
  const r = load();
  assert.equal(r.diagnostics, []);
  const doc = r.document as Doc;
  const get = doc.paths["/pets"]!.get;
  assert.is(get["summary"], "List pets");
  assert.equal(get["x-gateway"], { lambda: "pets" });
  assert.is(get["operationId"], "listPets");
  assert.equal(doc.info, { title: "Pets (gateway)", version: "1" });
  assert.is((r.entry?.value as Doc).info.title, "Pets", "the entry file's own value is untouched");
});

test("arrays: nested arrays concatenate, an update on a selected array appends one item", () => {
  const get = (load().document as Doc).paths["/pets"]!.get;
  assert.equal(get.tags, ["pets", "public"]);
  assert.equal(get.parameters, [
    { name: "limit", in: "query" },
    { name: "dummy", in: "query" },
    { name: "page", in: "query" },
  ]);
  const overlay = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.tags\n    update: [{name: z}]\n";
  assert.equal((load(overlay).document as Doc).tags.at(-1), [{ name: "z" }]);
});

test("remove deletes the selected nodes", () => {
  const doc = load().document as Doc;
  assert.equal(doc.tags, [{ name: "a" }, { name: "c" }]);
  const overlay = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.paths['/pets'].get.parameters[*]\n    remove: true\n  - target: $.info\n    remove: true\n";
  const removed = load(overlay).document as Doc;
  assert.equal(removed.paths["/pets"]!.get.parameters, []);
  assert.not.ok(Object.hasOwn(removed, "info"));
});

test("the entry file's value is never written to; nodes no action touches are shared with it", () => {
  const r = load();
  const entry = r.entry?.value as Doc;
  const before = structuredClone(entry);
  const doc = r.document as Doc;
  assert.equal(entry, before, "updates, appends and removals all left the entry's value as it was");
  assert.is.not(doc, entry);
  assert.is.not(doc.paths["/pets"]!.get, entry.paths["/pets"]!.get, "a merged node is a copy");
  assert.is.not(doc.tags, entry.tags, "an array an item was removed from is a copy");
  assert.is(doc.tags[0], entry.tags[0], "an item no action touches is shared");
  assert.is(doc.paths["/pets"]!.get["responses"], entry.paths["/pets"]!.get["responses"], "a subtree no action touches is shared");
});

test("an action that selects nodes inside one an earlier action wrote sees the earlier write", () => {
  const overlay = [
    "overlay: 1.0.0",
    "info: {title: t, version: '1'}",
    "actions:",
    "  - target: $.paths['/pets']",
    "    update: {get: {x-a: 1}}",
    "  - target: $.paths['/pets'].get",
    "    update: {x-b: 2}",
    "  - target: $..get",
    "    update: {x-c: 3}",
    "",
  ].join("\n");
  const r = load(overlay);
  const get = (r.document as Doc).paths["/pets"]!.get;
  assert.equal([get["x-a"], get["x-b"], get["x-c"], get["operationId"]], [1, 2, 3, "listPets"]);
  assert.not.ok(Object.hasOwn((r.entry?.value as Doc).paths["/pets"]!.get, "x-a"));
});

test("locate maps inserted and replaced nodes to the overlay text", () => {
  const r = load();
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/x-gateway/lambda"), "gw.overlay.yaml:12:17");
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/x-gateway", "key"), "gw.overlay.yaml:11:7");
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/x-gateway/timeout"), "gw.overlay.yaml:11:7");
  assert.is(located(r, "api.yaml", "/info/title"), "gw.overlay.yaml:15:14");
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/tags/1"), "gw.overlay.yaml:10:14");
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/parameters/2/name"), "gw.overlay.yaml:17:20");
  assert.is(located(r, "api.yaml", "/info/version"), "api.yaml:4:12");
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/tags/0"), "api.yaml:13:14");
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/parameters/1"), "api.yaml:16:11");
  const at = r.locate({ file: "api.yaml", pointer: "/paths/~1pets/get/x-gateway/lambda" }, "value");
  assert.equal(at, { file: "gw.overlay.yaml", pointer: "/actions/0/update/x-gateway/lambda", line: 12, column: 17, start: 225, end: 229 });
});

test("items after a removed array item keep pointing at their own text", () => {
  const r = load();
  assert.is(located(r, "api.yaml", "/tags/0"), "api.yaml:6:5");
  assert.is(located(r, "api.yaml", "/tags/1"), "api.yaml:8:5");
  assert.is(located(r, "api.yaml", "/tags/1/name"), "api.yaml:8:11");
});

test("removing several items keeps both entry items and inserted items at their own text", () => {
  const overlay = [
    "overlay: 1.0.0",
    "info: {title: t, version: '1'}",
    "actions:",
    "  - target: $.tags",
    "    update: {name: z}",
    "  - target: $.tags[?@.name == 'a' || @.name == 'c']",
    "    remove: true",
    "",
  ].join("\n");
  const r = load(overlay);
  assert.equal(r.diagnostics, []);
  assert.equal((r.document as Doc).tags, [{ name: "dummy" }, { name: "z" }]);
  assert.is(located(r, "api.yaml", "/tags/0/name"), "api.yaml:7:11");
  assert.is(located(r, "api.yaml", "/tags/1/name"), "gw.overlay.yaml:5:20");
  assert.is(located(r, "api.yaml", "/tags/2"), "api.yaml:5:1", "gone from the document: its parent");
});

test("later overlays apply to the result of earlier ones, and locate knows which text won", () => {
  const second = "overlay: 1.0.0\ninfo: {title: second, version: '1'}\nactions:\n  - target: $.paths['/pets'].get['x-gateway']\n    update: {timeout: 5000}\n";
  const r = load(OVERLAY, { "second.yaml": second }, ["gw.overlay.yaml", "second.yaml"]);
  assert.equal(r.diagnostics, []);
  assert.equal((r.document as Doc).paths["/pets"]!.get["x-gateway"], { lambda: "pets", timeout: 5000 });
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/x-gateway/timeout"), "second.yaml:5:23");
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/x-gateway/lambda"), "gw.overlay.yaml:12:17");
});

test("a target that matches nothing is a warning at the target", () => {
  const overlay = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.paths['/nope']\n    update: {x: 1}\n";
  const r = load(overlay);
  assert.equal(summary(r), ["overlay-target-unmatched@gw.overlay.yaml#/actions/0/target 4:13"]);
  assert.is(r.diagnostics[0]!.severity, "warning");
  assert.is(r.diagnostics[0]!.message, `Overlay target "$.paths['/nope']" matches nothing in the document.`);
});

test("a malformed JSONPath is overlay-target-invalid at the target", () => {
  const overlay = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.paths[\n    update: {x: 1}\n  - target: paths\n    remove: true\n";
  const r = load(overlay);
  assert.equal(summary(r), ["overlay-target-invalid@gw.overlay.yaml#/actions/0/target 4:13", "overlay-target-invalid@gw.overlay.yaml#/actions/1/target 6:13"]);
  assert.is(r.diagnostics[0]!.message, 'Invalid JSONPath target "$.paths[": missing ] for the [ at position 7.');
});

test("a target cannot run code, and selects only the document's own members", () => {
  const api = `${API}x-data:\n  __proto__: {a: 1}\n`;
  const overlay = [
    "overlay: 1.0.0",
    "info: {title: t, version: '1'}",
    "actions:",
    "  - target: $.paths[?(@.constructor.constructor('return process')().exit())]",
    "    update: {x: 1}",
    "  - target: $.info.constructor",
    "    update: {x: 1}",
    "  - target: $.tags[?@.name == 'dummy'].toString",
    "    update: {x: 1}",
    "  - target: $['x-data'].__proto__",
    "    update: {b: 2}",
    "",
  ].join("\n");
  const r = loadMemory({ "api.yaml": api, "gw.overlay.yaml": overlay }, "api.yaml", { overlays: ["gw.overlay.yaml"] });
  assert.equal(summary(r), [
    "overlay-target-invalid@gw.overlay.yaml#/actions/0/target 4:13",
    "overlay-target-unmatched@gw.overlay.yaml#/actions/1/target 6:13",
    "overlay-target-unmatched@gw.overlay.yaml#/actions/2/target 8:13",
  ]);
  assert.is(
    r.diagnostics[0]!.message,
    `Invalid JSONPath target "$.paths[?(@.constructor.constructor('return process')().exit())]": a filter cannot call functions or hold script selectors (".constructor.constructor("); parentheses may only group.`,
  );
  const doc = r.document as Doc & { "x-data": Record<string, unknown> };
  assert.equal(doc.info, { title: "Pets", version: "1" });
  assert.equal(doc.tags, [{ name: "a" }, { name: "dummy" }, { name: "c" }]);
  assert.ok(Object.hasOwn(doc["x-data"], "__proto__"));
  assert.equal({ ...(doc["x-data"]["__proto__"] as object) }, { a: 1, b: 2 });
  assert.is(({} as Record<string, unknown>)["b"], undefined);
});

test("targets must select objects or arrays; updates must fit what they merge into", () => {
  const overlay = [
    "overlay: 1.0.0",
    "info: {title: t, version: '1'}",
    "actions:",
    "  - target: $.info.title",
    "    update: New",
    "  - target: $.paths['/pets'].get",
    "    update: {operationId: {nested: true}}",
    "  - target: $.info",
    "    update: [1]",
    "  - target: $",
    "    remove: true",
    "",
  ].join("\n");
  const r = load(overlay);
  assert.equal(summary(r), [
    "overlay-target-invalid@gw.overlay.yaml#/actions/0/target 4:13",
    "overlay-invalid@gw.overlay.yaml#/actions/1/update/operationId 7:27",
    "overlay-invalid@gw.overlay.yaml#/actions/2/update 9:13",
    "overlay-target-invalid@gw.overlay.yaml#/actions/3/target 10:13",
  ]);
  assert.is(r.diagnostics[0]!.message, 'Invalid JSONPath target "$.info.title": it selects a string at /info/title; select the object that holds the property instead.');
  assert.is(r.diagnostics[1]!.message, "Invalid overlay: cannot merge an object into a string at /paths/~1pets/get/operationId.");
  assert.is(r.diagnostics[3]!.message, 'Invalid JSONPath target "$": the document root cannot be removed.');
  assert.is((r.document as Doc).paths["/pets"]!.get["operationId"], "listPets");
});

test("malformed overlay documents are reported at the bad node", () => {
  const overlay = [
    "overlay: 2.0.0",
    "info: {title: t}",
    "actons: []",
    "actions:",
    "  - description: no target",
    "  - target: $.info",
    "    remove: yes",
    "",
  ].join("\n");
  const r = load(overlay);
  assert.equal(summary(r), [
    "overlay-invalid@gw.overlay.yaml#/actons 3:1",
    "overlay-invalid@gw.overlay.yaml#/overlay 1:10",
    "overlay-invalid@gw.overlay.yaml#/info 2:7",
    "overlay-invalid@gw.overlay.yaml#/actions/0 5:5",
    "overlay-invalid@gw.overlay.yaml#/actions/1/remove 7:13",
  ]);
  assert.is(r.diagnostics[1]!.message, 'Invalid overlay: version "2.0.0" is not supported; Portico applies Overlay 1.0.x.');
  assert.is(r.diagnostics[2]!.message, "Invalid overlay: info.version is missing.");
  assert.equal((r.document as Doc).info.title, "Pets", "an overlay with an unsupported version changes nothing");
  assert.equal(summary(load("- not an overlay\n")), ["overlay-invalid@gw.overlay.yaml# 1:1"]);
});

test("an overlay file is parsed like a spec: its syntax errors point into it", () => {
  const r = loadMemory({ "api.yaml": API, "gw.json": '{"overlay": "1.0.0",, }' }, "api.yaml", { overlays: ["gw.json"] });
  assert.equal(summary(r), ["syntax-error@gw.json# 1:21"]);
  assert.equal((r.document as Doc).info.title, "Pets");
});

test("an update with __proto__ keys stays an own property and pollutes nothing", () => {
  const overlay = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n    update: {__proto__: {polluted: true}, constructor: {prototype: {polluted: true}}}\n";
  const r = load(overlay);
  assert.equal(r.diagnostics, []);
  const info = (r.document as Doc).info as unknown as Record<string, unknown>;
  assert.ok(Object.hasOwn(info, "__proto__"));
  assert.is(Object.getPrototypeOf(info), Object.prototype);
  assert.is(({} as Record<string, unknown>)["polluted"], undefined);
});

test("references inserted by an overlay are checked and located in the overlay", () => {
  const overlay = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.paths['/pets'].get\n    update:\n      requestBody: {$ref: '#/components/requestBodies/Missing'}\n";
  const r = load(overlay);
  assert.equal(summary(r), ["ref-not-found@api.yaml#/paths/~1pets/get/requestBody/$ref 6:27"]);
  assert.is(located(r, "api.yaml", "/paths/~1pets/get/requestBody/$ref"), "gw.overlay.yaml:6:27");
});

test("a missing overlay file is file-not-found and the document stays as it was", () => {
  const r = loadMemory({ "api.yaml": API }, "api.yaml", { overlays: ["missing.overlay.yaml"] });
  assert.equal(summary(r), ["file-not-found@missing.overlay.yaml# 1:1"]);
  assert.equal((r.document as Doc).info.title, "Pets");
});

test("overlays are skipped when the entry cannot be parsed", () => {
  const r = loadMemory({ "api.yaml": "a: [", "gw.overlay.yaml": OVERLAY }, "api.yaml", { overlays: ["gw.overlay.yaml"] });
  assert.equal(r.diagnostics.map((d) => d.code), ["syntax-error"]);
});

test.run();
