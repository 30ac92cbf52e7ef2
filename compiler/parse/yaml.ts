/**
 * YAML files: the value comes from `js-yaml` with the core schema (timestamps stay strings, `<<` is a plain key),
 * which is several times faster than `yaml`'s document API; positions come later, through `yaml-ranges.ts`
 * (a second `js-yaml` pass), only when a diagnostic needs one. A listener on `js-yaml`'s node events bounds the
 * nesting depth before its recursion could exhaust the stack, and notices aliases of collections, which `js-yaml`
 * turns into shared references; those are then expanded under a budget (`shared-nodes.ts`).
 */
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { MAX_DEPTH } from "./limits.js";
import { StopScan, type ParsedText } from "./parsed-text.js";
import { unshareNodes } from "./shared-nodes.js";
import { childPointer, parsePointer } from "./pointer.js";
import type { SourceText } from "./types.js";
import { findTooDeep, lexYaml, secondDocumentOffset, tagBefore } from "./yaml-cst.js";
import { createParsedYamlRanges, createYamlRanges, type YamlRanges } from "./yaml-ranges.js";

/**
 * Parses a YAML text. Diagnostics: `duplicate-key`, `multiple-documents`, `unknown-tag`, `syntax-error` (each
 * with the range of the offending text), `nesting-too-deep` (at the first node deeper than {@link MAX_DEPTH}) and
 * `alias-limit` (see {@link unshareNodes}). The value is undefined whenever a diagnostic is an error.
 */
export function parseYaml(source: SourceText, hasBom: boolean): ParsedText {
  // The source text has its BOM replaced by a space, which YAML would read as indentation: the parsers get the
  // BOM back. `yaml` keeps it as a token (offsets unchanged); `js-yaml` drops it, so its offsets are one short.
  const text = hasBom ? "\ufeff" + source.text.slice(1) : source.text;
  const shift = hasBom ? 1 : 0;
  // js-yaml opens one node event per composed node, plus one for the document and, for a node that could have
  // been an implicit key, one more: the event depth is the pointer depth plus 1 or 2. Above limit + 2 the text
  // is certainly too deep and parsing stops; at limit + 2 it may be, and the syntax tree decides.
  let depth = 0;
  let deepest = 0;
  let deepAt = -1;
  let hasSharedNodes = false;
  let value: unknown;
  try {
    value = load(text, {
      schema: CORE_SCHEMA,
      listener(event, state) {
        if (event === "open") {
          if (++depth > deepest) deepest = depth;
          if (depth > MAX_DEPTH + 2) {
            deepAt = state.position + shift;
            throw new StopScan();
          }
          return;
        }
        depth--;
        // An alias leaves no kind of its own; its result is the anchored node itself.
        if (state.kind === null && state.result !== null && typeof state.result === "object") hasSharedNodes = true;
      },
    });
  } catch (error) {
    if (error instanceof StopScan || error instanceof RangeError) return tooDeep(source.path, text, deepAt);
    if (error instanceof YAMLException) {
      const ranges = createYamlRanges(text);
      return { language: "yaml", value: undefined, diagnostics: [fromYamlException(source.path, text, shift, error, ranges)], rangeOf: ranges.rangeOf };
    }
    // Not a YAML error: the text broke the parser itself. It is still a problem of this file, not a crash.
    const diagnostic = createDiagnostic({
      code: "syntax-error",
      args: { language: "YAML", detail: "the YAML parser cannot read this text" },
      origin: { file: source.path, pointer: "" },
    });
    return { language: "yaml", value: undefined, diagnostics: [diagnostic], rangeOf: () => undefined };
  }
  if (deepest > MAX_DEPTH + 1 && findTooDeep(lexYaml(text), MAX_DEPTH)) return tooDeep(source.path, text, -1);
  const ranges = createParsedYamlRanges(text, shift);
  const { rangeOf } = ranges;
  // js-yaml turns a key that is a mapping or a sequence into text ("[object Object]", "a,b"). Only texts with an
  // explicit key (`? [a, b]`) or a line that starts with a flow collection followed by `:` are composed to look.
  if (/^[ \t]*(?:-[ \t]+)*(?:\?[ \t\r\n]|[[{][^\n]*[\]}][ \t]*:(?:[ \t]|$))/m.test(text)) {
    const keys = ranges.collectionKeys();
    if (keys.length > 0) {
      const diagnostics = keys.map((range) =>
        createDiagnostic({ code: "key-not-text", origin: { file: source.path, pointer: ranges.nodeAt(range[0])?.pointer ?? "" }, part: "key", range }),
      );
      return { language: "yaml", value: undefined, diagnostics, rangeOf };
    }
  }
  if (text.includes("<<")) {
    const merges = mergeKeyPointers(value);
    if (merges.length > 0) {
      const diagnostics = merges.map((pointer) => createDiagnostic({ code: "merge-key", origin: { file: source.path, pointer }, part: "key" }));
      return { language: "yaml", value: undefined, diagnostics, rangeOf };
    }
  }
  if (hasSharedNodes) {
    const outcome = unshareNodes(value);
    if (!outcome.ok) {
      const diagnostic =
        outcome.problem === "alias-limit"
          ? createDiagnostic({ code: "alias-limit", args: { limit: outcome.limit }, origin: { file: source.path, pointer: outcome.pointer } })
          : createDiagnostic({ code: "nesting-too-deep", args: { limit: outcome.limit }, origin: { file: source.path, pointer: outcome.pointer } });
      return { language: "yaml", value: undefined, diagnostics: [diagnostic], rangeOf };
    }
    value = outcome.value;
  }
  return { language: "yaml", value, diagnostics: [], rangeOf };
}

