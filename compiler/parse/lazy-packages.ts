/**
 * Parsing packages that many runs never need, loaded on first use with `require` (each has a CommonJS build), so a
 * run pays for loading one only when it gets there: `yaml` (concrete syntax trees and source ranges of YAML texts,
 * needed for a diagnostic's position or a YAML problem) and `jsonc-parser` (scanning a JSON text that `JSON.parse`
 * rejects or that has duplicate keys, JSON source ranges, and the input of `portico template render`).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A loader that requires `name` on its first call and returns the same module afterwards. */
function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

/** The `yaml` package. */
export const yamlPackage = lazy<typeof import("yaml")>("yaml");

/** The `jsonc-parser` package. */
export const jsoncParser = lazy<typeof import("jsonc-parser")>("jsonc-parser");
