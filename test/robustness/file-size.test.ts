/**
 * The file-size cap: a spec, a referenced file or an overlay larger than `maxFileSize` bytes is reported as
 * `file-too-large` from its size alone, without being read; a file exactly at the limit is read. The CLI's
 * `--max-file-size` sets the same cap.
 */
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../compiler/cli/main.js";
import { check, createMemoryHost, type CompilerHost } from "../../compiler/index.js";

const SPEC = "openapi: 3.0.3\ninfo: { title: Pets, version: 1.0.0 }\npaths: {}\n";
const LIMIT = 1_000;
const big = (prefix: string) => prefix + `x-padding: "${"x".repeat(LIMIT)}"\n`;

/** A memory host over `files` that records every path it reads. */
function recordingHost(files: Record<string, string>): { host: CompilerHost; read: string[] } {
  const inner = createMemoryHost(files);
  const read: string[] = [];
  const host: CompilerHost = {
    ...inner,
    readFile(file) {
      read.push(path.posix.basename(file));
      return inner.readFile(file);
    },
  };
  return { host, read };
}

const summary = (host: CompilerHost, entry: string, overlays: string[] = []) => {
  const result = check(host, entry, { maxFileSize: LIMIT, overlays });
  return result.diagnostics.map((d) => {
    const at = result.locate(d);
    return `${at.file}:${at.line}:${at.column} ${d.code}: ${d.message}`;
  });
};

test("a spec over the limit is file-too-large, at 1:1 of that file, and is never read", () => {
  const text = big(SPEC);
  const { host, read } = recordingHost({ "api.yaml": text });
  assert.equal(summary(host, "api.yaml"), [
    `api.yaml:1:1 file-too-large: api.yaml is ${text.length} bytes; the limit is ${LIMIT} bytes (raise it with --max-file-size).`,
  ]);
  assert.equal(read, []);
});

test("the limit counts bytes, not characters, and a file exactly at the limit is read", () => {
  const room = LIMIT - Buffer.byteLength(`${SPEC}x-padding: ""\n`);
  const atLimit = `${SPEC}x-padding: "${"é".repeat(Math.floor(room / 2))}${"x".repeat(room % 2)}"\n`; // é is two bytes
  assert.is(Buffer.byteLength(atLimit), LIMIT);
  assert.equal(summary(recordingHost({ "api.yaml": atLimit }).host, "api.yaml"), []);
  const over = `${atLimit}#\n`;
  const { host, read } = recordingHost({ "api.yaml": over });
  assert.equal(summary(host, "api.yaml").map((line) => line.split(": ")[0]), ["api.yaml:1:1 file-too-large"]);
  assert.equal(read, []);
});

test("a referenced file over the limit is file-too-large and is never read", () => {
  const entry = `${SPEC}components:\n  schemas:\n    Pet: { $ref: "./pet.yaml" }\n`;
  const { host, read } = recordingHost({ "api.yaml": entry, "pet.yaml": big("type: object\n") });
  const found = summary(host, "api.yaml");
  assert.equal(found.length, 1);
  assert.match(found[0] ?? "", /file-too-large: pet\.yaml is \d+ bytes; the limit is 1000 bytes/);
  assert.equal(read, ["api.yaml"]);
});

test("an overlay over the limit is file-too-large and is never read", () => {
  const overlay = big("overlay: 1.0.0\ninfo: { title: O, version: 1.0.0 }\nactions: [{ target: $, update: {} }]\n");
  const { host, read } = recordingHost({ "api.yaml": SPEC, "o.yaml": overlay });
  const found = summary(host, "api.yaml", ["o.yaml"]);
  assert.equal(found.map((line) => line.split(": ")[0]), ["o.yaml:1:1 file-too-large"]);
  assert.equal(read, ["api.yaml"]);
});

test("the CLI's --max-file-size sets the cap: check exits 1 with file-too-large", async () => {
  let out = "";
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t), color: false };
  const spec = path.join(import.meta.dirname, "..", "invalid", "alias-bomb", "openapi.yaml");
  const code = await main(["check", spec, "--max-file-size", "100", "--format", "json"], io);
  assert.is(code, 1);
  const report = JSON.parse(out) as { diagnostics: { code: string; line: number; column: number }[] };
  assert.equal(report.diagnostics.map((d) => [d.code, d.line, d.column]), [["file-too-large", 1, 1]]);
});

test.run();
