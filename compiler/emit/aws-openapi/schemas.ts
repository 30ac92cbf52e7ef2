/**
 * A spec schema (OpenAPI 3.0 Schema Object or OpenAPI 3.1 / JSON Schema 2020-12) lowered to what API Gateway can
 * turn into a request model: the OpenAPI 3.0 keywords that JSON Schema draft 4 also has, nothing else.
 *
 * API Gateway models are JSON Schema draft 4, and model creation fails on keywords it does not know
 * ("Invalid model schema specified. Unsupported keyword: [\"discriminator\"]"); the developer guide lists
 * `discriminator`, `example`, `exclusiveMinimum`, `readOnly`, `int32`/`int64`/`decimal` formats as unsupported
 * ("Amazon API Gateway important notes for REST APIs"). So every keyword is dropped unless it validates and is
 * common to 3.0 and draft 4:
 * - kept: `type` (one), `enum`, `multipleOf`, `maximum`, `exclusiveMaximum` (boolean), `minimum`, `maxLength`,
 *   `minLength`, `pattern`, `maxItems`, `minItems`, `uniqueItems`, `maxProperties`, `minProperties`, `required`,
 *   `properties`, `additionalProperties`, `items`, `allOf`, `anyOf`, `oneOf`, `not`, `$ref`, and `format` when it
 *   is a draft 4 format (`date-time`, `email`, `hostname`, `ipv4`, `ipv6`, `uri`);
 * - rewritten: 3.1 `const` → `enum: [value]`; numeric 3.1 `exclusiveMaximum` → `maximum` + `exclusiveMaximum: true`;
 *   `exclusiveMinimum` (either form) → `minimum` (inclusive: the boundary value is let through); a list of types →
 *   `anyOf` of single types; `readOnly` properties leave `required` (a request does not send them);
 * - nullable (3.0 `nullable: true`, 3.1 `"null"` in `type`): the importer drops `nullable` and would reject `null`,
 *   so the schema becomes `anyOf: [schema, Null]`, where `Null` is a model only `null` matches;
 * - dropped: annotations (`description`, `title`, `default`, `example(s)`, `deprecated`, `readOnly`, `writeOnly`,
 *   `xml`, `externalDocs`, `discriminator`, `$comment`, `x-*`) and the JSON Schema keywords 3.0 lacks
 *   (`prefixItems`, `patternProperties`, `if`/`then`/`else`, `dependentRequired`, `unevaluatedProperties`,
 *   `contains`, `propertyNames`, `$defs`, …), which makes such a model accept more than the spec, never less.
 */
import type { Origin } from "../../model/types.js";
import { child } from "../../model/lower/read.js";
import { table } from "../json.js";

/** What lowering needs from the document being built. */
export interface SchemaContext {
  /** The `$ref` to write for the reference `ref` met at `at`; undefined when none can be written (anything is then accepted there). */
  ref(ref: string, at: Origin): string | undefined;
  /** The `$ref` of the model that only `null` matches. */
  nullRef(): string;
}

/** A schema as the import document holds it. */
export type LoweredSchema = Record<string, unknown>;

const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array"]);
const DRAFT4_FORMATS = new Set(["date-time", "email", "hostname", "ipv4", "ipv6", "uri"]);
const NON_NEGATIVE_INTEGERS = ["maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties"] as const;

/** The schema only `null` matches, in forms 3.0 and draft 4 share (neither has a `null` type 3.0 accepts). */
export const NULL_SCHEMA: LoweredSchema = {
  not: { anyOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }, { type: "object" }, { type: "array" }] },
};

type Obj = Readonly<Record<string, unknown>>;

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function finite(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** The non-null types a schema allows, whether it allows `null`, and whether `null` is all it allows. */
function typesOf(schema: Obj): { types: readonly string[]; nullable: boolean; nullOnly: boolean } {
  const raw = schema["type"];
  const list = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === "string") : [];
  const types = [...new Set(list.filter((t) => TYPES.has(t)))];
  const hasNull = list.includes("null");
  return { types, nullable: hasNull || schema["nullable"] === true, nullOnly: hasNull && types.length === 0 };
}

/** Lowers each schema of a non-empty array (`allOf`, `anyOf`, `oneOf`); undefined for anything else. */
function lowerList(value: unknown, at: Origin, ctx: SchemaContext): LoweredSchema[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.map((item, i) => lowerSchema(item, child(at, i), ctx));
}

/** Bounds: draft 4 `minimum`/`maximum` with boolean exclusivity, from either the 3.0 or the 3.1 form. */
function bounds(schema: Obj, out: LoweredSchema): void {
  const minimum = finite(schema["minimum"]) ? schema["minimum"] : undefined;
  const exclusiveMinimum = finite(schema["exclusiveMinimum"]) ? schema["exclusiveMinimum"] : undefined;
  const lower = minimum === undefined ? exclusiveMinimum : exclusiveMinimum === undefined ? minimum : Math.max(minimum, exclusiveMinimum);
  if (lower !== undefined) out["minimum"] = lower;
  const maximum = finite(schema["maximum"]) ? schema["maximum"] : undefined;
  const exclusiveMaximum = schema["exclusiveMaximum"];
  if (finite(exclusiveMaximum) && (maximum === undefined || exclusiveMaximum <= maximum)) {
    out["maximum"] = exclusiveMaximum;
    out["exclusiveMaximum"] = true;
  } else if (maximum !== undefined) {
    out["maximum"] = maximum;
    if (exclusiveMaximum === true) out["exclusiveMaximum"] = true;
  }
}

