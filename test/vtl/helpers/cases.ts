/**
 * The conformance cases under `test/vtl/cases/<name>/`: `template.vtl`, `input.json` (the `portico template render
 * --input` format), `case.json` (`source`, `compare`: `exact` | `json` | `whitespace`, `response`, optional
 * `overrides` and `error` {kind, line, column}) and `expected.txt` (absent for error cases).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const CASES_DIR = path.join("test", "vtl", "cases");

/** One case, read from its folder. */
export interface ConformanceCase {
  readonly name: string;
  readonly dir: string;
  readonly template: string;
  readonly input: { body: string | null; headers?: Record<string, string>; query?: Record<string, string>; path?: Record<string, string>; context?: Record<string, unknown>; stageVariables?: Record<string, string> };
  readonly source: string;
  readonly compare: "exact" | "json" | "whitespace";
  readonly response: boolean;
  readonly overrides?: unknown;
  readonly error?: { readonly kind: "syntax" | "runtime"; readonly line: number; readonly column: number };
  readonly expected?: string;
}

/** Every case, by name. */
export function readCases(): ConformanceCase[] {
  return fs
    .readdirSync(CASES_DIR)
    .sort()
    .map((name) => {
      const dir = path.join(CASES_DIR, name);
      const meta = JSON.parse(fs.readFileSync(path.join(dir, "case.json"), "utf8")) as Omit<ConformanceCase, "name" | "dir" | "template" | "input" | "expected">;
      const expectedFile = path.join(dir, "expected.txt");
      return {
        ...meta,
        response: meta.response ?? false,
        name,
        dir,
        template: fs.readFileSync(path.join(dir, "template.vtl"), "utf8"),
        input: JSON.parse(fs.readFileSync(path.join(dir, "input.json"), "utf8")) as ConformanceCase["input"],
        ...(fs.existsSync(expectedFile) ? { expected: fs.readFileSync(expectedFile, "utf8") } : {}),
      };
    });
}

/** Whitespace normalised the way the recorded cases were (line breaks to spaces, runs of blanks to one, trimmed). */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\n/g, " ").trim().replace(/\s+/g, " ");
}
