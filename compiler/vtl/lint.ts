/**
 * Checks a raw mapping template for what API Gateway would not run as its author expects, each finding at its line
 * and column inside the template (`apigw-features.md` §3.4, §3.6, §3.8; `vtl-and-emulators.md` §1.2):
 *
 * - `syntax` (error): the template does not parse (API Gateway answers 500).
 * - `unknown-util` (error): `$util.x` is not one of the six functions; API Gateway renders it as empty text,
 *   silently (`$util.toJson`, `$util.qr` are AWS AppSync's).
 * - `unknown-input` (error): `$input.x` is not `body`, `json`, `path` or `params`.
 * - `unknown-context` (warning): `$context.x` is not a documented variable; it renders empty.
 * - `log-only-context` (warning): `$context.x` exists only in access logs or gateway responses.
 * - `unsupported-directive` (error): `#macro` (definitions are ignored), `#evaluate`, `#include`, `#parse`
 *   (printed as text), recorded on API Gateway.
 * - `macro-call` (warning): `#name(…)` is not a directive; API Gateway prints it as text.
 */
import { closestName, didYouMean } from "../parse/did-you-mean.js";
import { CONTEXT_VARIABLES, lookupContextVariable } from "./context-variables.js";
import { LineMap, VtlError } from "./errors.js";
import { parseTemplate } from "./parse.js";
import { scanTemplate, type ScannedDirective, type ScannedReference } from "./source.js";
import { UTIL_FUNCTIONS } from "./util.js";

/** What a finding is about (see the module comment). */
export type LintKind = "syntax" | "unknown-util" | "unknown-input" | "unknown-context" | "log-only-context" | "unsupported-directive" | "macro-call";

/** One finding: 1-based line and column inside the template, and the length of the text it is about. */
export interface LintFinding {
  readonly kind: LintKind;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

const INPUT_MEMBERS = ["body", "json", "path", "params"];
const APPSYNC_UTIL = new Set(["toJson", "qr", "defaultIfNull", "defaultIfNullOrEmpty", "isNull", "isNullOrEmpty", "error", "appendError", "autoId", "time", "dynamodb", "escapeJavaScriptObject", "matches", "unauthorized", "validate", "list", "map", "str", "math", "transform"]);
const NOT_RUN = new Set(["evaluate", "include", "parse"]);

type Draft = Omit<LintFinding, "line" | "column"> & { readonly offset: number };

/** Lints `template` (see the module comment); findings are in template order. */
export function lintTemplate(template: string): LintFinding[] {
  const lines = new LineMap(template);
  const scan = scanTemplate(template);
  const drafts: Draft[] = scan.problems.map((p) => ({ kind: "syntax", severity: "error", message: p.message, offset: p.offset, length: p.length }));
  const findings: LintFinding[] = [];
  if (drafts.length === 0) {
    try {
      parseTemplate(template);
    } catch (error) {
      if (!(error instanceof VtlError)) throw error;
      findings.push({ kind: "syntax", severity: "error", message: error.message, line: error.line, column: error.column, length: 1 });
    }
  }
  for (const ref of scan.references) drafts.push(...referenceFindings(ref));
  for (const directive of scan.directives) {
    const draft = directiveFinding(directive);
    if (draft) drafts.push(draft);
  }
  for (const { offset, ...rest } of drafts) findings.push({ ...rest, ...lines.position(offset) });
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

function referenceFindings(ref: ScannedReference): Draft[] {
  const [first] = ref.names;
  if (!first) return [];
  if (ref.root === "util" && !(UTIL_FUNCTIONS as readonly string[]).includes(first.name)) {
    const appsync = APPSYNC_UTIL.has(first.name) ? " (it is an AWS AppSync function)" : "";
    return [
      {
        kind: "unknown-util",
        severity: "error",
        message: `$util.${first.name} is not an API Gateway function${appsync}; API Gateway renders it as empty text. $util has ${UTIL_FUNCTIONS.join(", ")}.${appsync ? "" : didYouMean(first.name, UTIL_FUNCTIONS)}`,
        offset: first.offset,
        length: first.name.length,
      },
    ];
  }
  if (ref.root === "input" && !INPUT_MEMBERS.includes(first.name)) {
    return [
      {
        kind: "unknown-input",
        severity: "error",
        message: `$input.${first.name} does not exist; $input has body, json(path), path(path) and params().${didYouMean(first.name, INPUT_MEMBERS)}`,
        offset: first.offset,
        length: first.name.length,
      },
    ];
  }
  if (ref.root !== "context") return [];
  const names: { name: string; offset: number }[] = [];
  for (const n of ref.names) {
    if (n.call) break;
    names.push(n);
  }
  if (names.length === 0) return [];
  const lookup = lookupContextVariable(names.map((n) => n.name));
  const dotted = `$context.${names.map((n) => n.name).join(".")}`;
  if (lookup.kind === "log-only") {
    return [
      {
        kind: "log-only-context",
        severity: "warning",
        message: `${dotted} is only available in access logs and gateway responses; a mapping template reads it as empty text.`,
        offset: (names[0] as { offset: number }).offset,
        length: dotted.length - 1,
      },
    ];
  }
  if (lookup.kind === "unknown") {
    const bad = names[lookup.at] as { name: string; offset: number };
    const hint = lookup.at === 0 ? didYouMean(bad.name, Object.keys(CONTEXT_VARIABLES)) : "";
    return [
      {
        kind: "unknown-context",
        severity: "warning",
        message: `${dotted} is not a $context variable API Gateway documents; it renders as empty text.${hint}`,
        offset: bad.offset,
        length: bad.name.length,
      },
    ];
  }
  return [];
}

function directiveFinding(d: ScannedDirective): Draft | undefined {
  if (d.name === "macro") {
    return { kind: "unsupported-directive", severity: "error", message: "API Gateway ignores #macro definitions: the macro is never defined and each call prints as text.", offset: d.offset, length: d.length };
  }
  if (NOT_RUN.has(d.name)) {
    return { kind: "unsupported-directive", severity: "error", message: `API Gateway does not run #${d.name}: it prints the directive as text.`, offset: d.offset, length: d.length };
  }
  if (d.macroCall) {
    const near = closestName(d.name, ["set", "if", "elseif", "else", "end", "foreach", "break", "stop", "define"]);
    return {
      kind: "macro-call",
      severity: "warning",
      message: `#${d.name}(…) is not a directive; API Gateway prints it as text${near ? ` (did you mean #${near}?)` : ""}.`,
      offset: d.offset,
      length: d.length,
    };
  }
  return undefined;
}