/** `required` without duplicates and without `readOnly` properties; undefined when nothing is left (draft 4 needs ≥ 1). */
function requiredOf(schema: Obj): string[] | undefined {
  const raw = schema["required"];
  if (!Array.isArray(raw)) return undefined;
  const properties = isObj(schema["properties"]) ? schema["properties"] : {};
  const readOnly = (name: string): boolean => {
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    return isObj(property) && property["readOnly"] === true;
  };
  const names = [...new Set(raw.filter((n): n is string => typeof n === "string" && !readOnly(n)))];
  return names.length > 0 ? names : undefined;
}

/** The keywords of `schema` other than its type and nullability, lowered. */
function keywords(schema: Obj, at: Origin, ctx: SchemaContext): LoweredSchema {
  const out = table();
  if (finite(schema["multipleOf"]) && schema["multipleOf"] > 0) out["multipleOf"] = schema["multipleOf"];
  bounds(schema, out);
  for (const key of NON_NEGATIVE_INTEGERS) {
    const value = schema[key];
    if (finite(value) && Number.isInteger(value) && value >= 0) out[key] = value;
  }
  if (typeof schema["uniqueItems"] === "boolean") out["uniqueItems"] = schema["uniqueItems"];
  if (typeof schema["pattern"] === "string") out["pattern"] = schema["pattern"];
  const format = schema["format"];
  if (typeof format === "string" && DRAFT4_FORMATS.has(format)) out["format"] = format;
  if (Object.hasOwn(schema, "const")) out["enum"] = [schema["const"]];
  else if (Array.isArray(schema["enum"]) && schema["enum"].length > 0) out["enum"] = schema["enum"];
  const required = requiredOf(schema);
  if (required) out["required"] = required;
  const properties = schema["properties"];
  if (isObj(properties)) {
    const lowered = table<LoweredSchema>();
    for (const name of Object.keys(properties)) lowered[name] = lowerSchema(properties[name], child(at, "properties", name), ctx);
    out["properties"] = lowered;
  }
  const additional = schema["additionalProperties"];
  if (typeof additional === "boolean") out["additionalProperties"] = additional;
  else if (isObj(additional)) out["additionalProperties"] = lowerSchema(additional, child(at, "additionalProperties"), ctx);
  const items = schema["items"];
  if (isObj(items) || items === true) out["items"] = lowerSchema(items, child(at, "items"), ctx);
  else if (items === false) out["maxItems"] = 0;
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const list = lowerList(schema[key], child(at, key), ctx);
    if (list) out[key] = list;
  }
  if (isObj(schema["not"]) || typeof schema["not"] === "boolean") out["not"] = lowerSchema(schema["not"], child(at, "not"), ctx);
  return out;
}

/** Adds a requirement to `out` as one more `allOf` entry. */
function also(out: LoweredSchema, schema: LoweredSchema): void {
  out["allOf"] = [...((out["allOf"] as LoweredSchema[] | undefined) ?? []), schema];
}

/**
 * Lowers `schema` (found at `at`) for an API Gateway model. `true` and non-objects accept anything (`{}`),
 * `false` nothing (`{ not: {} }`). `$ref`s go through `ctx.ref`, so they stay references and recursive schemas
 * stay finite; a `$ref` with sibling keywords (3.1) becomes `allOf: [{ $ref }, siblings]`.
 */
export function lowerSchema(schema: unknown, at: Origin, ctx: SchemaContext): LoweredSchema {
  if (schema === false) return { not: {} };
  if (!isObj(schema)) return {};
  const { types, nullable, nullOnly } = typesOf(schema);
  if (nullOnly) return { $ref: ctx.nullRef() };
  const out = keywords(schema, at, ctx);
  if (types.length === 1) out["type"] = types[0];
  else if (types.length > 1) {
    const alternatives = types.map((type) => ({ type }));
    if (out["anyOf"] === undefined) out["anyOf"] = alternatives;
    else also(out, { anyOf: alternatives });
  }
  let lowered: LoweredSchema = out;
  if (typeof schema["$ref"] === "string") {
    const target = ctx.ref(schema["$ref"], child(at, "$ref"));
    if (target !== undefined) {
      if (Object.keys(out).length === 0) lowered = { $ref: target };
      else out["allOf"] = [{ $ref: target }, ...((out["allOf"] as LoweredSchema[] | undefined) ?? [])];
    }
  }
  return nullable ? { anyOf: [lowered, { $ref: ctx.nullRef() }] } : lowered;
}
