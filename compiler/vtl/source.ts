/**
 * A first pass over a template's text, before velocityjs parses it. It finds what velocityjs's parser gets wrong
 * or does not keep, and rewrites the text, character for character (offsets do not move but for one case below),
 * so that velocityjs reads it as Velocity 1.7 does:
 *
 * - String literals: Velocity 1.7 writes a quote inside a string by doubling it (`"{""a"": 2}"`, `'it''s'`) and
 *   keeps backslashes as they are (`"\\'"` is three characters); velocityjs ends a string at a doubled quote and
 *   reads `\"` as an escaped quote, so `"C:\"` runs on. Backslashes and doubled quotes inside literals are
 *   replaced by private-use characters that {@link Sentinels} turns back.
 * - A decimal literal without its integer part (`.5`, recorded on API Gateway) gets a `0`, the one rewrite that
 *   adds a character; {@link ScannedTemplate.inserted} says where, so positions can be mapped back.
 * - Backslashes before `$` and `#`: Velocity 1.7 prints half of a run of backslashes before a reference or
 *   directive, and escapes it when the run is odd (`\\$x` prints `\` and the value, `\$x` prints `$x`); before
 *   anything else (`\# `, `\$ `) backslashes are plain text. velocityjs collapses every run to one backslash and
 *   drops it before any `$` or `#`, so runs are rewritten to sentinels that print as they should.
 * - A list literal whose first item is `true`, `false` or `null` (`[true, false]`), which velocityjs cannot parse:
 *   the keyword becomes a reference to a name of the same length that {@link Sentinels.keywords} maps back.
 * - NUL characters, where velocityjs's lexer stops reading, become a sentinel.
 * - `#stop`, `#{stop}` and `#{break}`, which velocityjs does not know, become comments carrying a marker; the
 *   braced forms `#{set}`, `#{if}`, `#{elseif}`, `#{foreach}`, `#{define}`, `#{macro}` and `#{name}(…)` lose
 *   their braces (`#{if}` becomes `#if  `).
 * - Block structure: velocityjs silently drops everything after an `#end` that closes nothing and accepts an `#if`
 *   never closed; Velocity 1.7 refuses both. Those are reported as problems, with their offsets.
 * - It also records every reference (`$util.escapeJavaScript(…)`, `$context.identity.sourceIp`) and every
 *   directive with its offset, for the linter (velocityjs keeps positions of statements only), and the line starts
 *   outside any block where the text can be cut into pieces velocityjs parses one by one (its lexer slows down with
 *   the square of the length: a 300 KB template would take seconds in one piece).
 */

/** The private-use characters standing for what the rewrite hides; none of them occurs in the template. */
export interface Sentinels {
  /** A backslash inside a string literal. */
  readonly backslash: string;
  /** One half of a doubled `"` inside a double-quoted literal. */
  readonly quote: string;
  /** One half of a doubled `'` inside a single-quoted literal. */
  readonly apostrophe: string;
  /** The marker of a `#stop` comment. */
  readonly stop: string;
  /** The marker of a `#{break}` comment. */
  readonly breakMarker: string;
  /** A backslash of a text run, printed as it is. */
  readonly textBackslash: string;
  /** A character of a backslash run that prints nothing. */
  readonly deleted: string;
  /** A NUL character (U+0000). */
  readonly nul: string;
  /** Reference names standing for the keyword literals `true`, `false` and `null` (see the module comment). */
  readonly keywords: Readonly<Record<string, "true" | "false" | "null">>;
}

/** One name after a reference's root: `.name`, or `.name(…)` when `call`. */
export interface ReferenceName {
  readonly name: string;
  readonly offset: number;
  readonly call: boolean;
}

/** A reference: `$root.names…`, up to its first `[index]` (names after an index are not recorded). */
export interface ScannedReference {
  readonly offset: number;
  readonly root: string;
  readonly names: readonly ReferenceName[];
}

/** A directive (`#set`, `#foreach`, …) or a macro call (`#name(…)`), at the `#`. */
export interface ScannedDirective {
  readonly name: string;
  readonly offset: number;
  /** Length of `#name` (or `#{name}`). */
  readonly length: number;
  /** True for a name Velocity does not know as a directive: a macro call. */
  readonly macroCall: boolean;
}

