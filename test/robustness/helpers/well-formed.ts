/**
 * What every run of `check` must give, whatever the input: diagnostics with a code of the table, a severity, a
 * one-line printable message, and a position inside the text of the file it names. Plus the in-memory tree the properties
 * check specs in: a sample's folder under `spec/`, and files that random `$ref`s may name (inside the folder,
 * outside it, a symlink out of it, a text file, a folder named like a YAML file).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { codes } from "../../../compiler/diagnostics/codes.js";
import type { CheckResult } from "../../../compiler/index.js";

const SEVERITIES = new Set(["error", "warning", "info"]);

/** What a message must not hold: control characters (C0, DEL, C1) and the line and paragraph separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * Everything wrong with the diagnostics of `result`, one line each; empty when all is well. A position is 1-based
 * and lies within the file's text (column at most one past the end of its line); a diagnostic in a file that was
 * never read is at 1:1.
 */
export function diagnosticProblems(result: CheckResult): string[] {
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    const at = result.locate(d);
    const where = `${d.code} at ${at.file}:${at.line}:${at.column} (${d.origin.pointer})`;
    if (!Object.hasOwn(codes, d.code)) problems.push(`${where}: unknown code`);
    if (!SEVERITIES.has(d.severity)) problems.push(`${where}: severity ${String(d.severity)}`);
    if (d.message.trim() === "" || d.message.includes("[object Object]") || UNPRINTABLE.test(d.message)) {
      problems.push(`${where}: message ${JSON.stringify(d.message)}`);
    }
    if (!(at.line >= 1 && at.column >= 1 && at.end >= at.start)) problems.push(`${where}: bad position`);
    const text = result.sourceText(at.file);
    if (text === undefined) {
      if (at.line !== 1 || at.column !== 1) problems.push(`${where}: position in a file that was not read`);
      continue;
    }
    const lines = text.split(/\r\n|\r|\n/);
    const line = lines[at.line - 1];
    if (line === undefined) problems.push(`${where}: line beyond the ${lines.length} of the file`);
    else if (at.column > line.length + 1) problems.push(`${where}: column beyond the line's ${line.length} characters`);
    if (at.end > text.length) problems.push(`${where}: range ends past the file`);
  }
  return problems;
}

/** An in-memory tree for `createMemoryHost`: path → text, or a symlink. */
export type Tree = Record<string, string | { readonly symlink: string }>;

/** Files random `$ref`s can reach, around a spec in `spec/`. */
const NEIGHBOURS: Readonly<Tree> = {
  "spec/other.yaml": "Thing: { type: object, properties: { next: { $ref: '#/Thing' } } }\n",
  "spec/notes.txt": "SECRET_TOKEN=abc123\n",
  "spec/folder.yaml/inside.yaml": "type: object\n",
  "spec/link.yaml": { symlink: "../outside.yaml" },
  "outside.yaml": "type: object\n",
};

/**
 * The memory-host tree for a sample: every file under `dir` (except its spec) at `spec/<relative path>`, plus
 * the neighbours random `$ref`s name.
 */
export function sampleTree(dir: string): Tree {
  const tree: Tree = { ...NEIGHBOURS };
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (child !== "openapi.yaml") tree[`spec/${child}`] = fs.readFileSync(path.join(dir, child), "utf8");
    }
  };
  walk("");
  return tree;
}
