/**
 * Runs a parsed template the way API Gateway's Velocity does (Velocity 1.7 with AWS's configuration,
 * `vtl-and-emulators.md` §1.1–1.2):
 *
 * - A reference whose value is null or undefined evaluates to the empty string (recorded on API Gateway: it prints
 *   nothing, is true in `#if`, equals `""` and `$null`), where stock Velocity would print its own text.
 * - `#set` writes the one global scope; when the right side is null (a `null` literal, arithmetic with no result)
 *   the variable keeps its value, as Velocity 1.7 does by default. `#set($map.key = …)` and `#set($map[$k] = …)`
 *   put into a map, `#set($list[1] = …)` sets a list element; a negative index counts from the end (`$list[-1]`).
 * - `#foreach` iterates lists, arrays, the values of a map, nothing else; it sets `$foreach` (`index`, `count`,
 *   `hasNext`, `first`, `last`, `parent`), `$velocityCount` and `$velocityHasNext`, stops after 1,000 items
 *   (API Gateway's limit) and restores the loop variable afterwards. A list or map that changes size inside its
 *   loop fails the render as Java's iterator does (`ConcurrentModificationException`). `#break` leaves the
 *   innermost loop or `#define` block (outside both, the template); `#stop` ends the template, keeping what was
 *   printed.
 * - `#define($name)` binds a block that renders where `$name` is printed.
 */
import type { Expr, Node, Reference } from "./ast.js";
import { JavaException, VtlError, type TemplatePosition } from "./errors.js";
import { invokeMethod, putEntry, readProperty } from "./java-objects.js";
import { arithmetic, compareNumbers, negate } from "./number.js";
import { parseTemplate } from "./parse.js";
import { isTruthy, javaString, velocityEquals } from "./print.js";
import { ForeachScope, JavaDouble, NO_METHOD, isJavaInt, isJavaInteger, isJavaNumber, viewOwner } from "./values.js";

/** API Gateway's limit on the iterations of one `#foreach` (`apigw-features.md` §3.1). */
export const MAX_FOREACH_ITERATIONS = 1000;
/**
 * Longest text a render may build, in UTF-16 code units: API Gateway's 10 MB payload limit. A template that
 * doubles a string in a loop fails here instead of exhausting memory.
 */
export const MAX_TEXT_LENGTH = 10 * 1024 * 1024;
/** Most items a range literal (`[1..$n]`) may hold; a larger one fails the render. */
export const MAX_RANGE_ITEMS = 100_000;
/** Deepest nesting of `#define` blocks and interpolated strings being rendered (a block printing itself). */
const MAX_NESTING = 100;

/** A `#define` block bound to a variable. */
class DefinedBlock {
  constructor(readonly body: readonly Node[]) {}
}

class BreakSignal {}
class StopSignal {}

/** Evaluates templates against one set of variables. */
export class Evaluator {
  private readonly out: string[][] = [[]];
  private at: TemplatePosition = { line: 1, column: 1 };
  private length = 0;
  /** Above 0 while rendering text parsed apart (a string literal, the tail of `$name(…)`): errors stay at the statement. */
  private foreign = 0;

  constructor(readonly variables: Map<string, unknown>) {}

  /** Renders `nodes` and returns the text. */
  run(nodes: readonly Node[]): string {
    try {
      this.nodes(nodes);
    } catch (signal) {
      if (!(signal instanceof StopSignal || signal instanceof BreakSignal)) throw signal;
    }
    return (this.out[0] as string[]).join("");
  }

  private write(text: string): void {
    this.length += text.length;
    if (this.length > MAX_TEXT_LENGTH) this.fail(`the template produced more than ${MAX_TEXT_LENGTH} characters (API Gateway's payload limit is 10 MB)`);
    (this.out[this.out.length - 1] as string[]).push(text);
  }

  private fail(message: string): never {
    throw new VtlError("runtime", message, this.at.line, this.at.column);
  }

  /** Renders text parsed apart from the template (a string literal, the tail of `$name(…)`). */
  private renderForeign(text: string): string {
    let nodes: readonly Node[];
    try {
      nodes = parseTemplate(text, true).nodes;
    } catch (error) {
      if (error instanceof VtlError) this.fail(`in ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}: ${error.message}`);
      throw error;
    }
    this.foreign++;
    try {
      return this.capture(nodes);
    } finally {
      this.foreign--;
    }
  }

  /**
   * Renders `nodes` into a string of their own (a `#define` block, an interpolated string literal). A `#stop` or
   * `#break` inside keeps what was rendered so far in the output.
   */
  private capture(nodes: readonly Node[]): string {
    if (this.out.length > MAX_NESTING) this.fail(`#define blocks and string literals nest deeper than ${MAX_NESTING} levels`);
    const buffer: string[] = [];
    const length = this.length;
    this.out.push(buffer);
    try {
      this.nodes(nodes);
    } catch (signal) {
      this.out.pop();
      this.length = length;
      if (signal instanceof StopSignal || signal instanceof BreakSignal) this.write(buffer.join(""));
      throw signal;
    }
    this.out.pop();
    this.length = length;
    return buffer.join("");
  }

