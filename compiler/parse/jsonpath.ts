/**
 * Overlay targets: JSONPath queries (RFC 9535) evaluated by `jsonpath-plus`, with the few rules that library leaves
 * to its caller so that a target behaves as the Overlay Specification 1.0 expects.
 *
 * - The library reads almost any string (`$.paths[` selects `paths`), so a query is checked first: it starts with
 *   `$`, its brackets, parentheses and quotes balance, no bracket is empty and it does not end in a dot.
 * - The RFC 9535 filter `[?@.name == 'x']` is given to the library in the form it reads, `[?(@.name == 'x')]`, and
 *   blanks inside a bracketed selector (`[0, 2]`) are dropped, since the library would read them as part of a name.
 * - Filters run in the library's "safe" interpreter, which still lets an expression call whatever function it can
 *   reach, and from a method of any value it can reach `Function`. So parentheses may only group, never call, and
 *   script selectors `[(…)]` are refused, also in unions and inside filters: the library reads their result, taken
 *   from the document, as a further query.
 * - `~` (property names) is refused: a target selects nodes; so is a query longer than {@link MAX_TARGET_LENGTH}.
 * - A result counts only when it is an own property of an object or an index of an array (the library also
 *   follows `length` and the characters of strings); results come in document order, each node once.
 */
import { JSONPath } from "jsonpath-plus";
import { getAtPointer, parsePointer } from "./pointer.js";

declare const checked: unique symbol;

/** A target accepted by {@link parseQuery}, rewritten into the form `jsonpath-plus` reads. */
export type Query = string & { readonly [checked]: true };

/** Success with a value, or failure with a reason (a phrase without a final period). */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A selected node: its JSON pointer (RFC 6901) in the document, and its value. */
export interface Selected {
  readonly pointer: string;
  readonly value: unknown;
}

/**
 * Longest target accepted, in characters. Real targets are a few dozen characters; the library splits a query with
 * regular expressions whose cost grows with the square of its length (20,000 characters already take a second).
 */
export const MAX_TARGET_LENGTH = 4096;
const TYPE_SELECTOR = /^@[a-zA-Z]+\(\)$/;
/**
 * What may stand before a `(` that groups. Anything else makes it a call (after a name, `)`, `]` or a literal) or,
 * after `[` or a quote, a script selector nested in a filter.
 */
const BEFORE_GROUP = new Set(["(", "?", "!", "&", "|", "=", "<", ">", "+", "-", "*", "%", ":", ",", "~", "^"]);
const QUOTED_OR_BLANK = /('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")|\s+/g;

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * Checks an Overlay `target` and rewrites it for {@link selectNodes}. The reason of a failure names the (0-based)
 * position of the problem where there is one; callers report it as `overlay-target-invalid`.
 */
export function parseQuery(target: string): Result<Query> {
  const query = target.trim();
  if (query === "") return fail("the query is empty; it starts with $, such as $.paths");
  if (query[0] !== "$") return fail("a query must start with $");
  if (query.length > MAX_TARGET_LENGTH) return fail(`the query is longer than ${MAX_TARGET_LENGTH} characters`);
  if (query.endsWith(".")) return fail(`a name, * or [ is expected after the dot at position ${query.length - 1}`);
  let out = "";
  for (let i = 0; i < query.length; i++) {
    const c = query[i] as string;
    if (c === "]" || c === ")") return fail(`unexpected ${c} at position ${i}`);
    if (c !== "[" && c !== "(") {
      out += c;
      continue;
    }
    const end = closingIndex(query, i);
    if (typeof end === "string") return fail(end);
    const inner = query.slice(i + 1, end);
    if (c === "(") out += `(${inner})`;
    else {
      const selector = bracketed(inner, i);
      if (!selector.ok) return selector;
      out += `[${selector.value}]`;
    }
    i = end;
  }
  for (const part of JSONPath.toPathArray(out)) {
    if (part === "~") return fail("~ selects property names, not nodes");
    if (/^\(|,\(/.test(part)) return fail(`script selectors such as [${part}] are not supported; use a filter [?…]`);
    const call = TYPE_SELECTOR.test(part) ? -1 : callIndex(part);
    if (call >= 0) return fail(`a filter cannot call functions or hold script selectors (${JSON.stringify(part.slice(Math.max(0, call - 24), call + 1))}); parentheses may only group`);
  }
  return { ok: true, value: out as Query };
}

/** The content of one `[…]` (at `at` in the query) as the library reads it. */
function bracketed(inner: string, at: number): Result<string> {
  const s = inner.trim();
  if (s === "") return fail(`empty brackets at position ${at}`);
  if (s[0] !== "?") return { ok: true, value: s.replace(QUOTED_OR_BLANK, (_, quoted: string | undefined) => quoted ?? "") };
  const expression = s.slice(1).trim();
  if (expression === "") return fail(`empty filter at position ${at}`);
  const wrapped = expression[0] === "(" && closingIndex(expression, 0) === expression.length - 1;
  return { ok: true, value: wrapped ? `?${expression}` : `?(${expression})` };
}

/** The index of the `]` or `)` closing the one opened at `open`, skipping quoted text; or why there is none. */
function closingIndex(text: string, open: number): number | string {
  const stack: { close: string; at: number }[] = [];
  let quote: { char: string; at: number } | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote.char) quote = undefined;
    } else if (c === "'" || c === '"') quote = { char: c, at: i };
    else if (c === "[" || c === "(") stack.push({ close: c === "[" ? "]" : ")", at: i });
    else if (c === "]" || c === ")") {
      if (stack.pop()?.close !== c) return `unexpected ${c} at position ${i}`;
      if (stack.length === 0) return i;
    }
  }
  if (quote) return `unterminated string at position ${quote.at}`;
  const last = stack[stack.length - 1] as { close: string; at: number };
  return `missing ${last.close} for the ${text[last.at]} at position ${last.at}`;
}

