/**
 * Deterministic JSON: object keys sorted by UTF-16 code units (locale-independent), two-space indentation, LF, no
 * trailing newline (callers add it). Object properties whose value is `undefined` are left out, as
 * `JSON.stringify` does. Works on objects without a prototype, so spec-keyed tables built with
 * `Object.create(null)` serialise like plain ones, `__proto__` keys included.
 */
import { compareStrings } from "../order.js";

interface Layout {
  readonly step: string;
  readonly newline: string;
  readonly colon: string;
}

const PRETTY: Layout = { step: "  ", newline: "\n", colon: ": " };
const COMPACT: Layout = { step: "", newline: "", colon: ":" };

function write(value: unknown, indent: string, layout: Layout): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as JSON.`);
    return JSON.stringify(value);
  }
  const { newline: nl } = layout;
  const inner = indent + layout.step;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => inner + write(item === undefined ? null : item, inner, layout));
    return `[${nl}${items.join(`,${nl}`)}${nl}${indent}]`;
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareStrings);
    if (keys.length === 0) return "{}";
    const entries = keys.map((key) => `${inner}${JSON.stringify(key)}${layout.colon}${write(record[key], inner, layout)}`);
    return `{${nl}${entries.join(`,${nl}`)}${nl}${indent}}`;
  }
  throw new Error(`Cannot write a ${typeof value} as JSON.`);
}

/** `value` as JSON text with sorted keys and two-space indentation. @throws Error on non-finite numbers, functions, … */
export function stableJson(value: unknown): string {
  return write(value, "", PRETTY);
}

/** `value` as one line of JSON with sorted keys (for strings embedded in other formats, e.g. mapping templates). */
export function compactJson(value: unknown): string {
  return write(value, "", COMPACT);
}

/**
 * An empty object without a prototype, for tables keyed by spec text (paths, header names, scheme names):
 * assigning `table["__proto__"]` creates an own property instead of swapping the prototype.
 */
export function table<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
