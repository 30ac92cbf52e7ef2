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
 * - Literals velocityjs cannot parse where Velocity 1.7 takes them are lifted out: a list, range or map literal
 *   inside the expression of `#set`, `#if` or `#elseif` (velocityjs takes one only as the whole expression, so
 *   `#if($x == [])` fails), and with them every parenthesised group there (its text is what `'a' + (1 / 0)`
 *   prints for the group that has no value), a `#foreach` source that is not a reference or a list (`#foreach($i in {'a': 1})`,
 *   `#foreach($i in 4)`), and a number with an exponent (`1.0E3`, a `Double`). Each becomes a reference to an
 *   unused name, padded with spaces to the literal's length (or, for a literal shorter than three characters,
 *   with inserted characters), and {@link Sentinels.literals} keeps the literal's text for the parser.
 * - NUL characters, where velocityjs's lexer stops reading, become a sentinel.
 * - A run of `$` and `$!` right before a `#` is read by Velocity 1.7's lexer together with what follows: before
 *   `#if`, `#elseif`, `#else`, `#end`, `#set` and a `#*` comment the run disappears (`a$#if(true)b#end` prints
 *   `ab`); before `#break` and `#stop` the directive becomes text (`$#break` prints as it is, the loop goes on);
 *   before `#foreach`, `#define`, `#macro` and `#@name` the template does not parse. The run is deleted, or the `#`
 *   made text, with sentinels.
 * - A `#set` right after `#$ref#end` (a `#`, references, then `#end` or `#else`, nothing or a line break between
 *   them and the `#set`) does not parse in Velocity 1.7: its lexer is left in the wrong state.
 * - `$a #set($b = 1)[`: a `[` right after a `#set` that follows a reference does not parse in Velocity 1.7; `##`
 *   right after a property name or an index (`$a.b## x`, `$a[0]##`) is text, not a comment; `#break (` (with a
 *   blank before the parenthesis) is `#break` with arguments, which a template cannot give.
 * - A template that ends with `$`, `$!` or `#` does not parse in Velocity 1.7 (its lexer fails at the end of the
 *   text); a `(` after the root of a reference that is never closed is text (`$a(` prints `$a` and `(`), and so
 *   is one after a method name at the end of the template.
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
  /** A `#` that is text: the `#` of `$#break` and `$#stop` (see the module comment). */
  readonly hash: string;
  /** A `(` that is text: one that opens a call never closed. */
  readonly paren: string;
  /** Reference names standing for the keyword literals `true`, `false` and `null` (see the module comment). */
  readonly keywords: Readonly<Record<string, "true" | "false" | "null">>;
  /** Reference names standing for lifted literals (see the module comment): their rewritten text and offset. */
  readonly literals: Readonly<Record<string, LiftedLiteral>>;
}

/** A literal lifted out of an expression: its text as rewritten (sentinels in place), its template offset and length. */
export interface LiftedLiteral {
  readonly text: string;
  readonly offset: number;
  readonly length: number;
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
  /**
   * Calls of block macros (`#@name(…)…#end`), from the offset of `#@` to the offset after their `#end`: API Gateway
   * defines no macro, so the whole call prints as its own text.
   */
  readonly macroBlocks: ReadonlyMap<number, number>;
}

const KEYWORD_DIRECTIVES = new Set(["set", "if", "elseif", "foreach", "define", "macro"]);
const BLOCK_DIRECTIVES = new Set(["if", "foreach", "define", "macro"]);
const ID_START = /[a-zA-Z_]/;
const NAME = /[a-zA-Z_][a-zA-Z0-9_-]*/y;
const ID_PART = /[a-zA-Z0-9_-]/;
const MAX_STRING_DEPTH = 8;
/** `#$ref#end` (or `#else`) right before a `#set`, on the same line or the one before (see the module comment). */
const BROKEN_SET = /#(?:\$!?\{?[a-zA-Z_][\w.-]*\}?)+(?:#\{?(?:end|else)\}?)+(?:\r?\n|\r)?$/;

/** The directive or macro name starting at `at`, if any. */
function nameAt(text: string, at: number): string | undefined {
  NAME.lastIndex = at;
  return NAME.exec(text)?.[0];
}