  /** Renders a `#define` block: a `#break` inside stops the block only (Velocity 1.7's `#break` leaves the innermost `#define` or `#foreach`). */
  private block(body: readonly Node[]): string {
    const before = this.out[this.out.length - 1] as string[];
    const mark = before.length;
    try {
      return this.capture(body);
    } catch (signal) {
      if (!(signal instanceof BreakSignal)) throw signal;
      const text = before.splice(mark).join("");
      this.length -= text.length;
      return text;
    }
  }

  private nodes(nodes: readonly Node[]): void {
    for (const node of nodes) this.node(node);
  }

  private node(node: Node): void {
    switch (node.kind) {
      case "text":
        this.write(node.text);
        return;
      case "reference": {
        this.locate(node.at);
        this.write(this.print(this.reference(node.ref)));
        if (node.tail !== null) this.write(this.renderForeign(node.tail));
        return;
      }
      case "set":
        this.locate(node.at);
        this.set(node.target, this.expr(node.value));
        return;
      case "if":
        for (const branch of node.branches) {
          this.locate(branch.at);
          if (branch.condition === null || isTruthy(this.expr(branch.condition))) {
            this.nodes(branch.body);
            return;
          }
        }
        return;
      case "foreach":
        this.locate(node.at);
        this.foreach(node.variable, this.expr(node.iterable), node.body);
        return;
      case "define":
        this.variables.set(node.name, new DefinedBlock(node.body));
        return;
      case "break":
        throw new BreakSignal();
      case "stop":
        throw new StopSignal();
    }
  }

  private locate(at: TemplatePosition): void {
    if (this.foreign === 0) this.at = at;
  }

  /** The text a value prints as: a null reference prints nothing, a `#define` block its rendering. */
  private print(value: unknown): string {
    if (value === null || value === undefined) return "";
    if (value instanceof DefinedBlock) return this.block(value.body);
    return javaString(value);
  }

