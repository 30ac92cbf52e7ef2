/**
 * The generated backend module of samples/websocket-chat (`src/connections.ts`): each server message's function
 * posts with the AWS SDK's `ApiGatewayManagementApiClient` to `{endpoint}/@connections/{id}` of a local
 * `node:http` server standing in for the management endpoint (stage prefix kept, id encoded), the message as JSON
 * with its `type` filled in, signed with SigV4; 410 Gone (`GoneException` or not) is the result `"gone"`, any other
 * failure a `ConnectionsError` with the status and the SDK's error name. The package declares the SDK as an optional
 * peer dependency and only the `./connections` entry imports it.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ApiGatewayManagementApiClient } from "@aws-sdk/client-apigatewaymanagementapi";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { check, nodeHost } from "../../compiler/index.js";
import { sdkFiles } from "../../compiler/emit/sdk/index.js";
import { loadSdk, writeSdk } from "./helpers/sdk.js";

interface Options {
  client?: ApiGatewayManagementApiClient;
  endpoint?: string;
}
type Post = (connectionId: string, message: unknown, options?: Options) => Promise<"sent" | "gone">;
interface Backend {
  postNewMessage: Post;
  postUserJoined: Post;
  postError: Post;
  ConnectionsError: new (...args: never[]) => Error & { status: number | undefined; connectionId: string; code: string };
}

const repo = path.resolve(import.meta.dirname, "..", "..");
const model = check(nodeHost, path.join(repo, "samples", "websocket-chat", "openapi.yaml")).model;
if (!model) throw new Error("samples/websocket-chat has no model");
const files = sdkFiles(model);
const byPath = new Map(files.map((f) => [f.path.replace(/^sdk\/typescript\//, ""), f.content]));
const dir = writeSdk("websocket-chat-backend", byPath);
await loadSdk(dir);
const backend = (await import(pathToFileURL(path.join(dir, "js", "connections.js")).href)) as Backend;

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
/** Answers 410 to ids starting with `gone`, 403 to `forbidden…`, 200 otherwise; `…-typed` adds the error type header. */
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    const id = decodeURIComponent(req.url?.split("/").at(-1) ?? "");
    const status = id.startsWith("gone") ? 410 : id.startsWith("forbidden") ? 403 : 200;
    const type = id.endsWith("-typed") ? { "x-amzn-errortype": status === 410 ? "GoneException" : "ForbiddenException" } : {};
    res.writeHead(status, { "content-type": "application/json", ...type });
    res.end(status === 200 ? "" : JSON.stringify({ message: status === 410 ? "Gone" : "Forbidden" }));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod`;
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" };
const client = new ApiGatewayManagementApiClient({ endpoint, region: "eu-west-1", credentials, maxAttempts: 1 });
const last = () => received.at(-1) as Received;

test("a server message is POSTed as JSON to {stage}/@connections/{encoded id}, its type filled in, signed with SigV4", async () => {
  const message = { messageId: "m1", room: "lobby", from: { id: "u", name: "Ann" }, text: "hi", sentAt: "2026-01-01T00:00:00Z" };
  assert.is(await backend.postNewMessage("L0SM9cOFvHcCIhw=", message, { client }), "sent");
  const r = last();
  assert.is(r.method, "POST");
  assert.is(r.url, "/prod/@connections/L0SM9cOFvHcCIhw%3D");
  assert.equal(JSON.parse(r.body), { ...message, type: "newMessage" });
  assert.match(String(r.headers["authorization"]), /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
  assert.is(r.headers["x-amz-security-token"], "token");
});

test("each message of a shared schema gets its own name as its type", async () => {
  await backend.postUserJoined("c1", { room: "lobby", user: { id: "u", name: "Ann" } }, { client });
  assert.is(JSON.parse(last().body).type, "userJoined");
});

test("410 is the result \"gone\", with or without the GoneException error type", async () => {
  assert.is(await backend.postError("gone-typed", { message: "x" }, { client }), "gone");
  assert.is(await backend.postError("gone=", { message: "x" }, { client }), "gone");
  assert.is(last().url, "/prod/@connections/gone%3D");
});

test("any other failure throws a ConnectionsError with its status and the SDK's error name", async () => {
  for (const [id, code] of [["forbidden-typed", "ForbiddenException"], ["forbidden", "Unknown"]] as const) {
    try {
      await backend.postError(id, { message: "x" }, { client });
      assert.unreachable("403 throws");
    } catch (error) {
      assert.instance(error, backend.ConnectionsError);
      const e = error as InstanceType<Backend["ConnectionsError"]>;
      assert.equal([e.status, e.connectionId, e.code, e.name], [403, id, code, "ConnectionsError"]);
      assert.match(e.message, `Posting to connection ${id} failed with 403: ${code}`);
    }
  }
});

test("an endpoint (or MANAGEMENT_ENDPOINT) gets a client with the SDK's default credentials and Region", async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "secret", AWS_REGION: "us-west-2", MANAGEMENT_ENDPOINT: `${endpoint}-env` });
  delete process.env["AWS_SESSION_TOKEN"];
  delete process.env["AWS_PROFILE"];
  try {
    assert.is(await backend.postError("e1", { message: "x" }, { endpoint }), "sent");
    assert.is(last().url, "/prod/@connections/e1");
    assert.match(String(last().headers["authorization"]), /Credential=AKIDENV\/\d{8}\/us-west-2\/execute-api\/aws4_request/);
    assert.is(await backend.postError("e2", { message: "x" }), "sent");
    assert.is(last().url, "/prod-env/@connections/e2");
    delete process.env["MANAGEMENT_ENDPOINT"];
    await backend.postError("e3", { message: "x" }).then(
      () => assert.unreachable("no endpoint"),
      (error: Error) => assert.match(error.message, "No management endpoint"),
    );
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
});

test("the SDK is an optional peer (and development) dependency that only ./connections imports; no signer without IAM", () => {
  const pkg = JSON.parse(byPath.get("package.json") ?? "{}");
  assert.equal(Object.keys(pkg.exports), [".", "./websocket", "./connections"]);
  assert.equal(pkg.peerDependencies, { "@aws-sdk/client-apigatewaymanagementapi": "^3.0.0" });
  assert.equal(pkg.peerDependenciesMeta, { "@aws-sdk/client-apigatewaymanagementapi": { optional: true } });
  assert.is(pkg.devDependencies["@aws-sdk/client-apigatewaymanagementapi"], "^3.0.0");
  assert.is(byPath.has("src/sigv4.ts"), false);
  const importers = [...byPath].filter(([p, text]) => p.endsWith(".ts") && text.includes("@aws-sdk/")).map(([p]) => p);
  assert.equal(importers, ["src/connections-runtime.ts"]);
  assert.match(byPath.get("src/connections.ts") ?? "", 'import * as runtime from "./connections-runtime.js";');
  for (const entry of ["src/index.ts", "src/websocket.ts", "src/websocket-runtime.ts"]) assert.not.match(byPath.get(entry) ?? "", /from "\.\/connections/, entry);
});

test.after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.run();