/** The index of the first `(` in `text` that does not merely group (see `BEFORE_GROUP`), or -1. Quoted text counts. */
function callIndex(text: string): number {
  for (let i = text.indexOf("("); i >= 0; i = text.indexOf("(", i + 1)) {
    let j = i - 1;
    while (j >= 0 && " \t\r\n".includes(text[j] as string)) j--;
    if (j >= 0 && !BEFORE_GROUP.has(text[j] as string)) return i;
  }
  return -1;
}

/**
 * The nodes `query` selects in `root`, in document order (the order of `Object.keys` and of array indexes), each
 * once. Fails when the library throws (a filter that does not parse, such as `[?(@.a ==)]`); a filter that fails
 * on one node (reading a member of null) only leaves that node out.
 */
export function selectNodes(root: unknown, query: Query): Result<readonly Selected[]> {
  let pointers: string[];
  try {
    const options = { path: query, json: root as object, resultType: "pointer", wrap: true, eval: "safe", ignoreEvalErrors: true } as const;
    pointers = JSONPath<string[] | undefined>(options) ?? [];
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const keyOrders = new Map<object, Map<string, number>>();
  const nodes = new Map<string, Selected & { readonly rank: readonly number[] }>();
  for (const pointer of pointers) {
    const tokens = parsePointer(pointer);
    if (!tokens || nodes.has(pointer)) continue;
    const found = getAtPointer(root, tokens);
    if (found.found) nodes.set(pointer, { pointer, value: found.value, rank: rankOf(root, tokens, keyOrders) });
  }
  return { ok: true, value: [...nodes.values()].sort((a, b) => compareRanks(a.rank, b.rank)).map(({ pointer, value }) => ({ pointer, value })) };
}

/** The position of each step of an existing path among its siblings: the index of the key, or the array index. */
function rankOf(root: unknown, tokens: readonly string[], keyOrders: Map<object, Map<string, number>>): number[] {
  const rank: number[] = [];
  let node = root as Record<string, unknown>;
  for (const token of tokens) {
    if (Array.isArray(node)) rank.push(Number(token));
    else {
      let order = keyOrders.get(node);
      if (!order) keyOrders.set(node, (order = new Map(Object.keys(node).map((key, i) => [key, i]))));
      rank.push(order.get(token) as number);
    }
    node = node[token] as Record<string, unknown>;
  }
  return rank;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}
