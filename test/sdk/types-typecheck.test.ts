/**
 * The generated SDK (types, runtime, operations, client) compiles under `tsc --strict` for every sample
 * (samples/<name>/openapi.yaml), every real spec in ../shared/specs (GitHub, Stripe, DigitalOcean, OpenAI, …;
 * skipped with a message when that folder is absent) and random models with hostile names and schemas (fixed
 * seed), and misuses of the types and of the client fail to compile where expected. Everything is written to
 * test/.out/sdk-types/ and checked by one tsc process, started when this file loads.
 */
import * as fs from "node:fs";
import * as fc from "fast-check";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost } from "../../compiler/index.js";
import { sdkFiles } from "../../compiler/emit/sdk/index.js";
import { schemaTypes } from "../../compiler/emit/sdk/types/index.js";
import type { GatewayModel } from "../../compiler/model/types.js";
import { randomModel } from "./helpers/random-models.js";
import { SHELTER } from "./helpers/shelter.js";
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

/**
 * Calls of the Shelter SDK (./helpers/shelter.ts): the first block must compile (results and errors narrow by
 * status, `settle` keeps the error types), each line of the second fails with the code in its `// expect` comment.
 */
const CLIENT_MISUSE = `import { ApiError, createPet, getPet, search, settle, ShelterClient, submitForm, upload } from "./shelter/src/index.js";

const api = new ShelterClient({ auth: { apiKey: "k", bearer: async () => "t", basic: { username: "u", password: "p" } }, retry: { retries: 1 } });

export async function calls(): Promise<string> {
  const pet = await api.getPet({ path: { petId: "p" } }, { timeout: 1000 });
  const url: string = pet.status === 200 ? pet.body.url : "none";
  const empty: undefined = pet.status === 204 ? pet.body : undefined;
  const r = await settle(getPet({ path: { petId: "p" } }));
  if (r.status === 404) return r.body.message + url + String(empty);
  if (!r.ok) return String(r.body.code);
  await createPet({ body: { name: "Rex" } }, { signal: AbortSignal.timeout(10) });
  await search({ query: { q: "x", tag: ["a"], filter: { age: { min: 1 } } }, header: { "X-Trace": ["t"] }, cookie: { session: "s" } });
  await upload({ body: { file: new Blob(["x"]), labels: ["a"] } });
  try {
    await api.delete_({ path: { petId: "p" } });
  } catch (e) {
    if (e instanceof ApiError) return String(e.status);
  }
  return r.status === 200 ? r.body.url : "";
}

export const missingPath = () => getPet({ path: {} }); // expect TS2741
export const wrongPathType = () => getPet({ path: { petId: 1 } }); // expect TS2322
export const noParams = () => getPet(); // expect TS2554
export const missingBodyField = () => createPet({ body: { tags: [] } }); // expect TS2741
export const wrongQueryType = () => search({ query: { q: "x", limit: "5" } }); // expect TS2322
export const unknownQuery = () => search({ query: { q: "x", bogus: 1 } }); // expect TS2353
export const wrongCredential = new ShelterClient({ auth: { apiKey: 1 } }); // expect TS2322
export const unknownScheme = new ShelterClient({ auth: { nope: "x" } }); // expect TS2353
export const wrongFormField = () => submitForm({ body: { name: 1 } }); // expect TS2322
export const fileNotBlob = () => upload({ body: { file: "text" } }); // expect TS2322
export const wrongRetry = () => api.getPet({ path: { petId: "p" } }, { retry: { retries: "2" } }); // expect TS2322
export async function wrongNarrowing(): Promise<number> {
  const r = await settle(getPet({ path: { petId: "p" } }));
  if (r.status === 404) return r.body.code; // expect TS2339
  const ok = await getPet({ path: { petId: "p" } });
  return ok.body.url.length; // expect TS18048
}
`;

/** Generation time of each spec (the whole SDK), ms, and its size, bytes. */
const generated = new Map<string, { ms: number; bytes: number }>();
const written: string[] = [];
/** Specs whose SDK is the same text as another spec's (Stripe's JSON and YAML editions), by file. */
const sameAs = new Map<string, string>();

