/**
 * The generated backend module of samples/websocket-chat (`src/connections.ts`): each server message's function
 * posts to `{endpoint}/@connections/{id}` of a local `node:http` server standing in for the management endpoint,
 * with the message as JSON and its `type` filled in, signed by the package's SigV4 signer (or through an injected
 * `fetch`); 410 Gone is the result `"gone"`, any other failure a `ConnectionsError`.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost } from "../../compiler/index.js";
import { sdkFiles } from "../../compiler/emit/sdk/index.js";
import { loadSdk, writeSdk } from "./helpers/sdk.js";

type Post = (connectionId: string, message: unknown, options: unknown) => Promise<"sent" | "gone">;
interface Backend {
  postNewMessage: Post;
  postUserJoined: Post;
  postError: Post;
  ConnectionsError: new (...args: never[]) => Error & { status: number; connectionId: string; body: string };
}

const repo = path.resolve(import.meta.dirname, "..", "..");
const model = check(nodeHost, path.join(repo, "samples", "websocket-chat", "openapi.yaml")).model;
if (!model) throw new Error("samples/websocket-chat has no model");
const files = sdkFiles(model);
const dir = writeSdk("websocket-chat-backend", new Map(files.map((f) => [f.path.replace(/^sdk\/typescript\//, ""), f.content])));
await loadSdk(dir);
const js = (file: string) => import(pathToFileURL(path.join(dir, "js", file)).href);
const backend = (await js("connections.js")) as Backend;
const { sigv4Signer } = (await js("sigv4.js")) as { sigv4Signer: (options: unknown) => unknown };

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    const status = req.url?.endsWith("/gone%3D") ? 410 : req.url?.endsWith("/forbidden") ? 403 : 200;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(status === 200 ? "" : JSON.stringify({ message: status === 410 ? "Gone" : "Forbidden" }));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod/`;
const signer = sigv4Signer({ region: "eu-west-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" } });

test("a server message is POSTed as JSON to @connections/{id}, its type filled in, signed with SigV4", async () => {
  const message = { messageId: "m1", room: "lobby", from: { id: "u", name: "Ann" }, text: "hi", sentAt: "2026-01-01T00:00:00Z" };
  assert.is(await backend.postNewMessage("L0SM9cOFvHcCIhw=", message, { endpoint, signer }), "sent");
  const r = received.at(-1) as Received;
  assert.is(r.method, "POST");
  assert.is(r.url, "/prod/@connections/L0SM9cOFvHcCIhw%3D");
  assert.is(r.headers["content-type"], "application/json");
  assert.equal(JSON.parse(r.body), { ...message, type: "newMessage" });
  assert.match(String(r.headers["authorization"]), /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
  assert.is(r.headers["x-amz-security-token"], "token");
});

test("each message of a shared schema gets its own name as its type", async () => {
  await backend.postUserJoined("c1", { room: "lobby", user: { id: "u", name: "Ann" } }, { endpoint, signer });
  assert.is(JSON.parse((received.at(-1) as Received).body).type, "userJoined");
});

test("410 Gone is the result \"gone\"; any other failure throws a ConnectionsError with its status", async () => {
  assert.is(await backend.postError("gone=", { message: "x" }, { endpoint, signer }), "gone");
  try {
    await backend.postError("forbidden", { message: "x" }, { endpoint, signer });
    assert.unreachable("403 throws");
  } catch (error) {
    assert.instance(error, backend.ConnectionsError);
    const e = error as InstanceType<Backend["ConnectionsError"]>;
    assert.equal([e.status, e.connectionId, e.body], [403, "forbidden", '{"message":"Forbidden"}']);
  }
});

test("an injected fetch sends the request (no signer needed)", async () => {
  const seen: string[] = [];
  const fetchVia = (request: Request) => {
    seen.push(`${request.method} ${request.url}`);
    return fetch(request);
  };
  assert.is(await backend.postError("abc", { message: "x" }, { endpoint, fetch: fetchVia }), "sent");
  assert.equal(seen, [`POST ${endpoint}@connections/abc`]);
  assert.is((received.at(-1) as Received).headers["authorization"], undefined);
});

test("the package exports ./connections and ./websocket, and gets the signer with aws4fetch as an optional peer", () => {
  const pkg = JSON.parse(files.find((f) => f.path === "sdk/typescript/package.json")?.content ?? "{}");
  assert.equal(Object.keys(pkg.exports), [".", "./sigv4", "./websocket", "./connections"]);
  assert.equal(pkg.peerDependenciesMeta, { aws4fetch: { optional: true } });
});

test.after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.run();
