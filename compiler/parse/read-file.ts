/**
 * Reads and parses one file through the host: size first (`stat`, nothing is read above the limit), then the
 * text, then the parser chosen by extension or content.
 */
import * as path from "node:path";
import type { CompilerHost } from "../host.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseJson } from "./json.js";
import type { ParsedText } from "./parsed-text.js";
import { createSourceText, stripBom } from "./source-text.js";
import type { LoadedFile, SourceText } from "./types.js";
import { parseYaml } from "./yaml.js";

/** What {@link readSpecFile} produced: the file when it could be read (its value may still be undefined). */
export interface ReadOutcome {
  readonly file: LoadedFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads `absolute` (shown as `display`) and parses it. Diagnostics: `file-not-found`, `file-unreadable` (a
 * folder, permissions, …), `file-too-large` (above `maxFileSize` bytes), `file-empty` (only whitespace, or a
 * YAML file with only comments), then whatever the JSON or YAML parser reports.
 */
export function readSpecFile(host: CompilerHost, absolute: string, display: string, maxFileSize: number): ReadOutcome {
  const origin = { file: display, pointer: "" };
  const fail = (d: Diagnostic): ReadOutcome => ({ file: undefined, diagnostics: [d] });
  const stat = host.stat(absolute);
  if (!stat) return fail(createDiagnostic({ code: "file-not-found", args: { path: display }, origin }));
  if (!stat.isFile) {
    return fail(createDiagnostic({ code: "file-unreadable", args: { path: display, reason: "it is not a regular file" }, origin }));
  }
  if (stat.size > maxFileSize) {
    return fail(
      createDiagnostic({ code: "file-too-large", args: { path: display, size: String(stat.size), limit: String(maxFileSize) }, origin }),
    );
  }
  let raw: string;
  let realPath: string;
  try {
    raw = host.readFile(absolute);
    realPath = host.realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return fail(createDiagnostic({ code: "file-not-found", args: { path: display }, origin }));
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : (code ?? "read error");
    return fail(createDiagnostic({ code: "file-unreadable", args: { path: display, reason }, origin }));
  }
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const source = createSourceText(display, stripBom(raw));
  const empty = createDiagnostic({ code: "file-empty", args: { path: display }, origin });
  if (source.text.trim() === "") {
    return { file: { path: display, realPath, language: languageOf(absolute, source.text), source, value: undefined, rangeOf: () => undefined }, diagnostics: [empty] };
  }
  const parsed = parse(absolute, source, hasBom);
  const blank = parsed.diagnostics.length === 0 && (parsed.value === undefined || (parsed.value === null && onlyComments(source.text)));
  const diagnostics = blank ? [empty] : parsed.diagnostics;
  const file: LoadedFile = {
    path: display,
    realPath,
    language: parsed.language,
    source,
    value: blank ? undefined : parsed.value,
    rangeOf: parsed.rangeOf,
  };
  return { file, diagnostics };
}

/** True when every line is blank or a YAML comment. */
function onlyComments(text: string): boolean {
  return text.split(/\r\n|\r|\n/).every((line) => /^\s*(#.*)?$/.test(line));
}

function languageOf(file: string, text: string): "json" | "yaml" {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return "json";
  return /^\s*[[{]/.test(text) ? "json" : "yaml";
}

/**
 * `.json` files are JSON; other files are JSON when they start with `{` or `[` (the fast path), except that a
 * `.yaml`/`.yml` file which is not valid JSON is read as YAML (a YAML flow mapping also starts with `{`).
 */
function parse(file: string, source: SourceText, hasBom: boolean): ParsedText {
  if (languageOf(file, source.text) === "yaml") return parseYaml(source, hasBom);
  const json = parseJson(source);
  const ext = path.extname(file).toLowerCase();
  const yamlFile = ext === ".yaml" || ext === ".yml";
  if (yamlFile && json.diagnostics.some((d) => d.code === "syntax-error")) return parseYaml(source, hasBom);
  return json;
}
