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
export const clientWrongPathType = () => api.getPet({ path: { petId: 1 } }); // expect TS2322
export const clientNoParams = () => api.getPet(); // expect TS2554
export const clientConfigure = () => api.configure({}); // expect TS2339
export async function wrongNarrowing(): Promise<number> {
  const r = await settle(getPet({ path: { petId: "p" } }));
  if (r.status === 404) return r.body.code; // expect TS2339
  const ok = await getPet({ path: { petId: "p" } });
  return ok.body.url.length; // expect TS18048
}
`;

/**
 * Type-level tests with `// @ts-expect-error`: calls of the pets sample's SDK and of the Shelter SDK (query
 * styles, form, multipart and binary bodies, several statuses). Each line after a directive must fail to compile
 * and each other line must compile; an unused directive is itself an error (TS2578), so the file must have none.
 */
const EXPECT_ERRORS = `import { ApiError, createPet, getPet, listPets, listPetsPages, listPartnerPets, PetsClient, reportSighting, settle } from "./samples/pets/src/index.js";
import type { GetPetError, ListPartnerPetsError, Pet } from "./samples/pets/src/index.js";
import * as shelter from "./shelter/src/index.js";
import { sigv4Signer } from "./samples/warehouse/src/sigv4.js";
import { WarehouseClient } from "./samples/warehouse/src/index.js";

const pets = new PetsClient({ auth: { users: async () => "token", apiKey: "key" }, timeout: 5000 });

export async function rightCalls(): Promise<void> {
  const pet: Pet = (await pets.getPet({ path: { petId: "p1" } })).body;
  const created = await createPet({ body: { name: "Rex", species: "dog" } });
  const location: string | undefined = created.headers.location;
  const anyHeader: string | undefined = (await listPets()).headers["x-anything"];
  // @ts-expect-error createPet's 201 declares Location only
  String(created.headers.etag) + location + anyHeader;
  await createPet({ body: { name: pet.name, species: "cat", tags: ["calm"] } }, { retry: false, signal: AbortSignal.timeout(100) });
  await listPets();
  await listPets({ query: { limit: 10, species: "dog" }, header: { "X-Correlation-Id": "c" } });
  await reportSighting({ path: { petId: "p1" }, body: { location: { lat: 1, lon: 2 }, seenAt: "2025-01-01T00:00:00Z" } });
  await shelter.search({ query: { q: "x", tag: ["a"], ids: [1], filter: { age: { min: 1 } }, sort: ["s"], point: { x: 1 } }, cookie: { session: "s" } });
  await shelter.submitForm({ body: { name: "n", owner: { address: { city: "Oslo" } }, items: [{ price: "1", quantity: 2 }] } });
  await shelter.upload({ body: { file: new Blob(["x"]), labels: ["a"], meta: { size: 1 } } });
  await shelter.putPhoto({ path: { petId: 1 }, body: new Blob(["png"]) });
  new WarehouseClient({ auth: { sigv4: sigv4Signer({ region: "eu-west-1", credentials: async () => ({ accessKeyId: "a", secretAccessKey: "s" }) }) } });
}

export async function pages(): Promise<string[]> {
  const names: string[] = [];
  for await (const page of listPetsPages({ query: { limit: 50 } })) for (const p of page.body.items) names.push(p.name);
  for await (const page of pets.listPetsPages()) {
    const status: 200 = page.status;
    // @ts-expect-error a page is the operation's result: its body is a PetPage, not an array
    page.body.map((p: Pet) => p.name);
    names.push(String(status));
  }
  // @ts-expect-error an operation that does not page has no page iterator
  pets.getPetPages({ path: { petId: "p" } });
  // @ts-expect-error the page iterator takes the operation's parameters
  listPetsPages({ query: { limit: "10" } });
  return names;
}

/** Errors are a union discriminated by status: checking it narrows the body. */
export function describe(error: GetPetError): string {
  if (error.status === 404) return error.body.message;
  // @ts-expect-error the other statuses' bodies are not declared: unknown
  if (error.status === 500) return error.body.message;
  return String(error.status);
}

export function describePartner(error: ListPartnerPetsError): string {
  if (error.status === 403) return error.body.message;
  if (error.status === 429) {
    const none: undefined = error.body;
    const retry: string | undefined = error.headers["retry-after"];
    // @ts-expect-error 429 is declared without a body
    return error.body.message + String(none) + retry;
  }
  // @ts-expect-error listPartnerPets declares no 404: its body is unknown
  if (error.status === 404) return error.body.message;
  return String(error.status);
}

export async function narrowing(): Promise<string> {
  const r = await settle(getPet({ path: { petId: "p" } }));
  if (r.ok) return r.body.name;
  if (r.status === 401 || r.status === 404) return r.body.message;
  // @ts-expect-error 403 is not declared by getPet: its body is unknown
  if (r.status === 403) return r.body.message;
  const s = await shelter.settle(shelter.getPet({ path: { petId: "p" } }));
  if (s.status === 200) return s.body.url;
  // @ts-expect-error 204 has no body
  if (s.status === 204) return s.body.url;
  // @ts-expect-error a 404 body is a NotFound, which has no url
  if (s.status === 404) return s.body.url;
  try {
    await listPartnerPets();
  } catch (e) {
    if (e instanceof ApiError) return String(e.status);
  }
  return "";
}

export function wrongCalls(): void {
  // @ts-expect-error missing required path parameter
  getPet({ path: {} });
  // @ts-expect-error missing the path group
  getPet({});
  // @ts-expect-error a path parameter of the wrong type
  getPet({ path: { petId: 7 } });
  // @ts-expect-error parameters required
  pets.reportSighting();
  // @ts-expect-error wrong body type
  createPet({ body: { name: "Rex", species: "lion" } });
  // @ts-expect-error missing required body
  createPet({});
  // @ts-expect-error body field of the wrong type
  reportSighting({ path: { petId: "p" }, body: { location: { lat: "1", lon: 2 }, seenAt: "t" } });
  // @ts-expect-error unknown operation option
  listPets({}, { retries: 3 });
  // @ts-expect-error unknown query parameter
  listPets({ query: { page: 2 } });
  // @ts-expect-error enum query parameter outside its values
  listPets({ query: { species: "lion" } });
  // @ts-expect-error unknown credential scheme
  new PetsClient({ auth: { oauth: "t" } });
  // @ts-expect-error a timeout is a number of ms
  pets.listPets(undefined, { timeout: "5s" });
  // @ts-expect-error no such operation
  pets.listDogs();
  // @ts-expect-error exploded array query parameter takes an array
  shelter.search({ query: { q: "x", tag: "a" } });
  // @ts-expect-error deepObject query parameter: nested members are typed
  shelter.search({ query: { q: "x", filter: { age: { min: "1" } } } });
  // @ts-expect-error required query parameter missing
  shelter.search({ query: {} });
  // @ts-expect-error header parameter of the wrong type
  shelter.search({ query: { q: "x" }, header: { "X-Trace": 1 } });
  // @ts-expect-error form body: nested object member of the wrong type
  shelter.submitForm({ body: { name: "n", owner: { address: { city: 1 } } } });
  // @ts-expect-error multipart file must be a Blob
  shelter.upload({ body: { file: new ArrayBuffer(1) } });
  // @ts-expect-error binary body must be a Blob
  shelter.putPhoto({ path: { petId: 1 }, body: { png: true } });
  // @ts-expect-error an IAM scheme takes a signer, not a key
  new WarehouseClient({ auth: { sigv4: "AKID" } });
  // @ts-expect-error the signer needs credentials
  sigv4Signer({ region: "eu-west-1" });
}
`;

