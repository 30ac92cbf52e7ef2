/**
 * `src/websocket.ts`: the typed consumer client of the API's WebSocket API, over `src/websocket-runtime.ts`
 * (templates/sdk/websocket.ts). `connect(url, { auth, query, … })` opens a connection and resolves with a socket
 * that has one method per client route (the selection field filled in; two-way routes resolve with their typed
 * reply), `on(<server message>, handler)` and `close()`. How frames are told apart: ./plan.ts.
 *
 * Spec text reaches the code only as string literals and property names made by `JSON.stringify` (../ts.ts), and
 * doc comments made by `withDoc` (../types/jsdoc.ts).
 */
import type { GatewayModel } from "../../../model/types.js";
import { GENERATED_HEADER } from "../../emitter.js";
import { functionName } from "../names.js";
import { createPrinter, dataLiteral, importNamespace, importTypes, reexport } from "../ts.js";
import { propertyName, quote } from "../types/names.js";
import type { MessageTypes } from "./message-types.js";
import type { WebSocketPlan } from "./plan.js";

/** The runtime's public exports, re-exported by `websocket.ts`. */
const RUNTIME_VALUES = ["WebSocketCloseError", "WebSocketReplyTimeoutError", "WebSocketSendError"];
const RUNTIME_TYPES = [
  "HeartbeatOptions", "ReconnectOptions", "SendOptions", "WebSocketCloseKind", "WebSocketConstructor", "WebSocketLike", "WebSocketOptions", "WebSocketValue", "WithoutField",
];
/** Members of the socket that no route method may take. */
const MEMBERS = new Set(["on", "close", "connected"]);

/** The exported names of `websocket.ts`. */
export interface ClientNames {
  readonly socket: string;
  readonly options: string;
  readonly serverMessages: string;
}

/** One route method: its name, parameter and result types. */
interface Method {
  readonly key: string;
  readonly name: string;
  readonly param: string;
  readonly optional: boolean;
  readonly result?: string;
}

const R = "socket";

