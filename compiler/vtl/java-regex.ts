/**
 * Java regular expressions (`java.util.regex`) for `String.replaceAll`, `replaceFirst`, `matches` and `split`, run
 * on JavaScript's engine. Templates rely on Java semantics: the documented `replaceAll("\\'","'")` idiom is a regex
 * (a native JavaScript `replaceAll` would take it literally, serverless-offline's bug, `vtl-and-emulators.md` §3.2),
 * `matches` must match the whole string, the replacement text reads `$1` and `\$` as Java does, and `split` drops
 * trailing empty strings.
 *
 * Translated: leading inline flags `(?i)`, `(?s)`, `(?m)`; `\Q…\E`; POSIX classes `\p{Alpha}` and friends; `\A`,
 * `\z`, `\Z`, `\h`, `\R`, `\v`, `\e`, `\a`, octal `\0…`; and `$`, which in Java also matches before a final line
 * terminator. Refused with a {@link JavaException} like Java's `PatternSyntaxException`: possessive quantifiers,
 * atomic groups, class unions and intersections, and other constructs JavaScript reads differently.
 */
import { JavaException } from "./errors.js";

const POSIX: Record<string, string> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r",
};
const LINE_END = "(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])";
const SIMPLE_ESCAPES: Record<string, string> = {
  h: "[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]",
  v: "[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]",
  R: "(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])",
  e: "\\x1B",
  a: "\\x07",
  A: "(?<![\\s\\S])",
  z: "(?![\\s\\S])",
};

interface Translated {
  readonly source: string;
  readonly flags: string;
}

const cache = new Map<string, Translated>();
const CACHE_LIMIT = 256;

function syntaxError(reason: string, pattern: string): JavaException {
  return new JavaException(`java.util.regex.PatternSyntaxException: ${reason} near ${JSON.stringify(pattern)}`);
}

