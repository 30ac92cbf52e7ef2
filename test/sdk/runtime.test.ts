/**
 * The generated SDK at run time: the SDK of ./helpers/shelter.ts is built, transpiled and imported, and its calls
 * go to a real `node:http` server on localhost (./helpers/echo-server.ts). Covers path encoding and styles, query,
 * header and cookie serialisation, JSON, form, multipart and binary bodies, typed errors and `settle`, retries
 * with backoff (and none for POST), `Retry-After`, timeouts and `AbortSignal`, credentials, hooks, `configure`
 * and an injected `fetch`.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { PNG, startEchoServer, type Received } from "./helpers/echo-server.js";
import { SHELTER } from "./helpers/shelter.js";
import { loadSdk, sdkFilesOf, writeSdk } from "./helpers/sdk.js";

/** The SDK as JavaScript sees it (its types are checked by ./types-typecheck.test.ts). */
type Fn = (params?: unknown, options?: unknown) => Promise<{ ok: boolean; status: number; body: any; response: Response }>;
type Sdk = Record<string, Fn> & {
  ShelterClient: new (options?: unknown) => Record<string, Fn>;
  SignedClient: new (options?: unknown) => Record<string, Fn>;
  ApiError: new (...args: unknown[]) => Error & { status: number; body: unknown; ok: false; operation: string };
  settle: (call: Promise<unknown>) => Promise<{ ok: boolean; status: number; body: any }>;
  configure: (options: unknown) => void;
};

const sdk = await loadSdk<Sdk>(writeSdk("shelter", sdkFilesOf(SHELTER)));
const server = await startEchoServer();
const api = new sdk.ShelterClient({ baseUrl: server.url, auth: { apiKey: "key-1" } });

/** The requests received since `from`. */
const since = (from: number): Received[] => server.received.slice(from);

test("path parameters are percent-encoded, and `.` or `..` as a whole value is refused", async () => {
  const r = await api["getPet"]!({ path: { petId: "a b/c?d#é" } });
  assert.is(r.ok, true);
  assert.is(r.status, 200);
  assert.is(r.body.url, "/v2/pets/a%20b%2Fc%3Fd%23%C3%A9");
  try {
    await api["getPet"]!({ path: { petId: ".." } });
    assert.unreachable("`..` must not reach the server");
  } catch (error) {
    assert.instance(error, TypeError);
    assert.match((error as Error).message, /petId cannot be \.\./);
  }
});

test("path styles: label, exploded matrix, simple lists and exploded objects; an undeclared template variable is filled", async () => {
  const r = await api["pathStyles"]!({ path: { label: ["a", "b"], matrix: [1, 2], list: ["x", "y z"], obj: { k: "v", w: "z" } } });
  assert.is(r.body.url, "/v2/styles/.a,b/;matrix=1;matrix=2/x,y%20z/k=v,w=z");
  assert.is((await api["getFile"]!({ path: { rest: "r 1" } })).body.url, "/v2/files/r%201");
});

test("query parameters in every style (OpenAPI's style table), header arrays, cookies; undefined is left out", async () => {
  const r = await api["search"]!({
    query: {
      q: "a b&c",
      limit: 5,
      tag: ["x", "y"],
      ids: [1, 2],
      filter: { kind: "cat", age: { min: 1 } },
      sort: ["a", "b"],
      fields: ["f", "g"],
      point: { x: 1, y: 2 },
      color: { r: 1, g: 2 },
      absent: undefined,
    },
    header: { "X-Trace": ["t1", "t2"] },
    cookie: { session: "s 1;x" },
  });
  assert.is(r.body.url, "/v2/search?q=a%20b%26c&limit=5&tag=x&tag=y&ids=1,2&filter[kind]=cat&filter[age][min]=1&sort=a%20b&fields=f|g&x=1&y=2&color=r,1,g,2");
  assert.is(r.body.headers["x-trace"], "t1,t2");
  assert.is(r.body.headers["cookie"], "session=s%201%3Bx");
});

