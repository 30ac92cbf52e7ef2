/**
 * The JSON shape a schema of the spec describes, as far as a mapping template needs it to convert a value into
 * another representation (DynamoDB attribute values and back): scalar types, objects with their declared
 * properties, arrays with their items, and `any` for what a schema leaves open.
 *
 * `$ref`s to `#/components/schemas/…` are followed (a reference met again on the same branch, or a nesting deeper
 * than {@link MAX_DEPTH}, is `any`); `allOf` merges the properties of its members; a 3.1 type list or 3.0
 * `nullable` takes the first non-null type; `oneOf`, `anyOf` and anything else are `any`.
 */
import { byKey } from "../../../order.js";
import { getAtPointer, parsePointer } from "../../../parse/pointer.js";
import type { GatewayModel, Schema } from "../../../model/types.js";

/**
 * The shape of a JSON value. Object properties are sorted by name, so that the templates built from a shape do not
 * depend on the order the spec writes them in.
 */
export type JsonShape =
  | { readonly kind: "string" | "number" | "boolean" | "any" }
  | { readonly kind: "object"; readonly properties: readonly (readonly [string, JsonShape])[] }
  | { readonly kind: "array"; readonly items: JsonShape };

/** Nesting depth past which a value is `any` (recursive schemas, very deep documents). */
const MAX_DEPTH = 8;

const ANY: JsonShape = { kind: "any" };
const COMPONENTS = "#/components/schemas/";

type Obj = Readonly<Record<string, unknown>>;

const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);

/** The schema a local `$ref` points at, or undefined. */
function resolveRef(ref: string, model: GatewayModel): Obj | undefined {
  if (!ref.startsWith(COMPONENTS)) return undefined;
  let tokens: string[] | undefined;
  try {
    tokens = parsePointer(decodeURIComponent(ref.slice(COMPONENTS.length - 1)));
  } catch {
    return undefined;
  }
  const [name, ...rest] = tokens ?? [];
  const component = model.schemas.find((s) => s.name === name);
  if (component === undefined) return undefined;
  const found = getAtPointer(component.schema, rest);
  return found.found && isObj(found.value) ? found.value : undefined;
}

/** The first non-null type of a schema, or undefined. */
function typeOf(schema: Obj): string | undefined {
  const type = schema["type"];
  if (typeof type === "string") return type;
  return Array.isArray(type) ? type.find((t): t is string => typeof t === "string" && t !== "null") : undefined;
}

/** The shape `schema` describes (see the module comment). */
export function jsonShape(schema: Schema | undefined, model: GatewayModel): JsonShape {
  return shape(schema, model, [], 0);
}

function shape(schema: unknown, model: GatewayModel, refs: readonly string[], depth: number): JsonShape {
  if (!isObj(schema) || depth > MAX_DEPTH) return ANY;
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    if (refs.includes(ref)) return ANY;
    return shape(resolveRef(ref, model), model, [...refs, ref], depth);
  }
  const allOf = schema["allOf"];
  if (Array.isArray(allOf) && allOf.length > 0) return merge(allOf.map((member) => shape(member, model, refs, depth)));
  switch (typeOf(schema)) {
    case "string":
      return { kind: "string" };
    case "number":
    case "integer":
      return { kind: "number" };
    case "boolean":
      return { kind: "boolean" };
    case "array":
      return { kind: "array", items: shape(schema["items"], model, refs, depth + 1) };
    case "object":
      return objectShape(schema, model, refs, depth);
    case undefined:
      return isObj(schema["properties"]) ? objectShape(schema, model, refs, depth) : ANY;
    default:
      return ANY;
  }
}

function objectShape(schema: Obj, model: GatewayModel, refs: readonly string[], depth: number): JsonShape {
  const properties = isObj(schema["properties"]) ? schema["properties"] : {};
  return {
    kind: "object",
    properties: Object.entries(properties)
      .sort(byKey)
      .map(([name, property]) => [name, shape(property, model, refs, depth + 1)] as const),
  };
}

/** The shape of an `allOf`: the properties of its object members, the first declaration of a name winning. */
function merge(members: readonly JsonShape[]): JsonShape {
  const objects = members.filter((m): m is Extract<JsonShape, { kind: "object" }> => m.kind === "object");
  if (objects.length === 0) return members.find((m) => m.kind !== "any") ?? ANY;
  const properties = new Map<string, JsonShape>();
  for (const object of objects) {
    for (const [name, property] of object.properties) if (!properties.has(name)) properties.set(name, property);
  }
  return { kind: "object", properties: [...properties].sort(byKey) };
}
