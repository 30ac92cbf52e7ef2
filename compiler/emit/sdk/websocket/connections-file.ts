/**
 * `src/connections.ts`: for the backend, one typed function per server message (`postNewMessage(connectionId,
 * message, { client, endpoint })`) that posts it to one client through the API's management endpoint with the AWS
 * SDK's `PostToConnectionCommand`, over `src/connections-runtime.ts` (templates/sdk/connections.ts): `"sent"`, or
 * `"gone"` on 410 `GoneException` (a stale connection); any other failure throws a `ConnectionsError`.
 */
import { GENERATED_HEADER } from "../../emitter.js";
import { functionName } from "../names.js";
import { createPrinter, importNamespace, importTypes, reexport } from "../ts.js";
import { quote } from "../types/names.js";
import { inComment } from "./client-file.js";
import type { MessageTypes } from "./message-types.js";
import type { WebSocketPlan } from "./plan.js";

const R = "runtime";

/**
 * The text of `src/connections.ts`; `types` are the server messages' type names (in `plan` order). When the tag
 * qualifies (./plan.ts), each function fills it in: `postUserJoined(id, { room, user })` sends `type: "userJoined"`.
 */
export function connectionsFile(plan: WebSocketPlan, types: readonly string[], declared: MessageTypes): string {
  const print = createPrinter();
  const lines = [`/**\n * Posting the server's messages to connected clients (for the backend). ${GENERATED_HEADER}\n */`];
  lines.push(print(importNamespace(R, "./connections-runtime.js")));
  if (plan.tagged) lines.push(`import type * as socket from "./websocket-runtime.js";`);
  const fromTypes = types.filter((t) => t !== "unknown" && !declared.declares(t));
  const fromClient = types.filter((t) => declared.declares(t));
  if (fromTypes.length > 0) lines.push(print(importTypes(fromTypes, "./types.js")));
  if (fromClient.length > 0) lines.push(print(importTypes(fromClient, "./websocket.js")));
  lines.push(print(reexport("./connections-runtime.js", ["ConnectionsError"])));
  lines.push(print(reexport("./connections-runtime.js", ["ConnectionsOptions", "PostResult"], true)));
  // The tag is filled in: the caller gives the rest (each member of a union on its own).
  const param = (type: string) => (plan.tagged ? `socket.WithoutField<${type}, ${quote(plan.tag)}>` : type);
  const taken = new Set<string>();
  plan.api.serverMessages.forEach((m, i) => {
    const stem = functionName(`post-${m.name}`);
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}${n}`;
    taken.add(name);
    const route = inComment(m.name);
    lines.push(
      "",
      `/**\n * Posts a ${route} message to the client \`connectionId\`: \`"sent"\`, or \`"gone"\` when it has disconnected (410).\n * @throws ConnectionsError when the post fails otherwise.\n */`,
      `export function ${name}(connectionId: string, message: ${param(types[i] as string)}, options?: ${R}.ConnectionsOptions): Promise<${R}.PostResult> {`,
      `  return ${R}.postToConnection(connectionId, message, options${plan.tagged ? `, [${quote(plan.tag)}, ${quote(m.name)}]` : ""});`,
      "}",
    );
  });
  return `${lines.join("\n")}\n`;
}
