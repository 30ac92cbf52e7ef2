import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { createMemoryHost, type CompilerHost } from "../../compiler/host.js";
import { loadSpec } from "../../compiler/parse/load.js";
import { loadMemory, summary } from "./helpers/position.js";

test("a missing entry file is file-not-found and nothing else", () => {
  const r = loadMemory({ "other.yaml": "a: 1" }, "api.yaml");
  assert.equal(summary(r), ["file-not-found@api.yaml# 1:1"]);
  assert.is(r.diagnostics[0]!.message, "Cannot read api.yaml: the file does not exist.");
  assert.is(r.entry, undefined);
  assert.is(r.document, undefined);
  assert.is(r.files.size, 0);
});

test("a folder is not readable as a spec", () => {
  const r = loadMemory({ "specs/api.yaml": "a: 1" }, "specs");
  assert.equal(summary(r), ["file-unreadable@specs# 1:1"]);
  assert.is(r.diagnostics[0]!.message, "Cannot read specs: it is not a regular file.");
});

test("the size is checked before reading", () => {
  const memory = createMemoryHost({ "api.yaml": "openapi: 3.0.3\n" });
  const host: CompilerHost = { ...memory, readFile: () => assert.unreachable("read a file above the limit") as never };
  const r = loadSpec(host, "api.yaml", { maxFileSize: 10 });
  assert.equal(summary(r), ["file-too-large@api.yaml# 1:1"]);
  assert.is(r.diagnostics[0]!.message, "api.yaml is 15 bytes; the limit is 10 bytes (raise it with --max-file-size).");
  const huge: CompilerHost = { ...host, stat: () => ({ size: 40 * 1024 * 1024, isFile: true, isDirectory: false }) };
  assert.equal(summary(loadSpec(huge, "api.yaml")), ["file-too-large@api.yaml# 1:1"]);
});

test("read errors become file-unreadable without a stack trace", () => {
  const memory = createMemoryHost({ "api.yaml": "a: 1" });
  const host: CompilerHost = {
    ...memory,
    readFile: () => {
      throw Object.assign(new Error("EACCES: permission denied, open '/work/api.yaml'"), { code: "EACCES" });
    },
  };
  const r = loadSpec(host, "api.yaml");
  assert.equal(summary(r), ["file-unreadable@api.yaml# 1:1"]);
  assert.is(r.diagnostics[0]!.message, "Cannot read api.yaml: permission denied.");
});

test("empty, whitespace-only and comment-only files are file-empty", () => {
  for (const text of ["", "  \n\t\r\n", "\ufeff", "# just a comment\n\n  # another\n"]) {
    const r = loadMemory({ "api.yaml": text });
    assert.equal(summary(r), ["file-empty@api.yaml# 1:1"], JSON.stringify(text));
    assert.is(r.document, undefined);
    assert.ok(r.entry, "the file was read");
  }
  assert.equal(summary(loadMemory({ "api.json": " \n " })), ["file-empty@api.json# 1:1"]);
});

test("a document that is just null is not empty (later stages judge it)", () => {
  const r = loadMemory({ "api.yaml": "~\n" });
  assert.equal(r.diagnostics, []);
  assert.is(r.document, null);
});

test("displayed paths are relative to the working folder with / separators", () => {
  const r = loadMemory({ "specs/v1/api.yaml": "openapi: 3.0.3\n" }, "/work/specs/v1/api.yaml");
  assert.is(r.entry?.path, "specs/v1/api.yaml");
  assert.is(r.entry?.realPath, "/work/specs/v1/api.yaml");
  assert.equal([...r.files.keys()], ["specs/v1/api.yaml"]);
  const broken = loadMemory({ "specs/v1/api.yaml": "a: [" }, "specs/v1/api.yaml");
  assert.is(broken.diagnostics[0]!.origin.file, "specs/v1/api.yaml");
});

test("a BOM before YAML keeps positions right", () => {
  const r = loadMemory({ "api.yaml": "\ufeffa: 1\nb: [x\n" });
  const plain = loadMemory({ "api.yaml": "xa: 1\nb: [x\n" });
  assert.equal(summary(r), summary(plain));
  assert.equal(summary(loadMemory({ "api.yaml": "\ufeffa: 1\na: 2\n" })), ["duplicate-key@api.yaml#/a 2:1"]);
});

test("arbitrary text never makes loading throw", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), fc.constantFrom("api.yaml", "api.json"), (text, name) => {
      const r = loadMemory({ [name]: text });
      for (const d of r.diagnostics) r.locate(d.origin, d.part);
    }),
    { numRuns: 300 },
  );
  const tricky = ["[", "{", "]", "- - -", "? a", "!!", "&a", "*", "%YAML 1.2\n---\na: 1", "\u0000", "a:\n\t- b", "'", '"\\u12"', "{a: 1}}"];
  for (const text of tricky) loadMemory({ "api.yaml": text });
});

test.run();