test("JSON bodies are sent with their media type; the 201 result is typed by status", async () => {
  const r = await api["createPet"]!({ body: { name: "Rex", tags: ["good"] } });
  assert.is(r.status, 201);
  assert.is((r as unknown as { headers: Record<string, string> }).headers["content-type"], "application/json", "a result carries the response's headers");
  assert.is(r.body.method, "POST");
  assert.is(r.body.headers["content-type"], "application/json");
  assert.equal(JSON.parse(r.body.body), { name: "Rex", tags: ["good"] });
});

test("form bodies: nested objects and arrays in brackets, the Encoding Object's styles honoured", async () => {
  const r = await api["submitForm"]!({
    body: { name: "A&B", tags: ["x", "y"], repeat: ["r1", "r2"], owner: { name: "Ann", address: { city: "Oslo" } }, items: [{ price: "p1", quantity: 2 }] },
  });
  assert.match(r.body.headers["content-type"], /^application\/x-www-form-urlencoded/);
  assert.equal([...new URLSearchParams(r.body.body)], [
    ["name", "A&B"],
    ["tags", "x,y"],
    ["repeat", "r1"],
    ["repeat", "r2"],
    ["owner[name]", "Ann"],
    ["owner[address][city]", "Oslo"],
    ["items[0][price]", "p1"],
    ["items[0][quantity]", "2"],
  ]);
});

test("multipart bodies: a Blob as a file, arrays as repeated parts, objects as JSON", async () => {
  const r = await api["upload"]!({ body: { file: new Blob(["hello"], { type: "text/plain" }), note: "n", labels: ["a", "b"], meta: { size: 5 } } });
  const type = r.body.headers["content-type"] as string;
  assert.match(type, /^multipart\/form-data; boundary=/);
  const form = await new Response(r.body.body, { headers: { "content-type": type } }).formData();
  const file = form.get("file") as File;
  assert.is(await file.text(), "hello");
  assert.equal(form.getAll("labels"), ["a", "b"]);
  assert.is(form.get("note"), "n");
  assert.is(form.get("meta"), '{"size":5}');
});

test("binary bodies are sent as given with their media type, and binary responses read as a Blob", async () => {
  const r = await api["putPhoto"]!({ path: { petId: 7 }, body: new Blob([PNG]) });
  assert.is(r.body.headers["content-type"], "image/png");
  assert.is(r.body.body, PNG.toString("base64"));
  const photo = await api["getPhoto"]!({ path: { petId: 7 } });
  assert.instance(photo.body, Blob);
  assert.ok(Buffer.from(await (photo.body as Blob).arrayBuffer()).equals(PNG));
});

test("statuses outside 2xx reject with ApiError (status, parsed body, operation); settle() returns it; 204 has no body", async () => {
  try {
    await api["getPet"]!({ path: { petId: "missing" } });
    assert.unreachable("404 must reject");
  } catch (error) {
    assert.instance(error, sdk.ApiError);
    const e = error as InstanceType<Sdk["ApiError"]>;
    assert.equal([e.status, e.body, e.ok, e.operation, e.name], [404, { message: "no pet missing" }, false, "getPet", "ApiError"]);
    assert.is(e.message, "getPet failed with HTTP 404");
  }
  const settled = await sdk.settle(api["getPet"]!({ path: { petId: "boom" } }));
  assert.equal([settled.ok, settled.status, settled.body], [false, 500, { code: 42 }]);
  const empty = await sdk.settle(api["getPet"]!({ path: { petId: "empty" } }));
  assert.equal([empty.ok, empty.status, empty.body], [true, 204, undefined]);
});

test("idempotent requests are retried on 503 with growing backoff, then succeed; the hook sees every attempt", async () => {
  const from = server.received.length;
  const seen: number[] = [];
  const r = await api["flaky"]!({ query: { failures: 2, key: "backoff" } }, { retry: { delay: 40 }, onResponse: (res: Response) => void seen.push(res.status) });
  assert.is(r.status, 200);
  const times = since(from).map((x) => x.at);
  assert.is(times.length, 3);
  assert.equal(seen, [503, 503, 200]);
  const [a = 0, b = 0, c = 0] = times;
  assert.ok(b - a >= 19, `first wait ${b - a} ms ≥ half of 40 ms`);
  assert.ok(c - b >= 39, `second wait ${c - b} ms ≥ half of 80 ms`);
});

