/**
 * The generated WebSocket client of samples/websocket-chat at run time, against a real WebSocket server on
 * localhost (the `ws` package) that answers as the chat's API Gateway stage would: `$connect` checks the ticket in
 * the query string, `action` selects the route, `sendMessage` and `ping` reply, the server pushes `newMessage`,
 * and it can drop or close connections with API Gateway's close codes. The client is given `ws`'s class (Node 20
 * has no global WebSocket). Its types are checked by ./types-typecheck.test.ts.
 */
import * as path from "node:path";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { WebSocket, WebSocketServer } from "ws";
import { check, nodeHost } from "../../compiler/index.js";
import { sdkFiles } from "../../compiler/emit/sdk/index.js";
import { loadSdk, writeSdk } from "./helpers/sdk.js";

type Json = Record<string, any>;
interface Socket {
  sendMessage(message: Json, options?: Json): Promise<Json>;
  ping(message?: Json, options?: Json): Promise<Json>;
  typing(message: Json): Promise<void>;
  reportMessage(message: Json): Promise<void>;
  sendDefault(message?: Json): Promise<void>;
  on(name: string, handler: (message: Json) => void): () => void;
  close(code?: number, reason?: string): void;
  readonly connected: boolean;
}
interface CloseError extends Error {
  code: number;
  kind: string;
}
interface Client {
  connect(url: string, options: Json): Promise<Socket>;
  WebSocketCloseError: new (...args: never[]) => CloseError;
  WebSocketSendError: new (...args: never[]) => Error;
  WebSocketReplyTimeoutError: new (...args: never[]) => Error;
}