/** Picks ten private-use characters and three reference names absent from `text`. */
function pickSentinels(text: string): Sentinels {
  const chosen: string[] = [];
  for (let code = 0xe000; chosen.length < 10 && code <= 0xf8ff; code++) {
    const c = String.fromCharCode(code);
    if (!text.includes(c)) chosen.push(c);
  }
  const [backslash = "", quote = "", apostrophe = "", stop = "", breakMarker = "", textBackslash = "", deleted = "", nul = "", hash = "", paren = ""] = chosen;
  const keywords: Record<string, "true" | "false" | "null"> = {};
  for (const word of ["true", "false", "null"] as const) {
    const name = unusedName(text, word.length - 1, keywords);
    if (name) keywords[name] = word;
  }
  return { backslash, quote, apostrophe, stop, breakMarker, textBackslash, deleted, nul, hash, paren, keywords, literals: {} };
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
  readonly macroBlocks = new Map<number, number>();
  private readonly blocks: Block[] = [];
  /** Where the last reference scanned ends, and whether it ends with a property name or an index (`$a.b`, `$a[0]`). */
  private referenceEnd = -1;
  private referenceEndsWithName = false;

  constructor(
    private readonly text: string,
    readonly sentinels: Sentinels,
    private readonly depth: number,
    private readonly fragment: boolean,
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
      const afterReference = i > 0 && i === this.referenceEnd && (c === "\\" || c === "{" || c === "(" || /^#[[*@$]/.test(t.slice(i, i + 2)));
      if (c === "\\") i = this.backslashes(i);
      else if (c === "#") i = this.hash(i);
      else if (c === "$") i = this.dollars(i);
      else {
        if (c === "\n" && this.blocks.length === 0) this.cuts.push(i + 1 + this.inserted.length);
        i++;
      }
      if (afterReference) this.separate(this.referenceEnd);
    }
    for (const block of this.blocks) this.problem(block.offset, block.name.length + 1, `#${block.name} is not closed with #end`);
  }

  /**
   * Inserts a character that prints nothing before `at`: velocityjs fails on, or reads as part of the reference,
   * a backslash, `{`, `(`, `#[[`, `#*`, `#@` or `#$` right after a reference (`$a\\$b`, `$a.b(){`, `$a#[[x]]#`,
   * `$a#* c *#`); it fails on `#[[` and `#@` right after a directive (`#else#[[x]]#`) and on `{`, `(`, `[` or `#*`
   * right after `#else` or `#end` (`#else{`); and it reads a `#` right after a
   * `#* … *#` comment as part of the comment. Velocity 1.7 reads text, a literal block, a comment, a directive.
   */
  private separate(at: number): void {
    this.inserted.push(at + this.inserted.length);
    this.out[at] = this.sentinels.deleted + this.out[at];
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
    if (next === undefined && !this.fragment) this.problem(i, 1, "the template ends with #: Velocity 1.7's lexer fails at the end of the text");
    if (next === "#") {
      if (i === this.referenceEnd && this.referenceEndsWithName) {
        // `$a.b##` is text in Velocity 1.7, not a comment: its lexer is still reading the reference.
        this.replace(i, this.sentinels.hash);
        return i + 1;
      }
      const end = t.indexOf("\n", i);
      return end < 0 ? t.length : end;
    }
    if (next === "*") {
      const end = t.indexOf("*#", i + 2);
      if (end < 0) {
        this.problem(i, 2, "#* comment is not closed with *#");
        return t.length;
      }
      if (t[end + 2] === "#") this.separate(end + 2);
      return end + 2;
    }
    if (t.startsWith("[[", i + 1)) {
      if (i > 0 && i !== this.referenceEnd) this.separate(i);
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
        if (i > 0 && i !== this.referenceEnd) this.separate(i);
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
      if ((keyword === "else" || keyword === "end") && !braced && /^(?:[{([]|#\*)/.test(t.slice(wordEnd, wordEnd + 2))) this.separate(wordEnd);
      if ((keyword === "break" || keyword === "stop") && /^\s+\(/.test(t.slice(wordEnd, wordEnd + 64))) {
        this.problem(i, wordEnd - i, `#${keyword} followed by ( reads it as its arguments in Velocity 1.7`);
      }
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
    if (name === "set" && BROKEN_SET.test(t.slice(Math.max(0, i - 256), i))) {
      this.problem(i, length, "#set right after `#$reference#end` does not parse in Velocity 1.7 (its lexer is left expecting a reference)");
    }
    if (name === "elseif") this.elseifBranch(i, length);
    if (BLOCK_DIRECTIVES.has(name)) this.blocks.push({ name, offset: i, elseAt: -1 });
    const mode = name === "foreach" ? "foreach" : name === "set" || name === "if" || name === "elseif" ? "expression" : "plain";
    let before = i;
    while (t[before - 1] === " " || t[before - 1] === "\t") before--;
    const afterReference = before > 0 && before === this.referenceEnd;
    const end = this.args(open, "(", ")", mode);
    if (name === "set" && afterReference && t[end] === "[") {
      this.problem(end, 1, "[ right after a #set that follows a reference does not parse in Velocity 1.7 (its lexer reads it as an index)");
    }
    return end;
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
    const block = this.blocks.pop();
    if (!block) this.problem(at, length, "#end closes nothing: no #if, #foreach, #define or #macro is open");
    else if (block.name.startsWith("@")) this.macroBlocks.set(block.offset, at + length);
  }

  /**
   * Replaces the literal at `[start, end)` with a reference to an unused name (see the module comment); `before`
   * is the number of inserted characters before the literal was scanned (those inside it are undone).
   */
  private lift(start: number, end: number, before: number): void {
    const text = this.out.slice(start, end).join("");
    this.inserted.length = before;
    const length = end - start;
    const taken = { ...this.sentinels.keywords, ...this.sentinels.literals };
    const name = unusedName(this.text, Math.min(Math.max(length - 1, 2), 4), taken) ?? unusedName(this.text, 5, taken);
    if (!name) return;
    (this.sentinels.literals as Record<string, LiftedLiteral>)[name] = { text, offset: start, length };
    const replacement = `$${name}`.padEnd(length, " ");
    const extra = replacement.length - length;
    for (let k = 0; k < extra; k++) this.inserted.push(start + this.inserted.length);
    this.out[start] = replacement.slice(0, extra + 1);
    for (let k = 1; k < length; k++) this.out[start + k] = replacement[extra + k] as string;
  }

  /** The end of the `#foreach` source at `i` that is not a reference or a list: a map, a string, a word. */
  private foreachSourceEnd(i: number): number {
    const t = this.text;
    if (t[i] === "{") return this.args(i, "{", "}");
    if (t[i] === '"' || t[i] === "'") {
      const end = this.stringLiteral(i);
      return end < 0 ? t.length : end;
    }
    const word = /^[^\s()]+/.exec(t.slice(i, i + 256));
    return i + (word?.[0].length ?? 0);
  }

  /**
   * `$` at `i`: a reference, or a run of `$` and `$!` right before a `#`, which Velocity 1.7's lexer reads together
   * with the directive (see the module comment); returns where scanning continues.
   */
  private dollars(i: number): number {
    const t = this.text;
    const run = /^(?:\$!?)+(?=#)/.exec(t.slice(i, i + 256));
    if (!run) return this.reference(i);
    const at = i + run[0].length;
    const braced = t[at + 1] === "{";
    const name = t[at + 1] === "*" && t[at + 2] !== "*" ? "*" : t[at + 1] === "@" ? "@" : (/^[a-zA-Z]+/.exec(t.slice(at + (braced ? 2 : 1), at + 64))?.[0] ?? "");
    const after = t.slice(at + (braced ? 2 : 1) + name.length, at + 64);
    const directive = braced ? after.startsWith("}") : name === "*" || name === "@" || /^\s*\(/.test(after) || ((name === "else" || name === "end" || name === "break" || name === "stop") && !/^[a-zA-Z0-9_]/.test(after));
    if (!directive || !name) return this.reference(i);
    if (name === "*" || ["if", "elseif", "else", "end", "set"].includes(name)) {
      this.replace(i, this.sentinels.deleted.repeat(at - i));
      return at;
    }
    if (name === "break" || name === "stop") {
      this.replace(at, this.sentinels.hash);
      return at + 1;
    }
    if (name === "@" || ["foreach", "define", "macro"].includes(name)) {
      this.problem(i, at - i + 1 + name.length, `$#${name} is not a directive: Velocity 1.7 reads the $ and the directive as one word`);
    }
    return this.reference(i);
  }

  /** A reference at `i` (`$`); returns where scanning continues. */
  private reference(i: number): number {
    const t = this.text;
    let j = i + 1;
    if (t[j] === "!") j++;
    if (j >= t.length && !this.fragment) this.problem(i, j - i, "the template ends with $: Velocity 1.7's lexer fails at the end of the text");
    const braced = t[j] === "{";
    if (braced) j++;
    if (!ID_START.test(t[j] ?? "")) return i + 1;
    const rootStart = j;
    while (ID_PART.test(t[j] ?? "")) j++;
    const root = t.slice(rootStart, j);
    const names: ReferenceName[] = [];
    let indexed = false;
    if (t[j] === "(") j = this.call(j, true);
    const rootEnd = j;
    for (;;) {
      if (t[j] === "." && ID_START.test(t[j + 1] ?? "")) {
        const nameStart = j + 1;
        j = nameStart;
        while (ID_PART.test(t[j] ?? "")) j++;
        const call = t[j] === "(" && (this.closes(j) || j + 1 < t.length);
        if (!indexed) names.push({ name: t.slice(nameStart, j), offset: nameStart, call });
        j = this.call(j, false);
      } else if (t[j] === "[") {
        if (!/^\[\s*(?:[-$"'0-9{[]|(?:true|false)\b)/.test(t.slice(j, j + 64))) this.problem(j, 1, "[ after a reference starts an index, which must be a literal or a reference");
        indexed = true;
        j = this.args(j, "[", "]");
      } else break;
    }
    this.referenceEndsWithName = !braced && j > rootEnd && /[\w\]-]/.test(t[j - 1] ?? "");
    if (braced && t[j] === "}") j++;
    this.references.push({ offset: i, root, names });
    this.referenceEnd = j;
    return j;
  }

  /**
   * The arguments of a call at `j` when `(` is there. A `(` never closed is text in Velocity 1.7 after the root of
   * a reference (`$a(x` prints the value of `$a` and `(x`), and after a method name when it ends the template
   * (`$a.b(`); it becomes a sentinel velocityjs reads as text.
   */
  private call(j: number, root: boolean): number {
    if (this.text[j] !== "(") return j;
    if (this.closes(j) || (!root && j + 1 < this.text.length)) return this.args(j, "(", ")");
    this.replace(j, this.sentinels.paren);
    return j;
  }

  /** Whether the `(` at `i` has its `)`, string literals skipped. */
  private closes(i: number): boolean {
    const t = this.text;
    let depth = 0;
    for (let j = i; j < t.length; j++) {
      const c = t[j];
      if (c === '"' || c === "'") {
        let k = j + 1;
        while (k < t.length && !(t[k] === c && t[k + 1] !== c)) k += t[k] === c ? 2 : 1;
        if (k >= t.length) return false;
        j = k;
      } else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return true;
    }
    return false;
  }

  /**
   * Arguments from the opening `open` at `i` to its matching `close`; returns the offset after it. `mode` says
   * which literals are lifted out (see the module comment): `expression` for `#set`, `#if` and `#elseif`,
   * `foreach` for `#foreach`.
   */
  private args(i: number, open: string, close: string, mode: "plain" | "expression" | "foreach" = "plain"): number {
    const t = this.text;
    let depth = 0;
    let j = i;
    while (j < t.length) {
      const c = t[j] as string;
      if (this.depth === 0 && j > i) {
        const before = this.inserted.length;
        if (mode === "expression" && (c === "[" || c === "{" || c === "(")) {
          const close = c === "[" ? "]" : c === "{" ? "}" : ")";
          const end = this.args(j, c, close, c === "(" ? "expression" : "plain");
          if (end <= t.length && t[end - 1] === close) this.lift(j, end, before);
          j = end;
          continue;
        }
        const source = mode === "foreach" && depth === 1 && /^in\s+/.exec(t.slice(j, j + 64));
        if (source && /\s/.test(t[j - 1] ?? "")) {
          const start = j + source[0].length;
          if (t[start] !== "$" && t[start] !== "[" && t[start] !== ")" && start < t.length) {
            const end = this.foreachSourceEnd(start);
            if (end > start && end <= t.length) this.lift(start, end, before);
            j = end;
            continue;
          }
        }
        const exponent = /[0-9.]/.test(c) && !/[\w.$]/.test(t[j - 1] ?? "") ? /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+/.exec(t.slice(j, j + 64)) : null;
        if (exponent) {
          this.lift(j, j + exponent[0].length, before);
          j += exponent[0].length;
          continue;
        }
      }
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
    const inner = new Scanner(content, this.sentinels, this.depth + 1, true);
    inner.run();
    const at = (offset: number) => origin[Math.min(offset, origin.length - 1)] as number;
    for (const ref of inner.references) this.references.push({ ...ref, offset: at(ref.offset), names: ref.names.map((n) => ({ ...n, offset: at(n.offset) })) });
    for (const d of inner.directives) this.directives.push({ ...d, offset: at(d.offset) });
    for (const p of inner.problems) this.problems.push({ ...p, offset: at(p.offset) });
  }
}

/**
 * Scans and rewrites `template` (see the module comment). A `fragment` is text rendered apart (the content of an
 * interpolated string literal), which may end with `$` or `#`.
 */
export function scanTemplate(template: string, fragment = false): ScannedTemplate {
  const scanner = new Scanner(template, pickSentinels(template), 0, fragment);
  scanner.run();
  return {
    rewritten: scanner.out.join(""),
    inserted: scanner.inserted,
    cuts: scanner.cuts,
    sentinels: scanner.sentinels,
    references: scanner.references,
    directives: scanner.directives,
    macroBlocks: scanner.macroBlocks,
    problems: [...scanner.problems].sort((a, b) => a.offset - b.offset),
  };
}
