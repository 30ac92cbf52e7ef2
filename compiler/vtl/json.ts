/**
 * JSON in and out the way API Gateway's Java stack does it (Jayway JsonPath over json-smart,
 * `vtl-and-emulators.md` §1.1):
 *
 * - Parsing keeps Java types: objects become `LinkedHashMap`s (insertion order, the last duplicate key wins),
 *   arrays json-smart `JSONArray`s, numbers with a fraction or exponent `Double`s (`10.00` reads back as `10.0`),
 *   other numbers `Integer`/`Long`/`BigInteger`.
 * - A text that does not start with `{` or `[` and is not a JSON value reads as a bare string (json-smart's
 *   permissive mode: the body `a=b` is the string `a=b`), without the characters up to U+0020 at its ends (json-smart
 *   keeps U+00A0 and U+2028); one that starts with a quoted string (`"a" b`, `'quoted'`) reads as that string.
 * - Writing follows json-smart's `JSONStyle`: compact, strings escaped with `\"`, `\\`, `\b \f \n \r \t` and
 *   `\uXXXX` (upper-case hex) for U+0000–U+001F, U+007F–U+009F and U+2000–U+20FF; the "web" style
 *   (`JSONArray.toString()`) also writes `/` as `\/`.
 */
import { javaDoubleToString } from "./number.js";
import { JavaDouble, JavaEntry, integer, isHostObject, markList } from "./values.js";

/** A parse result: the Java value, or why the text is not JSON (with the 0-based offset of the problem). */
export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string; readonly offset: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses `text` as API Gateway reads a payload (see the module comment). */
export function parsePayload(text: string): JsonResult {
  const trimmed = trimControl(text);
  const strict = parseJson(text);
  if (strict.ok || trimmed.startsWith("{") || trimmed.startsWith("[")) return strict;
  if (trimmed.startsWith('"') || trimmed.startsWith("'")) {
    const reader = new Reader(trimmed);
    try {
      return { ok: true, value: reader.string(trimmed[0] as string) };
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
    }
  }
  return { ok: true, value: trimmed };
}

/** The text without the characters up to U+0020 at either end (json-smart's blanks; not Unicode spaces). */
function trimControl(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** Parses `text` as strict JSON (RFC 8259) into Java values. */
export function parseJson(text: string): JsonResult {
  const reader = new Reader(text);
  try {
    reader.space();
    const value = reader.value(0);
    reader.space();
    if (reader.at < text.length) throw new JsonSyntaxError(`unexpected ${describe(text, reader.at)} after the JSON value`, reader.at);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, reason: error.message, offset: error.offset };
    throw error;
  }
}

/** Deepest nesting accepted, so that a hostile payload cannot exhaust the stack. */
const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function describe(text: string, at: number): string {
  return at >= text.length ? "end of input" : JSON.stringify(text[at]);
}

class Reader {
  at = 0;
  constructor(readonly text: string) {}

