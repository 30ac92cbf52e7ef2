/**
 * Diagnostics as data: what went wrong, where, and how bad it is.
 *
 * A diagnostic names its place by {@link Origin} (file + JSON pointer), not by line and column: positions are
 * computed only when a diagnostic is printed, from the file's source map, so a clean run never pays for them.
 */
import { codes, type DiagnosticArgs, type DiagnosticCode } from "./codes.js";

/** How bad a diagnostic is. Errors stop the build; warnings and infos do not. */
export type Severity = "error" | "warning" | "info";

/**
 * Where a node came from: the file that holds its text and the JSON pointer (RFC 6901) to it inside that file.
 * `file` is the path as given on the command line or as resolved from a `$ref`, relative to the working folder.
 */
export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

/** Which part of a `key: value` pair a diagnostic underlines. Unknown keys point at the key, bad values at the value. */
export type TargetPart = "key" | "value";

/** One diagnostic. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly origin: Origin;
  readonly part: TargetPart;
  /**
   * A 0-based character offset range in `origin.file` that overrides the pointer lookup, for diagnostics raised
   * before a pointer exists (syntax errors). `[start, end)`.
   */
  readonly range?: readonly [number, number];
  /** Other places involved (the first definition of a duplicate, the `$ref` sites of a shared component). */
  readonly related?: readonly Origin[];
}

/** The arguments of {@link createDiagnostic} for the code `C`. */
export type DiagnosticInit<C extends DiagnosticCode> = {
  readonly code: C;
  readonly origin: Origin;
  readonly part?: TargetPart;
  readonly range?: readonly [number, number];
  readonly related?: readonly Origin[];
  /** Overrides the table's severity, e.g. a quota that is hard for one API kind and soft for another. */
  readonly severity?: Severity;
} & (keyof DiagnosticArgs<C> extends never ? { readonly args?: DiagnosticArgs<C> } : { readonly args: DiagnosticArgs<C> });

/**
 * Builds a diagnostic from the code table. The message parameters are type-checked against the code.
 * @throws Error (a compiler bug) if the code is not in the table.
 */
export function createDiagnostic<C extends DiagnosticCode>(init: DiagnosticInit<C>): Diagnostic {
  const entry = codes[init.code];
  if (!entry) {
    throw new Error(`Unknown diagnostic code ${String(init.code)}; known: ${Object.keys(codes).join(", ")}`);
  }
  const args = Object.fromEntries(Object.entries(init.args ?? {}).map(([k, v]) => [k, printable(String(v))]));
  const message = (entry.message.format as (a: unknown) => string)(args);
  return {
    code: init.code,
    severity: init.severity ?? entry.severity,
    message,
    origin: init.origin,
    part: init.part ?? "value",
    ...(init.range ? { range: init.range } : {}),
    ...(init.related && init.related.length > 0 ? { related: init.related } : {}),
  };
}

/** Control characters, line and paragraph separators and bidirectional controls. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Escapes what would let a name from the spec break out of its message: a line break could forge a diagnostic
 * line, an escape sequence could recolour the terminal, a bidi control could reorder what is shown
 * (security.md §3.12). `a\nb` becomes `a\u{A}b`.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}

/** A sink for diagnostics that passes are handed; it also answers whether errors were seen. */
export class DiagnosticCollector {
  readonly #items: Diagnostic[] = [];
  #errors = 0;

  /** Adds built diagnostics. */
  add(...diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      this.#items.push(d);
      if (d.severity === "error") this.#errors++;
    }
  }

  /** Builds a diagnostic from the code table and adds it. */
  report<C extends DiagnosticCode>(init: DiagnosticInit<C>): void {
    this.add(createDiagnostic(init));
  }

  /** True when at least one error was added. */
  get hasErrors(): boolean {
    return this.#errors > 0;
  }

  /** Number of errors added so far. */
  get errorCount(): number {
    return this.#errors;
  }

  /** Everything added, in the order it was added. */
  get diagnostics(): readonly Diagnostic[] {
    return this.#items;
  }
}

/** Sorts diagnostics by file, then position key, then code, so output order never depends on pass order. */
export function sortDiagnostics(
  diagnostics: readonly Diagnostic[],
  offsetOf: (d: Diagnostic) => number,
): Diagnostic[] {
  return diagnostics
    .map((d) => ({ d, offset: offsetOf(d) }))
    .sort(
      (a, b) =>
        (a.d.origin.file < b.d.origin.file ? -1 : a.d.origin.file > b.d.origin.file ? 1 : 0) ||
        a.offset - b.offset ||
        (a.d.code < b.d.code ? -1 : a.d.code > b.d.code ? 1 : 0) ||
        (a.d.message < b.d.message ? -1 : a.d.message > b.d.message ? 1 : 0),
    )
    .map((x) => x.d);
}
