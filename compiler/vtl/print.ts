/**
 * How Java values print (`toString()`), compare (`equals`, Velocity's `==`) and count as conditions.
 *
 * - Maps print like `AbstractMap.toString()`: `{a=1, b=[1, 2]}`; lists like `AbstractCollection.toString()`:
 *   `[1, 2]`; lists parsed from JSON like json-smart's `JSONArray.toString()`: `["a",{"b":1}]`, also inside a map
 *   (`{foo=[{"nested":"bar"}]}`, recorded on API Gateway, `vtl-and-emulators.md` §1.2). Null prints `null` inside a
 *   collection; a template renders a null reference as empty text.
 * - `==` follows Velocity 1.7's `ASTEQNode`: numbers compare numerically, values of related classes with `equals`,
 *   anything else by their `toString()`.
 * - A condition is false only for `false` and null: API Gateway turns a null or undefined reference into an empty
 *   string, which is true (`#if($missing)` renders its body, recorded on API Gateway).
 */
import { jsonSmartStringify } from "./json.js";
import { compareNumbers, javaDoubleToString } from "./number.js";
import { ForeachScope, JavaDouble, JavaEntry, isHostObject, isJavaInteger, isJavaNumber, listKind } from "./values.js";

/** `String.valueOf(value)`: the Java text of a value (`null` for null). */
export function javaString(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof JavaDouble) return javaDoubleToString(value.value);
  if (Array.isArray(value)) {
    if (listKind(value) === "json") return jsonSmartStringify(value, true, javaString);
    return `[${value.map((v) => (v === value ? "(this Collection)" : javaString(v))).join(", ")}]`;
  }
  if (value instanceof Map) {
    const parts: string[] = [];
    for (const [k, v] of value) parts.push(`${k === value ? "(this Map)" : javaString(k)}=${v === value ? "(this Map)" : javaString(v)}`);
    return `{${parts.join(", ")}}`;
  }
  if (value instanceof JavaEntry) return `${javaString(value.key)}=${javaString(value.value)}`;
  if (isHostObject(value)) return value.printed;
  if (value instanceof ForeachScope) return "org.apache.velocity.runtime.directive.ForeachScope";
  return String(value);
}

/** Java's `a.equals(b)` for the values a template handles. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (isJavaInteger(a) && isJavaInteger(b)) return BigInt(a) === BigInt(b);
  if (a instanceof JavaDouble && b instanceof JavaDouble) return Object.is(a.value, b.value);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (collectionFamily(a) !== collectionFamily(b) || collectionFamily(a) === "collection") return false;
    if (a.length !== b.length) return false;
    if (collectionFamily(a) === "set") return a.every((x) => b.some((y) => javaEquals(x, y)));
    return a.every((x, i) => javaEquals(x, b[i]));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !javaEquals(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof JavaEntry && b instanceof JavaEntry) return javaEquals(a.key, b.key) && javaEquals(a.value, b.value);
  return false;
}

/** `List` (ArrayList, JSONArray, arrays as Velocity wraps them), `Set`, or a plain `Collection` (`values()`). */
function collectionFamily(items: unknown[]): "list" | "set" | "collection" {
  const kind = listKind(items);
  return kind === "set" ? "set" : kind === "collection" ? "collection" : "list";
}

/** The Java class family of a value, for Velocity's "related classes compare with equals" rule. */
function family(value: unknown): string {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value)) return collectionFamily(value);
  if (value instanceof Map) return "map";
  if (value instanceof JavaEntry) return "entry";
  return "other";
}

/** Velocity 1.7's `left == right`. */
export function velocityEquals(left: unknown, right: unknown): boolean {
  if (left === null && right === null) return true;
  if (left === null || right === null) return false;
  if (isJavaNumber(left) && isJavaNumber(right)) return compareNumbers(left, right) === 0;
  const kind = family(left);
  if (kind !== "other" && kind === family(right)) return javaEquals(left, right);
  return javaString(left) === javaString(right);
}

/** Whether a value passes `#if`: everything but `false` and null (see the module comment). */
export function isTruthy(value: unknown): boolean {
  return value !== false && value !== null && value !== undefined;
}