const repo = path.resolve(import.meta.dirname, "..", "..");
const model = check(nodeHost, path.join(repo, "samples", "websocket-chat", "openapi.yaml")).model;
if (!model) throw new Error("samples/websocket-chat has no model");
const dir = writeSdk("websocket-chat", new Map(sdkFiles(model).map((f) => [f.path.replace(/^sdk\/typescript\//, ""), f.content])));
await loadSdk(dir);
const client = (await import(pathToFileURL(path.join(dir, "js", "websocket.js")).href)) as Client;

/** What the server saw: each handshake's URL and each message. */
const handshakes: string[] = [];
/** The subprotocols and headers each handshake offered. */
const offered: { protocol?: string; key?: string }[] = [];
const received: Json[] = [];
/** Messages the server does not answer (to test reply timeouts). */
let silent = false;

const server = new WebSocketServer({
  port: 0,
  host: "127.0.0.1",
  verifyClient: ({ req }: { req: { url?: string } }) => new URL(req.url ?? "/", "ws://x").searchParams.get("ticket")?.startsWith("ok-") === true,
});
server.on("connection", (ws, req) => {
  handshakes.push(req.url ?? "");
  offered.push({ protocol: req.headers["sec-websocket-protocol"], key: req.headers["x-api-key"] as string | undefined });
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as Json;
    received.push(message);
    if (silent) return;
    const reply = (m: Json, ms = 0) => setTimeout(() => ws.send(JSON.stringify(m)), ms);
    switch (message["action"]) {
      case "sendMessage":
        // The first message's reply comes last: replies are matched by clientMessageId, not by order.
        reply({ type: "messageAccepted", clientMessageId: message["clientMessageId"], messageId: `m-${message["clientMessageId"]}`, sentAt: "2026-01-01T00:00:00Z" }, message["text"] === "slow" ? 40 : 0);
        reply({ type: "newMessage", messageId: "m", room: "lobby", from: { id: "u", name: "Ann" }, text: message["text"], sentAt: "2026-01-01T00:00:00Z" });
        break;
      case "ping":
        reply({ type: "pong" });
        break;
      case "typing":
        reply({ type: "typing", room: "lobby", user: { id: "u", name: "Ann" }, typing: message["typing"] });
        break;
      case "reportMessage":
        reply({ message: "Forbidden", connectionId: "c=", requestId: "r" });
        break;
    }
  });
});
await new Promise((resolve) => server.once("listening", resolve));
const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/prod`;

let tickets = 0;
const options = (extra: Json = {}): Json => ({
  WebSocket,
  auth: { ticket: async () => `ok-${++tickets}` },
  query: { room: "lobby" },
  heartbeat: false,
  reconnect: { minDelayMs: 20, random: () => 0.5 },
  ...extra,
});
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (what: () => boolean) => {
  for (let i = 0; i < 600 && !what(); i++) await wait(5);
  assert.ok(what(), "timed out");
};
/** Closes every server-side connection with `code` (1006 = drop without a close frame). */
const dropAll = (code: number) => {
  for (const ws of server.clients) if (code === 1006) ws.terminate();
  else ws.close(code, "bye");
};

test("connect sends the ticket and the room in the query string; a refused ticket rejects", async () => {
  const socket = await client.connect(url, options());
  assert.ok(socket.connected);
  const last = new URL(handshakes.at(-1) ?? "", "ws://x");
  assert.is(last.pathname, "/prod");
  assert.is(last.searchParams.get("room"), "lobby");
  assert.match(last.searchParams.get("ticket") ?? "", /^ok-\d+$/);
  socket.close();
  try {
    await client.connect(url, options({ auth: { ticket: "bad" } }));
    assert.unreachable("a refused handshake rejects");
  } catch (error) {
    assert.instance(error, client.WebSocketCloseError);
    assert.is((error as CloseError).kind, "abnormal");
  }
});

test("protocols are offered on the handshake, and headers are sent by Node implementations", async () => {
  const socket = await client.connect(url, options({ protocols: ["chat.v1", "chat.v2"], headers: { "x-api-key": "k" } }));
  assert.equal(offered.at(-1), { protocol: "chat.v1,chat.v2", key: "k" });
  socket.close();
});

test("route methods fill in the action; two-way replies resolve typed, matched by clientMessageId out of order", async () => {
  const socket = await client.connect(url, options());
  const from = received.length;
  const [slow, fast] = await Promise.all([socket.sendMessage({ text: "slow", clientMessageId: "a" }), socket.sendMessage({ text: "fast", clientMessageId: "b" })]);
  assert.equal([slow["messageId"], fast["messageId"]], ["m-a", "m-b"]);
  assert.equal(received.slice(from, from + 2), [
    { text: "slow", clientMessageId: "a", action: "sendMessage" },
    { text: "fast", clientMessageId: "b", action: "sendMessage" },
  ]);
  assert.equal(await socket.ping(), { type: "pong" });
  await socket.typing({ typing: true });
  await until(() => received.at(-1)?.["action"] === "typing");
  assert.equal(received.at(-1), { typing: true, action: "typing" });
  await socket.sendDefault({ hello: 1 });
  await until(() => received.at(-1)?.["hello"] === 1);
  assert.equal(received.at(-1), { hello: 1 }, "$default messages are sent as given");
  socket.close();
});

test("on(name) gets the server's messages by their type; the returned function stops it; other frames go to onUnhandled", async () => {
  const unhandled: unknown[] = [];
  const socket = await client.connect(url, options({ onUnhandled: (frame: unknown) => unhandled.push(frame) }));
  const messages: Json[] = [];
  const typing: Json[] = [];
  const stop = socket.on("newMessage", (m) => messages.push(m));
  socket.on("typing", (m) => typing.push(m));
  await socket.sendMessage({ text: "hi", clientMessageId: "c" });
  await until(() => messages.length === 1);
  assert.is(messages[0]?.["text"], "hi");
  stop();
  await socket.sendMessage({ text: "again", clientMessageId: "d" });
  await socket.typing({ typing: false });
  await until(() => typing.length === 1);
  assert.is(messages.length, 1);
  assert.is(typing[0]?.["typing"], false);
  await socket.reportMessage({ messageId: "m", reason: "spam" });
  await until(() => unhandled.length === 1);
  assert.equal(unhandled, [{ message: "Forbidden", connectionId: "c=", requestId: "r" }]);
  socket.close();
});

test("a dropped connection is re-opened with backoff and jitter and a fresh ticket; sends made meanwhile wait for it", async () => {
  const reconnects: [number, number][] = [];
  const closes: CloseError[] = [];
  const socket = await client.connect(url, options({ onReconnect: (a: number, d: number) => reconnects.push([a, d]), onClose: (e: CloseError) => closes.push(e) }));
  const ticketsBefore = tickets;
  const handshakesBefore = handshakes.length;
  dropAll(1006);
  await until(() => closes.length === 1);
  assert.is(closes[0]?.kind, "abnormal");
  assert.not.ok(socket.connected);
  const reply = await socket.ping();
  assert.equal(reply, { type: "pong" });
  assert.equal(reconnects, [[1, 10]], "full jitter: random 0.5 of minDelayMs 20");
  assert.is(tickets, ticketsBefore + 1, "the ticket function is asked again");
  assert.is(handshakes.length, handshakesBefore + 1);
  socket.close();
});

test("close codes are typed errors: 1001 idle (reconnected), 1009 too big, 1003 binary; a pending reply rejects with it", async () => {
  const closes: CloseError[] = [];
  const socket = await client.connect(url, options({ onClose: (e: CloseError) => closes.push(e) }));
  for (const code of [1001, 1009, 1003]) {
    await until(() => socket.connected);
    silent = true;
    const pending = socket.ping();
    await until(() => received.at(-1)?.["action"] === "ping");
    dropAll(code);
    try {
      await pending;
      assert.unreachable("the reply of a closed connection never comes");
    } catch (error) {
      assert.instance(error, client.WebSocketCloseError);
      assert.is((error as CloseError).code, code);
    }
    silent = false;
  }
  assert.equal(closes.map((e) => [e.code, e.kind]), [[1001, "idle"], [1009, "tooBig"], [1003, "binary"]]);
  await until(() => socket.connected);
  socket.close();
});

test("a message over 32 KB is refused before it is sent; a reply that does not come times out", async () => {
  const socket = await client.connect(url, options({ replyTimeoutMs: 30 }));
  const from = received.length;
  try {
    await socket.typing({ typing: true, padding: "x".repeat(33_000) });
    assert.unreachable("too big");
  } catch (error) {
    assert.instance(error, client.WebSocketSendError);
    assert.match((error as Error).message, /1009/);
  }
  silent = true;
  try {
    await socket.ping();
    assert.unreachable("no reply");
  } catch (error) {
    assert.instance(error, client.WebSocketReplyTimeoutError);
  }
  silent = false;
  assert.equal(received.slice(from).map((m) => m["action"]), ["ping"]);
  assert.ok(socket.connected);
  socket.close();
});

test("heartbeats call the ping route; a missing pong closes the connection (4000) and it is re-opened", async () => {
  const closes: CloseError[] = [];
  const from = received.length;
  const socket = await client.connect(url, options({ heartbeat: { intervalMs: 30 }, replyTimeoutMs: 150, onClose: (e: CloseError) => closes.push(e) }));
  await until(() => received.slice(from).filter((m) => m["action"] === "ping").length >= 2);
  assert.is(closes.length, 0);
  silent = true;
  await until(() => closes.length === 1);
  silent = false;
  assert.is(closes[0]?.code, 4000);
  await until(() => socket.connected);
  socket.close();
});

test("close() ends it for good: no reconnect, later sends reject", async () => {
  const reconnects: number[] = [];
  const socket = await client.connect(url, options({ onReconnect: (a: number) => reconnects.push(a) }));
  socket.close();
  await until(() => !socket.connected);
  await wait(40);
  assert.equal(reconnects, []);
  try {
    await socket.typing({ typing: true });
    assert.unreachable("closed");
  } catch (error) {
    assert.instance(error, client.WebSocketCloseError);
  }
});

test.after(() => {
  for (const ws of server.clients) ws.terminate();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

test.run();
