/**
 * The generated `types.ts` compiles under `tsc --strict` for every sample (samples/<name>/openapi.yaml), every
 * real spec in ../shared/specs (GitHub, Stripe, DigitalOcean, OpenAI, …; skipped with a message when that folder
 * is absent) and random models with hostile names and schemas (fixed seed), and misuses of the types fail to
 * compile where expected. Everything is written to test/.out/sdk-types/ and checked by one tsc process, started
 * when this file loads.
 */
import * as fs from "node:fs";
import * as fc from "fast-check";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost } from "../../compiler/index.js";
import { schemaTypes } from "../../compiler/emit/sdk/types/index.js";
import { randomModel } from "./helpers/random-models.js";
import { modelOf, OUT_DIR, startTypeCheck, writeOut, type TscRun } from "./helpers/types.js";

const repo = path.resolve(import.meta.dirname, "..", "..");
const specsDir = path.resolve(repo, "..", "shared", "specs");
const specFiles = fs.existsSync(specsDir) ? fs.readdirSync(specsDir).filter((f) => /\.(json|ya?ml)$/.test(f)).sort() : [];
const samples = fs.readdirSync(path.join(repo, "samples")).filter((d) => fs.existsSync(path.join(repo, "samples", d, "openapi.yaml"))).sort();

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A small API whose types the misuse file below imports. */
const FIXTURE = {
  openapi: "3.0.3",
  info: { title: "Shelter", version: "1.0.0" },
  paths: {
    "/pets": {
      get: { operationId: "listPets", responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array", items: ref("Pet") } } } } } },
      post: {
        operationId: "createPet",
        requestBody: { required: true, content: { "application/json": { schema: ref("Pet") } } },
        responses: { "201": { description: "Created", content: { "application/json": { schema: ref("Pet") } } } },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        type: "object",
        required: ["id", "name", "kind"],
        properties: {
          id: { type: "integer", readOnly: true },
          name: { type: "string" },
          kind: ref("Kind"),
          born: { type: "string", format: "date-time" },
          photo: { type: "string", format: "binary" },
          owner: { allOf: [ref("Owner")], nullable: true },
        },
      },
      Kind: { type: "string", enum: ["cat", "dog"] },
      Owner: { type: "object", required: ["name"], properties: { name: { type: "string" }, pets: { type: "array", items: ref("Pet") } } },
      Shape: { oneOf: [ref("Square"), ref("Circle")], discriminator: { propertyName: "kind", mapping: { square: "#/components/schemas/Square", circle: "#/components/schemas/Circle" } } },
      Square: { type: "object", required: ["kind", "side"], properties: { kind: { type: "string" }, side: { type: "number" } } },
      Circle: { type: "object", required: ["kind", "radius"], properties: { kind: { type: "string" }, radius: { type: "number" } } },
      Labels: { type: "object", required: ["count"], properties: { count: { type: "integer" } }, additionalProperties: { type: "string" } },
    },
  },
};

/**
 * Uses of the fixture's types: the first block must compile, each line of the second fails with the code in its
 * `// expect` comment, on that line.
 */
const MISUSE = `import type { Kind, Labels, ListPetsResponse200, Pet, PetWritable, Shape } from "./fixture.js";

export const pet: Pet = { id: 1, name: "Rex", kind: "dog", born: "2020-01-01T00:00:00Z", owner: null };
export const input: PetWritable = { name: "Rex", kind: "cat", photo: new Blob(["x"]), owner: { name: "Ann" } };
export const labels: Labels = { count: 2, color: "red" };
export const list: ListPetsResponse200 = [pet];
export function area(shape: Shape): number {
  return shape.kind === "square" ? shape.side ** 2 : Math.PI * shape.radius ** 2;
}

export const noName: Pet = { id: 2, kind: "cat" }; // expect TS2741
export const badKind: Kind = "bird"; // expect TS2322
export const withId: PetWritable = { id: 3, name: "Tom", kind: "cat" }; // expect TS2353
export const badLabel: Labels = { count: 1, color: true }; // expect TS2322
export const wrongMember = (shape: Shape): number => (shape.kind === "circle" ? shape.side : 0); // expect TS2339
export const badDate: Pet = { id: 4, name: "Max", kind: "dog", born: new Date() }; // expect TS2322
export const nullName: Pet = { id: 5, name: null, kind: "dog" }; // expect TS2322
`;

/** Generation time of each spec, ms. */
const generated = new Map<string, number>();
const written: string[] = [];
/** Specs whose types are the same text as another spec's (Stripe's JSON and YAML editions), by file. */
const sameAs = new Map<string, string>();

fs.rmSync(OUT_DIR, { recursive: true, force: true });
const byText = new Map<string, string>();
for (const sample of samples) {
  const model = check(nodeHost, path.join(repo, "samples", sample, "openapi.yaml")).model;
  if (!model) throw new Error(`samples/${sample} has no model`);
  writeOut(`samples/${sample}.ts`, schemaTypes(model).text);
  written.push(`samples/${sample}.ts`);
}
for (const file of specFiles) {
  const model = check(nodeHost, path.join(specsDir, file)).model;
  if (!model) throw new Error(`${file} has no model`);
  const start = performance.now();
  const { text } = schemaTypes(model);
  generated.set(file, performance.now() - start);
  const twin = byText.get(text);
  if (twin !== undefined) {
    sameAs.set(file, twin);
    continue;
  }
  byText.set(text, file);
  const out = `specs/${file.replace(/\.(json|ya?ml)$/, "")}.ts`;
  writeOut(out, text);
  written.push(out);
}
const RANDOM_RUNS = 60;
fc.sample(randomModel, { seed: 20_261_130, numRuns: RANDOM_RUNS }).forEach((model, i) => {
  writeOut(`random/${i}.ts`, schemaTypes(model).text);
  written.push(`random/${i}.ts`);
});
writeOut("fixture.ts", schemaTypes(modelOf(FIXTURE)).text);
writeOut("misuse.ts", MISUSE);
const run: Promise<TscRun> = startTypeCheck("sdk-types", [...written, "fixture.ts", "misuse.ts"]);

test("every sample's types compile under tsc --strict with zero errors", async () => {
  const { errors, other } = await run;
  assert.is(other, "");
  assert.equal(errors.filter((e) => e.file.startsWith("samples/")), []);
  assert.ok(samples.includes("pets") && samples.includes("warehouse"), samples.join(", "));
});

if (specFiles.length === 0) {
  console.log(`sdk types: ${specsDir} is missing or empty; the real specs are skipped`);
  test.skip("every real spec's types compile under tsc --strict with zero errors");
} else {
  test("every real spec's types compile under tsc --strict with zero errors", async () => {
    const { errors, ms } = await run;
    assert.equal(errors.filter((e) => e.file.startsWith("specs/")), []);
    const times = [...generated].map(([file, t]) => `${file} ${Math.round(t)} ms`).join(", ");
    console.log(`sdk types: generated ${times}; tsc over all of them ${Math.round(ms)} ms`);
  });

  test("Stripe's JSON and YAML editions give the same types", () => {
    assert.equal(Object.fromEntries(sameAs), { "stripe.spec3.2023-09.yaml": "stripe.spec3.2023-09.json" });
  });
}

test("types of random models (hostile names, every keyword, cycles of any shape) compile with zero errors", async () => {
  const { errors } = await run;
  assert.equal(errors.filter((e) => e.file.startsWith("random/")), []);
  assert.is(written.filter((f) => f.startsWith("random/")).length, RANDOM_RUNS);
});

test("the fixture compiles, and each misuse fails on its line with the expected code", async () => {
  const { errors } = await run;
  assert.equal(errors.filter((e) => e.file === "fixture.ts"), []);
  const expected = MISUSE.split("\n").flatMap((line, i) => {
    const code = /\/\/ expect (TS\d+)$/.exec(line)?.[1];
    return code ? [`${i + 1} ${code}`] : [];
  });
  assert.is(expected.length, 7);
  assert.equal(errors.filter((e) => e.file === "misuse.ts").map((e) => `${e.line} ${e.code}`), expected);
});

test.run();
