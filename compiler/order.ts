/**
 * Deterministic ordering: plain code-unit comparison, never locale-dependent (`localeCompare` would make output
 * depend on the machine), so the same input gives the same order everywhere.
 */

/** Compares two strings by UTF-16 code units. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares `[key, value]` entries by key, for `Object.entries(…).sort(byKey)`. */
export function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return compareStrings(a[0], b[0]);
}
