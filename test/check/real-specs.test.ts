/**
 * Large, real OpenAPI descriptions (../shared/specs: GitHub, Stripe, DigitalOcean, OpenAI, Twilio, …) pass the
 * structural check without a diagnostic: no false positives from the OpenAPI schemas, the 3.1 corrections or the
 * error mapping. Skipped when the folder is absent.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import yaml from "js-yaml";
import { checkStructure } from "../../compiler/parse/schema-check.js";

const folder = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "specs");
const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /\.(json|ya?ml)$/.test(f)).sort() : [];

for (const file of files) {
  test(`${file} passes the structural check`, () => {
    const text = fs.readFileSync(path.join(folder, file), "utf8");
    const document: unknown = file.endsWith(".json") ? JSON.parse(text) : yaml.load(text);
    const found = checkStructure(document, file).map((d) => `${d.origin.pointer}: ${d.message}`);
    assert.equal(found, []);
  });
}

test.run();
