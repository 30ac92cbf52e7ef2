/**
 * "Did you mean …?" suggestions for misspelled names, by Levenshtein distance (fastest-levenshtein), compared
 * case-insensitively so `Lambda` finds `lambda`.
 */
import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to `name`, when it is close enough to be a likely typo: at most 2 edits, or at most a third
 * of `name`'s length, and never a complete rewrite. Ties go to the alphabetically first candidate.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = distance(lower, candidate.toLowerCase());
    const close = d <= 2 || d <= name.length / 3;
    if (!close || d >= Math.max(name.length, 1)) continue;
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` Did you mean 'x'?` (with the leading space), or `""` when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestName(name, candidates);
  return match === undefined ? "" : ` Did you mean '${match}'?`;
}