  space(): void {
    while (this.at < this.text.length && " \t\n\r".includes(this.text[this.at] as string)) this.at++;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, this.at);
    const c = this.text[this.at];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"') return this.string();
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match) {
      this.at += match[0].length;
      return match[1] !== undefined || match[2] !== undefined ? new JavaDouble(Number(match[0])) : integer(BigInt(match[0]));
    }
    throw new JsonSyntaxError(`unexpected ${describe(this.text, this.at)}`, this.at);
  }

  object(depth: number): Map<string, unknown> {
    const map = new Map<string, unknown>();
    this.at++;
    this.space();
    if (this.text[this.at] === "}") {
      this.at++;
      return map;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw new JsonSyntaxError(`expected a quoted key, found ${describe(this.text, this.at)}`, this.at);
      const key = this.string();
      this.space();
      if (this.text[this.at] !== ":") throw new JsonSyntaxError(`expected ":" after a key, found ${describe(this.text, this.at)}`, this.at);
      this.at++;
      this.space();
      map.set(key, this.value(depth + 1));
      this.space();
      const c = this.text[this.at++];
      if (c === "}") return map;
      if (c !== ",") throw new JsonSyntaxError(`expected "," or "}", found ${describe(this.text, this.at - 1)}`, this.at - 1);
    }
  }

  array(depth: number): unknown[] {
    const items: unknown[] = markList([], "json");
    this.at++;
    this.space();
    if (this.text[this.at] === "]") {
      this.at++;
      return items;
    }
    for (;;) {
      this.space();
      items.push(this.value(depth + 1));
      this.space();
      const c = this.text[this.at++];
      if (c === "]") return items;
      if (c !== ",") throw new JsonSyntaxError(`expected "," or "]", found ${describe(this.text, this.at - 1)}`, this.at - 1);
    }
  }

  /** A string literal at the current offset, quoted with `quote` (`'` only in a permissive payload). */
  string(quote = '"'): string {
    const start = this.at;
    this.at++;
    let out = "";
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) throw new JsonSyntaxError("unterminated string", start);
      if (c === quote) {
        this.at++;
        return out;
      }
      if (c < " ") throw new JsonSyntaxError("control character in a string", this.at);
      if (c !== "\\") {
        out += c;
        this.at++;
        continue;
      }
      const e = this.text[this.at + 1];
      const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      if (e !== undefined && e in simple) {
        out += simple[e];
        this.at += 2;
      } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.at + 2, this.at + 6), 16));
        this.at += 6;
      } else throw new JsonSyntaxError("invalid escape in a string", this.at);
    }
  }
}

const HEX = "0123456789ABCDEF";

/** A string as json-smart writes it, quotes included; `web` also escapes `/` (`JSONStyle.NO_COMPRESS`). */
export function jsonSmartString(text: string, web: boolean): string {
  let out = '"';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (c.length > 1) out += c;
    else if (c === '"') out += '\\"';
    else if (c === "\\") out += "\\\\";
    else if (c === "/" && web) out += "\\/";
    else if (c === "\b") out += "\\b";
    else if (c === "\f") out += "\\f";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x2000 && code <= 0x20ff)) {
      out += `\\u${HEX[(code >> 12) & 15]}${HEX[(code >> 8) & 15]}${HEX[(code >> 4) & 15]}${HEX[code & 15]}`;
    } else out += c;
  }
  return out + '"';
}

/**
 * `value` written as JSON by json-smart. `web` selects `JSONStyle.NO_COMPRESS` (what `JSONArray.toString()` uses),
 * otherwise `JSONStyle.LT_COMPRESS` (what Jayway's `toJson` uses for `$input.json`). `printed` renders values JSON
 * has no form for (an entry, `$input`) as strings.
 */
export function jsonSmartStringify(value: unknown, web: boolean, printed: (value: unknown) => string): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return jsonSmartString(value, web);
  if (typeof value === "boolean" || typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof JavaDouble) return javaDoubleToString(value.value);
  if (Array.isArray(value)) return `[${value.map((v) => jsonSmartStringify(v, web, printed)).join(",")}]`;
  if (value instanceof Map) {
    const parts: string[] = [];
    for (const [k, v] of value) parts.push(`${jsonSmartString(printed(k), web)}:${jsonSmartStringify(v, web, printed)}`);
    return `{${parts.join(",")}}`;
  }
  if (value instanceof JavaEntry || isHostObject(value)) return jsonSmartString(printed(value), web);
  return jsonSmartString(printed(value), web);
}

/**
 * A plain JavaScript copy of a Java value, for the JSONPath library: maps become objects whose keys are own data
 * properties (never setters, so a key `__proto__` stays a key), doubles and big integers become numbers.
 */
export function toPlain(value: unknown): unknown {
  if (value instanceof JavaDouble) return value.value;
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) Object.defineProperty(out, String(k), { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

/**
 * Java values from plain JSON-like data (the context and parameters given to the evaluator): objects become maps,
 * arrays `ArrayList`s, fractional numbers doubles.
 */
export function fromPlain(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "number") return Number.isInteger(value) ? value : new JavaDouble(value);
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === "object" && value !== null) {
    const map = new Map<unknown, unknown>();
    for (const [k, v] of Object.entries(value)) map.set(k, fromPlain(v));
    return map;
  }
  return value;
}