test("retries stop after `retries`; POST is never retried; `retry: false` sends once", async () => {
  let from = server.received.length;
  const exhausted = await sdk.settle(api["flaky"]!({ query: { failures: 9, key: "exhausted" } }, { retry: { retries: 2, delay: 1 } }));
  assert.equal([exhausted.status, exhausted.body], [503, { code: 503 }]);
  assert.is(since(from).length, 3);
  from = server.received.length;
  const post = await sdk.settle(api["flakyPost"]!({ query: { failures: 1, key: "post" } }, { retry: { delay: 1 } }));
  assert.is(post.status, 503);
  assert.is(since(from).length, 1);
  from = server.received.length;
  assert.is((await sdk.settle(api["flaky"]!({ query: { failures: 1, key: "off" } }, { retry: false }))).status, 503);
  assert.is(since(from).length, 1);
});

test("Retry-After is honoured, and one longer than maxDelay is not waited for", async () => {
  let from = server.received.length;
  const r = await api["flaky"]!({ query: { failures: 1, key: "after", retryAfter: 1 } }, { retry: { delay: 1 } });
  assert.is(r.status, 200);
  const [a = 0, b = 0] = since(from).map((x) => x.at);
  assert.ok(b - a >= 950, `waited ${b - a} ms for Retry-After: 1`);
  from = server.received.length;
  const started = performance.now();
  const long = await sdk.settle(api["flaky"]!({ query: { failures: 1, key: "too-long", retryAfter: 60 } }, { retry: { maxDelay: 100 } }));
  assert.is(long.status, 503);
  assert.is((long as unknown as { headers: Record<string, string> }).headers["retry-after"], "60", "an error carries the response's headers");
  assert.is(since(from).length, 1);
  assert.ok(performance.now() - started < 1000);
});

test("a timeout aborts the attempt with a TimeoutError; an AbortSignal aborts the call, also while it waits to retry", async () => {
  const timedOut = await api["slow"]!({ query: { ms: 2000 } }, { timeout: 50 }).catch((e: unknown) => e);
  assert.is((timedOut as Error).name, "TimeoutError");
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  const aborted = await api["slow"]!({ query: { ms: 2000 } }, { signal: controller.signal }).catch((e: unknown) => e);
  assert.is((aborted as Error).name, "AbortError");
  const waiting = new AbortController();
  const started = performance.now();
  setTimeout(() => waiting.abort(new Error("stop")), 80);
  const stopped = await api["flaky"]!({ query: { failures: 5, key: "abort-wait" } }, { retry: { delay: 5000 }, signal: waiting.signal }).catch((e: unknown) => e);
  assert.is((stopped as Error).message, "stop");
  assert.ok(performance.now() - started < 2000);
});

test("credentials: the first alternative whose schemes all are given; token providers; basic; query and cookie keys", async () => {
  const headers = async (options: unknown, op = "getPet", params: unknown = { path: { petId: "p" } }) =>
    (await new sdk.ShelterClient({ baseUrl: server.url, ...(options as object) })[op]!(params)).body;
  assert.is((await headers({ auth: { apiKey: "k" } })).headers["x-api-key"], "k");
  const bearer = await headers({ auth: { bearer: async () => "t-1" } });
  assert.equal([bearer.headers["authorization"], bearer.headers["x-api-key"]], ["Bearer t-1", undefined]);
  const both = await headers({ auth: { apiKey: "k", bearer: "t" } });
  assert.equal([both.headers["x-api-key"], both.headers["authorization"]], ["k", undefined]);
  const none = await headers({ auth: { bearer: () => undefined } });
  assert.equal([none.headers["x-api-key"], none.headers["authorization"]], [undefined, undefined]);
  const open = await headers({ auth: { apiKey: "k" } }, "slow", { query: { ms: 0 } });
  assert.is(open.headers["x-api-key"], undefined, "security: [] sends no credentials");
  const basic = await headers({ auth: { basic: { username: "ünï", password: "p:w" } } }, "legacyAuth", {});
  assert.is(basic.headers["authorization"], `Basic ${Buffer.from("ünï:p:w").toString("base64")}`);
  const keys = await headers({ auth: { queryKey: "q k", cookieKey: "c" } }, "legacyAuth", {});
  assert.equal([keys.url, keys.headers["cookie"]], ["/v2/legacy?key=q%20k", "sid=c"]);
  const half = await headers({ auth: { queryKey: "q" } }, "legacyAuth", {});
  assert.equal([half.url, half.headers["cookie"]], ["/v2/legacy", undefined], "an alternative is all its schemes or nothing");
});

