/**
 * The WebSocket part of the SDK, written beside the HTTP client when the spec has `x-gateway.websocket`:
 *
 * - `src/websocket.ts` (the package's `./websocket` entry): `connect()` and the typed socket (./client-file.ts),
 *   over `src/websocket-runtime.ts` (templates/sdk/websocket.ts);
 * - `src/connections.ts` (the `./connections` entry, for the backend): one function per server message
 *   (./connections-file.ts), over `src/connections-runtime.ts` (templates/sdk/connections.ts), which posts with
 *   `@aws-sdk/client-apigatewaymanagementapi` (an optional peer dependency: only this entry imports it).
 *
 * Message types come from `types.ts` where a schema is a component (./message-types.ts); every other name is
 * claimed from the allocator that named the types, after the HTTP client's names, so the HTTP files are the
 * same with or without a WebSocket API.
 */
import * as fs from "node:fs";
import type { GatewayModel } from "../../../model/types.js";
import type { TargetNames } from "../types/declarations.js";
import { typeName, type NameAllocator } from "../types/names.js";
import { clientFile } from "./client-file.js";
import { connectionsFile } from "./connections-file.js";
import { MessageTypes } from "./message-types.js";
import { planWebSocket } from "./plan.js";

/** The package entries the WebSocket files add, for `package.json`. */
export const WEBSOCKET_ENTRIES = ["websocket", "connections"] as const;

/**
 * The npm package the `./connections` entry imports, and the versions the generated package accepts: AWS SDK v3,
 * which the Lambda Node.js runtimes ship (an optional peer dependency, ../package-files.ts).
 */
export const MANAGEMENT_API_PACKAGE = { name: "@aws-sdk/client-apigatewaymanagementapi", version: "^3.0.0" } as const;

const templates = new Map<string, string>();

/** A file of templates/sdk/, read once. */
function template(name: string): string {
  let text = templates.get(name);
  if (text === undefined) templates.set(name, (text = fs.readFileSync(new URL(`../../../../templates/sdk/${name}`, import.meta.url), "utf8")));
  return text;
}

/** The WebSocket files of the SDK (paths under `src/`), or none when `model` has no WebSocket API. */
export function websocketFiles(model: GatewayModel, schemas: ReadonlyMap<string, TargetNames>, allocator: NameAllocator): { path: string; content: string }[] {
  const plan = planWebSocket(model);
  if (!plan) return [];
  const stem = typeName(model.name, "Api");
  const names = {
    socket: allocator.claim(`${stem}Socket`),
    options: allocator.claim(`${stem}ConnectOptions`),
    serverMessages: allocator.claim(`${stem}ServerMessages`),
  };
  const types = new MessageTypes(model, schemas, allocator);
  const client = clientFile(model, plan, types, names);
  const serverTypes = plan.api.serverMessages.map((m) => types.typeOf(m.schema, "read", `${m.name} server message`));
  return [
    { path: "src/websocket-runtime.ts", content: template("websocket.ts") },
    { path: "src/websocket.ts", content: client },
    { path: "src/connections-runtime.ts", content: template("connections.ts") },
    { path: "src/connections.ts", content: connectionsFile(plan, serverTypes, types) },
  ];
}
