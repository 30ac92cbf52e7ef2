/**
 * What the WebSocket client needs to know beyond the types, read from `x-gateway.websocket` and the message
 * schemas (docs/x-gateway.md "WebSocket"):
 *
 * - **Selection field**: with `routeSelection: $request.body.<field>` (one top-level field), each route method
 *   fills `<field>` in with its route key; with a nested path or a template, messages are sent as given.
 * - **Tag**: the field whose value tells server messages and replies apart. It is the field every server message
 *   schema requires with the message's name among its `enum`/`const` values (the selection field first if it
 *   qualifies, else the first such field in code-unit order), and then each server message's type has it set to
 *   the message's name (the backend's post functions fill it in); without one, the selection field, else `type`.
 * - **Replies** of two-way routes (those with `reply`): the values the reply schema allows for the tag, and a
 *   correlation field: a top-level field that the message and the reply schemas both require, whose name ends with
 *   `id` (`clientMessageId`, `requestId`), the first in code-unit order. Without one, replies of a route are
 *   matched to its requests first in, first out.
 * - **Heartbeat**: a two-way route keyed `ping` or `heartbeat` whose message needs nothing but the selection field.
 */
import type { GatewayModel, Schema, WebSocketApi, WebSocketRoute } from "../../../model/types.js";
import { compareStrings } from "../../../order.js";
import { Targets } from "../types/targets.js";

/** One route a client sends on (every route but `$connect` and `$disconnect`). */
export interface ClientRoute {
  readonly route: WebSocketRoute;
  /** The message needs no field but the selection field (or has no schema): the method's argument is optional. */
  readonly optional: boolean;
  /** Reply tag values (empty: none known); absent on a one-way route. */
  readonly replyTags?: readonly string[];
  readonly correlation?: string;
}

/** The result of {@link planWebSocket}. */
export interface WebSocketPlan {
  readonly api: WebSocketApi;
  readonly selection?: string;
  readonly tag: string;
  /** Every server message schema requires the tag with its name among its values: the tag can be filled in. */
  readonly tagged: boolean;
  readonly routes: readonly ClientRoute[];
  readonly heartbeat?: string;
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The top-level properties and required names of an object schema, through `$ref`s and `allOf`. */
function shapeOf(schema: unknown, targets: Targets, depth = 0): { properties: Map<string, unknown>; required: Set<string> } {
  const shape = { properties: new Map<string, unknown>(), required: new Set<string>() };
  if (!isObj(schema) || depth > 8) return shape;
  const ref = schema["$ref"];
  if (typeof ref === "string") return shapeOf(targets.resolve(ref)?.schema, targets, depth + 1);
  for (const member of Array.isArray(schema["allOf"]) ? schema["allOf"] : []) {
    const inner = shapeOf(member, targets, depth + 1);
    for (const [k, v] of inner.properties) shape.properties.set(k, v);
    for (const r of inner.required) shape.required.add(r);
  }
  if (isObj(schema["properties"])) for (const [k, v] of Object.entries(schema["properties"])) shape.properties.set(k, v);
  if (Array.isArray(schema["required"])) for (const r of schema["required"]) if (typeof r === "string") shape.required.add(r);
  return shape;
}

/** The string values a property schema allows (`enum`, `const`), through `$ref`s; undefined when it does not say. */
function valuesOf(schema: unknown, targets: Targets, depth = 0): string[] | undefined {
  if (!isObj(schema) || depth > 8) return undefined;
  const ref = schema["$ref"];
  if (typeof ref === "string") return valuesOf(targets.resolve(ref)?.schema, targets, depth + 1);
  if (typeof schema["const"] === "string") return [schema["const"]];
  const values = schema["enum"];
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : undefined;
}

/** The selection field, when the route selection expression reads one top-level field. */
function selectionField(api: WebSocketApi): string | undefined {
  const paths = api.routeSelectionPaths;
  return paths?.length === 1 && paths[0]?.length === 1 ? paths[0][0] : undefined;
}

/** Plans the client of `model`'s WebSocket API; undefined without one. */
export function planWebSocket(model: GatewayModel): WebSocketPlan | undefined {
  const api = model.websocket;
  if (!api) return undefined;
  const targets = new Targets(model);
  const selection = selectionField(api);
  const shapes = api.serverMessages.map((m) => ({ name: m.name, shape: shapeOf(m.schema, targets) }));
  const tags = (field: string) => shapes.every(({ name, shape }) => shape.required.has(field) && (valuesOf(shape.properties.get(field), targets) ?? []).includes(name));
  const candidates = [...new Set(shapes.flatMap((s) => [...s.shape.required]))].sort(compareStrings).filter(tags);
  const tag = (selection !== undefined && candidates.includes(selection) ? selection : candidates[0]) ?? selection ?? "type";
  const routes = api.routes
    .filter((r) => r.key !== "$connect" && r.key !== "$disconnect")
    .map((route): ClientRoute => {
      const message = shapeOf(route.message, targets);
      const optional = [...message.required].every((k) => k === selection);
      if (!route.reply) return { route, optional };
      const reply = shapeOf(route.reply, targets);
      const correlation = [...message.required]
        .filter((k) => reply.required.has(k) && k !== selection && k !== tag && /id$/i.test(k))
        .sort(compareStrings)[0];
      return { route, optional, replyTags: valuesOf(reply.properties.get(tag), targets) ?? [], ...(correlation !== undefined ? { correlation } : {}) };
    });
  const heartbeat = routes.find(
    (r) => /^(ping|heartbeat)$/i.test(r.route.key) && r.replyTags !== undefined && r.optional,
  )?.route.key;
  return { api, tagged: candidates.includes(tag), ...(selection !== undefined ? { selection } : {}), tag, routes, ...(heartbeat !== undefined ? { heartbeat } : {}) };
}

/** Whether `schema` is only a `$ref` (it names a declared type). */
export function pureRef(schema: Schema | undefined): string | undefined {
  const ref = schema?.["$ref"];
  return typeof ref === "string" && schema?.["nullable"] !== true && schema?.["type"] === undefined ? ref : undefined;
}
