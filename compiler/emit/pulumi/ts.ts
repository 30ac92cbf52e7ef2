/**
 * A small expression builder for the generated program, escape-by-default: a JavaScript string is always written
 * as a string literal through `JSON.stringify`, so spec text can never become code. Code is written only through
 * {@link raw}, which callers use for fixed program text and for identifiers from `model/names.ts`.
 */

/**
 * Text written line by line at an indentation level (two spaces a level): each line's indentation is written before
 * its first character, so blank lines stay empty and multi-line text is indented as a whole.
 */
class CodeWriter {
  readonly #chunks: string[] = [];
  #level = 0;
  #atLineStart = true;

  /** Writes `text`; every line of it that has text starts at the current indentation. */
  write(text: string): this {
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) this.newLine();
      if (line.length === 0) return;
      if (this.#atLineStart) this.#chunks.push("  ".repeat(this.#level));
      this.#chunks.push(line);
      this.#atLineStart = false;
    });
    return this;
  }

  /** Ends the current line. */
  newLine(): this {
    this.#chunks.push("\n");
    this.#atLineStart = true;
    return this;
  }

  /** Runs `block` one indentation level deeper. */
  indent(block: () => void): void {
    this.#level++;
    block();
    this.#level--;
  }

  toString(): string {
    return this.#chunks.join("");
  }
}

/** A fragment of code, written as is. Never built from spec text. */
export class Raw {
  constructor(readonly text: string) {}
}

/** Marks fixed program text or a derived identifier as code. */
export function raw(text: string): Raw {
  return new Raw(text);
}

/**
 * An object literal whose keys come from the spec (environment variables, tags, stage variables). Entries are
 * written in the order given (callers sort them); a `__proto__` key is written as a computed key, so it stays an
 * own property instead of setting the literal's prototype.
 */
export class Entries {
  constructor(readonly entries: readonly (readonly [string, Expr])[]) {}
}

/** An object literal with fixed keys. `undefined` values are left out. */
export interface Fields {
  readonly [key: string]: Expr;
}

/** What the builder writes: literals, arrays, object literals, or code. */
export type Expr = Raw | Entries | Fields | string | number | boolean | undefined | readonly Expr[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function writeKey(writer: CodeWriter, key: string): void {
  if (key === "__proto__") writer.write(`[${JSON.stringify(key)}]`);
  else writer.write(IDENTIFIER.test(key) ? key : JSON.stringify(key));
}

function isInline(items: readonly Expr[]): boolean {
  return items.every((item) => typeof item !== "object" || item instanceof Raw) && items.length <= 4;
}

/** Writes `expr` at the writer's position. @throws Error for a non-finite number or a top-level `undefined`. */
function writeExpr(writer: CodeWriter, expr: Expr): void {
  if (expr === undefined) throw new Error("Cannot write undefined as an expression.");
  if (expr instanceof Raw) {
    writer.write(expr.text);
  } else if (typeof expr === "string") {
    writer.write(JSON.stringify(expr));
  } else if (typeof expr === "number") {
    if (!Number.isFinite(expr)) throw new Error(`Cannot write ${expr} as a literal.`);
    writer.write(String(expr));
  } else if (typeof expr === "boolean") {
    writer.write(String(expr));
  } else if (Array.isArray(expr)) {
    writeArray(writer, expr);
  } else {
    const entries = expr instanceof Entries ? expr.entries : Object.entries(expr as Fields);
    writeObject(writer, entries.filter(([, value]) => value !== undefined));
  }
}

function writeArray(writer: CodeWriter, items: readonly Expr[]): void {
  if (isInline(items)) {
    writer.write("[");
    items.forEach((item, i) => {
      if (i > 0) writer.write(", ");
      writeExpr(writer, item);
    });
    writer.write("]");
    return;
  }
  writer.write("[").newLine();
  writer.indent(() => {
    for (const item of items) {
      writeExpr(writer, item);
      writer.write(",").newLine();
    }
  });
  writer.write("]");
}

function writeObject(writer: CodeWriter, entries: readonly (readonly [string, Expr])[]): void {
  if (entries.length === 0) {
    writer.write("{}");
    return;
  }
  writer.write("{").newLine();
  writer.indent(() => {
    for (const [key, value] of entries) {
      writeKey(writer, key);
      writer.write(": ");
      writeExpr(writer, value);
      writer.write(",").newLine();
    }
  });
  writer.write("}");
}

/** `expr` as code text, two-space indented. */
export function render(expr: Expr): string {
  const writer = new CodeWriter();
  writeExpr(writer, expr);
  return writer.toString();
}

/** `text` with each of its lines that has text indented by one level (two spaces). */
export function indentLines(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.length === 0 ? line : `  ${line}`))
    .join("\n");
}

/** A call: `callee(arg, …)`. `callee` is fixed program text or an identifier. */
export function call(callee: string, ...args: Expr[]): Raw {
  return raw(`${callee}(${args.map(render).join(", ")})`);
}

/** A resource: `new type(name, args[, options])`, the logical name written as a string literal. */
export function resource(type: string, name: string, args: Expr, options?: Fields): Raw {
  return options === undefined ? call(`new ${type}`, name, args) : call(`new ${type}`, name, args, options);
}

/** A member of an identifier: `object.member` (both fixed text or derived identifiers). */
export function member(object: string, memberName: string): Raw {
  return raw(`${object}.${memberName}`);
}
