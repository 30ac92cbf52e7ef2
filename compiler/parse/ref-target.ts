/**
 * What a `$ref` string asks for, decided from the string alone (nothing is read or fetched here): a node of the
 * same file, a node of a file given by a relative path, or something Portico refuses.
 */
import { parsePointer } from "./pointer.js";

/** The classification of a `$ref` string. */
export type RefTarget =
  | { readonly kind: "local"; readonly tokens: readonly string[] }
  | { readonly kind: "file"; readonly path: string; readonly tokens: readonly string[] }
  | { readonly kind: "remote" }
  | { readonly kind: "outside" }
  | { readonly kind: "invalid"; readonly reason: string };

/**
 * Classifies `ref` (a URI reference, RFC 3986, whose fragment is a JSON pointer):
 * - `#/a/b` → local; `other.yaml#/a` or `sub/x.json` → file (path percent-decoded, relative to the referencing file);
 * - any URL scheme but `file:` (`http:`, `https:`, `ftp:`, …) and `//host/…` → remote;
 * - `file:` URLs, absolute paths (`/etc/passwd`, `C:\…`, `\\server\…`) → outside;
 * - bad percent-encoding, a fragment that is not a JSON pointer, NUL bytes → invalid.
 */
export function classifyRef(ref: string): RefTarget {
  const hash = ref.indexOf("#");
  const location = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? "" : ref.slice(hash + 1);
  let pointer: string;
  try {
    pointer = decodeURIComponent(fragment);
  } catch {
    return { kind: "invalid", reason: "the fragment has invalid percent-encoding" };
  }
  const tokens = parsePointer(pointer);
  if (!tokens) return { kind: "invalid", reason: `the fragment #${fragment} is not a JSON pointer (it must be empty or start with /)` };
  if (location === "") return { kind: "local", tokens };
  if (/^[a-zA-Z]:[\\/]/.test(location) || /^file:/i.test(location)) return { kind: "outside" };
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location) || location.startsWith("//") || location.startsWith("\\\\")) return { kind: "remote" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(location);
  } catch {
    return { kind: "invalid", reason: "the path has invalid percent-encoding" };
  }
  if (decoded.includes("\0")) return { kind: "invalid", reason: "the path contains a NUL character" };
  if (decoded.startsWith("/") || decoded.startsWith("\\") || /^[a-zA-Z]:/.test(decoded)) return { kind: "outside" };
  return { kind: "file", path: decoded, tokens };
}
