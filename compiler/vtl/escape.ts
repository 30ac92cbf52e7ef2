/**
 * The string functions behind `$util` (`api-gateway-mapping-template-reference.html`, `vtl-and-emulators.md` §1.8):
 *
 * - `escapeJavaScript` is Apache commons-lang `StringEscapeUtils.escapeJavaScript`: `"`, `\`, `/` and `'` get a
 *   backslash (`\'` is not valid JSON: AWS documents `.replaceAll("\\'","'")` to undo it), `\b \f \n \r \t` their
 *   short escapes, other control characters and everything past U+007F `\uXXXX` with upper-case hex.
 * - `urlEncode` / `urlDecode` are `java.net.URLEncoder` / `URLDecoder` with UTF-8: `application/x-www-form-urlencoded`,
 *   space as `+`, only `A-Z a-z 0-9 . - * _` left as they are.
 * - `base64Encode` / `base64Decode` use UTF-8 and the standard alphabet with padding; decoding skips characters
 *   outside the alphabet and replaces invalid UTF-8 with U+FFFD.
 */
import { JavaException } from "./errors.js";

/** `StringEscapeUtils.escapeJavaScript(s)` (commons-lang 2). */
export function escapeJavaScript(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    const hex = ch.toString(16).toUpperCase();
    if (ch > 0xfff) out += `\\u${hex}`;
    else if (ch > 0xff) out += `\\u0${hex}`;
    else if (ch > 0x7f) out += `\\u00${hex}`;
    else if (ch < 32) {
      const short: Record<number, string> = { 8: "\\b", 10: "\\n", 9: "\\t", 12: "\\f", 13: "\\r" };
      out += short[ch] ?? (ch > 0xf ? `\\u00${hex}` : `\\u000${hex}`);
    } else if (ch === 0x27) out += "\\'";
    else if (ch === 0x22) out += '\\"';
    else if (ch === 0x5c) out += "\\\\";
    else if (ch === 0x2f) out += "\\/";
    else out += s[i];
  }
  return out;
}

const UNRESERVED = /[A-Za-z0-9.\-*_]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The bytes of `String.getBytes(UTF_8)`: an unpaired surrogate becomes `?`. */
function utf8(s: string): Buffer {
  return Buffer.from(s.replace(LONE_SURROGATE, "?"), "utf8");
}

/** `URLEncoder.encode(s, "UTF-8")`. */
export function urlEncode(s: string): string {
  let out = "";
  for (const c of s) {
    if (c === " ") out += "+";
    else if (UNRESERVED.test(c)) out += c;
    else {
      for (const b of utf8(c)) out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    }
  }
  return out;
}

/** `URLDecoder.decode(s, "UTF-8")`; a malformed `%` escape throws like Java's decoder. */
export function urlDecode(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; ) {
    const c = s[i] as string;
    if (c === "+") {
      out += " ";
      i++;
    } else if (c === "%") {
      const bytes: number[] = [];
      while (i < s.length && s[i] === "%") {
        const hex = s.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
          throw new JavaException(
            hex.length < 2
              ? "java.lang.IllegalArgumentException: URLDecoder: Incomplete trailing escape (%) pattern"
              : "java.lang.IllegalArgumentException: URLDecoder: Illegal hex characters in escape (%) pattern",
          );
        }
        bytes.push(parseInt(hex, 16));
        i += 3;
      }
      out += new TextDecoder("utf-8").decode(Uint8Array.from(bytes));
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Base64 (standard alphabet, padded) of the UTF-8 bytes of `s`. */
export function base64Encode(s: string): string {
  return utf8(s).toString("base64");
}

/** The UTF-8 text of base64 `s`. */
export function base64Decode(s: string): string {
  return new TextDecoder("utf-8").decode(Buffer.from(s, "base64"));
}