/** A structural error, at an offset. */
export interface ScanProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** The result of {@link scanTemplate}. */
export interface ScannedTemplate {
  readonly rewritten: string;
  /** Offsets in `rewritten` of the characters the rewrite inserted, in order. */
  readonly inserted: readonly number[];
  /** Offsets in `rewritten` where a line starts in plain text outside any block, in order. */
  readonly cuts: readonly number[];
  readonly sentinels: Sentinels;
  readonly references: readonly ScannedReference[];
  readonly directives: readonly ScannedDirective[];
  readonly problems: readonly ScanProblem[];
}

const KEYWORD_DIRECTIVES = new Set(["set", "if", "elseif", "foreach", "define", "macro"]);
const BLOCK_DIRECTIVES = new Set(["if", "foreach", "define", "macro"]);
const ID_START = /[a-zA-Z_]/;
const NAME = /[a-zA-Z_][a-zA-Z0-9_-]*/y;
const ID_PART = /[a-zA-Z0-9_-]/;
const MAX_STRING_DEPTH = 8;

/** The directive or macro name starting at `at`, if any. */
function nameAt(text: string, at: number): string | undefined {
  NAME.lastIndex = at;
  return NAME.exec(text)?.[0];
}

/** Picks eight private-use characters and three reference names absent from `text`. */
function pickSentinels(text: string): Sentinels {
  const chosen: string[] = [];
  for (let code = 0xe000; chosen.length < 8 && code <= 0xf8ff; code++) {
    const c = String.fromCharCode(code);
    if (!text.includes(c)) chosen.push(c);
  }
  const [backslash = "", quote = "", apostrophe = "", stop = "", breakMarker = "", textBackslash = "", deleted = "", nul = ""] = chosen;
  const keywords: Record<string, "true" | "false" | "null"> = {};
  for (const word of ["true", "false", "null"] as const) {
    const name = unusedName(text, word.length - 1, keywords);
    if (name) keywords[name] = word;
  }
  return { backslash, quote, apostrophe, stop, breakMarker, textBackslash, deleted, nul, keywords };
}

const NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A reference name `_…` of `length` characters that occurs nowhere in `text`, if there is one. */
function unusedName(text: string, length: number, taken: Readonly<Record<string, unknown>>): string | undefined {
  const count = NAME_CHARS.length ** (length - 1);
  for (let n = 0; n < count; n++) {
    let name = "_";
    for (let k = 0, m = n; k < length - 1; k++, m = Math.floor(m / NAME_CHARS.length)) name += NAME_CHARS[m % NAME_CHARS.length];
    if (!Object.hasOwn(taken, name) && !text.includes(name)) return name;
  }
  return undefined;
}

interface Block {
  readonly name: string;
  readonly offset: number;
  elseAt: number;
}

class Scanner {
  readonly out: string[];
  readonly references: ScannedReference[] = [];
  readonly directives: ScannedDirective[] = [];
  readonly problems: ScanProblem[] = [];
  readonly inserted: number[] = [];
  readonly cuts: number[] = [];
  private readonly blocks: Block[] = [];

  constructor(
    private readonly text: string,
    readonly sentinels: Sentinels,
    private readonly depth: number,
  ) {
    this.out = text.split("").map((c) => (c === "\0" ? sentinels.nul : c));
  }

  private replace(at: number, replacement: string): void {
    for (let k = 0; k < replacement.length; k++) this.out[at + k] = replacement[k] as string;
  }

  private problem(offset: number, length: number, message: string): void {
    this.problems.push({ offset, length, message });
  }

  run(): void {
    let i = 0;
    const t = this.text;
    while (i < t.length) {
      const c = t[i];
      if (c === "\\") i = this.backslashes(i);
      else if (c === "#") i = this.hash(i);
      else if (c === "$") i = this.reference(i);
      else {
        if (c === "\n" && this.blocks.length === 0) this.cuts.push(i + 1 + this.inserted.length);
        i++;
      }
    }
    for (const block of this.blocks) this.problem(block.offset, block.name.length + 1, `#${block.name} is not closed with #end`);
  }

