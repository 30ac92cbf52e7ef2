/**
 * The JSONPath (RFC 9535) query syntax used by overlay targets, parsed strictly into segments and selectors:
 * `$`, `.name`, `.*`, `..name`, `['name']`, `[0]`, `[-1]`, `[1:3:1]`, `[a, b]` unions and `[?filter]` (also the
 * older `[?(filter)]`). RFC function extensions (`length()`, `match()`, …) are rejected: the filter evaluator
 * does not provide them.
 */
import { runFilter, type Result } from "./jsonpath-filter.js";

/** One selector inside a segment. */
export type Selector =
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "wildcard" }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "slice"; readonly start?: number; readonly end?: number; readonly step?: number }
  | { readonly kind: "filter"; readonly expression: string };

/** A child (`.a`, `[…]`) or descendant (`..a`, `..[…]`) segment. */
export interface Segment {
  readonly descendant: boolean;
  readonly selectors: readonly Selector[];
}

const NAME_FIRST = /[A-Za-z_\u0080-\uffff]/;
const NAME_REST = /[A-Za-z0-9_\u0080-\uffff]/;
const INT = /-?(?:0|[1-9]\d*)/y;
const RFC_FUNCTIONS = /(^|[^.\w$])(length|count|match|search|value)\s*\(/;

/** Parses a JSONPath query; the reason of a failure names the position (0-based) of the problem. */
export function parseJsonPath(query: string): Result<readonly Segment[]> {
  const p = new QueryParser(query);
  try {
    return { ok: true, value: p.parse() };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}

class QuerySyntaxError extends Error {}

class QueryParser {
  #i = 0;
  constructor(private readonly q: string) {}

  parse(): Segment[] {
    if (this.q[0] !== "$") this.fail("a query must start with $");
    this.#i = 1;
    const segments: Segment[] = [];
    for (;;) {
      this.#skipBlank();
      if (this.#i >= this.q.length) return segments;
      const c = this.q[this.#i];
      if (c === "[") segments.push({ descendant: false, selectors: this.#bracket() });
      else if (c === "." && this.q[this.#i + 1] === ".") {
        this.#i += 2;
        const next = this.q[this.#i];
        const selectors = next === "[" ? this.#bracket() : next === "*" ? (this.#i++, [{ kind: "wildcard" } as const]) : [this.#shorthand()];
        segments.push({ descendant: true, selectors });
      } else if (c === ".") {
        this.#i++;
        const selectors = this.q[this.#i] === "*" ? (this.#i++, [{ kind: "wildcard" } as const]) : [this.#shorthand()];
        segments.push({ descendant: false, selectors });
      } else this.fail(`unexpected ${JSON.stringify(c)}`);
    }
  }

  fail(message: string): never {
    throw new QuerySyntaxError(`${message} at position ${this.#i}`);
  }

  #skipBlank(): void {
    while (this.#i < this.q.length && " \t\r\n".includes(this.q[this.#i] as string)) this.#i++;
  }

  #shorthand(): Selector {
    const start = this.#i;
    if (!NAME_FIRST.test(this.q[this.#i] ?? "")) this.fail("a member name is expected");
    while (this.#i < this.q.length && NAME_REST.test(this.q[this.#i] as string)) this.#i++;
    return { kind: "name", name: this.q.slice(start, this.#i) };
  }

  #bracket(): Selector[] {
    this.#i++;
    const selectors: Selector[] = [];
    for (;;) {
      this.#skipBlank();
      selectors.push(this.#selector());
      this.#skipBlank();
      const c = this.q[this.#i];
      this.#i++;
      if (c === "]") return selectors;
      if (c !== ",") {
        this.#i--;
        this.fail(c === undefined ? "missing ]" : `unexpected ${JSON.stringify(c)}`);
      }
    }
  }

  #selector(): Selector {
    const c = this.q[this.#i];
    if (c === "'" || c === '"') return { kind: "name", name: this.#string(c) };
    if (c === "*") {
      this.#i++;
      return { kind: "wildcard" };
    }
    if (c === "?") return this.#filter();
    const start = this.#int();
    this.#skipBlank();
    if (this.q[this.#i] !== ":") {
      if (start === undefined) this.fail("a selector is expected");
      return { kind: "index", index: start };
    }
    this.#i++;
    this.#skipBlank();
    const end = this.#int();
    this.#skipBlank();
    let step: number | undefined;
    if (this.q[this.#i] === ":") {
      this.#i++;
      this.#skipBlank();
      step = this.#int();
    }
    return { kind: "slice", ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}), ...(step !== undefined ? { step } : {}) };
  }

  #int(): number | undefined {
    INT.lastIndex = this.#i;
    const m = INT.exec(this.q);
    if (!m || m[0] === "-0") return undefined;
    this.#i += m[0].length;
    return Number(m[0]);
  }

  #string(quote: string): string {
    let out = "";
    for (this.#i++; this.#i < this.q.length; this.#i++) {
      const c = this.q[this.#i] as string;
      if (c === quote) {
        this.#i++;
        return out;
      }
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.q[++this.#i];
      const simple: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", "/": "/", "\\": "\\", "'": "'", '"': '"' };
      if (e !== undefined && Object.hasOwn(simple, e)) out += simple[e];
      else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.q.slice(this.#i + 1, this.#i + 5))) {
        out += String.fromCharCode(parseInt(this.q.slice(this.#i + 1, this.#i + 5), 16));
        this.#i += 4;
      } else this.fail("invalid escape in a string");
    }
    return this.fail("unterminated string");
  }

  #filter(): Selector {
    const start = ++this.#i;
    let depth = 0;
    let quote: string | undefined;
    for (; this.#i < this.q.length; this.#i++) {
      const c = this.q[this.#i] as string;
      if (quote) {
        if (c === "\\") this.#i++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === "(" || c === "[") depth++;
      else if ((c === ")" || c === "]") && depth > 0) depth--;
      else if ((c === "]" || c === ",") && depth === 0) break;
    }
    const expression = this.q.slice(start, this.#i).trim();
    if (quote || depth > 0 || this.#i >= this.q.length) this.fail("unterminated filter");
    if (expression === "") this.fail("empty filter");
    const fn = RFC_FUNCTIONS.exec(expression);
    if (fn) this.fail(`the function ${fn[2]}() is not supported in filters`);
    const probe = runFilter(expression, [null]);
    if (!probe.ok) this.fail(`invalid filter (${probe.reason})`);
    return { kind: "filter", expression };
  }
}
