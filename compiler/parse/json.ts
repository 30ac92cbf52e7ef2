/**
 * JSON files: the value comes from `JSON.parse`. When it accepts the text and a cheap pass finds no duplicate key
 * and no deep nesting (`json-prescan.ts`), that is all; otherwise one `jsonc-parser` scan, which `JSON.parse`
 * cannot do, finds duplicate keys, syntax errors with their offsets and nesting beyond {@link MAX_DEPTH}. Ranges
 * for diagnostics are built only when a position is first asked for (see `json-ranges.ts`).
 */
import type { JSONPath } from "jsonc-parser";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isPlainJson } from "./json-prescan.js";
import { jsoncParser } from "./lazy-packages.js";
import { buildJsonRanges } from "./json-ranges.js";
import { MAX_DEPTH } from "./limits.js";
import { pointerFrom } from "./pointer.js";
import { StopScan, type ParsedText } from "./parsed-text.js";
import type { NodeRange, SourceText } from "./types.js";

const errorText: Readonly<Record<number, string>> = {
  1: "unexpected character",
  2: "invalid number",
  3: "property name expected",
  4: "value expected",
  5: "colon expected",
  6: "comma expected",
  7: "closing brace expected",
  8: "closing bracket expected",
  9: "end of file expected",
  10: "comments are not allowed in JSON",
  11: "unterminated comment",
  12: "unterminated string",
  13: "unterminated number",
  14: "invalid unicode escape",
  15: "invalid escape character",
  16: "invalid character in string",
};

interface DeepNode {
  readonly pointer: string;
  readonly range: NodeRange;
}

/**
 * Parses a JSON text. Diagnostics: `syntax-error` (the first one, with its range), `duplicate-key` (on the second
 * key, the first as `related`; the value keeps the last one, as `JSON.parse` does) and `nesting-too-deep` (at the
 * first node deeper than {@link MAX_DEPTH}; the scan stops there, before any recursion could exhaust the stack).
 */
export function parseJson(source: SourceText): ParsedText {
  const plain = parsePlain(source.text);
  if (plain) return withRanges(source.text, plain.value, []);
  const file = source.path;
  const diagnostics: Diagnostic[] = [];
  const keySets: (Set<string> | undefined)[] = [];
  let syntaxError = false;
  let deep: DeepNode | undefined;
  let lastKey: readonly [number, number] | undefined;

  const tooDeep = (path: () => JSONPath, offset: number, length: number, key?: readonly [number, number]) => {
    deep = { pointer: pointerFrom(path()), range: { ...(key ? { key } : {}), value: [offset, offset + length] } };
    throw new StopScan();
  };
  const enter = (offset: number, length: number, path: () => JSONPath, isObject: boolean) => {
    if (keySets.length > MAX_DEPTH) tooDeep(path, offset, length, keySets.at(-1) ? lastKey : undefined);
    keySets.push(isObject ? new Set() : undefined);
  };
  try {
    jsoncParser().visit(
      source.text,
      {
        onObjectBegin: (offset, length, _l, _c, path) => enter(offset, length, path, true),
        onArrayBegin: (offset, length, _l, _c, path) => enter(offset, length, path, false),
        onObjectEnd: () => void keySets.pop(),
        onArrayEnd: () => void keySets.pop(),
        onObjectProperty(name, offset, length, _l, _c, path) {
          lastKey = [offset, offset + length];
          if (keySets.length > MAX_DEPTH) tooDeep(() => [...path(), name], offset, length, lastKey);
          const keys = keySets.at(-1);
          if (!keys) return;
          if (!keys.has(name)) {
            keys.add(name);
            return;
          }
          const pointer = pointerFrom([...path(), name]);
          diagnostics.push(
            createDiagnostic({
              code: "duplicate-key",
              args: { key: JSON.stringify(name) },
              origin: { file, pointer },
              part: "key",
              range: [offset, offset + length],
              related: [{ file, pointer }],
            }),
          );
        },
        onLiteralValue(_value, offset, length, _l, _c, path) {
          if (keySets.length > MAX_DEPTH) tooDeep(path, offset, length);
        },
        onError(code, offset, length) {
          if (syntaxError) return;
          syntaxError = true;
          diagnostics.push(
            createDiagnostic({
              code: "syntax-error",
              args: { language: "JSON", detail: errorText[code] ?? "unexpected input" },
              origin: { file, pointer: "" },
              range: [offset, offset + Math.max(length, 0)],
            }),
          );
        },
      },
      { disallowComments: true, allowTrailingComma: false },
    );
  } catch (error) {
    if (error instanceof StopScan || error instanceof RangeError) {
      deep ??= { pointer: "", range: { value: [0, 0] } };
    } else {
      // Not a JSON error: the text broke the scanner itself. It is still a problem of this file, not a crash.
      const detail = "the JSON scanner cannot read this text";
      diagnostics.push(createDiagnostic({ code: "syntax-error", args: { language: "JSON", detail }, origin: { file, pointer: "" } }));
      syntaxError = true;
    }
  }
  if (deep) return tooDeepResult(source, deep, diagnostics);

  let value: unknown;
  if (!syntaxError) {
    try {
      value = JSON.parse(source.text);
    } catch (error) {
      diagnostics.push(nativeSyntaxError(file, source.text, error));
    }
  }
  return withRanges(source.text, value, diagnostics);
}

/** The value of `text` when `JSON.parse` accepts it and the full scan would report nothing. */
function parsePlain(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isPlainJson(text, value) ? { value } : undefined;
}

function withRanges(text: string, value: unknown, diagnostics: Diagnostic[]): ParsedText {
  let ranges: ((pointer: string) => NodeRange | undefined) | undefined;
  return { language: "json", value, diagnostics, rangeOf: (pointer) => (ranges ??= rangesOrNone(text))(pointer) };
}

/** The range map, or an empty one if the scanner fails (positions then fall back to the start of the file). */
function rangesOrNone(text: string): (pointer: string) => NodeRange | undefined {
  try {
    return buildJsonRanges(text);
  } catch {
    return () => undefined;
  }
}

function tooDeepResult(source: SourceText, deep: DeepNode, earlier: Diagnostic[]): ParsedText {
  const diagnostic = createDiagnostic({
    code: "nesting-too-deep",
    args: { limit: String(MAX_DEPTH) },
    origin: { file: source.path, pointer: deep.pointer },
    range: deep.range.key ?? deep.range.value,
  });
  return {
    language: "json",
    value: undefined,
    diagnostics: [...earlier, diagnostic],
    rangeOf: (pointer) => (pointer === deep.pointer ? deep.range : undefined),
  };
}

/**
 * A `JSON.parse` failure that the scan did not see (both accept the same language, so this is a safety net).
 * Only the offset is kept: engine messages quote the text, and file contents are never echoed.
 */
function nativeSyntaxError(file: string, text: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : "";
  const at = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
  const offset = Math.min(at, text.length);
  return createDiagnostic({
    code: "syntax-error",
    args: { language: "JSON", detail: "invalid JSON" },
    origin: { file, pointer: "" },
    range: [offset, Math.min(offset + 1, text.length)],
  });
}
