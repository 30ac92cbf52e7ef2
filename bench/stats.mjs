// Summaries of repeated runs and the number formats used in the tables.

/**
 * @typedef {object} Summary
 * @property {number} median middle value (mean of the two middle values for an even count)
 * @property {number} min
 * @property {number} max
 */

/**
 * @param {readonly number[]} values at least one
 * @returns {Summary}
 */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Whole number with thousands separators: `5,210`. @param {number} n */
export const formatInteger = (n) => integer.format(n);

/** Ratio with two decimals below 10 (`0.42×`), one above (`12.3×`). @param {number} n */
export const formatRatio = (n) => `${(n < 10 ? twoDecimals : oneDecimal).format(n)}×`;

/**
 * File size in decimal units: `930 B`, `2.8 kB`, `13.0 MB`.
 * @param {number} bytes
 */
export function formatBytes(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${oneDecimal.format(bytes / 1e3)} kB`;
  return `${oneDecimal.format(bytes / 1e6)} MB`;
}

/**
 * Median with the range of the runs: `5,210 (4,980–6,100)`; just the median for a single run.
 * @param {Summary} s
 * @param {(n: number) => string} format
 */
export function formatSummary(s, format) {
  return s.min === s.max ? format(s.median) : `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}