function tooDeep(file: string, text: string, position: number): ParsedText {
  const deep = findTooDeep(lexYaml(text), MAX_DEPTH);
  const pointer = deep?.pointer ?? "";
  const start = Math.max(0, position);
  const range = deep?.range ?? { value: [start, start + 1] as const };
  const diagnostic = createDiagnostic({
    code: "nesting-too-deep",
    args: { limit: String(MAX_DEPTH) },
    origin: { file, pointer },
    range: range.key ?? range.value,
  });
  const { rangeOf } = createYamlRanges(text, (p) => (p === pointer ? range : undefined));
  return { language: "yaml", value: undefined, diagnostics: [diagnostic], rangeOf };
}

function fromYamlException(file: string, text: string, shift: number, error: YAMLException, ranges: YamlRanges): Diagnostic {
  const reason = error.reason ?? error.message;
  const mark = (error as YAMLException & { mark?: { position?: number } }).mark;
  const position = Math.min((mark?.position ?? 0) + shift, text.length);
  const at: readonly [number, number] = [position, Math.min(position + 1, text.length)];
  if (reason.startsWith("expected a single document")) {
    const offset = secondDocumentOffset(lexYaml(text)) ?? 0;
    return createDiagnostic({ code: "multiple-documents", origin: { file, pointer: "" }, range: [offset, offset + 3] });
  }
  const tag = /^unknown tag !<(.*)>$/.exec(reason)?.[1];
  if (tag !== undefined) {
    const shown = tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice(18)}` : tag;
    const range = tagBefore(lexYaml(text), position) ?? at;
    return createDiagnostic({
      code: "unknown-tag",
      args: { tag: shown },
      origin: { file, pointer: ranges.nodeAt(Math.max(range[1], position - 1))?.pointer ?? "" },
      range,
    });
  }
  if (reason === "duplicated mapping key") {
    const node = ranges.nodeAt(position);
    const pointer = node?.pointer ?? "";
    const key = node ? (parsePointer(pointer)?.at(-1) ?? "") : "";
    return createDiagnostic({
      code: "duplicate-key",
      args: { key: JSON.stringify(key) },
      origin: { file, pointer },
      part: "key",
      range: node?.range.key ?? at,
      related: [{ file, pointer }],
    });
  }
  return createDiagnostic({ code: "syntax-error", args: { language: "YAML", detail: reason }, origin: { file, pointer: "" }, range: at });
}

/** Pointers of every `<<` key (js-yaml's core schema keeps merge keys as plain keys), in document order. */
function mergeKeyPointers(root: unknown): string[] {
  const found: string[] = [];
  const stack: { node: unknown; pointer: string }[] = [{ node: root, pointer: "" }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { node, pointer } = stack.pop() as { node: unknown; pointer: string };
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as readonly [string, unknown];
      const childPtr = childPointer(pointer, key);
      if (key === "<<" && !Array.isArray(node)) found.push(childPtr);
      stack.push({ node: child, pointer: childPtr });
    }
  }
  return found.sort();
}
