/**
 * What every lowering function is handed: a way to follow `$ref`s and nothing else. Lowering reports no
 * diagnostics of its own (structure was checked before, meaning is checked after, by the rules), so the IR is a
 * faithful, total translation of the document.
 */
import type { LoadResult } from "../../parse/types.js";
import type { Origin } from "../types.js";
import { isObj } from "./read.js";

export interface LowerContext {
  readonly resolveRef: LoadResult["resolveRef"];
}

/**
 * Follows `value` when it is a Reference Object (`{ $ref }`), else returns it as is. A broken reference (already
 * reported while loading) yields undefined.
 */
export function deref(ctx: LowerContext, value: unknown, origin: Origin): { value: unknown; origin: Origin } | undefined {
  if (isObj(value) && typeof value["$ref"] === "string" && Object.hasOwn(value, "$ref")) {
    return ctx.resolveRef(value["$ref"], origin);
  }
  return { value, origin };
}