/** Writes the SDK files of `model` under `dir`/ and returns its `index.ts` and the files' text joined. */
function writeSdk(dir: string, model: GatewayModel): { index: string; text: string } {
  const files = sdkFiles(model);
  for (const f of files) writeOut(`${dir}/${f.path.replace(/^sdk\/typescript\//, "")}`, f.content);
  return { index: `${dir}/src/index.ts`, text: files.map((f) => f.content).join("\n") };
}

fs.rmSync(OUT_DIR, { recursive: true, force: true });
const byText = new Map<string, string>();
for (const sample of samples) {
  const model = check(nodeHost, path.join(repo, "samples", sample, "openapi.yaml")).model;
  if (!model) throw new Error(`samples/${sample} has no model`);
  written.push(writeSdk(`samples/${sample}`, model).index);
}
for (const file of specFiles) {
  const model = check(nodeHost, path.join(specsDir, file), { deploy: false }).model;
  if (!model) throw new Error(`${file} has no model`);
  const start = performance.now();
  const files = sdkFiles(model);
  const ms = performance.now() - start;
  const text = files.map((f) => f.content).join("\n");
  generated.set(file, { ms, bytes: Buffer.byteLength(text) });
  const twin = byText.get(text);
  if (twin !== undefined) {
    sameAs.set(file, twin);
    continue;
  }
  byText.set(text, file);
  written.push(writeSdk(`specs/${file.replace(/\.(json|ya?ml)$/, "")}`, model).index);
}
const RANDOM_RUNS = 60;
fc.sample(randomModel, { seed: 20_261_130, numRuns: RANDOM_RUNS }).forEach((model, i) => {
  written.push(writeSdk(`random/${i}`, model).index);
});
writeOut("fixture.ts", schemaTypes(modelOf(FIXTURE)).text);
writeOut("misuse.ts", MISUSE);
written.push(writeSdk("shelter", modelOf(SHELTER)).index);
writeOut("client-misuse.ts", CLIENT_MISUSE);
const run: Promise<TscRun> = startTypeCheck("sdk-types", [...written, "fixture.ts", "misuse.ts", "client-misuse.ts"]);

test("every sample's SDK compiles under tsc --strict with zero errors", async () => {
  const { errors, other } = await run;
  assert.is(other, "");
  assert.equal(errors.filter((e) => e.file.startsWith("samples/")), []);
  assert.ok(samples.includes("pets") && samples.includes("warehouse"), samples.join(", "));
});

if (specFiles.length === 0) {
  console.log(`sdk: ${specsDir} is missing or empty; the real specs are skipped`);
  test.skip("every real spec's SDK compiles under tsc --strict with zero errors");
} else {
  test("every real spec's SDK compiles under tsc --strict with zero errors", async () => {
    const { errors, ms } = await run;
    assert.equal(errors.filter((e) => e.file.startsWith("specs/")), []);
    const times = [...generated].map(([file, g]) => `${file} ${Math.round(g.ms)} ms ${(g.bytes / 1e6).toFixed(2)} MB`).join(", ");
    console.log(`sdk: generated ${times}; tsc over all of them ${Math.round(ms)} ms`);
  });

  test("Stripe's JSON and YAML editions give the same SDK", () => {
    assert.equal(Object.fromEntries(sameAs), { "stripe.spec3.2023-09.yaml": "stripe.spec3.2023-09.json" });
  });
}

test("SDKs of random models (hostile names, every keyword, cycles of any shape) compile with zero errors", async () => {
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

test("the Shelter SDK compiles, and each wrong call fails on its line with the expected code", async () => {
  const { errors } = await run;
  assert.equal(errors.filter((e) => e.file.startsWith("shelter/")), []);
  const expected = CLIENT_MISUSE.split("\n").flatMap((line, i) => {
    const code = /\/\/ expect (TS\d+)$/.exec(line)?.[1];
    return code ? [`${i + 1} ${code}`] : [];
  });
  assert.is(expected.length, 13);
  assert.equal(errors.filter((e) => e.file === "client-misuse.ts").map((e) => `${e.line} ${e.code}`), expected);
});

test.run();
