/**
 * JSONPath (RFC 9535) for overlay targets. The query is parsed here, strictly, into segments and selectors, and
 * evaluated here over own properties, which yields JSON pointers. Only filter expressions (`[?@.name == 'x']`)
 * go to `jsonpath-plus`, with its safe evaluator (no `eval`, no `Function`); RFC function extensions
 * (`length()`, `match()`, …) are not available there and are rejected up front.
 */
import { JSONPath } from "jsonpath-plus";
import { childPointer, parsePointer } from "./pointer.js";

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

/** A selected node. */
export interface Selected {
  readonly pointer: string;
  readonly value: unknown;
}

type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

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

/** The nodes `segments` select in `root`, in selection order, each node once. Fails only on filter errors. */
export function selectNodes(root: unknown, segments: readonly Segment[]): Result<readonly Selected[]> {
  let nodes: Selected[] = [{ pointer: "", value: root }];
  for (const segment of segments) {
    const inputs = segment.descendant ? withDescendants(nodes) : nodes;
    const out: Selected[] = [];
    for (const node of inputs) {
      for (const selector of segment.selectors) {
        const failure = applySelector(node, selector, out);
        if (failure) return { ok: false, reason: failure };
      }
    }
    nodes = out;
  }
  const seen = new Set<string>();
  return { ok: true, value: nodes.filter((n) => !seen.has(n.pointer) && seen.add(n.pointer)) };
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

function runFilter(expression: string, container: object): Result<readonly string[]> {
  try {
    const pointers = JSONPath({ path: `$[?(${expression})]`, json: container, resultType: "pointer", wrap: true, eval: "safe", ignoreEvalErrors: true });
    return { ok: true, value: (pointers ?? []) as string[] };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function withDescendants(nodes: readonly Selected[]): Selected[] {
  const out: Selected[] = [];
  for (const root of nodes) {
    const stack: Selected[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as Selected;
      out.push(node);
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Selected);
    }
  }
  return out;
}

function childrenOf(node: Selected): Selected[] {
  const v = node.value;
  if (Array.isArray(v)) return v.map((value, i) => ({ pointer: childPointer(node.pointer, i), value }));
  if (v !== null && typeof v === "object") {
    return Object.keys(v).map((k) => ({ pointer: childPointer(node.pointer, k), value: (v as Record<string, unknown>)[k] }));
  }
  return [];
}

function applySelector(node: Selected, selector: Selector, out: Selected[]): string | undefined {
  const v = node.value;
  switch (selector.kind) {
    case "name":
      if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.hasOwn(v, selector.name)) {
        out.push({ pointer: childPointer(node.pointer, selector.name), value: (v as Record<string, unknown>)[selector.name] });
      }
      return undefined;
    case "wildcard":
      for (const child of childrenOf(node)) out.push(child);
      return undefined;
    case "index":
      if (Array.isArray(v)) {
        const i = selector.index < 0 ? v.length + selector.index : selector.index;
        if (i >= 0 && i < v.length) out.push({ pointer: childPointer(node.pointer, i), value: v[i] });
      }
      return undefined;
    case "slice":
      if (Array.isArray(v)) for (const i of sliceIndexes(v.length, selector)) out.push({ pointer: childPointer(node.pointer, i), value: v[i] });
      return undefined;
    case "filter": {
      if (v === null || typeof v !== "object") return undefined;
      const matched = runFilter(selector.expression, v);
      if (!matched.ok) return matched.reason;
      const children = new Map(childrenOf(node).map((c) => [c.pointer.slice(node.pointer.length), c]));
      for (const pointer of matched.value) {
        const token = parsePointer(pointer);
        const child = token?.length === 1 ? children.get(pointer) : undefined;
        if (child) out.push(child);
      }
      return undefined;
    }
  }
}

/** The indexes an RFC 9535 slice selects from an array of `length` items, in selection order. */
function sliceIndexes(length: number, s: { readonly start?: number; readonly end?: number; readonly step?: number }): number[] {
  const step = s.step ?? 1;
  if (step === 0) return [];
  const norm = (i: number) => (i >= 0 ? i : length + i);
  const out: number[] = [];
  if (step > 0) {
    const lower = Math.min(Math.max(norm(s.start ?? 0), 0), length);
    const upper = Math.min(Math.max(norm(s.end ?? length), 0), length);
    for (let i = lower; i < upper; i += step) out.push(i);
  } else {
    const upper = Math.min(Math.max(norm(s.start ?? length - 1), -1), length - 1);
    const lower = Math.min(Math.max(s.end === undefined ? -1 : norm(s.end), -1), length - 1);
    for (let i = upper; i > lower; i += step) out.push(i);
  }
  return out;
}
