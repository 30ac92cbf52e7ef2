/**
 * End-to-end rule checks: inline YAML through the real pipeline (`check` over an in-memory host), reduced to the
 * codes under test with their 1-based line and column.
 */
import { check, createMemoryHost } from "../../../compiler/index.js";

/** A diagnostic as a rule test asserts it. */
export interface Placed {
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Checks `text` as `api.yaml` and returns the diagnostics whose code is in `codes`, in position order.
 * @throws Error when the spec did not reach the rules (it failed loading or the structural checks), listing why.
 */
export function diagnose(text: string, codes: readonly string[]): Placed[] {
  const result = check(createMemoryHost({ "api.yaml": text }), "api.yaml");
  if (!result.model) {
    const why = result.diagnostics.map((d) => {
      const at = result.locate(d);
      return `${at.line}:${at.column} ${d.code}: ${d.message}`;
    });
    throw new Error(`the spec did not reach the rules:\n${why.join("\n")}`);
  }
  return result.diagnostics
    .filter((d) => codes.includes(d.code))
    .map((d) => {
      const at = result.locate(d);
      return { code: d.code, line: at.line, column: at.column };
    });
}

/** A template literal without its first newline and without the indentation its lines share. */
export function yaml(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  const text = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ""), "").replace(/^\n/, "");
  const indents = text.split("\n").filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return text.split("\n").map((l) => l.slice(cut)).join("\n");
}
