/** Small text helpers shared by rule messages. */
import { closest, distance } from "fastest-levenshtein";
import type { Operation } from "../model/types.js";

/** How a message names an operation: its written id, else `METHOD /path`. */
export function operationLabel(op: Operation): string {
  return op.idDerived ? `${op.method} ${op.path}` : op.id;
}

/**
 * A hint `" Did you mean 'x'?"` naming the candidate closest to `name` (Levenshtein), when it is within a third of
 * the longer name's length (at least one edit); otherwise `""`.
 */
export function didYouMean(name: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  const best = closest(name, candidates);
  const limit = Math.max(1, Math.floor(Math.max(name.length, best.length) / 3));
  return distance(name, best) <= limit ? ` Did you mean '${best}'?` : "";
}

/** A number with thousands separators, independent of the locale: `29000` → `29,000`. */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ",") : String(n);
}
