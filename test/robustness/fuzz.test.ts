/**
 * Robustness properties: starting from each sample (and each sample overlay), random mutations of the parsed
 * value, serialised back to YAML or JSON, and random edits of the raw YAML or JSON text never make `check`
 * throw, and every diagnostic has a known code, a one-line message and a position inside the file it names.
 * Seeds are fixed and runs bounded, so a failure reproduces and the suite stays fast (≈ 10 s).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse, stringify } from "yaml";
import { check, createMemoryHost } from "../../compiler/index.js";
import { applyMutations, applyTextEdits, mutation, textEdit, type Json } from "./helpers/mutations.js";
import { diagnosticProblems, sampleTree, type Tree } from "./helpers/well-formed.js";

const repo = path.resolve(import.meta.dirname, "..", "..");
const SEED = 20_260_401;
const samples = ["pets", "http-api", "warehouse", "websocket-chat"];

/** Runs per sample: the larger the sample, the fewer (a check of `pets` costs ~10× one of `warehouse`). */
const RUNS: Readonly<Record<string, number>> = { pets: 30, "http-api": 40, warehouse: 80, "websocket-chat": 80 };

const serialised = fc.constantFrom("yaml", "json");

/** Checks `text` as `spec/openapi.<format>` beside `tree`, with `overlay` when given, and asserts the invariants. */
function checkWellFormed(tree: Tree, format: string, text: string, overlay?: string): void {
  const entry = `spec/openapi.${format}`;
  const files = { ...tree, [entry]: text, ...(overlay === undefined ? {} : { "spec/overlay.yaml": overlay }) };
  const result = check(createMemoryHost(files), entry, overlay === undefined ? {} : { overlays: ["spec/overlay.yaml"] });
  assert.equal(diagnosticProblems(result), []);
}

const toText = (value: Json, format: string): string =>
  format === "json" ? JSON.stringify(value, null, 1) : stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });

for (const sample of samples) {
  const dir = path.join(repo, "samples", sample);
  const text = fs.readFileSync(path.join(dir, "openapi.yaml"), "utf8");
  const tree = sampleTree(dir);

  test(`${sample}: the sample itself checks clean in memory, so mutations start from a valid spec`, () => {
    const result = check(createMemoryHost({ ...tree, "spec/openapi.yaml": text }), "spec/openapi.yaml");
    assert.equal(result.diagnostics.map((d) => d.code), []);
  });

  test(`${sample}: mutated values never make check throw, and diagnostics are well formed`, () => {
    const doc = parse(text) as Json;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), serialised, (mutations, format) => {
        checkWellFormed(tree, format, toText(applyMutations(doc, mutations), format));
      }),
      { seed: SEED, numRuns: RUNS[sample] ?? 20, includeErrorInReport: true },
    );
  });

  test(`${sample}: edited YAML and JSON text never makes check throw, and diagnostics are well formed`, () => {
    const texts: Readonly<Record<string, string>> = { yaml: text, json: JSON.stringify(parse(text), null, 2) };
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), serialised, (edits, format) => {
        checkWellFormed(tree, format, applyTextEdits(texts[format] as string, edits));
      }),
      { seed: SEED, numRuns: Math.ceil((RUNS[sample] ?? 20) / 2), includeErrorInReport: true },
    );
  });
}

/** A small spec for the overlays to act on: a few of the paths their targets name. */
const BASE = `openapi: 3.0.3
info: { title: Base, version: 1.0.0 }
servers: [{ url: http://petstore.swagger.io/v1 }]
components: { schemas: { Pet: { type: object } } }
paths:
  /pets:
    get: { operationId: listPets, responses: { "200": { description: ok } } }
    post: { operationId: createPets, responses: { "201": { description: created } } }
  /pets/{petId}:
    get:
      operationId: showPetById
      parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
  /users/{username}:
    get:
      operationId: users/get-by-username
      parameters: [{ name: username, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
  /repos/{owner}/{repo}:
    get:
      operationId: repos/get
      parameters:
        - { name: owner, in: path, required: true, schema: { type: string } }
        - { name: repo, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
`;

for (const name of ["petstore", "github"]) {
  const overlayText = fs.readFileSync(path.join(repo, "samples", "overlays", `${name}.overlay.yaml`), "utf8");
  const overlay = parse(overlayText) as Json;
  const tree = sampleTree(path.join(repo, "samples", "overlays"));

  test(`${name} overlay: mutated overlays never make check throw, and diagnostics are well formed`, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        checkWellFormed(tree, "yaml", BASE, toText(applyMutations(overlay, mutations), "yaml"));
      }),
      { seed: SEED, numRuns: 40, includeErrorInReport: true },
    );
  });

  test(`${name} overlay: edited overlay text never makes check throw, and diagnostics are well formed`, () => {
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        checkWellFormed(tree, "yaml", BASE, applyTextEdits(overlayText, edits));
      }),
      { seed: SEED, numRuns: 30, includeErrorInReport: true },
    );
  });
}

test.run();
