/**
 * The fast path of JSON loading: after `JSON.parse` has accepted a text, decides with one pass over the characters
 * and one over the value whether the full scan of `json.ts` (jsonc-parser, which finds duplicate keys and nesting
 * beyond {@link MAX_DEPTH} with their positions) has anything to report. A valid JSON text has one `:` outside
 * strings per member it writes, and `JSON.parse` keeps one property per distinct key, so the text has a duplicate
 * key exactly when it holds more `:` than the value has properties.
 */
import { MAX_DEPTH } from "./limits.js";

/**
 * True when `text`, which `JSON.parse` accepted as `value`, has no duplicate key and no container nested more
 * than {@link MAX_DEPTH} deep. A text with more nested containers answers false even when only an empty one lies
 * beyond the limit: the full scan judges it exactly.
 */
export function isPlainJson(text: string, value: unknown): boolean {
  let members = 0;
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = closingQuote(text, i + 1);
    } else if (c === 0x3a /* : */) {
      members++;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_DEPTH) return false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return members === propertyCount(value);
}

/** The index of the `"` that closes the string whose content starts at `from` (the text is valid JSON). */
function closingQuote(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at > 0) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return text.length;
}

/** How many properties the objects of `value` hold, all levels together (its depth is bounded by the caller). */
function propertyCount(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += propertyCount(item);
  } else {
    const obj = value as Record<string, unknown>;
    for (const key in obj) count += 1 + propertyCount(obj[key]);
  }
  return count;
}
