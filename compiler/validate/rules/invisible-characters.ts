/**
 * No invisible or bidirectional characters in names.
 *
 * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF), bidirectional controls (U+202A–U+202E, U+2066–U+2069)
 * and every other format (Cf) or control (Cc) character make two names look alike while they differ ("Trojan
 * Source"), and end up in generated code, file names and URLs.
 * Source: Unicode Technical Standard #39 and Boucher & Anderson, "Trojan Source" (CVE-2021-42574).
 */
import type { Origin } from "../../model/types.js";
import { child, pathItemOrigin } from "../origins.js";
import { reportOnce, type Rule } from "../rule.js";

const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/** The code point of a one-character string in upper-case hexadecimal. */
const hex = (ch: string): string => (ch.codePointAt(0) ?? 0).toString(16).toUpperCase();

/** The invisible characters of `name` as `U+XXXX`, each once; empty when there are none. */
function invisibleIn(name: string): string[] {
  const found = new Set<string>();
  for (const [ch] of name.matchAll(INVISIBLE)) found.add(`U+${hex(ch).padStart(4, "0")}`);
  return [...found];
}

/** `name` with each invisible character written as `\u{…}`, so the message shows where it is. */
function visible(name: string): string {
  return name.replace(INVISIBLE, (ch) => `\\u{${hex(ch)}}`);
}

/**
 * Checks written operation ids, parameter names, schema names, path segments, function names, security scheme
 * names and WebSocket route keys, each at the name itself (its key where the name is a key).
 */
export const invisibleCharacters: Rule = {
  name: "invisible-characters",
  codes: ["invisible-characters"],
  check(model, report) {
    const once = reportOnce(report);
    const checkName = (what: string, name: string, origin: Origin, part: "key" | "value" = "key"): void => {
      const chars = invisibleIn(name);
      if (chars.length === 0) return;
      once({ code: "invisible-characters", args: { what, name: visible(name), chars: chars.join(", ") }, origin, part });
    };
    for (const op of model.operations) {
      if (!op.idDerived) checkName("Operation id", op.id, child(op.origin, "operationId"), "value");
      for (const p of op.parameters) checkName("Parameter", p.name, child(p.origin, "name"), "value");
      checkName("Path", op.path, pathItemOrigin(model, op.path));
    }
    for (const s of model.schemas) checkName("Schema", s.name, s.origin);
    for (const f of model.functions) checkName("Function", f.name, f.origin);
    for (const s of model.securitySchemes) checkName("Security scheme", s.name, s.origin);
    for (const r of model.websocket?.routes ?? []) checkName("Route key", r.key, r.origin);
  },
};
