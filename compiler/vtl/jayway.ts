/**
 * Where Jayway JsonPath (the library behind `$input.path` and `$input.json`, `vtl-and-emulators.md` §1.6) stops
 * with an exception instead of selecting, checked against Jayway 2.0 over json-smart (Debian's
 * `libjsonpath-java`) by the differential test:
 *
 * - A property step (`.name`, `['name']`) on a value that is not an object, while every step before it is
 *   definite, finds nothing at all (`PathNotFoundException`), also in an indefinite path: `$.l[*]` on the payload
 *   `42` is not found, where `$.l[*]` on `{}` is an empty list. After a wildcard over an object's values (`$.o.*.x`,
 *   `$[*].x`), a value that is not an object or lacks the property makes the whole path not found too; after other
 *   indefinite steps such values are skipped.
 * - An index step (`[0]`) on a value that is neither an array nor null is an invalid path
 *   (`InvalidPathException`: the template fails), wherever it is; on null after definite steps it finds nothing.
 * - A slice or an index union (`[0:2]`, `[0,1]`) on null, while every step before it is definite, finds nothing.
 *
 * Deep scans (`..`) and filters (`[?(…)]`) are not followed: what comes after them is left to the selection.
 */
import { JavaDouble } from "./values.js";

type Step =
  | { readonly kind: "property"; readonly name: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "wildcard" }
  | { readonly kind: "indexes" }
  | { readonly kind: "stop" };

const STEP = /^(?:\.\.|\.\*|\.([A-Za-z_$][\w$-]*)|\[\s*\*\s*\]|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[\s*(-?\d+)\s*\]|\[\s*-?\d*\s*:\s*-?\d*\s*(?::\s*-?\d*\s*)?\]|\[\s*-?\d+\s*(?:,\s*-?\d+\s*)+\]|\[\s*\?)/;

/** The steps of `query` after `$`, up to the first deep scan or filter; null when a step is not one of these forms. */
function steps(query: string): Step[] | null {
  const out: Step[] = [];
  let rest = query.trim().slice(1);
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) return null;
    const text = m[0];
    if (text === ".." || text.endsWith("?")) {
      out.push({ kind: "stop" });
      return out;
    }
    const name = m[1] ?? m[2] ?? m[3];
    if (name !== undefined) out.push({ kind: "property", name });
    else if (m[4] !== undefined) out.push({ kind: "index", index: Number(m[4]) });
    else if (text === ".*" || /^\[\s*\*/.test(text)) out.push({ kind: "wildcard" });
    else out.push({ kind: "indexes" });
    rest = rest.slice(text.length);
  }
  return out;
}

/** What Jayway makes of `query` on `root` before selecting: `ok`, `not-found`, or an invalid path with its message. */
export function jaywayCheck(root: unknown, query: string): { readonly kind: "ok" | "not-found" } | { readonly kind: "invalid"; readonly message: string } {
  const path = steps(query);
  if (!path) return { kind: "ok" };
  /** Each value reached, and whether it came from a wildcard over an object's values (and properties of those). */
  let values: { readonly value: unknown; readonly viaObject: boolean }[] = [{ value: root, viaObject: false }];
  let definite = true;
  for (const step of path) {
    if (step.kind === "stop") break;
    const next: { value: unknown; viaObject: boolean }[] = [];
    for (const { value, viaObject } of values) {
      switch (step.kind) {
        case "property":
          if (value instanceof Map && value.has(step.name)) next.push({ value: value.get(step.name), viaObject });
          else if (viaObject || (definite && !(value instanceof Map))) return { kind: "not-found" };
          break;
        case "index":
          if (Array.isArray(value)) {
            const i = step.index < 0 ? value.length + step.index : step.index;
            if (i >= 0 && i < value.length) next.push({ value: value[i], viaObject: false });
          } else if (value === null) {
            if (definite) return { kind: "not-found" };
          } else {
            return { kind: "invalid", message: `Filter: [${step.index}] can only be applied to arrays. Current context is: ${describe(value)}` };
          }
          break;
        case "wildcard":
          if (Array.isArray(value)) next.push(...value.map((v) => ({ value: v, viaObject: false })));
          else if (value instanceof Map) next.push(...[...value.values()].map((v) => ({ value: v, viaObject: true })));
          break;
        case "indexes":
          if (value === null && definite) return { kind: "not-found" };
          if (Array.isArray(value)) next.push(...value.map((v) => ({ value: v, viaObject: false })));
          break;
      }
    }
    if (step.kind !== "property" && step.kind !== "index") definite = false;
    values = next;
  }
  return { kind: "ok" };
}

function describe(value: unknown): string {
  if (value instanceof JavaDouble) return String(value.value);
  if (value instanceof Map) return "an object";
  return typeof value === "string" ? value : String(value);
}
