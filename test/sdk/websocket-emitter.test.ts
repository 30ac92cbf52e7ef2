/**
 * What the SDK emitter writes for `x-gateway.websocket` (compiler/emit/sdk/websocket/): the files only when there
 * is a WebSocket API, the HTTP files the same either way, how the selection field, the server messages' tag, the
 * replies' correlation field and the heartbeat route are read from the schemas, method names that cannot clash
 * with the socket's own members, inline message schemas declared with the types machinery, and spec text reaching
 * the code only as literals.
 */
import ts from "typescript";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { sdkFilesOf } from "./helpers/sdk.js";

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const BASE: Json = {
  openapi: "3.0.3",
  info: { title: "Game", version: "1.0.0" },
  paths: { "/health": { get: { operationId: "health", responses: { "200": { description: "ok" } } } } },
  components: {
    schemas: {
      Move: { type: "object", required: ["op", "x"], properties: { op: { type: "string", enum: ["move"] }, x: { type: "integer" } } },
      Moved: { type: "object", required: ["x"], properties: { x: { type: "integer" } } },
      Score: { type: "object", required: ["kind", "points"], properties: { kind: { type: "string" }, points: { type: "integer" } } },
    },
  },
};

const withSocket = (websocket: Json): Json => ({ ...BASE, "x-gateway": { websocket } });

test("no WebSocket API, no WebSocket files; with one, the HTTP files are the same", () => {
  const plain = sdkFilesOf(BASE);
  assert.not.ok([...plain.keys()].some((p) => /websocket|connections/.test(p)));
  const socket = sdkFilesOf(withSocket({ routeSelection: "$request.body.op", routes: { move: { mock: {}, message: ref("Move") } } }));
  assert.equal([...socket.keys()].filter((p) => !plain.has(p)).sort(), [
    "src/connections-runtime.ts",
    "src/connections.ts",
    "src/websocket-runtime.ts",
    "src/websocket.ts",
  ]);
  for (const file of ["src/types.ts", "src/operations.ts", "src/client.ts", "src/index.ts", "src/runtime.ts"]) assert.is(socket.get(file), plain.get(file), file);
});

test("the SigV4 signer only when the HTTP API uses IAM; the management API's SDK an optional peer either way", () => {
  const peer = "@aws-sdk/client-apigatewaymanagementapi";
  const socketOnly = JSON.parse(sdkFilesOf(withSocket({ routes: { move: { mock: {} } } })).get("package.json") as string);
  assert.equal(socketOnly.peerDependencies, { [peer]: "^3.0.0" });
  const iam = sdkFilesOf({
    ...withSocket({ routes: { move: { mock: {} } } }),
    security: [{ sigv4: [] }],
    components: { ...(BASE["components"] as Json), securitySchemes: { sigv4: { type: "apiKey", in: "header", name: "Authorization", "x-gateway": { iam: true } } } },
  });
  const pkg = JSON.parse(iam.get("package.json") as string);
  assert.ok(iam.has("src/sigv4.ts"));
  assert.equal(Object.keys(pkg.exports), [".", "./sigv4", "./websocket", "./connections"]);
  assert.equal(pkg.peerDependencies, { [peer]: "^3.0.0", aws4fetch: "^1.0.20" });
  assert.equal(pkg.peerDependenciesMeta, { [peer]: { optional: true }, aws4fetch: { optional: true } });
  assert.equal(Object.keys(pkg.devDependencies), [peer, "aws4fetch", "typescript"]);
});