/**
 * Uses of the WebSocket client and backend module of samples/websocket-chat: typed route methods (the `action`
 * filled in), typed replies and server messages, the connect options; each line after a directive must fail.
 */
const WEBSOCKET_EXPECT_ERRORS = `import { connect, WebSocketCloseError, type ChatServerMessages } from "./samples/websocket-chat/src/websocket.js";
import { ApiGatewayManagementApiClient } from "@aws-sdk/client-apigatewaymanagementapi";
import { ConnectionsError, postNewMessage, postUserJoined, type PostResult } from "./samples/websocket-chat/src/connections.js";

export async function chat(): Promise<string> {
  const socket = await connect("wss://chat.example.com", { auth: { ticket: async () => "t" }, query: { room: "lobby" }, WebSocket, reconnect: { retries: 3 } });
  const accepted = await socket.sendMessage({ text: "hi", clientMessageId: "c1" }, { replyTimeoutMs: 5000 });
  const pong: "pong" = (await socket.ping()).type;
  await socket.typing({ typing: true });
  await socket.reportMessage({ messageId: accepted.messageId, reason: "spam" });
  const stop = socket.on("newMessage", (m) => console.log(m.from.name, m.text));
  socket.on("userJoined", (m) => {
    const joined: "userJoined" = m.type;
    return joined + m.user.name;
  });
  stop();
  socket.close(1000);
  const error = new WebSocketCloseError(1009, "");
  const tooBig: boolean = error.kind === "tooBig";
  const named: keyof ChatServerMessages = "error";
  return accepted.sentAt + pong + String(tooBig) + named;
}

export async function backend(): Promise<PostResult> {
  const options = { endpoint: "https://abc.execute-api.eu-west-1.amazonaws.com/prod" };
  await postUserJoined("id", { room: "lobby", user: { id: "u", name: "Ann" } }, options);
  await postUserJoined("id", { room: "lobby", user: { id: "u", name: "Ann" } });
  const client = new ApiGatewayManagementApiClient({ endpoint: options.endpoint });
  try {
    return await postNewMessage("id", { messageId: "m", room: "lobby", from: { id: "u", name: "Ann" }, text: "hi", sentAt: "t" }, { client });
  } catch (error) {
    if (error instanceof ConnectionsError) {
      const status: number | undefined = error.status;
      console.error(error.connectionId, status, error.code.toLowerCase());
    }
    throw error;
  }
}

export async function wrongMessages(): Promise<void> {
  const socket = await connect("wss://x", { auth: { ticket: "t" }, query: { room: "r" } });
  // @ts-expect-error sendMessage needs its clientMessageId
  await socket.sendMessage({ text: "hi" });
  // @ts-expect-error typing is a boolean
  await socket.typing({ typing: "yes" });
  // @ts-expect-error the action is filled in by the method
  await socket.typing({ typing: true, action: "typing" });
  // @ts-expect-error reason is one of spam, abuse, other
  await socket.reportMessage({ messageId: "m", reason: "rude" });
  // @ts-expect-error a one-way route resolves with nothing
  (await socket.typing({ typing: true })).type;
  // @ts-expect-error no such server message
  socket.on("newMesage", () => undefined);
  // @ts-expect-error a newMessage has no user
  socket.on("newMessage", (m) => m.user);
  // @ts-expect-error the room query parameter is required
  await connect("wss://x", { auth: { ticket: "t" } });
  // @ts-expect-error the backend posts a NewMessage, which needs its text
  await postNewMessage("id", { messageId: "m", room: "r", from: { id: "u", name: "n" }, sentAt: "t" }, { endpoint: "e" });
  // @ts-expect-error the backend posts through the SDK's client: no signer
  await postUserJoined("id", { room: "r", user: { id: "u", name: "n" } }, { signer: async (r: Request) => r });
  // @ts-expect-error the endpoint is a URL string
  await postUserJoined("id", { room: "r", user: { id: "u", name: "n" } }, { endpoint: new URL("https://x") });
}
`;