  private foreach(variable: string, iterable: unknown, body: readonly Node[]): void {
    let items: unknown[];
    if (Array.isArray(iterable)) items = [...iterable];
    else if (iterable instanceof Map) items = [...iterable.values()];
    else return;
    items = items.slice(0, MAX_FOREACH_ITERATIONS);
    const source = (Array.isArray(iterable) ? viewOwner(iterable) : undefined) ?? iterable;
    const size = () => (Array.isArray(source) ? source.length : (source as Map<unknown, unknown>).size);
    const initialSize = size();
    const saved = ["foreach", "velocityCount", "velocityHasNext", variable].map((name) => [name, this.variables.get(name)] as const);
    const outer = this.variables.get("foreach");
    const parent = outer instanceof ForeachScope ? outer : null;
    try {
      for (let i = 0; i < items.length; i++) {
        const scope = new ForeachScope(i, items.length, parent);
        this.variables.set(variable, items[i] ?? null);
        this.variables.set("foreach", scope);
        this.variables.set("velocityCount", i + 1);
        this.variables.set("velocityHasNext", scope.hasNext);
        try {
          this.nodes(body);
        } catch (signal) {
          if (signal instanceof BreakSignal) break;
          throw signal;
        }
        if (size() !== initialSize) {
          // The list or map changed size under its iterator: Java's next() throws, unless hasNext() already says
          // the walk is over (a list now as long as the items read, a map at its last entry).
          if (Array.isArray(source) ? size() === i + 1 : i + 1 === initialSize) break;
          this.fail("java.util.ConcurrentModificationException: the #foreach source changed size inside the loop");
        }
      }
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) this.variables.delete(name);
        else this.variables.set(name, value);
      }
    }
  }

  private set(target: Reference, value: unknown): void {
    if (value === null || value === undefined) return;
    if (target.path.length === 0) {
      this.variables.set(target.root, value);
      return;
    }
    const base = this.resolve({ root: target.root, path: target.path.slice(0, -1) });
    const last = target.path[target.path.length - 1];
    if (base === null || base === undefined || !last || last.kind === "method") return;
    const key = last.kind === "property" ? last.name : this.expr(last.key);
    this.guard(() => {
      if (base instanceof Map) putEntry(base, key, value);
      else if (Array.isArray(base) && isJavaInt(key)) invokeMethod(base, "set", [listIndex(base, key), value]);
    });
  }

  /** Runs `fn`, turning a Java exception into a runtime error at the current statement. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof JavaException) throw new VtlError("runtime", error.message, this.at.line, this.at.column);
      throw error;
    }
  }

  /** The value of a reference: API Gateway turns null into the empty string. */
  private reference(ref: Reference): unknown {
    return this.resolve(ref) ?? "";
  }

  /** Walks a reference; null as soon as a step yields nothing. */
  private resolve(ref: Reference): unknown {
    let value: unknown = this.variables.get(ref.root) ?? null;
    for (const step of ref.path) {
      if (value === null || value === undefined) return null;
      if (value instanceof DefinedBlock) value = this.print(value);
      const target = value;
      if (step.kind === "property") value = this.guard(() => readProperty(target, step.name));
      else if (step.kind === "index") {
        const key = this.expr(step.key);
        value = this.guard(() => index(target, key));
      } else {
        const args = step.args.map((a) => this.expr(a));
        const result = this.guard(() => invokeMethod(target, step.name, args));
        value = result === NO_METHOD ? null : result;
      }
    }
    return value ?? null;
  }

  expr(expr: Expr): unknown {
    switch (expr.kind) {
      case "string":
        return expr.interpolate ? this.renderForeign(expr.value) : expr.value;
      case "integer":
      case "boolean":
        return expr.value;
      case "double":
        return new JavaDouble(expr.value);
      case "null":
        return null;
      case "list":
        return expr.items.map((item) => this.expr(item));
      case "range": {
        const from = this.expr(expr.from);
        const to = this.expr(expr.to);
        if (!isJavaInt(from) || !isJavaInt(to)) return null;
        if (Math.abs(to - from) >= MAX_RANGE_ITEMS) this.fail(`the range [${from}..${to}] has more than ${MAX_RANGE_ITEMS} items`);
        const step = from <= to ? 1 : -1;
        const out: number[] = [];
        for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(i);
        return out;
      }
      case "map": {
        const map = new Map<unknown, unknown>();
        for (const [key, value] of expr.entries) map.set(key, this.expr(value));
        return map;
      }
      case "reference":
        return this.reference(expr.ref);
      case "not":
        return !isTruthy(this.expr(expr.operand));
      case "negate": {
        const value = this.expr(expr.operand);
        return isJavaNumber(value) ? negate(value) : null;
      }
      case "binary":
        return this.binary(expr.op, expr.left, expr.right);
      case "group":
        return this.expr(expr.expr);
    }
  }

  private binary(op: string, leftExpr: Expr, rightExpr: Expr): unknown {
    if (op === "&&") return isTruthy(this.expr(leftExpr)) && isTruthy(this.expr(rightExpr));
    if (op === "||") return isTruthy(this.expr(leftExpr)) || isTruthy(this.expr(rightExpr));
    const left = this.expr(leftExpr);
    const right = this.expr(rightExpr);
    switch (op) {
      case "==":
        return velocityEquals(left, right);
      case "!=":
        return !velocityEquals(left, right);
      case "<":
      case ">":
      case "<=":
      case ">=": {
        if (!isJavaNumber(left) || !isJavaNumber(right)) return false;
        const c = compareNumbers(left, right);
        return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
      }
      case "+":
        if (typeof left === "string" || typeof right === "string") {
          // A side without a value prints as its text when it is a parenthesised group (Velocity 1.7's literal()).
          const side = (value: unknown, e: Expr) => (value === null && e.kind === "group" ? e.source : this.print(value));
          const joined = side(left, leftExpr) + side(right, rightExpr);
          if (joined.length > MAX_TEXT_LENGTH) this.fail(`a string grew past ${MAX_TEXT_LENGTH} characters (API Gateway's payload limit is 10 MB)`);
          return joined;
        }
        return isJavaNumber(left) && isJavaNumber(right) ? arithmetic("+", left, right) : null;
      default:
        return isJavaNumber(left) && isJavaNumber(right) ? arithmetic(op as "-" | "*" | "/" | "%", left, right) : null;
    }
  }
}

/** A list index as Velocity 1.7's `[…]` reads it: a negative index counts from the end (`$list[-1]` is the last item). */
function listIndex(items: readonly unknown[], key: unknown): unknown {
  return isJavaInt(key) && key < 0 ? key + items.length : key;
}

/**
 * `base[key]`: a map entry, or a list element by integer index (an index out of range throws, as in Java). A
 * negative integer counts from the end of anything with a `size()` (a map is then read at `size + key`); on
 * anything else Velocity 1.7 fails.
 */
function index(base: unknown, key: unknown): unknown {
  if (isJavaInt(key) && key < 0 && !Array.isArray(base)) {
    if (base instanceof Map) return base.get(base.size + key) ?? null;
    throw new JavaException(`A 'size()' method required for negative value ${key} does not exist for ${javaString(base)}`);
  }
  if (base instanceof Map) return base.get(key) ?? null;
  if (Array.isArray(base)) {
    if (!isJavaInteger(key)) return null;
    const result = invokeMethod(base, "get", [listIndex(base, key)]);
    return result === NO_METHOD ? null : result;
  }
  return null;
}
