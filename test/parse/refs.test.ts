import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { createMemoryHost, nodeHost, type CompilerHost } from "../../compiler/host.js";
import { loadSpec } from "../../compiler/parse/load.js";
import { located, loadMemory, summary } from "./helpers/position.js";

/** A memory host that records every path it was asked to stat or read. */
function watchedHost(files: Record<string, string | { readonly symlink: string }>) {
  const host = createMemoryHost(files);
  const touched: string[] = [];
  const watched: CompilerHost = {
    ...host,
    readFile: (f) => (touched.push(`read ${f}`), host.readFile(f)),
    stat: (f) => (touched.push(`stat ${f}`), host.stat(f)),
  };
  return { host: watched, touched };
}

const api = (refs: string) => `openapi: 3.0.3\ncomponents:\n  schemas:\n${refs}`;

test("a local reference to a missing node is ref-not-found at the $ref value", () => {
  const r = loadMemory({ "api.yaml": api("    A:\n      $ref: '#/components/schemas/Missing'\n") });
  assert.equal(summary(r), ["ref-not-found@api.yaml#/components/schemas/A/$ref 5:13"]);
  assert.is(r.diagnostics[0]!.message, 'Reference "#/components/schemas/Missing" does not resolve: api.yaml has no node at /components/schemas/Missing.');
  assert.is(r.resolveRef("#/components/schemas/Missing", { file: "api.yaml", pointer: "/components/schemas/A" }), undefined);
});

test("#/__proto__/… is just a missing node", () => {
  const r = loadMemory({ "api.yaml": api("    A: {$ref: '#/__proto__/polluted'}\n    B: {$ref: '#/constructor'}\n") });
  assert.equal(summary(r), ["ref-not-found@api.yaml#/components/schemas/A/$ref 4:15", "ref-not-found@api.yaml#/components/schemas/B/$ref 5:15"]);
  assert.is(({} as Record<string, unknown>)["polluted"], undefined);
});

test("remote references are refused and nothing is fetched or read", () => {
  const refs = [
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "https://example.com/schemas.yaml#/Pet",
    "ftp://example.com/x.yaml",
    "//example.com/x.yaml",
  ];
  const { host, touched } = watchedHost({ "api.yaml": api(refs.map((ref, i) => `    S${i}: {$ref: '${ref}'}\n`).join("")) });
  const r = loadSpec(host, "api.yaml");
  assert.equal(r.diagnostics.map((d) => `${d.code}@${d.origin.pointer}`), refs.map((_, i) => `ref-remote@/components/schemas/S${i}/$ref`));
  assert.is(r.diagnostics[0]!.message, `Remote reference "${refs[0]}" refused: Portico never reaches the network; copy the file next to the spec.`);
  assert.equal(touched, ["stat /work/api.yaml", "read /work/api.yaml"]);
});

test("references outside the spec's folder are refused before anything is read", () => {
  const { host, touched } = watchedHost({
    "specs/api.yaml": api(
      [
        "    A: {$ref: '../outside/evil.yaml'}",
        "    B: {$ref: 'sub/../../outside/evil.yaml#/X'}",
        "    C: {$ref: '/etc/passwd'}",
        "    D: {$ref: 'file:///etc/passwd'}",
        "    E: {$ref: '%2Fetc%2Fpasswd'}",
        "    F: {$ref: 'C:\\\\secrets.yaml'}",
        "",
      ].join("\n"),
    ),
    "outside/evil.yaml": "X: 1\n",
  });
  const r = loadSpec(host, "specs/api.yaml");
  assert.equal(r.diagnostics.map((d) => `${d.code}@${d.origin.pointer}`), ["A", "B", "C", "D", "E", "F"].map((s) => `ref-outside-root@/components/schemas/${s}/$ref`));
  assert.is(r.diagnostics[0]!.message, `Reference "../outside/evil.yaml" leaves the spec's folder specs/; references must stay inside it.`);
  assert.equal(touched, ["stat /work/specs/api.yaml", "read /work/specs/api.yaml"]);
});

test("only .yaml, .yml and .json files may be referenced; others are never read nor echoed", () => {
  const { host, touched } = watchedHost({
    "api.yaml": api("    A:\n      description: {$ref: './notes.txt'}\n"),
    "notes.txt": "SECRET_TOKEN=abc123",
  });
  const r = loadSpec(host, "api.yaml");
  assert.equal(summary(r), ["ref-file-type@api.yaml#/components/schemas/A/description/$ref 5:27"]);
  assert.is(r.diagnostics[0]!.message, 'Reference "./notes.txt" names a file that is not .yaml, .yml or .json.');
  assert.not.ok(touched.some((t) => t.includes("notes.txt")));
});