/** Generation time of each spec (the whole SDK), ms, and its size, bytes. */
const generated = new Map<string, { ms: number; bytes: number }>();
const written: string[] = [];
/** Specs whose SDK is the same text as another spec's (Stripe's JSON and YAML editions), by file. */
const sameAs = new Map<string, string>();

/** Writes the SDK files of `model` under `dir`/ and returns its entry points (`index.ts`, and `sigv4.ts`, `websocket.ts`, `connections.ts` when written). */
function writeSdk(dir: string, model: GatewayModel): string[] {
  const files = sdkFiles(model);
  for (const f of files) writeOut(`${dir}/${f.path.replace(/^sdk\/typescript\//, "")}`, f.content);
  const entries = ["sigv4", "websocket", "connections"].filter((e) => files.some((f) => f.path.endsWith(`/src/${e}.ts`)));
  return [`${dir}/src/index.ts`, ...entries.map((e) => `${dir}/src/${e}.ts`)];
}

fs.rmSync(OUT_DIR, { recursive: true, force: true });
const byText = new Map<string, string>();
for (const sample of samples) {
  const model = check(nodeHost, path.join(repo, "samples", sample, "openapi.yaml")).model;
  if (!model) throw new Error(`samples/${sample} has no model`);
  written.push(...writeSdk(`samples/${sample}`, model));
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
  written.push(...writeSdk(`specs/${file.replace(/\.(json|ya?ml)$/, "")}`, model));
}
const RANDOM_RUNS = 60;
fc.sample(randomModel, { seed: 20_261_130, numRuns: RANDOM_RUNS }).forEach((model, i) => {
  written.push(...writeSdk(`random/${i}`, model));
});
writeOut("fixture.ts", schemaTypes(modelOf(FIXTURE)).text);
writeOut("misuse.ts", MISUSE);
written.push(...writeSdk("shelter", modelOf(SHELTER)));
writeOut("client-misuse.ts", CLIENT_MISUSE);
writeOut("expect-errors.ts", EXPECT_ERRORS);
writeOut("websocket-expect-errors.ts", WEBSOCKET_EXPECT_ERRORS);
const run: Promise<TscRun> = startTypeCheck("sdk-types", [...written, "fixture.ts", "misuse.ts", "client-misuse.ts", "expect-errors.ts", "websocket-expect-errors.ts"]);

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
  assert.is(expected.length, 16);
  assert.equal(errors.filter((e) => e.file === "client-misuse.ts").map((e) => `${e.line} ${e.code}`), expected);
});

test("type-level tests: every @ts-expect-error line fails to compile, every other line compiles", async () => {
  const { errors } = await run;
  assert.equal(errors.filter((e) => e.file === "expect-errors.ts").map((e) => `${e.line} ${e.code} ${e.message}`), []);
  assert.is(EXPECT_ERRORS.split("\n").filter((l) => l.trim().startsWith("// @ts-expect-error")).length, 32);
  assert.ok(written.includes("samples/warehouse/src/sigv4.ts"), "the IAM signer is type-checked");
});

test("WebSocket SDK: every @ts-expect-error line fails to compile (wrong message shapes), every other line compiles", async () => {
  const { errors } = await run;
  assert.equal(errors.filter((e) => e.file === "websocket-expect-errors.ts").map((e) => `${e.line} ${e.code} ${e.message}`), []);
  assert.is(WEBSOCKET_EXPECT_ERRORS.split("\n").filter((l) => l.trim().startsWith("// @ts-expect-error")).length, 11);
  assert.ok(written.includes("samples/websocket-chat/src/websocket.ts") && written.includes("samples/websocket-chat/src/connections.ts"));
});

test.run();
