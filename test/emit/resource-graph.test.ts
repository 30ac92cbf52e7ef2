/**
 * What each sample that deploys a REST or HTTP API deploys, stage by stage: the program runs under Pulumi mocks as each stage's stack (and as a
 * stack that is no stage of the spec), and every resource it registers, with its inputs, is compared with a golden
 * file (test/golden/graph/<sample>.<stack>.json). A change to what `pulumi up` would create shows up as a diff there.
 */
import { createHash } from "node:crypto";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, nodeHost } from "../../compiler/index.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { stableJson } from "../../compiler/emit/json.js";
import { createNames } from "../../compiler/model/names.js";
import { assertGolden } from "../helpers/golden.js";
import { runUnderMocks, secretValue, writeCase, type RecordedResource } from "./helpers/harness.js";

/** The samples whose build deploys their APIs: the REST samples, the HTTP API sample and the WebSocket sample. */
const BUILT_SAMPLES = ["pets", "warehouse", "http-api", "websocket-chat"];
/** A stack name that is no stage of any sample: it gets the secure defaults (an HTTP API's `$default` stage). */
const OTHER_STACK = "feature-x";

/** Inputs as plain data: secrets marked, the (large) import body as its hash, assets as their path. */
function plain(value: unknown, key = ""): unknown {
  const secret = secretValue(value);
  if (secret !== undefined) return { secret: plain(secret) };
  if (key === "body" && typeof value === "string") return `sha256:${createHash("sha256").update(value).digest("hex")}`;
  if (Array.isArray(value)) return value.map((v) => plain(v));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (typeof record.path === "string" && Object.keys(record).some((k) => k.length === 32)) return { asset: path.basename(record.path) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = plain(v, k);
  return out;
}

/** The recorded resources, sorted by type then name, with plain inputs. */
function graphText(resources: readonly RecordedResource[]): string {
  const sorted = [...resources].sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : a.type + a.name > b.type + b.name ? 1 : 0));
  return `${stableJson(sorted.map((r) => ({ type: r.type, name: r.name, inputs: plain(r.inputs) })))}\n`;
}

for (const sample of BUILT_SAMPLES) {
  const caseName = `graph-${sample}`;
  const result = build(nodeHost, `samples/${sample}/openapi.yaml`, { out: `test/.out/${caseName}` });
  writeCase(caseName, result.files);
  const spec = result.model;
  if (spec === undefined) throw new Error(`samples/${sample} has no model`);
  const config = Object.fromEntries(configUses(spec).map((u) => [u.key, `arn:aws:test:us-east-1:123456789012:${u.key}`]));
  const stacks = [...spec.stages.map((s) => s.name), OTHER_STACK];

  for (const stack of stacks) {
    test(`${sample}, stack ${stack}: the deployed resources match the golden graph`, async () => {
      const resources = await runUnderMocks(caseName, { project: createNames(spec).project, stack, config });
      assert.ok(resources.length > 0);
      assertGolden(path.join("test", "golden", "graph", `${sample}.${stack}.json`), graphText(resources));
    });
  }
}

test.run();