test("the selection field is filled in; without a qualifying tag, replies are matched first in, first out", () => {
  const ws = sdkFilesOf(
    withSocket({
      routeSelection: "$request.body.op",
      routes: { $connect: { mock: {} }, move: { mock: {}, message: ref("Move"), reply: ref("Moved") }, close: { mock: {} }, "send-it": { mock: {} } },
      serverMessages: { score: ref("Score") },
    }),
  ).get("src/websocket.ts") as string;
  assert.match(ws, 'move(message: socket.WithoutField<Move, "op">, options?: socket.SendOptions): Promise<Moved>;');
  assert.match(ws, "closeRoute(message?: { [key: string]: unknown }, options?: socket.SendOptions): Promise<void>;");
  assert.match(ws, "sendIt(message?:");
  assert.match(ws, 'const SPEC: socket.ApiSpec = { selection: "op", tag: "op", routes: { close: {}, move: { reply: [] }, "send-it": {} }, serverMessages: ["score"], auth: {} };');
  assert.match(ws, "  score: Score;\n");
  assert.match(ws, "export async function connect(url: string, options: GameConnectOptions = {}): Promise<GameSocket> {");
});

test("a tag every server message requires with its name, a correlation id, a heartbeat route, apiKey auth in a header", () => {
  const files = sdkFilesOf({
    ...withSocket({
      routes: {
        $connect: { mock: {}, auth: "key", parameters: { query: ["room"] } },
        ping: { mock: {}, message: { type: "object", required: ["action"], properties: { action: { type: "string" } } }, reply: { type: "object", required: ["kind"], properties: { kind: { const: "pong" } } } },
        ask: {
          mock: {},
          message: { type: "object", required: ["action", "requestId", "q"], properties: { action: { type: "string" }, requestId: { type: "string" }, q: { type: "string" } } },
          reply: { type: "object", required: ["kind", "requestId"], properties: { kind: { enum: ["answer"] }, requestId: { type: "string" }, a: { type: "string" } } },
        },
      },
      serverMessages: { score: { allOf: [ref("Score"), { properties: { kind: { enum: ["score"] } } }] } },
    }),
    components: { ...(BASE["components"] as Json), securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } },
  });
  const ws = files.get("src/websocket.ts") as string;
  assert.match(ws, 'tag: "kind", routes: { ask: { reply: ["answer"], correlation: "requestId" }, ping: { reply: ["pong"] } }');
  assert.match(ws, 'heartbeat: "ping", auth: { key: { in: "header", name: "X-Key" } } };');
  assert.match(ws, "export interface AskMessage {");
  assert.match(ws, "export interface PingReply {");
  assert.match(ws, "readonly auth: { readonly key: socket.WebSocketValue };");
  assert.match(ws, "readonly query: { readonly room: socket.WebSocketValue };");
  assert.match(ws, '  score: ScoreServerMessage & { readonly kind: "score" };');
  const backend = files.get("src/connections.ts") as string;
  assert.match(backend, 'import type { ScoreServerMessage } from "./websocket.js";');
  assert.match(backend, 'export function postScore(connectionId: string, message: socket.WithoutField<ScoreServerMessage, "kind">');
  assert.match(backend, 'return runtime.postToConnection(connectionId, message, options, ["kind", "score"]);');
});

test("a template selection expression is not filled in; hostile keys reach the code as literals only", () => {
  const key = 'a"*/\u2028b';
  const ws = sdkFilesOf(
    withSocket({ routeSelection: "${request.body.a}/${request.body.b}", routes: { [key]: { mock: {}, message: ref("Move") } }, serverMessages: { [key]: ref("Score") } }),
  ).get("src/websocket.ts") as string;
  assert.not.match(ws, "selection:");
  assert.match(ws, "aB(message: Move, options?: socket.SendOptions): Promise<void>;");
  assert.match(ws, '"a\\"*/\\u2028b": Score;');
  assert.not.match(ws, "\u2028");
  const parsed = ts.transpileModule(ws, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  assert.equal(parsed.diagnostics ?? [], []);
  assert.match(parsed.outputText, 'connection.send("a\\"*/\\u2028b", message ?? {}, call)');
});

test("output is deterministic", () => {
  const spec = withSocket({ routes: { b: { mock: {} }, a: { mock: {}, message: ref("Move") } }, serverMessages: { z: ref("Score"), y: ref("Score") } });
  assert.equal(sdkFilesOf(spec), sdkFilesOf(JSON.parse(JSON.stringify(spec))));
});

test.run();