/** Spec text inside a doc comment: a string literal (one line, U+2028 and U+2029 escaped) that cannot end the comment. */
export const inComment = (text: string): string => quote(text).replace(/\*\//g, "*\\/");

/**
 * The method of each client route, by route key: camelCase of the key (`send-it` → `sendIt`, `$default` →
 * `sendDefault`), `Route` appended when it is a member of the socket (`close` → `closeRoute`), then `2`, `3`, ….
 */
export function methodNames(plan: WebSocketPlan): Map<string, string> {
  const taken = new Set(MEMBERS);
  return new Map(
    plan.routes.map(({ route }) => {
      let name = route.key === "$default" ? "sendDefault" : functionName(route.key);
      if (taken.has(name)) name = `${name}Route`;
      const stem = name;
      for (let n = 2; taken.has(name); n++) name = `${stem}${n}`;
      taken.add(name);
      return [route.key, name];
    }),
  );
}

/** Route methods with their parameter and result types. */
function methodsOf(plan: WebSocketPlan, types: MessageTypes): Method[] {
  const names = methodNames(plan);
  return plan.routes.map(({ route, replyTags, optional }) => {
    const name = names.get(route.key) as string;
    const message = route.message ? types.typeOf(route.message, "write", `${route.key} message`) : "{ [key: string]: unknown }";
    const param = plan.selection !== undefined && route.message ? `${R}.WithoutField<${message}, ${quote(plan.selection)}>` : message;
    const result = replyTags !== undefined && route.reply ? types.typeOf(route.reply, "read", `${route.key} reply`) : undefined;
    return { key: route.key, name, param, optional, ...(result !== undefined ? { result } : {}) };
  });
}

/** The type of a server message: its schema's, with the tag set to its name when the tag qualifies (./plan.ts). */
export function serverMessageType(plan: WebSocketPlan, types: MessageTypes, message: WebSocketPlan["api"]["serverMessages"][number]): string {
  const type = types.typeOf(message.schema, "read", `${message.name} server message`);
  return plan.tagged ? `${type} & { readonly ${print(propertyName(plan.tag))}: ${quote(message.name)} }` : type;
}

const print = createPrinter();

/** The text of `src/websocket.ts`. */
export function clientFile(model: GatewayModel, plan: WebSocketPlan, types: MessageTypes, names: ClientNames): string {
  const methods = methodsOf(plan, types);
  const servers = plan.api.serverMessages.map((m) => ({ name: m.name, type: serverMessageType(plan, types, m) }));
  const connect = plan.api.routes.find((r) => r.key === "$connect");
  const scheme = connect?.auth ? model.securitySchemes.find((s) => s.name === connect.auth?.scheme) : undefined;
  const auth =
    scheme && scheme.type === "apiKey" && (scheme.in === "query" || scheme.in === "header") && scheme.paramName !== undefined
      ? { scheme: scheme.name, in: scheme.in, name: scheme.paramName }
      : undefined;
  const query = (connect?.parameters ?? []).filter((p) => p.in === "query" && !(auth?.in === "query" && auth.name === p.name));
  const spec = {
    ...(plan.selection !== undefined ? { selection: plan.selection } : {}),
    tag: plan.tag,
    routes: Object.fromEntries(
      plan.routes.map((r) => [r.route.key, { ...(r.replyTags !== undefined ? { reply: r.replyTags } : {}), ...(r.correlation !== undefined ? { correlation: r.correlation } : {}) }]),
    ),
    serverMessages: plan.api.serverMessages.map((m) => m.name),
    ...(plan.heartbeat !== undefined ? { heartbeat: plan.heartbeat } : {}),
    auth: auth ? { [auth.scheme]: { in: auth.in, name: auth.name } } : {},
  };
  const lines: string[] = [];
  lines.push(`/**\n * The WebSocket client of the API (\`connect\`). ${GENERATED_HEADER}\n */`);
  lines.push(print(importNamespace(R, "./websocket-runtime.js")));
  const imports = types.imports();
  if (imports.length > 0) lines.push(print(importTypes(imports, "./types.js")));
  lines.push(print(reexport("./websocket-runtime.js", RUNTIME_VALUES)));
  lines.push(print(reexport("./websocket-runtime.js", RUNTIME_TYPES, true)));
  for (const statement of types.declarations()) lines.push("", print(statement));
  lines.push("", "/** The messages the server pushes, by name (told apart by their " + inComment(plan.tag) + " field). */");
  lines.push(`export interface ${names.serverMessages} {`);
  for (const s of servers) lines.push(`  ${print(propertyName(s.name))}: ${s.type};`);
  lines.push("}");
  lines.push("", `/** Options of {@link connect}: the \`$connect\` route's credentials and query parameters, and the connection's settings. */`);
  lines.push(`export interface ${names.options} extends ${R}.WebSocketOptions {`);
  if (auth) {
    lines.push(`  /** Credentials of the \`$connect\` authorizer, asked again at each reconnect when given as functions. */`);
    lines.push(`  readonly auth: { readonly ${print(propertyName(auth.scheme))}: ${R}.WebSocketValue };`);
  }
  if (query.length > 0) {
    lines.push(`  /** Query parameters \`$connect\` requires. */`);
    lines.push(`  readonly query: { ${query.map((p) => `readonly ${print(propertyName(p.name))}: ${R}.WebSocketValue`).join("; ")} };`);
  }
  lines.push("}");
  lines.push("", "/** An open connection: one method per route, the server's messages, and `close`. */");
  lines.push(`export interface ${names.socket} {`);
  for (const m of methods) {
    const route = inComment(m.key);
    lines.push(m.result ? `  /** Sends on the ${route} route and resolves with its reply. */` : `  /** Sends on the ${route} route (one-way). */`);
    lines.push(`  ${m.name}(message${m.optional ? "?" : ""}: ${m.param}, options?: ${R}.SendOptions): Promise<${m.result ?? "void"}>;`);
  }
  lines.push(`  /** Calls \`handler\` with each \`name\` message the server pushes; returns a function that stops it. */`);
  lines.push(`  on<K extends keyof ${names.serverMessages}>(name: K, handler: (message: ${names.serverMessages}[K]) => void): () => void;`);
  lines.push(`  /** Closes the connection for good (no reconnect); pending replies reject. */`);
  lines.push(`  close(code?: number, reason?: string): void;`);
  lines.push(`  /** Whether the connection is open now (false while it is being re-opened). */`);
  lines.push(`  readonly connected: boolean;`);
  lines.push("}");
  lines.push("", `const SPEC: ${R}.ApiSpec = ${print(dataLiteral(spec))};`);
  lines.push(
    "",
    "/**",
    " * Opens a connection to `url` (the stage's `wss://…/{stage}` URL, or the custom domain's), resolving when it is",
    " * open; rejects when the first attempt fails. Later drops are reconnected (see `reconnect`).",
    " */",
    `export async function connect(url: string, options: ${names.options}${auth || query.length > 0 ? "" : " = {}"}): Promise<${names.socket}> {`,
    `  const connection = new ${R}.Connection(SPEC, { url${auth ? ", auth: options.auth" : ""}${query.length > 0 ? ", query: options.query" : ""} }, options);`,
    "  await connection.open();",
    "  return {",
  );
  for (const m of methods) {
    const cast = m.result ? ` as Promise<${m.result}>` : ` as Promise<void>`;
    lines.push(`    ${m.name}: (message, call) => connection.send(${quote(m.key)}, message ?? {}, call)${cast},`);
  }
  lines.push(
    "    on: (name, handler) => connection.on(name, handler as (message: never) => void),",
    "    close: (code, reason) => connection.close(code, reason),",
    "    get connected() {",
    "      return connection.connected;",
    "    },",
    "  };",
    "}",
  );
  return `${lines.join("\n")}\n`;
}
