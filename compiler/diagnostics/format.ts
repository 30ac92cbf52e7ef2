/**
 * Prints diagnostics: as text for people (`file:line:col - severity code: message` and a code frame, like tsc),
 * as JSON for tools, and as SARIF 2.1.0 for GitHub code scanning.
 */
import pc from "picocolors";
import type { Diagnostic } from "./diagnostic.js";
import type { Location } from "../parse/types.js";

/** What the formatters need besides the diagnostics. */
export interface FormatInput {
  readonly diagnostics: readonly Diagnostic[];
  locate(diagnostic: Diagnostic): Location;
  /** The text of a file that was read, for code frames. */
  sourceText(file: string): string | undefined;
}

/** A diagnostic with its printed place: 1-based line and column. */
export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly pointer: string;
}

/** `{"diagnostics":[{code, severity, message, file, line, column, pointer}]}` followed by a newline. */
export function formatJson(input: FormatInput): string {
  const diagnostics: JsonDiagnostic[] = input.diagnostics.map((d) => {
    const at = input.locate(d);
    return { code: d.code, severity: d.severity, message: d.message, file: at.file, line: at.line, column: at.column, pointer: at.pointer };
  });
  return JSON.stringify({ diagnostics }, null, 2) + "\n";
}

/**
 * Human-readable diagnostics, each with a code frame and the places it relates to (`see also file:line:col`).
 * @param color use ANSI colours (only on a TTY, and never when `NO_COLOR` is set; the caller decides).
 */
export function formatText(input: FormatInput, color: boolean): string {
  const c = pc.createColors(color);
  const paint = { error: c.red, warning: c.yellow, info: c.blue } as const;
  let out = "";
  // Each file is split into lines once, however many diagnostics it has.
  const lines = new Map<string, readonly string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) lines.set(file, input.sourceText(file)?.split(/\r?\n/));
    return lines.get(file);
  };
  for (const d of input.diagnostics) {
    const at = input.locate(d);
    out += `${c.cyan(at.file)}:${c.yellow(String(at.line))}:${c.yellow(String(at.column))} - ${paint[d.severity](d.severity)} ${c.gray(d.code)}: ${d.message}\n`;
    out += codeFrame(linesOf(at.file), at, c);
    for (const origin of d.related ?? []) {
      const { range: _range, ...rest } = d;
      const also = input.locate({ ...rest, origin, part: "key" });
      out += `${" ".repeat(String(at.line).length)} ${c.gray(`see also ${also.file}:${also.line}:${also.column}`)}\n`;
    }
    out += "\n";
  }
  return out;
}

/** The diagnostic's line with a line number gutter and `~` under the range (first line of the range only). */
function codeFrame(lines: readonly string[] | undefined, at: Location, c: ReturnType<typeof pc.createColors>): string {
  const line = lines?.[at.line - 1];
  if (line === undefined) return "";
  const shown = line.length > 200 ? line.slice(0, 200) + "…" : line;
  const gutter = String(at.line);
  const width = Math.max(1, Math.min(at.end - at.start, shown.length - (at.column - 1)));
  const marker = " ".repeat(at.column - 1) + "~".repeat(width);
  return `${c.gray(gutter)} ${shown}\n${" ".repeat(gutter.length)} ${c.red(marker)}\n`;
}

/** SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) with one run of the `portico` tool. */
export function formatSarif(input: FormatInput, toolVersion: string): string {
  const ruleIds = [...new Set(input.diagnostics.map((d) => d.code))].sort();
  const level = { error: "error", warning: "warning", info: "note" } as const;
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "portico",
            version: toolVersion,
            informationUri: "https://github.com/portico-dev/portico",
            rules: ruleIds.map((id) => ({ id, name: id, shortDescription: { text: id.replace(/-/g, " ") } })),
          },
        },
        results: input.diagnostics.map((d) => {
          const at = input.locate(d);
          const endColumn = at.column + Math.max(1, at.end - at.start);
          return {
            ruleId: d.code,
            ruleIndex: ruleIds.indexOf(d.code),
            level: level[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: at.file },
                  region: { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn },
                },
                logicalLocations: [{ fullyQualifiedName: at.pointer || "/", kind: "member" }],
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
