/**
 * `java.lang.String` methods templates call (`.length()`, `.substring()`, `.replaceAll()`, `.split()`, …), with
 * Java's argument types and exceptions: a method called with arguments it does not take answers
 * {@link NO_METHOD} (Velocity then yields null), an index out of range throws a {@link JavaException}.
 */
import { JavaException } from "./errors.js";
import { javaMatches, javaReplace, javaSplit } from "./java-regex.js";
import { javaEquals } from "./print.js";
import { NO_METHOD, isJavaInt, markList } from "./values.js";

function outOfRange(index: number): JavaException {
  return new JavaException(`java.lang.StringIndexOutOfBoundsException: String index out of range: ${index}`);
}

/** `String.trim()`: strips characters up to U+0020 from both ends (not Unicode white space). */
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return s.slice(start, end);
}

/** `String.hashCode()`. */
function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function compare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function foldCase(s: string): string {
  return [...s].map((c) => c.toUpperCase().toLowerCase()).join("");
}

type Args = readonly unknown[];
const str = (v: unknown): v is string => typeof v === "string";

/** Calls the `String` method `name` on `s`. */
export function stringMethod(s: string, name: string, args: Args): unknown {
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case "length/0":
      return s.length;
    case "isEmpty/0":
      return s.length === 0;
    case "toString/0":
    case "intern/0":
      return s;
    case "hashCode/0":
      return javaHash(s);
    case "trim/0":
      return javaTrim(s);
    case "toLowerCase/0":
      return s.toLowerCase();
    case "toUpperCase/0":
      return s.toUpperCase();
    case "equals/1":
      return javaEquals(s, a);
    case "equalsIgnoreCase/1":
      return str(a) && (s === a || (s.length === a.length && foldCase(s) === foldCase(a)));
    case "compareTo/1":
      return str(a) ? compare(s, a) : NO_METHOD;
    case "compareToIgnoreCase/1":
      return str(a) ? compare(foldCase(s), foldCase(a)) : NO_METHOD;
    case "concat/1":
      return str(a) ? s + a : NO_METHOD;
    case "contains/1":
      return str(a) ? s.includes(a) : NO_METHOD;
    case "startsWith/1":
      return str(a) ? s.startsWith(a) : NO_METHOD;
    case "startsWith/2":
      return str(a) && isJavaInt(b) ? b >= 0 && b <= s.length && s.startsWith(a, b) : NO_METHOD;
    case "endsWith/1":
      return str(a) ? s.endsWith(a) : NO_METHOD;
    case "charAt/1":
      if (!isJavaInt(a)) return NO_METHOD;
      if (a < 0 || a >= s.length) throw outOfRange(a);
      return s[a];
    case "codePointAt/1":
      if (!isJavaInt(a)) return NO_METHOD;
      if (a < 0 || a >= s.length) throw outOfRange(a);
      return s.codePointAt(a);
    case "indexOf/1":
    case "lastIndexOf/1":
    case "indexOf/2":
    case "lastIndexOf/2":
      return indexOf(s, name === "indexOf", a, args.length === 2 ? b : undefined);
    case "substring/1":
    case "substring/2":
    case "subSequence/2": {
      const end = args.length === 2 ? b : s.length;
      if (!isJavaInt(a) || !isJavaInt(end)) return NO_METHOD;
      if (a < 0) throw outOfRange(a);
      if (end > s.length) throw outOfRange(end);
      if (a > end) throw outOfRange(end - a);
      return s.slice(a, end);
    }
    case "replace/2":
      return str(a) && str(b) ? s.split(a).join(b) : NO_METHOD;
    case "replaceAll/2":
    case "replaceFirst/2":
      return str(a) && str(b) ? javaReplace(s, a, b, name === "replaceAll") : NO_METHOD;
    case "matches/1":
      return str(a) ? javaMatches(s, a) : NO_METHOD;
    case "split/1":
    case "split/2":
      if (!str(a) || (args.length === 2 && !isJavaInt(b))) return NO_METHOD;
      return markList(javaSplit(s, a, args.length === 2 ? (b as number) : 0), "array");
    case "toCharArray/0":
      return markList(s.split(""), "array");
    default:
      return NO_METHOD;
  }
}

function indexOf(s: string, first: boolean, what: unknown, from: unknown): unknown {
  if (from !== undefined && !isJavaInt(from)) return NO_METHOD;
  if (isJavaInt(what) && (what < 0 || what > 0x10ffff)) return -1;
  const needle = typeof what === "string" ? what : isJavaInt(what) ? String.fromCodePoint(what) : undefined;
  if (needle === undefined) return NO_METHOD;
  if (first) return s.indexOf(needle, from === undefined ? 0 : Math.max(0, from as number));
  if (from !== undefined && (from as number) < 0) return -1;
  return s.lastIndexOf(needle, from === undefined ? Infinity : (from as number));
}