test("a symlink inside the folder that points outside is refused without reading the target", () => {
  const { host, touched } = watchedHost({
    "specs/api.yaml": api("    A: {$ref: 'link.yaml#/X'}\n"),
    "specs/link.yaml": { symlink: "../secrets/credentials.yaml" },
    "secrets/credentials.yaml": "X: {aws_secret_access_key: abc}\n",
  });
  const r = loadSpec(host, "specs/api.yaml");
  assert.equal(summary(r), ["ref-outside-root@specs/api.yaml#/components/schemas/A/$ref 4:15"]);
  assert.not.ok(touched.some((t) => t.startsWith("read") && t.includes("link.yaml")));
  assert.not.ok(touched.some((t) => t.includes("credentials")));
});

test("a symlink to a .txt file inside the folder is refused by its real extension", () => {
  const r = loadMemory({ "api.yaml": api("    A: {$ref: 'notes.yaml'}\n"), "notes.yaml": { symlink: "notes.txt" }, "notes.txt": "SECRET" });
  assert.equal(r.diagnostics.map((d) => d.code), ["ref-file-type"]);
});

test("a real symlink escaping the folder is refused (real file system)", () => {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".out", `parse-symlink-${process.pid}`);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, "spec"), { recursive: true });
  fs.mkdirSync(path.join(root, "outside"), { recursive: true });
  fs.writeFileSync(path.join(root, "outside", "secret.yaml"), "X: {token: abc}\n");
  fs.writeFileSync(path.join(root, "spec", "real.yaml"), "X: {type: string}\n");
  fs.symlinkSync(path.join("..", "outside", "secret.yaml"), path.join(root, "spec", "link.yaml"));
  fs.symlinkSync("real.yaml", path.join(root, "spec", "alias.yaml"));
  fs.writeFileSync(path.join(root, "spec", "api.yaml"), api("    A: {$ref: 'link.yaml#/X'}\n    B: {$ref: 'alias.yaml#/X'}\n"));
  try {
    const host: CompilerHost = { ...nodeHost, cwd: () => root };
    const r = loadSpec(host, "spec/api.yaml");
    assert.equal(summary(r), ["ref-outside-root@spec/api.yaml#/components/schemas/A/$ref 4:15"]);
    assert.equal([...r.files.keys()], ["spec/api.yaml", "spec/alias.yaml"]);
    assert.equal(r.resolveRef("alias.yaml#/X", { file: "spec/api.yaml", pointer: "/components/schemas/B" })?.value, { type: "string" });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("references that only lead to each other are a cycle", () => {
  const r = loadMemory({ "api.yaml": api("    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n    C: {$ref: '#/components/schemas/C'}\n") });
  assert.equal(summary(r), ["ref-cycle@api.yaml#/components/schemas/A/$ref 4:15", "ref-cycle@api.yaml#/components/schemas/C/$ref 6:15"]);
  assert.is(r.diagnostics[0]!.message, "Reference cycle with no structure in between: #/components/schemas/A → #/components/schemas/B → #/components/schemas/A.");
  assert.is(r.resolveRef("#/components/schemas/A", { file: "api.yaml", pointer: "" }), undefined);
});

test("a reference cycle across files is reported once, naming both files", () => {
  const r = loadMemory({
    "api.yaml": api("    A: {$ref: 'b.yaml#/Y'}\n"),
    "b.yaml": "Y: {$ref: 'api.yaml#/components/schemas/A'}\n",
  });
  assert.equal(summary(r), ["ref-cycle@api.yaml#/components/schemas/A/$ref 4:15"]);
  assert.is(r.diagnostics[0]!.message, "Reference cycle with no structure in between: api.yaml#/components/schemas/A → b.yaml#/Y → api.yaml#/components/schemas/A.");
});

test("a recursive schema is fine and resolves", () => {
  const r = loadMemory({
    "api.yaml": api("    Node:\n      type: object\n      properties:\n        next: {$ref: '#/components/schemas/Node'}\n        kids: {type: array, items: {$ref: '#/components/schemas/Node'}}\n"),
  });
  assert.equal(r.diagnostics, []);
  const resolved = r.resolveRef("#/components/schemas/Node", { file: "api.yaml", pointer: "/components/schemas/Node/properties/next" });
  assert.equal(resolved?.origin, { file: "api.yaml", pointer: "/components/schemas/Node" });
  assert.is((resolved?.value as { type: string }).type, "object");
});

test("files that reference each other are each read once", () => {
  const { host, touched } = watchedHost({
    "api.yaml": api("    A: {$ref: 'a.yaml#/A'}\n"),
    "a.yaml": "A: {type: object, properties: {b: {$ref: 'b.yaml#/B'}}}\n",
    "b.yaml": "B: {type: object, properties: {a: {$ref: 'a.yaml#/A'}, self: {$ref: './sub/../b.yaml#/B'}}}\n",
  });
  const r = loadSpec(host, "api.yaml");
  assert.equal(r.diagnostics, []);
  assert.equal([...r.files.keys()], ["api.yaml", "a.yaml", "b.yaml"]);
  assert.equal(touched.filter((t) => t.startsWith("read")), ["read /work/api.yaml", "read /work/a.yaml", "read /work/b.yaml"]);
  const b = r.resolveRef("b.yaml#/B", { file: "a.yaml", pointer: "/A/properties/b" });
  assert.equal(b?.origin, { file: "b.yaml", pointer: "/B" });
});

test("resolveRef follows chains of references across files", () => {
  const r = loadMemory({
    "api.yaml": api("    Alias: {$ref: 'defs/models.yaml#/Pet'}\n    Use: {$ref: '#/components/schemas/Alias'}\n"),
    "defs/models.yaml": "Pet: {$ref: '#/Real'}\nReal: {type: object}\n",
  });
  assert.equal(r.diagnostics, []);
  const resolved = r.resolveRef("#/components/schemas/Alias", { file: "api.yaml", pointer: "/components/schemas/Use" });
  assert.equal(resolved, { value: { type: "object" }, origin: { file: "defs/models.yaml", pointer: "/Real" } });
  assert.is(r.resolveRef("https://example.com/x.yaml", { file: "api.yaml", pointer: "" }), undefined);
  assert.is(r.resolveRef("#/x", { file: "unknown.yaml", pointer: "" }), undefined);
});

test("missing files and missing nodes in other files are ref-not-found", () => {
  const r = loadMemory({
    "api.yaml": api("    A: {$ref: 'missing.yaml#/X'}\n    B: {$ref: 'other.json#/nope'}\n"),
    "other.json": '{"X": {"type": "string"}}',
  });
  assert.equal(summary(r), ["ref-not-found@api.yaml#/components/schemas/A/$ref 4:15", "ref-not-found@api.yaml#/components/schemas/B/$ref 5:15"]);
  assert.is(r.diagnostics[0]!.message, 'Reference "missing.yaml#/X" does not resolve: missing.yaml does not exist.');
  assert.is(r.diagnostics[1]!.message, 'Reference "other.json#/nope" does not resolve: other.json has no node at /nope.');
});

test("a referenced file's own problems point into that file", () => {
  const r = loadMemory({ "api.yaml": api("    A: {$ref: 'broken.yaml#/X'}\n"), "broken.yaml": "X:\n  type: [string\n" });
  assert.equal(summary(r), ["syntax-error@broken.yaml# 3:1"]);
});

test("malformed references are ref-invalid", () => {
  const r = loadMemory({ "api.yaml": api("    A: {$ref: '#foo'}\n    B: {$ref: 'x%zz.yaml'}\n    C: {$ref: '#/a~2b'}\n") });
  assert.equal(r.diagnostics.map((d) => d.code), ["ref-invalid", "ref-invalid", "ref-invalid"]);
  assert.is(r.diagnostics[0]!.message, 'Invalid reference "#foo": the fragment #foo is not a JSON pointer (it must be empty or start with /).');
});

test("percent-encoded paths and pointers are decoded", () => {
  const r = loadMemory({ "api.yaml": api("    A: {$ref: 'my%20models.yaml#/a~1b/c%20d'}\n"), "my models.yaml": "a/b: {c d: {type: string}}\n" });
  assert.equal(r.diagnostics, []);
  assert.equal(r.resolveRef("my%20models.yaml#/a~1b/c%20d", { file: "api.yaml", pointer: "" })?.origin, { file: "my models.yaml", pointer: "/a~1b/c d" });
});

test("literal data (examples, enum, defaults) is not searched for references", () => {
  const r = loadMemory({
    "api.yaml": [
      "openapi: 3.0.3",
      "paths:",
      "  /a:",
      "    get:",
      "      responses:",
      "        default: {$ref: '#/components/responses/Missing'}",
      "components:",
      "  schemas:",
      "    S:",
      "      example: {$ref: 'nope.yaml'}",
      "      default: {$ref: 'nope.yaml'}",
      "      enum: [{$ref: 'nope.yaml'}]",
      "      examples: [{$ref: 'nope.yaml'}]",
      "  examples:",
      "    E: {value: {$ref: 'nope.yaml'}}",
      "    F: {$ref: '#/components/examples/Missing'}",
      "",
    ].join("\n"),
  });
  assert.equal(summary(r), ["ref-not-found@api.yaml#/paths/~1a/get/responses/default/$ref 6:25", "ref-not-found@api.yaml#/components/examples/F/$ref 16:15"]);
});

test("a reference in a JSON spec is located in the JSON text", () => {
  const r = loadMemory({ "api.json": '{\n  "components": {\n    "schemas": {\n      "A": {"$ref": "#/nope"}\n    }\n  }\n}' });
  assert.equal(summary(r), ["ref-not-found@api.json#/components/schemas/A/$ref 4:21"]);
  assert.is(located(r, "api.json", "/components/schemas/A/$ref", "key"), "api.json:4:13");
});

test.run();
