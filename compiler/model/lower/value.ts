/**
 * Lowers a deploy-time *Value*: a literal, `{ config: key, secret?: true }` (Pulumi config) or the string
 * `${stageVariables.name}` (an API Gateway stage variable, see stage-variables.html).
 */
import type { Origin, Value } from "../types.js";
import { bool, isObj, str } from "./read.js";

const STAGE_VARIABLE = /^\$\{stageVariables\.([A-Za-z0-9_]+)\}$/;

/** The Value written at `origin`, or undefined when `raw` is none of the three forms. */
export function lowerValue(raw: unknown, origin: Origin): Value | undefined {
  if (typeof raw === "string") {
    const m = STAGE_VARIABLE.exec(raw);
    if (m?.[1]) return { kind: "stageVariable", name: m[1], origin };
    return { kind: "literal", value: raw, origin };
  }
  if (typeof raw === "number" || typeof raw === "boolean") return { kind: "literal", value: raw, origin };
  if (isObj(raw)) {
    const key = str(raw, "config");
    if (key !== undefined) return { kind: "config", key, secret: bool(raw, "secret") ?? false, origin };
  }
  return undefined;
}

/** Lowers a list of Values, dropping malformed entries. */
export function lowerValues(raw: unknown, origin: Origin): Value[] {
  if (!Array.isArray(raw)) return [];
  const out: Value[] = [];
  raw.forEach((item, i) => {
    const v = lowerValue(item, { file: origin.file, pointer: `${origin.pointer}/${i}` });
    if (v) out.push(v);
  });
  return out;
}