/** The JavaScript source and flags of a Java pattern; throws a {@link JavaException} for what cannot be run. */
export function translateJavaRegex(pattern: string): Translated {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let flags = "";
  let i = 0;
  const lead = /^\(\?([imsu]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1] as string) if (f !== "u" && !flags.includes(f)) flags += f;
    i = lead[0].length;
  }
  const multiline = flags.includes("m");
  let out = "";
  let inClass = false;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "\\") {
      const e = pattern[i + 1];
      if (e === undefined) throw syntaxError("unexpected internal error: trailing backslash", pattern);
      if (e === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        const literal = pattern.slice(i + 2, end < 0 ? undefined : end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if (e === "p" || e === "P") {
        const m = /^\{(?:Is)?(\w+)\}/.exec(pattern.slice(i + 2));
        const range = m ? POSIX[m[1] as string] : undefined;
        if (!m || range === undefined) throw syntaxError("unsupported character property", pattern);
        if (inClass && e === "P") throw syntaxError("unsupported negated property inside a class", pattern);
        out += inClass ? range : `[${e === "P" ? "^" : ""}${range}]`;
        i += 2 + m[0].length;
        continue;
      }
      if (e === "0") {
        const m = /^0([0-3]?[0-7]{1,2}|[0-7])/.exec(pattern.slice(i + 1));
        if (!m) throw syntaxError("illegal octal escape sequence", pattern);
        out += `\\u${parseInt(m[1] as string, 8).toString(16).padStart(4, "0")}`;
        i += 1 + m[0].length;
        continue;
      }
      if (!inClass && e === "Z") {
        out += `(?=${LINE_END}?(?![\\s\\S]))`;
        i += 2;
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined && !(inClass && (e === "A" || e === "z" || e === "R"))) {
        out += inClass && simple.startsWith("[") ? simple.slice(1, -1) : simple;
        i += 2;
        continue;
      }
      out += c + e;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === "[") throw syntaxError("character class unions are not supported", pattern);
      if (c === "&" && pattern[i + 1] === "&") throw syntaxError("character class intersections are not supported", pattern);
      if (c === "]") inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === "^") out += pattern[i++];
      if (pattern[i] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(" && pattern.startsWith("(?>", i)) throw syntaxError("atomic groups are not supported", pattern);
    if (c === "(" && /^\(\?[imsux-]+[):]/.test(pattern.slice(i))) throw syntaxError("inline flags are only supported at the start", pattern);
    if ((c === "*" || c === "+" || c === "?" || c === "}") && pattern[i + 1] === "+") throw syntaxError("possessive quantifiers are not supported", pattern);
    if (c === "$") {
      out += multiline ? `(?=${LINE_END}|(?![\\s\\S]))` : `(?=${LINE_END}?(?![\\s\\S]))`;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  if (inClass) throw syntaxError("unclosed character class", pattern);
  try {
    new RegExp(out, flags);
  } catch (error) {
    throw syntaxError((error as Error).message, pattern);
  }
  const result = { source: out, flags };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, result);
  return result;
}

function compile(pattern: string, extraFlags: string): RegExp {
  const { source, flags } = translateJavaRegex(pattern);
  return new RegExp(source, flags + extraFlags);
}

/** `s.matches(regex)`: the whole string must match. */
export function javaMatches(s: string, regex: string): boolean {
  const { source, flags } = translateJavaRegex(regex);
  const anchored = new RegExp(`(?:${source})(?![\\s\\S])`, `${flags}y`);
  anchored.lastIndex = 0;
  return anchored.test(s);
}

/**
 * Reads a Java replacement string (`Matcher.appendReplacement`): `\x` is a literal `x`, `$n` and `${name}` are
 * groups (the longest group number that exists), anything else is literal.
 */
function replacer(replacement: string, groupCount: number): (match: string, ...rest: unknown[]) => string {
  type Part = string | number | { name: string };
  const parts: Part[] = [];
  let literal = "";
  for (let i = 0; i < replacement.length; ) {
    const c = replacement[i] as string;
    if (c === "\\") {
      if (i + 1 >= replacement.length) throw new JavaException("java.lang.IllegalArgumentException: character to be escaped is missing");
      literal += replacement[i + 1];
      i += 2;
    } else if (c === "$") {
      if (i + 1 >= replacement.length) throw new JavaException("java.lang.IllegalArgumentException: Illegal group reference: group index is missing");
      if (literal) parts.push(literal);
      literal = "";
      if (replacement[i + 1] === "{") {
        const end = replacement.indexOf("}", i + 2);
        const name = end < 0 ? "" : replacement.slice(i + 2, end);
        if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) throw new JavaException("java.lang.IllegalArgumentException: named capturing group is missing trailing '}'");
        parts.push({ name });
        i = end + 1;
        continue;
      }
      let ref = Number(replacement[i + 1]);
      if (!/[0-9]/.test(replacement[i + 1] as string)) throw new JavaException("java.lang.IllegalArgumentException: Illegal group reference");
      i += 2;
      while (i < replacement.length && /[0-9]/.test(replacement[i] as string) && ref * 10 + Number(replacement[i]) <= groupCount) ref = ref * 10 + Number(replacement[i++]);
      if (ref > groupCount) throw new JavaException(`java.lang.IndexOutOfBoundsException: No group ${ref}`);
      parts.push(ref);
    } else {
      literal += c;
      i++;
    }
  }
  if (literal) parts.push(literal);
  return (match: string, ...rest: unknown[]) => {
    const last = rest[rest.length - 1];
    const named = typeof last === "object" && last !== null ? (last as Record<string, string | undefined>) : undefined;
    let out = "";
    for (const part of parts) {
      if (typeof part === "string") out += part;
      else if (typeof part === "number") out += part === 0 ? match : ((rest[part - 1] as string | undefined) ?? "");
      else {
        if (!named || !(part.name in named)) throw new JavaException(`java.lang.IllegalArgumentException: No group with name {${part.name}}`);
        out += named[part.name] ?? "";
      }
    }
    return out;
  };
}

function groupCount(re: RegExp): number {
  return (new RegExp(`${re.source}|`, re.flags.replace(/[gy]/g, "")).exec("") as RegExpExecArray).length - 1;
}

/** `s.replaceAll(regex, replacement)` (`all`) or `s.replaceFirst(regex, replacement)`. */
export function javaReplace(s: string, regex: string, replacement: string, all: boolean): string {
  const re = compile(regex, all ? "g" : "");
  return s.replace(re, replacer(replacement, groupCount(re)));
}

/** `s.split(regex, limit)` with `Pattern.split` semantics: no leading empty string for a zero-width match at the start, trailing empty strings dropped when `limit` is 0. */
export function javaSplit(s: string, regex: string, limit = 0): string[] {
  const re = compile(regex, "g");
  const parts: string[] = [];
  let index = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === end) re.lastIndex = end + 1;
    if (limit <= 0 || parts.length < limit - 1) {
      if (index === 0 && start === 0 && end === 0) continue;
      parts.push(s.slice(index, start));
      index = end;
    } else if (parts.length === limit - 1) {
      parts.push(s.slice(index));
      index = end;
    }
  }
  if (index === 0) return [s];
  if (limit <= 0 || parts.length < limit) parts.push(s.slice(index));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}
