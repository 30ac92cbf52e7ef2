/**
 * The same API gives the same bytes: the build of each sample that deploys a REST or HTTP API is compared with golden files
 * (test/golden/build/<sample>/), and with the build of the same spec rewritten as JSON with CRLF line ends and its
 * object keys in two other orders (reversed, and ordered by a hash of the key).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import { build, nodeHost } from "../../compiler/index.js";
import { assertGoldenTree } from "../helpers/golden.js";

/** The samples whose build deploys their APIs: the REST samples, the HTTP API sample and the WebSocket sample. */
const BUILT_SAMPLES = ["pets", "warehouse", "http-api", "websocket-chat"];
const scratch = path.join("test", ".out", "determinism");

/** A deep copy of `value` with every object's keys in the order `order` gives; arrays keep their order. */
function reorderKeys(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, order));
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order(Object.keys(source))) out[key] = reorderKeys(source[key], order);
  return out;
}

const hashOf = (key: string): string => createHash("sha256").update(key).digest("hex");
const ORDERS: Record<string, (keys: string[]) => string[]> = {
  reversed: (keys) => [...keys].reverse(),
  hashed: (keys) => [...keys].sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : 1)),
};

/** The files of a build of `spec` into `<spec folder>/out`, by path. @throws when the build has errors. */
function buildFiles(spec: string): Map<string, string> {
  const result = build(nodeHost, spec, { out: path.join(path.dirname(spec), "out") });
  const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);
  assert.equal(errors, [], `${spec} has errors`);
  return new Map(result.files.map((f) => [f.path, f.content]));
}

/** Copies a sample folder (spec, code folders, templates) to `target`, without its openapi.yaml. */
function copySample(sample: string, target: string): void {
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join("samples", sample), target, { recursive: true, filter: (src) => !src.endsWith("openapi.yaml") });
}

for (const sample of BUILT_SAMPLES) {
  const spec = path.join("samples", sample, "openapi.yaml");
  const expected = buildFiles(spec);

  test(`${sample}: the build matches the golden files`, () => {
    assertGoldenTree(path.join("test", "golden", "build", sample), expected);
  });

  for (const [name, order] of Object.entries(ORDERS)) {
    test(`${sample}: JSON with CRLF and ${name} keys builds byte-identical output`, () => {
      const dir = path.join(scratch, `${sample}-${name}`);
      copySample(sample, dir);
      const document = reorderKeys(loadYaml(fs.readFileSync(spec, "utf8"), { schema: CORE_SCHEMA }), order);
      const json = JSON.stringify(document, null, 2).replace(/\n/g, "\r\n");
      fs.writeFileSync(path.join(dir, "openapi.json"), json);
      const actual = buildFiles(path.join(dir, "openapi.json"));
      assert.equal([...actual.keys()], [...expected.keys()]);
      for (const [file, content] of expected) assert.ok(actual.get(file) === content, `${sample} ${name}: ${file} differs`);
    });
  }
}

test.run();
