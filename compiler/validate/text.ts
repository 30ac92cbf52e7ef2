/** Small text helpers shared by rule messages. */
import type { Operation } from "../model/types.js";

/** How a message names an operation: its written id, else `METHOD /path`. */
export function operationLabel(op: Operation): string {
  return op.idDerived ? `${op.method} ${op.path}` : op.id;
}

/** A number with thousands separators, independent of the locale: `29000` → `29,000`. */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ",") : String(n);
}
