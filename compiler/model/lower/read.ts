/**
 * Small, total readers for untrusted parsed values. Lowering runs only after the structural checks passed, but it
 * still never assumes a shape: a reader returns undefined for anything unexpected instead of throwing.
 */
import { compareStrings } from "../../order.js";
import { pointerFrom } from "../../parse/pointer.js";
import type { Origin } from "../types.js";

/** A plain object from the parsed document (never an array or null). */
export type Obj = Readonly<Record<string, unknown>>;

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObj(value: unknown): Obj | undefined {
  return isObj(value) ? value : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Own property of a parsed object (never an inherited one such as `constructor`). */
export function prop(obj: Obj | undefined, key: string): unknown {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function str(obj: Obj | undefined, key: string): string | undefined {
  const v = prop(obj, key);
  return typeof v === "string" ? v : undefined;
}

export function num(obj: Obj | undefined, key: string): number | undefined {
  const v = prop(obj, key);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function bool(obj: Obj | undefined, key: string): boolean | undefined {
  const v = prop(obj, key);
  return typeof v === "boolean" ? v : undefined;
}

export function strings(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === "string");
}

/** Own keys in code-unit order, so lowering never depends on the order keys were written in. */
export function sortedKeys(obj: Obj | undefined): string[] {
  return obj === undefined ? [] : Object.keys(obj).sort(compareStrings);
}


/** The origin of a child node: `origin.pointer` extended by `tokens`. */
export function child(origin: Origin, ...tokens: readonly (string | number)[]): Origin {
  return { file: origin.file, pointer: origin.pointer + pointerFrom(tokens) };
}
