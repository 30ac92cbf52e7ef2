/**
 * Turns ajv errors (after {@link reduceBranches}) into structural problems with a code, a document pointer, the
 * part to underline and a message detail saying what is allowed:
 * - `additionalProperties` / `unevaluatedProperties`, and property names outside an `enum` of names →
 *   `unknown-property` on the **key** of the extra property, with the names the object allows (for a hint);
 * - `required`, `dependencies`, `dependentRequired` → `missing-property` on the object's key;
 * - `type` → `invalid-type` ("a string, not a number");
 * - everything else (`enum`, `const`, `pattern`, `format`, ranges, lengths, counts, `not`, …) → `invalid-value`.
 */
import type { ErrorObject } from "ajv";
import type { TargetPart } from "../diagnostics/diagnostic.js";
import { closestName } from "./did-you-mean.js";
import { childPointer } from "./pointer.js";
import type { SchemaIndex } from "./schema-index.js";

/** One structural problem, before it is worded as a diagnostic. */
export type SchemaProblem =
  | {
      readonly code: "unknown-property";
      readonly pointer: string;
      readonly part: TargetPart;
      readonly name: string;
      /** Names the object allows (for "Did you mean"), and patterns for the other allowed names. */
      readonly allowed: readonly string[];
      readonly patterns: readonly string[];
      /** A hint that replaces the "Did you mean" one (e.g. where a misplaced extension belongs). */
      readonly hint?: string;
    }
  | { readonly code: "missing-property"; readonly pointer: string; readonly part: TargetPart; readonly name: string }
  | { readonly code: "invalid-type"; readonly pointer: string; readonly part: TargetPart; readonly expected: string }
  | { readonly code: "invalid-value"; readonly pointer: string; readonly part: TargetPart; readonly detail: string };

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  uri: "a URL",
  "uri-reference": "a URL or reference",
  email: "an email address",
  regex: "a valid regular expression",
  "media-range": "a media type such as application/json",
};

const COMPARISONS: Readonly<Record<string, string>> = { ">=": "at least", "<=": "at most", ">": "more than", "<": "less than" };

/** A short rendering of a value for messages. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "a list" : "an object";
}

function typeWord(type: string): string {
  if (type === "null") return "null";
  if (type === "array") return "a list";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function got(value: unknown): string {
  return value !== null && typeof value === "object" ? "" : ` (got ${showValue(value)})`;
}

/** ` (got "strin"; did you mean "string"?)`, or just the `got` part when no allowed string is close. */
function gotOrMeant(value: unknown, allowed: readonly unknown[]): string {
  if (typeof value !== "string") return got(value);
  const match = closestName(value, allowed.filter((v): v is string => typeof v === "string"));
  return match === undefined ? got(value) : ` (got ${showValue(value)}; did you mean ${showValue(match)}?)`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The problems `errors` describe; `base` is the document pointer of the validated node. */
export function toProblems(errors: readonly ErrorObject[], base: string, index: SchemaIndex): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const e of errors) {
    const problem = toProblem(e, base + e.instancePath, index);
    if (problem) out.push(problem);
  }
  return out;
}

