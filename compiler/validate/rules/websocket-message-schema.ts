/**
 * The message schema of a custom WebSocket route describes messages that reach it.
 *
 * API Gateway sends a message to a custom route only when the route selection expression, evaluated on the
 * message's JSON body, equals the route key; a field it reads that is missing evaluates to "" and the message goes
 * to `$default` (websocket-api-develop-routes.html). So the schema of `routes.<key>.message` must be an object
 * that has, and requires, every field the expression reads; and when the expression is one field, an `enum` or
 * `const` on that field must allow the route key. `$ref`s into `components.schemas` are followed, `allOf` members
 * merged; a schema whose shape cannot be told this way (`anyOf`, `oneOf`, a reference elsewhere) is not checked.
 * The predefined routes carry no selection key and are not checked.
 */
import type { GatewayModel, Schema } from "../../model/types.js";
import { child } from "../origins.js";
import type { Rule } from "../rule.js";

const COMPONENTS = "#/components/schemas/";

/** What a schema says about an object: undefined when it cannot be told. */
interface Shape {
  /** The types it allows, or undefined when it does not say. */
  readonly types?: readonly string[];
  readonly properties: ReadonlyMap<string, Schema>;
  readonly required: ReadonlySet<string>;
}

const isObj = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

function shapeOf(model: GatewayModel, schema: Schema, depth = 0): Shape | undefined {
  if (depth > 32) return undefined;
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    const target = ref.startsWith(COMPONENTS) ? model.schemas.find((s) => s.name === ref.slice(COMPONENTS.length)) : undefined;
    return target === undefined ? undefined : shapeOf(model, target.schema, depth + 1);
  }
  if (schema["anyOf"] !== undefined || schema["oneOf"] !== undefined) return undefined;
  const raw = schema["type"];
  const types = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === "string") : undefined;
  const properties = new Map<string, Schema>();
  const required = new Set<string>();
  let allTypes: readonly string[] | undefined = types;
  for (const part of Array.isArray(schema["allOf"]) ? schema["allOf"].filter(isObj) : []) {
    const inner = shapeOf(model, part, depth + 1);
    if (inner === undefined) return undefined;
    for (const [name, value] of inner.properties) properties.set(name, value);
    for (const name of inner.required) required.add(name);
    if (inner.types !== undefined) allTypes = allTypes === undefined ? inner.types : allTypes.filter((t) => inner.types?.includes(t));
  }
  if (isObj(schema["properties"])) for (const [name, value] of Object.entries(schema["properties"])) if (isObj(value)) properties.set(name, value);
  if (Array.isArray(schema["required"])) for (const name of schema["required"]) if (typeof name === "string") required.add(name);
  return { ...(allTypes !== undefined ? { types: allTypes } : {}), properties, required };
}

/** The values `schema` allows when it lists them (`enum`, `const`), else undefined. */
function allowedValues(model: GatewayModel, schema: Schema, depth = 0): readonly unknown[] | undefined {
  const ref = schema["$ref"];
  if (typeof ref === "string" && depth < 32) {
    const target = ref.startsWith(COMPONENTS) ? model.schemas.find((s) => s.name === ref.slice(COMPONENTS.length)) : undefined;
    return target === undefined ? undefined : allowedValues(model, target.schema, depth + 1);
  }
  if (Object.hasOwn(schema, "const")) return [schema["const"]];
  return Array.isArray(schema["enum"]) ? schema["enum"] : undefined;
}

/** What is wrong with `message` for route `key`, or undefined. */
function problemOf(model: GatewayModel, message: Schema, key: string, paths: readonly (readonly string[])[]): string | undefined {
  for (const path of paths) {
    let schema: Schema = message;
    for (const [i, name] of path.entries()) {
      const at = path.slice(0, i).join(".");
      const what = at === "" ? "it" : at;
      const shape = shapeOf(model, schema);
      if (shape === undefined) break;
      if (shape.types !== undefined && !shape.types.includes("object")) return `${what} is not an object (type ${shape.types.join(" | ") || "none"})`;
      const property = shape.properties.get(name);
      const field = [...path.slice(0, i), name].join(".");
      if (property === undefined) return `${what} has no property ${name}, the field the route selection expression reads`;
      if (!shape.required.has(name)) return `${what} does not require ${name}, so a message without ${field} would be sent to $default`;
      schema = property;
    }
  }
  const only = paths.length === 1 ? paths[0] : undefined;
  if (only === undefined) return undefined;
  let leaf: Schema | undefined = message;
  for (const name of only) leaf = leaf === undefined ? undefined : shapeOf(model, leaf)?.properties.get(name);
  const allowed = leaf === undefined ? undefined : allowedValues(model, leaf);
  if (allowed === undefined || allowed.includes(key)) return undefined;
  return `${only.join(".")} may only be ${allowed.map((v) => JSON.stringify(v)).join(", ")}, never ${JSON.stringify(key)}`;
}

/** Reports at the route's `message` value. */
export const websocketMessageSchema: Rule = {
  name: "websocket-message-schema",
  codes: ["websocket-message-schema-invalid"],
  check(model, report) {
    const ws = model.websocket;
    const paths = ws?.routeSelectionPaths;
    if (ws === undefined || paths === undefined) return;
    for (const route of ws.routes) {
      if (route.message === undefined || route.key.startsWith("$")) continue;
      const problem = problemOf(model, route.message, route.key, paths);
      if (problem === undefined) continue;
      report({
        code: "websocket-message-schema-invalid",
        args: { route: route.key, problem, expression: ws.routeSelection },
        origin: child(route.origin, "message"),
      });
    }
  },
};