test("hooks and headers: onRequest may replace the request, onResponse the response; headers merge client, call, parameters", async () => {
  const client = new sdk.ShelterClient({
    baseUrl: server.url,
    headers: { "x-client": "c", "x-both": "client" },
    onRequest: (req: Request) => new Request(req, { headers: { ...Object.fromEntries(req.headers), "x-hooked": "yes" } }),
  });
  const r = await client["search"]!({ query: { q: "x" }, header: { "X-Trace": ["p"] } }, { headers: { "x-both": "call" } });
  assert.equal([r.body.headers["x-client"], r.body.headers["x-both"], r.body.headers["x-hooked"], r.body.headers["x-trace"]], ["c", "call", "yes", "p"]);
  const replaced = await client["getPet"]!({ path: { petId: "p" } }, { onResponse: () => new Response('{"swapped":true}', { headers: { "content-type": "application/json" } }) });
  assert.equal(replaced.body, { swapped: true });
});

test("functions without a client use configure()'s options; an injected fetch sees the request", async () => {
  const calls: string[] = [];
  sdk.configure({ baseUrl: server.url, fetch: (req: Request) => (calls.push(`${req.method} ${req.url}`), fetch(req)) });
  const r = await sdk["getPet"]!({ path: { petId: "fn" } });
  assert.is(r.body.url, "/v2/pets/fn");
  assert.equal(calls, [`GET ${server.url}/pets/fn`]);
  assert.is(typeof sdk["delete_"], "function", "the operation `delete` is the function delete_");
  sdk.configure({});
});

test("the default base URL is the first server with its variables' defaults", async () => {
  const seen: string[] = [];
  await sdk["getPet"]!({ path: { petId: "x" } }, { fetch: async (req: Request) => (seen.push(req.url), new Response(null, { status: 204 })) });
  assert.equal(seen, ["https://shelter.example.com/v2/pets/x"]);
});

test("an IAM scheme takes a signer: it runs last, on the request as sent, and what it returns is sent", async () => {
  const iam = await loadSdk<Sdk>(
    writeSdk(
      "iam",
      sdkFilesOf({
        openapi: "3.0.3",
        info: { title: "Signed", version: "1.0.0" },
        paths: { "/orders": { put: { operationId: "putOrder", security: [{ sigv4: [] }], requestBody: { content: { "application/json": { schema: { type: "object" } } } }, responses: { "200": { description: "ok" } } } } },
        components: { securitySchemes: { sigv4: { type: "apiKey", in: "header", name: "Authorization", "x-gateway": { iam: true } } } },
      }),
    ),
  );
  const seen: string[] = [];
  const sign = async (req: Request) => {
    seen.push(`${req.method} ${req.headers.get("x-hooked")} ${await req.clone().text()}`);
    const headers = new Headers(req.headers);
    headers.set("authorization", "AWS4-HMAC-SHA256 Credential=test");
    return new Request(req, { headers });
  };
  const from = server.received.length;
  const client = new iam.SignedClient({ baseUrl: server.url, auth: { sigv4: sign }, onRequest: (req: Request) => new Request(req, { headers: { "x-hooked": "1" } }) });
  await client["putOrder"]!({ body: { id: 1 } });
  assert.equal(seen, ['PUT 1 {"id":1}']);
  assert.is(since(from)[0]?.headers["authorization"], "AWS4-HMAC-SHA256 Credential=test");
});

test("network failures of idempotent requests are retried", async () => {
  let calls = 0;
  const flaky = (req: Request) => (++calls === 1 ? Promise.reject(new TypeError("fetch failed")) : fetch(req));
  const r = await api["getPet"]!({ path: { petId: "net" } }, { fetch: flaky, retry: { delay: 1 } });
  assert.equal([r.status, calls], [200, 2]);
  calls = 0;
  const post = await api["createPet"]!({ body: { name: "x" } }, { fetch: flaky }).catch((e: unknown) => e);
  assert.equal([post instanceof TypeError, calls], [true, 1], "POST is not retried");
});

test.after(() => server.close());

test.run();
