/**
 * Parses a template: the first pass of `source.ts`, velocityjs's parser, then a conversion of velocityjs's tree into
 * `ast.ts` that applies what velocityjs leaves out:
 *
 * - Whitespace as Velocity 1.7 eats it: after `#set(…)`, `#if(…)`, `#elseif(…)`, `#else`, `#foreach(…)`,
 *   `#define(…)`, `#macro(…)` and `#end`, spaces and tabs up to a line break and that line break; spaces and tabs
 *   right before a `#set` when they start a token (after a reference or a directive, or on the line after a macro
 *   call; not after text), and a lone `$` or `#` before them; the line break that ends a `##` comment. A `#* … *#` comment stops
 *   the rule: the line break after `#end#* note *#` stays. (The request template of the AWS photo example relies
 *   on the `#end` rule to print one object per line.)
 * - Macro calls, `#evaluate`, `#include` and `#parse` print as their own text, and `#macro` definitions print
 *   nothing: API Gateway does not run inline macros (`vtl-and-emulators.md` §1.2, recorded). A block macro call
 *   (`#@name(…)…#end`) prints as its own text, body and `#end` included, without running the body.
 * - Literals the first pass lifted out of expressions (`#if($x == [])`, `1.0E3`) are parsed on their own.
 * - `$name(…)` is not a call in Velocity 1.7: it prints `$name` followed by the rest as text.
 * - `#stop`, `#{break}` and the string literals the first pass rewrote are turned back.
 */
import velocity from "velocityjs";
import type { BinaryOperator, Expr, Node, PathStep, Reference } from "./ast.js";
import { LineMap, VtlError, type TemplatePosition } from "./errors.js";
import { integerLiteral } from "./number.js";
import { scanTemplate, type LiftedLiteral, type Sentinels } from "./source.js";

/** A parsed template. */
export interface ParsedTemplate {
  readonly nodes: readonly Node[];
}

type Pos = { first_line: number; first_column: number; last_line: number; last_column: number };
type Raw = string | RawNode | Raw[];
interface RawNode {
  type: string;
  id?: string;
  pos?: Pos;
  value?: unknown;
  args?: RawNode[] | false;
  path?: { type: string; id: string | RawNode; args?: RawNode[] | false }[];
  leader?: string;
  equal?: [RawNode, RawNode];
  condition?: RawNode;
  from?: RawNode;
  to?: string;
  expression?: RawNode[];
  operator?: string;
  isEval?: boolean;
  isRange?: boolean;
}

/** Intermediate items: nodes, text that merges with its neighbours, text that stays a token of its own, and markers. */
type Item = Node | { readonly kind: "literal"; readonly text: string; readonly call?: true } | { readonly kind: "eat-line" } | { readonly kind: "eat-newline" };

const OPERATORS: Record<string, BinaryOperator> = {
  "+": "+",
  "-": "-",
  "*": "*",
  "/": "/",
  "%": "%",
  "||": "||",
  "&&": "&&",
  "==": "==",
  "!=": "!=",
  "<": "<",
  ">": ">",
  "<=": "<=",
  ">=": ">=",
};
const EXPONENT = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE]/;
const LINE_REST = /^[ \t]*(?:\r\n|\n|\r)/;
const NEWLINE = /^(?:\r\n|\n|\r)/;
const cache = new Map<string, ParsedTemplate>();
const CACHE_LIMIT = 128;

/**
 * Parses `template`; throws a `syntax` {@link VtlError} at the first problem. A `fragment` is text rendered apart
 * from the template (an interpolated string literal, see `scanTemplate`).
 */