function toProblem(e: ErrorObject, at: string, index: SchemaIndex): SchemaProblem | undefined {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "propertyNames") return undefined; // the error inside it (with propertyName) says more
  if (e.propertyName !== undefined) return nameProblem(e, at);
  const value = (detail: string): SchemaProblem => ({ code: "invalid-value", pointer: at, part: "value", detail });
  switch (e.keyword) {
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(p["additionalProperty"] ?? p["unevaluatedProperty"]);
      const { names, patterns } = index.propertyNames(e.parentSchema as object);
      return { code: "unknown-property", pointer: childPointer(at, name), part: "key", name, allowed: names, patterns };
    }
    case "required":
      // On the object's key: the line that names the object is where the property belongs.
      return { code: "missing-property", pointer: at, part: "key", name: String(p["missingProperty"]) };
    case "dependencies":
    case "dependentRequired":
      return {
        code: "missing-property",
        pointer: at,
        part: "key",
        name: `${String(p["missingProperty"])} (needed with ${String(p["property"])})`,
      };
    case "type": {
      const types = Array.isArray(p["type"]) ? (p["type"] as string[]) : String(p["type"]).split(",");
      const expected = types.map(typeWord).join(" or ");
      return { code: "invalid-type", pointer: at, part: "value", expected: `${expected}, not ${typeWord(kindOf(e.data))}` };
    }
    case "enum": {
      const allowed = p["allowedValues"] as unknown[];
      return value(`must be one of ${allowed.map(showValue).join(", ")}${gotOrMeant(e.data, allowed)}`);
    }
    case "const":
      return value(`must be ${showValue(p["allowedValue"])}${got(e.data)}`);
    case "pattern":
      return value(`must match the pattern ${String(p["pattern"])}${got(e.data)}`);
    case "format":
      return value(`${showValue(e.data)} is not ${FORMAT_WORDS[String(p["format"])] ?? `a valid ${String(p["format"])}`}`);
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return value(`must be ${COMPARISONS[String(p["comparison"])] ?? String(p["comparison"])} ${String(p["limit"])}${got(e.data)}`);
    case "multipleOf":
      return value(`must be a multiple of ${String(p["multipleOf"])}${got(e.data)}`);
    case "minLength":
      return value(`must be at least ${plural(Number(p["limit"]), "character")} long`);
    case "maxLength":
      return value(`must be at most ${plural(Number(p["limit"]), "character")} long`);
    case "minItems":
      return value(`must have at least ${plural(Number(p["limit"]), "item")}`);
    case "maxItems":
      return value(`must have at most ${plural(Number(p["limit"]), "item")}`);
    case "minProperties":
      return value(`must have at least ${plural(Number(p["limit"]), "property", "properties")}`);
    case "maxProperties":
      return value(`must have at most ${plural(Number(p["limit"]), "property", "properties")}`);
    case "uniqueItems":
      return value(`must not repeat items (items ${String(p["j"])} and ${String(p["i"])} are equal)`);
    case "not":
      return value(notDetail(e));
    case "oneOf":
      return value(p["passingSchemas"] ? "matches more than one of the allowed forms" : "does not match any of the allowed forms");
    case "anyOf":
      return value("does not match any of the allowed forms");
    case "false schema":
      return value("is not allowed here");
    default:
      return value(e.message ?? `fails ${e.keyword}`);
  }
}

/** A problem with a property name (an error inside `propertyNames`): reported on the key. */
function nameProblem(e: ErrorObject, objectPointer: string): SchemaProblem {
  const name = String(e.propertyName);
  const pointer = childPointer(objectPointer, name);
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "enum") {
    const allowed = (p["allowedValues"] as unknown[]).map(String);
    return { code: "unknown-property", pointer, part: "key", name, allowed, patterns: [] };
  }
  const rule = (e.parentSchema as { description?: unknown } | undefined)?.description;
  const detail =
    typeof rule === "string"
      ? `name ${showValue(name)} is not allowed: ${rule.replace(/\.$/, "")}`
      : e.keyword === "pattern"
        ? `name ${showValue(name)} must match the pattern ${String(p["pattern"])}`
        : `name ${showValue(name)} ${e.message ?? "is not allowed"}`;
  return { code: "invalid-value", pointer, part: "key", detail };
}

function notDetail(e: ErrorObject): string {
  const schema = e.schema as { required?: unknown } | undefined;
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  if (required.length === 1) return `must not have ${required[0]}`;
  if (required.length > 1) return `must not have both ${required.slice(0, -1).join(", ")} and ${required[required.length - 1]}`;
  const description = (e.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === "string" ? `is not allowed: ${description}` : "is not allowed here";
}
