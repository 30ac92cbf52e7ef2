/**
 * Resource limits of the loading stage. They bound what a hostile or broken input can cost before any other
 * pass sees it (see the security notes on alias bombs and deep nesting).
 */

/**
 * Deepest allowed node, counted in JSON pointer segments (`/a/b` is at depth 2). Real specs stay far below:
 * the deepest of the large public specs we measured (Stripe, 4 MB) reaches 25, GitHub's REST API 21.
 */
export const MAX_DEPTH = 256;

/**
 * How many nodes YAML aliases may add when the document is expanded into a tree (each re-visit of a shared node
 * counts its whole subtree). Above it the file is rejected with `alias-limit`.
 */
export const ALIAS_EXPANSION_BUDGET = 1_000_000;

/** Default cap on a file's size in bytes (32 MiB), checked with `stat` before reading. */
export const DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024;