export function parseTemplate(template: string, fragment = false): ParsedTemplate {
  const key = `${fragment ? "f" : "t"}${template}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const scan = scanTemplate(template, fragment);
  const positions = new Positions(template, scan.rewritten, scan.inserted);
  const problem = scan.problems[0];
  if (problem) {
    const at = positions.lines.position(problem.offset);
    throw new VtlError("syntax", problem.message, at.line, at.column);
  }
  const raw: Raw[] = [];
  for (const [start, end] of pieces(scan.rewritten, scan.cuts)) {
    const shift = positions.rewrittenLines.position(start).line - 1;
    try {
      raw.push(...shiftLines(velocity.parse(scan.rewritten.slice(start, end), {}, false) as unknown as Raw[], shift));
    } catch (error) {
      shiftLines((error as { hash?: { loc?: Pos } }).hash?.loc ?? [], shift);
      throw syntaxError(error, positions, scan.rewritten, (text) => new Converter(template, positions, scan.sentinels, scan.macroBlocks).text(text));
    }
  }
  const converter = new Converter(template, positions, scan.sentinels, scan.macroBlocks);
  const parsed = { nodes: converter.list(raw, false) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, parsed);
  return parsed;
}

/** Length from which a template is parsed in pieces (see `source.ts`). */
const PIECE_LENGTH = 4096;

/** `[start, end)` pieces of `text`, cut at `cuts` once a piece is {@link PIECE_LENGTH} long. */
function pieces(text: string, cuts: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const cut of cuts) {
    if (cut - start < PIECE_LENGTH || cut >= text.length) continue;
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, text.length]);
  return out;
}

/** Moves the positions in a piece's tree (or one location) down by `lines`; a piece starts at a line start. */
function shiftLines<T>(node: T, lines: number): T {
  if (lines === 0 || typeof node !== "object" || node === null) return node;
  if (Array.isArray(node)) {
    for (const item of node) shiftLines(item, lines);
    return node;
  }
  const record = node as Record<string, unknown>;
  if (typeof record["first_line"] === "number") {
    (record as unknown as Pos).first_line += lines;
    (record as unknown as Pos).last_line += lines;
    return node;
  }
  for (const value of Object.values(record)) shiftLines(value, lines);
  return node;
}

/** Maps velocityjs's positions (in the rewritten text) back to the template. */
class Positions {
  readonly lines: LineMap;
  readonly rewrittenLines: LineMap;
  constructor(
    template: string,
    rewritten: string,
    private readonly inserted: readonly number[],
  ) {
    this.lines = new LineMap(template);
    this.rewrittenLines = inserted.length > 0 ? new LineMap(rewritten) : this.lines;
  }
  /** The offset in the rewritten text of a 1-based line and 0-based column of it. */
  rewrittenOffset(line: number, column0: number): number {
    return this.rewrittenLines.offset(line, column0);
  }
  /** The template offset of an offset in the rewritten text. */
  fromRewritten(offset: number): number {
    let shift = 0;
    while (shift < this.inserted.length && (this.inserted[shift] as number) < offset) shift++;
    return offset - shift;
  }
  /** The template offset of a 1-based line and 0-based column of the rewritten text. */
  offset(line: number, column0: number): number {
    return this.fromRewritten(this.rewrittenLines.offset(line, column0));
  }
  position(line: number, column0: number): TemplatePosition {
    return this.lines.position(this.offset(line, column0));
  }
}

/**
 * The error of velocityjs's parser at the unexpected token: jison's location is the token before it, so the
 * token's text is looked up from its end (the end of the template when the input ran out).
 */
function syntaxError(error: unknown, positions: Positions, rewritten: string, restore: (text: string) => string): VtlError {
  const hash = (error as { hash?: { text?: string; token?: string | number; loc?: Pos } }).hash;
  const loc = hash?.loc;
  const atEnd = hash?.token === 1 || hash?.token === "EOF" || !hash?.text;
  let offset = rewritten.length;
  if (loc && !atEnd) {
    const from = positions.rewrittenOffset(loc.last_line, loc.last_column);
    const found = rewritten.indexOf(hash?.text as string, from);
    offset = found >= 0 ? found : positions.rewrittenOffset(loc.last_line, loc.last_column);
  }
  const at = positions.lines.position(positions.fromRewritten(offset));
  return new VtlError("syntax", `unexpected ${atEnd ? "end of the template" : JSON.stringify(restore(hash?.text as string))}`, at.line, at.column);
}

class Converter {
  constructor(
    private readonly template: string,
    private readonly positions: Positions,
    private readonly sentinels: Sentinels,
    private readonly macroBlocks: ReadonlyMap<number, number>,
  ) {}

  /** Text outside string literals, with the first pass undone. */
  text(s: string): string {
    const { backslash, quote, apostrophe, textBackslash, deleted, nul, hash, paren } = this.sentinels;
    return s
      .split(backslash)
      .join("\\")
      .split(textBackslash)
      .join("\\")
      .split(deleted)
      .join("")
      .split(quote)
      .join('"')
      .split(apostrophe)
      .join("'")
      .split(nul)
      .join("\0")
      .split(hash)
      .join("#")
      .split(paren)
      .join("(");
  }

  /** The value of a string literal: doubled quotes stand for one. */
  private literal(s: string): string {
    const { backslash, quote, apostrophe, nul } = this.sentinels;
    return s
      .split(nul)
      .join("\0")
      .split(quote + quote)
      .join('"')
      .split(apostrophe + apostrophe)
      .join("'")
      .split(backslash)
      .join("\\");
  }

  private at(pos: Pos | undefined): TemplatePosition {
    return pos ? this.positions.position(pos.first_line, pos.first_column) : { line: 1, column: 1 };
  }

  /** The original text of a node. */
  private source(pos: Pos): string {
    return this.template.slice(this.positions.offset(pos.first_line, pos.first_column), this.positions.offset(pos.last_line, pos.last_column));
  }

  /** Converts a list of velocityjs nodes; `block` is true for the body of a directive (its first line break goes). */
  list(raws: readonly Raw[], block: boolean): Node[] {
    const items: Item[] = block ? [{ kind: "eat-line" }] : [];
    for (const raw of raws) this.item(raw, items);
    return finish(items);
  }

  private item(raw: Raw, items: Item[]): void {
    if (typeof raw === "string") {
      items.push({ kind: "text", text: this.text(raw) });
      // Text ending where the first pass deleted characters (`$` before `#set`) keeps its blanks before a `#set`.
      if (raw.endsWith(this.sentinels.deleted)) items.push({ kind: "literal", text: "" });
      return;
    }
    if (Array.isArray(raw)) {
      this.block(raw, items);
      return;
    }
    switch (raw.type) {
      case "references":
        items.push(this.output(raw));
        return;
      case "set": {
        const [target, value] = raw.equal as [RawNode, RawNode];
        items.push({ kind: "set", target: this.reference(target), value: this.expr(value), at: this.at(raw.pos) }, { kind: "eat-line" });
        return;
      }
      case "break":
        items.push({ kind: "break" });
        return;
      case "comment": {
        const value = String(raw.value);
        if (value.includes(this.sentinels.stop)) items.push({ kind: "stop" });
        else if (value.includes(this.sentinels.breakMarker)) items.push({ kind: "break" });
        else if (value.startsWith("##")) items.push({ kind: "eat-newline" });
        else items.push({ kind: "literal", text: "" });
        return;
      }
      case "raw":
        items.push({ kind: "literal", text: this.text(String(raw.value)) });
        return;
      case "macro_call":
        items.push({ kind: "literal", text: raw.pos ? this.source(raw.pos) : `#${raw.id ?? ""}()`, call: true });
        return;
      default:
        throw new VtlError("syntax", `unexpected #${raw.type}`, this.at(raw.pos).line, this.at(raw.pos).column);
    }
  }

  private block(raw: Raw[], items: Item[]): void {
    const [head, ...body] = raw as [RawNode, ...Raw[]];
    switch (head.type) {
      case "if": {
        const branches: { condition: Expr | null; body: Node[]; at: TemplatePosition }[] = [];
        let current: { condition: Expr | null; raws: Raw[]; at: TemplatePosition } = { condition: this.expr(head.condition as RawNode), raws: [], at: this.at(head.pos) };
        const close = () => branches.push({ condition: current.condition, body: this.list(current.raws, true), at: current.at });
        for (const r of body) {
          if (typeof r === "object" && !Array.isArray(r) && (r.type === "elseif" || r.type === "else")) {
            close();
            current = { condition: r.type === "elseif" ? this.expr(r.condition as RawNode) : null, raws: [], at: this.at(r.pos) };
          } else current.raws.push(r);
        }
        close();
        items.push({ kind: "if", branches });
        break;
      }
      case "foreach":
        items.push({ kind: "foreach", variable: String(head.to), iterable: this.expr(head.from as RawNode), body: this.list(body, true), at: this.at(head.pos) });
        break;
      case "define":
        items.push({ kind: "define", name: String(head.id), body: this.list(body, true) });
        break;
      case "macro":
        break;
      case "macro_body": {
        const start = head.pos ? this.positions.offset(head.pos.first_line, head.pos.first_column) : -1;
        const end = this.macroBlocks.get(start);
        if (end === undefined) throw new VtlError("syntax", `unexpected #@${head.id ?? ""}`, this.at(head.pos).line, this.at(head.pos).column);
        items.push({ kind: "literal", text: this.template.slice(start, end), call: true });
        return;
      }
      default:
        throw new VtlError("syntax", `unexpected #${head.type}`, this.at(head.pos).line, this.at(head.pos).column);
    }
    items.push({ kind: "eat-line" });
  }

  /** A reference printed in the output. */
  private output(raw: RawNode): Node {
    const ref = this.reference(raw);
    let tail: string | null = null;
    if (raw.args !== undefined && raw.pos) {
      const source = this.source(raw.pos);
      tail = source.slice(source.indexOf("("));
      if (source.includes("{") && tail.endsWith("}")) tail = tail.slice(0, -1);
    }
    return { kind: "reference", ref, tail, at: this.at(raw.pos) };
  }

  private reference(raw: RawNode): Reference {
    const path: PathStep[] = (raw.path ?? []).map((step) => {
      if (step.type === "method") return { kind: "method", name: String(step.id), args: (step.args || []).map((a) => this.expr(a)) };
      if (step.type === "index") return { kind: "index", key: this.expr(step.id as RawNode) };
      return { kind: "property", name: String(step.id) };
    });
    return { root: String(raw.id), path };
  }

  /** The expression of a literal the first pass lifted out (see `source.ts`). */
  private lifted(literal: LiftedLiteral): Expr {
    if (EXPONENT.test(literal.text)) return { kind: "double", value: Number(literal.text) };
    let raw: Raw[];
    try {
      raw = velocity.parse(`#set($_ = ${literal.text})`, {}, false) as unknown as Raw[];
    } catch {
      const at = this.positions.lines.position(literal.offset);
      throw new VtlError("syntax", `unexpected ${JSON.stringify(this.text(literal.text))}`, at.line, at.column);
    }
    const [set] = raw as RawNode[];
    const expr = this.expr((set?.equal as [RawNode, RawNode])[1]);
    if (!literal.text.startsWith("(")) return expr;
    return { kind: "group", expr, source: this.template.slice(literal.offset + 1, literal.offset + literal.length - 1).trim() };
  }

  private expr(raw: RawNode | string | number): Expr {
    if (typeof raw === "string" || typeof raw === "number") return { kind: "integer", value: integerLiteral(raw) };
    switch (raw.type) {
      case "string":
      case "runt": {
        const value = this.literal(String(raw.value));
        return { kind: "string", value, interpolate: raw.isEval === true && /[$#]/.test(value) };
      }
      case "integer":
        return { kind: "integer", value: integerLiteral(raw.value as string | number) };
      case "decimal":
        return { kind: "double", value: Number(raw.value) };
      case "bool":
        return raw.value === "null" ? { kind: "null" } : { kind: "boolean", value: raw.value === "true" };
      case "array": {
        const values = (raw.value ?? []) as (RawNode | string | number)[];
        if (raw.isRange) return { kind: "range", from: this.expr(values[0] as RawNode), to: this.expr(values[1] as RawNode) };
        return { kind: "list", items: values.map((v) => this.expr(v)) };
      }
      case "map":
        return { kind: "map", entries: Object.entries((raw.value ?? {}) as Record<string, RawNode>).map(([k, v]) => [this.literal(k), this.expr(v)] as const) };
      case "references": {
        const lifted = raw.path === undefined ? this.sentinels.literals[String(raw.id)] : undefined;
        if (lifted) return this.lifted(lifted);
        const keyword = raw.path === undefined ? this.sentinels.keywords[String(raw.id)] : undefined;
        if (keyword === "null") return { kind: "null" };
        if (keyword) return { kind: "boolean", value: keyword === "true" };
        return { kind: "reference", ref: this.reference(raw) };
      }
      case "math": {
        const [left, right] = raw.expression as RawNode[];
        if (raw.operator === "parenthesis") return this.expr(left as RawNode);
        if (raw.operator === "not") return { kind: "not", operand: this.expr(left as RawNode) };
        if (raw.operator === "minus") return { kind: "negate", operand: this.expr(left as RawNode) };
        const op = OPERATORS[String(raw.operator)];
        if (!op) break;
        return { kind: "binary", op, left: this.expr(left as RawNode), right: this.expr(right as RawNode) };
      }
    }
    throw new VtlError("syntax", `unsupported expression ${raw.type}`, 1, 1);
  }
}

/** Applies the whitespace rules to a list of items (see the module comment) and returns its nodes. */
function finish(items: readonly Item[]): Node[] {
  const merged: Item[] = [];
  for (const item of items) {
    const last = merged[merged.length - 1];
    if (item.kind === "text" && last?.kind === "text") merged[merged.length - 1] = { kind: "text", text: last.text + item.text };
    else merged.push(item);
  }
  const out: Node[] = [];

  for (let i = 0; i < merged.length; i++) {
    const item = merged[i] as Item;
    if (item.kind === "eat-line" || item.kind === "eat-newline") {
      const next = merged[i + 1];
      if (next?.kind === "text") merged[i + 1] = { kind: "text", text: next.text.replace(item.kind === "eat-line" ? LINE_REST : NEWLINE, "") };
      continue;
    }
    const last = out[out.length - 1];
    const before = merged[i - 1];
    if (item.kind === "set" && last?.kind === "text" && before?.kind === "text" && before.text !== "") {
      const afterCall = i > 1 && (merged[i - 2] as Item).kind === "literal" && (merged[i - 2] as { call?: true }).call === true;
      const text = afterCall ? last.text.replace(/^([ \t]*(?:\r\n|\n|\r))?[ \t]+$/, "$1") : last.text.replace(/^[ \t]+$|(?:\$!?|#)[ \t]+$/, "");
      if (text === "") out.pop();
      else out[out.length - 1] = { kind: "text", text };
    }
    if (item.kind === "literal" || item.kind === "text") {
      if (item.text !== "") out.push({ kind: "text", text: item.text });
    } else out.push(item);
  }
  return out;
}
