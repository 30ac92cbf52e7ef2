/**
 * The WebSocket section of the SDK's README (templates/sdk/websocket-README.md.hbs), appended to the HTTP client's
 * when the spec has `x-gateway.websocket`: connecting with this API's `$connect` credentials and query parameters,
 * its routes, how replies and server messages are told apart (./plan.ts), reconnects, close codes, heartbeats, and
 * posting from the backend. Spec text reaches the Markdown as one line in a code span or as a string literal
 * made by `JSON.stringify` inside code (./client-file.ts `inComment`: no backtick closes a span or fence).
 */
import * as fs from "node:fs";
import Handlebars from "handlebars";
import type { GatewayModel } from "../../../model/types.js";
import { functionName, packageName } from "../names.js";
import { planWebSocket } from "./plan.js";
import { methodNames } from "./client-file.js";

/** Spec text in a Markdown code span: a string literal (no backtick, no line break). */
const literal = (text: string): string => JSON.stringify(text).replace(/`/g, "\\u0060").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
/** A code span's text: backticks and line breaks replaced. */
const span = (text: string): string => text.replace(/`/g, "'").replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\|/g, "\\|");

/** The WebSocket section of the README; "" without a WebSocket API. */
export function websocketReadme(model: GatewayModel): string {
  const plan = planWebSocket(model);
  if (!plan) return "";
  const methods = methodNames(plan);
  const connect = plan.api.routes.find((r) => r.key === "$connect");
  const options = [
    ...(connect?.auth ? [`auth: { ${/^[A-Za-z_$][\w$]*$/.test(connect.auth.scheme) ? connect.auth.scheme : literal(connect.auth.scheme)}: async () => "<credential>" }`] : []),
    ...((connect?.parameters ?? []).some((p) => p.in === "query") ? ["query: { … }"] : []),
  ];
  const twoWays = plan.routes.filter((r) => r.replyTags !== undefined);
  const twoWay = twoWays.find((r) => r.route.key !== plan.heartbeat) ?? twoWays[0];
  const oneWay = plan.routes.find((r) => r.replyTags === undefined && r.route.key !== "$default");
  const call = (r: (typeof plan.routes)[number]) => `socket.${methods.get(r.route.key)}(${r.optional ? "" : "{ … }"})`;
  const first = plan.api.serverMessages[0];
  return template()({
    packageName: packageName(model),
    selection: plan.selection === undefined ? false : span(plan.selection),
    tag: span(plan.tag),
    tagged: plan.tagged,
    connectOptions: options.join(", "),
    calls: [...(twoWay ? [`const reply = await ${call(twoWay)};`] : []), ...(oneWay ? [`await ${call(oneWay)};`] : [])],
    firstMessage: first ? literal(first.name) : false,
    routes: plan.routes.map((r) => ({
      method: methods.get(r.route.key),
      what: `route \`${span(r.route.key)}\`${r.replyTags !== undefined ? ", two-way" : ""}${r.correlation !== undefined ? `, matched by \`${span(r.correlation)}\`` : ""}`,
    })),
    correlated: plan.routes.filter((r) => r.correlation !== undefined).map((r) => `\`${methods.get(r.route.key)}\``).join(", ") || false,
    serverMessages: plan.api.serverMessages.map((m) => span(m.name)),
    heartbeat: plan.heartbeat === undefined ? false : methods.get(plan.heartbeat),
    postFunction: first ? functionName(`post-${first.name}`) : false,
  });
}

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  compiled ??= Handlebars.compile(fs.readFileSync(new URL("../../../../templates/sdk/websocket-README.md.hbs", import.meta.url), "utf8"), { noEscape: true, strict: true });
  return compiled;
}