  /** A run of backslashes at `i` (see the module comment); returns where scanning continues. */
  private backslashes(i: number): number {
    const t = this.text;
    let j = i;
    while (t[j] === "\\") j++;
    const n = j - i;
    const escapes = /^(?:\$!?[{a-zA-Z_]|#[a-zA-Z{])/.test(t.slice(j, j + 3));
    if (!escapes) {
      this.replace(i, this.sentinels.textBackslash.repeat(n));
      return j;
    }
    const half = Math.floor(n / 2);
    this.replace(i, this.sentinels.textBackslash.repeat(half) + this.sentinels.deleted.repeat(half));
    return n % 2 === 1 ? j + 1 : j;
  }

  /** `#…` at `i`; returns where scanning continues. */
  private hash(i: number): number {
    const t = this.text;
    const next = t[i + 1];
    if (next === "#") {
      const end = t.indexOf("\n", i);
      return end < 0 ? t.length : end;
    }
    if (next === "*") {
      const end = t.indexOf("*#", i + 2);
      if (end < 0) {
        this.problem(i, 2, "#* comment is not closed with *#");
        return t.length;
      }
      return end + 2;
    }
    if (t.startsWith("[[", i + 1)) {
      const end = t.indexOf("]]#", i + 3);
      if (end < 0) {
        this.problem(i, 3, "#[[ text is not closed with ]]#");
        return t.length;
      }
      return end + 3;
    }
    if (next === "@") {
      const name = nameAt(t, i + 2);
      if (name && t[i + 2 + name.length] === "(") {
        this.directives.push({ name: `@${name}`, offset: i, length: name.length + 2, macroCall: true });
        this.blocks.push({ name: `@${name}`, offset: i, elseAt: -1 });
        return this.args(i + 2 + name.length, "(", ")");
      }
      return i + 1;
    }
    const braced = next === "{";
    const nameStart = i + (braced ? 2 : 1);
    const name = nameAt(t, nameStart);
    if (!name) return i + 1;
    if (braced && t[nameStart + name.length] !== "}") return i + 1;
    const after = nameStart + name.length + (braced ? 1 : 0);
    const length = after - i;
    const keyword = /^[a-zA-Z]+/.exec(name)?.[0] ?? "";
    const keywordEnd = braced ? keyword === name : !/[a-zA-Z0-9_]/.test(t[nameStart + keyword.length] ?? "");
    if (keywordEnd && (keyword === "else" || keyword === "end" || keyword === "break" || keyword === "stop")) {
      const wordEnd = nameStart + keyword.length + (braced ? 1 : 0);
      this.directives.push({ name: keyword, offset: i, length: wordEnd - i, macroCall: false });
      if (keyword === "else") this.elseBranch(i, wordEnd - i);
      if (keyword === "end") this.end(i, wordEnd - i);
      if (keyword === "stop") this.replace(i, `#*${this.sentinels.stop.repeat(wordEnd - i - 4)}*#`);
      if (keyword === "break" && braced) this.replace(i, `#*${this.sentinels.breakMarker.repeat(wordEnd - i - 4)}*#`);
      return wordEnd;
    }
    let open = after;
    while (t[open] === " ") open++;
    if (t[open] !== "(") return after;
    if (braced) this.replace(i, `#${name}  `);
    const isKeyword = KEYWORD_DIRECTIVES.has(name);
    this.directives.push({ name, offset: i, length, macroCall: !isKeyword });
    if (name === "elseif") this.elseifBranch(i, length);
    if (BLOCK_DIRECTIVES.has(name)) this.blocks.push({ name, offset: i, elseAt: -1 });
    return this.args(open, "(", ")");
  }

  private elseBranch(at: number, length: number): void {
    const top = this.blocks[this.blocks.length - 1];
    if (!top || top.name !== "if") this.problem(at, length, "#else without an open #if");
    else if (top.elseAt >= 0) this.problem(at, length, "#if has a second #else");
    else top.elseAt = at;
  }

  private elseifBranch(at: number, length: number): void {
    const top = this.blocks[this.blocks.length - 1];
    if (!top || top.name !== "if") this.problem(at, length, "#elseif without an open #if");
    else if (top.elseAt >= 0) this.problem(at, length, "#elseif after #else");
  }

  private end(at: number, length: number): void {
    if (!this.blocks.pop()) this.problem(at, length, "#end closes nothing: no #if, #foreach, #define or #macro is open");
  }

  /** A reference at `i` (`$`); returns where scanning continues. */
  private reference(i: number): number {
    const t = this.text;
    let j = i + 1;
    if (t[j] === "!") j++;
    const braced = t[j] === "{";
    if (braced) j++;
    if (!ID_START.test(t[j] ?? "")) return i + 1;
    const rootStart = j;
    while (ID_PART.test(t[j] ?? "")) j++;
    const root = t.slice(rootStart, j);
    const names: ReferenceName[] = [];
    let indexed = false;
    if (t[j] === "(") j = this.args(j, "(", ")");
    for (;;) {
      if (t[j] === "." && ID_START.test(t[j + 1] ?? "")) {
        const nameStart = j + 1;
        j = nameStart;
        while (ID_PART.test(t[j] ?? "")) j++;
        const call = t[j] === "(";
        if (!indexed) names.push({ name: t.slice(nameStart, j), offset: nameStart, call });
        if (call) j = this.args(j, "(", ")");
      } else if (t[j] === "[" && /^\[\s*[-$"'0-9{[\]]/.test(t.slice(j, j + 64))) {
        indexed = true;
        j = this.args(j, "[", "]");
      } else break;
    }
    if (braced && t[j] === "}") j++;
    this.references.push({ offset: i, root, names });
    return j;
  }

  /** Arguments from the opening `open` at `i` to its matching `close`; returns the offset after it. */
  private args(i: number, open: string, close: string): number {
    const t = this.text;
    let depth = 0;
    let j = i;
    while (j < t.length) {
      const c = t[j] as string;
      if (c === '"' || c === "'") {
        j = this.stringLiteral(j);
        if (j < 0) return t.length;
        continue;
      }
      if (c === "$") {
        j = this.reference(j);
        continue;
      }
      if (c === "[") {
        const keyword = /^\[\s*(true|false|null)\b/.exec(t.slice(j, j + 64));
        const word = keyword?.[1];
        const name = Object.keys(this.sentinels.keywords).find((k) => this.sentinels.keywords[k] === word);
        if (keyword && word && name) this.replace(j + keyword[0].length - word.length, `$${name}`);
      }
      if (c === "." && /[0-9]/.test(t[j + 1] ?? "") && !/[\w.)\]$]/.test(t[j - 1] ?? "")) {
        this.inserted.push(j + this.inserted.length);
        this.out[j] = "0.";
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) return j + 1;
      j++;
    }
    this.problem(i, 1, `${open} is not closed with ${close}`);
    return t.length;
  }

  /** A string literal at `i`; returns the offset after its closing quote, or -1 when it is not closed. */
  private stringLiteral(i: number): number {
    const t = this.text;
    const quote = t[i] as string;
    const half = quote === '"' ? this.sentinels.quote : this.sentinels.apostrophe;
    let j = i + 1;
    let content = "";
    const origin: number[] = [];
    for (;;) {
      if (j >= t.length) {
        this.problem(i, 1, `string literal is not closed with ${quote}`);
        return -1;
      }
      const c = t[j] as string;
      if (c === quote && t[j + 1] === quote) {
        this.replace(j, half + half);
        content += quote;
        origin.push(j);
        j += 2;
      } else if (c === quote) break;
      else {
        if (c === "\\") this.replace(j, this.sentinels.backslash);
        content += c;
        origin.push(j);
        j++;
      }
    }
    if (quote === '"' && /[$#]/.test(content) && this.depth < MAX_STRING_DEPTH) this.interpolated(content, origin);
    return j + 1;
  }

  /** Scans the content of an interpolated string literal as a template of its own, for references and problems. */
  private interpolated(content: string, origin: readonly number[]): void {
    const inner = new Scanner(content, this.sentinels, this.depth + 1);
    inner.run();
    const at = (offset: number) => origin[Math.min(offset, origin.length - 1)] as number;
    for (const ref of inner.references) this.references.push({ ...ref, offset: at(ref.offset), names: ref.names.map((n) => ({ ...n, offset: at(n.offset) })) });
    for (const d of inner.directives) this.directives.push({ ...d, offset: at(d.offset) });
    for (const p of inner.problems) this.problems.push({ ...p, offset: at(p.offset) });
  }
}

/** Scans and rewrites `template` (see the module comment). */
export function scanTemplate(template: string): ScannedTemplate {
  const scanner = new Scanner(template, pickSentinels(template), 0);
  scanner.run();
  return {
    rewritten: scanner.out.join(""),
    inserted: scanner.inserted,
    cuts: scanner.cuts,
    sentinels: scanner.sentinels,
    references: scanner.references,
    directives: scanner.directives,
    problems: [...scanner.problems].sort((a, b) => a.offset - b.offset),
  };
}
