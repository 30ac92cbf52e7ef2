/**
 * The broken-spec corpus: each folder under test/invalid/ holds a spec (`openapi.yaml` or `openapi.json`, plus
 * `overlay.yaml` when the case is about overlays) and `expected.errors`, the exact diagnostics `check` must report,
 * one per line: `file:line:column severity code: message` (paths relative to the case folder).
 * Every case must fail with at least one error, quickly, and without throwing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost } from "../compiler/index.js";
import { assertGolden } from "./helpers/golden.js";

const root = path.join(import.meta.dirname, "invalid");
const cases = fs
  .readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith("_"))
  .map((e) => e.name)
  .sort();

// Compile the schema validators once, so the per-case time budget measures the case, not the first-use setup.
check(nodeHost, "samples/pets/openapi.yaml");

test("the corpus holds at least 40 broken specs", () => {
  assert.ok(cases.length >= 40, `only ${cases.length} cases`);
});

for (const name of cases) {
  test(`invalid/${name}`, () => {
    const dir = path.join(root, name);
    const entryName = ["openapi.yaml", "openapi.json", "openapi.yml"].find((f) => fs.existsSync(path.join(dir, f)));
    assert.ok(entryName, `no openapi.yaml/json in ${dir}`);
    const rel = (p: string) => path.relative(process.cwd(), path.join(dir, p)).split(path.sep).join("/");
    const overlay = fs.existsSync(path.join(dir, "overlay.yaml")) ? [rel("overlay.yaml")] : [];
    const started = performance.now();
    const result = check(nodeHost, rel(entryName as string), { overlays: overlay });
    const elapsed = performance.now() - started;
    const prefix = rel("") + "/";
    const lines = result.diagnostics.map((d) => {
      const at = result.locate(d);
      const file = at.file.startsWith(prefix) ? at.file.slice(prefix.length) : at.file;
      return `${file}:${at.line}:${at.column} ${d.severity} ${d.code}: ${d.message}`;
    });
    assertGolden(path.join(dir, "expected.errors"), lines.join("\n") + "\n");
    assert.ok(result.errorCount > 0, "a broken spec must produce at least one error");
    assert.ok(elapsed < 1000, `took ${Math.round(elapsed)} ms; every broken spec must fail in under a second`);
  });
}

test.run();
