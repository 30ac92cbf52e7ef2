/**
 * Raw VTL mappings (docs/x-gateway.md "Mappings"): reads each `templateFile` through the compiler host into the
 * model, and lints every raw template, inline or from a file, with the VTL linter (compiler/vtl/lint.ts: syntax
 * errors, unknown `$util` functions and `$input` members, unknown `$context` variables, `#macro`, `#evaluate`).
 *
 * Findings in a template file are placed at their line and column inside that file; findings in an inline
 * `template` are placed at the template's value in the spec, the message giving the line and column inside the
 * template. Only files that exist inside the spec's folder are read: ../../validate/files.ts reports the others
 * (`ref-not-found`, `ref-outside-root`).
 *
 * Diagnostics: `mapping-template-error` (syntax errors and what API Gateway would not run), `mapping-template-warning`
 * (what renders as empty text or as text).
 */
import * as path from "node:path";
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import type { CompilerHost } from "../../host.js";
import { createSourceText } from "../../parse/source-text.js";
import type { SourceText } from "../../parse/types.js";
import { lintTemplate, type LintFinding } from "../../vtl/index.js";
import type { GatewayModel, Integration, Mapping, ResponseMapping } from "../types.js";

/** The model with template files read, and the text of each file read (by displayed path) to place diagnostics in. */
export interface TemplateFiles {
  readonly model: GatewayModel;
  readonly sources: ReadonlyMap<string, SourceText>;
}

/** The 0-based offset of a 1-based line and column of `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

class TemplateReader {
  readonly sources = new Map<string, SourceText>();
  readonly #root: string | undefined;
  readonly #specDir: string;

  constructor(
    readonly host: CompilerHost,
    specFile: string,
    readonly report: DiagnosticCollector,
  ) {
    this.#specDir = path.dirname(path.resolve(host.cwd(), specFile));
    try {
      this.#root = host.realpath(this.#specDir);
    } catch {
      this.#root = undefined;
    }
  }

  #finding(finding: LintFinding, place: { origin: Mapping["origin"]; range?: readonly [number, number] }, inline: boolean): void {
    const code = finding.severity === "error" ? "mapping-template-error" : "mapping-template-warning";
    const where = inline ? ` (template line ${finding.line}, column ${finding.column})` : "";
    this.report.report({ code, args: { message: `${finding.message}${where}` }, origin: place.origin, ...(place.range ? { range: place.range } : {}) });
  }

  /** `mapping` with its file read and linted, or as it is. */
  mapping(mapping: Mapping | undefined): Mapping | undefined {
    if (mapping?.kind === "template") {
      for (const finding of lintTemplate(mapping.template)) this.#finding(finding, { origin: mapping.origin }, true);
      return mapping;
    }
    if (mapping?.kind !== "templateFile" || this.#root === undefined) return mapping;
    const target = path.resolve(this.#specDir, mapping.file);
    if (!this.host.stat(target)?.isFile) return mapping;
    const real = this.host.realpath(target);
    if (!(real === this.#root || real.startsWith(this.#root + path.sep))) return mapping;
    const text = this.host.readFile(target);
    const shown = path.relative(this.host.cwd(), target).split(path.sep).join("/");
    this.sources.set(shown, createSourceText(shown, text));
    for (const finding of lintTemplate(text)) {
      const start = offsetOf(text, finding.line, finding.column);
      this.#finding(finding, { origin: { file: shown, pointer: "" }, range: [start, Math.min(text.length, start + Math.max(1, finding.length))] }, false);
    }
    return { ...mapping, text };
  }

  response(response: ResponseMapping | undefined): ResponseMapping | undefined {
    if (response === undefined) return undefined;
    const body = this.mapping(response.body);
    return {
      ...response,
      ...(body === undefined ? {} : { body }),
      errors: response.errors.map((error) => {
        const errorBody = this.mapping(error.body);
        return errorBody === undefined ? error : { ...error, body: errorBody };
      }),
    };
  }

  integration<I extends Integration | undefined>(integration: I): I {
    if (integration === undefined) return integration;
    const request = this.mapping(integration.request);
    const response = this.response(integration.response);
    return { ...integration, ...(request === undefined ? {} : { request }), ...(response === undefined ? {} : { response }) };
  }
}

/**
 * Reads and lints the raw templates of `model` (see the module comment); `specFile` is the entry path, template
 * files are relative to its folder.
 */
export function readTemplateFiles(model: GatewayModel, host: CompilerHost, specFile: string, report: DiagnosticCollector): TemplateFiles {
  const reader = new TemplateReader(host, specFile, report);
  const operations = model.operations.map((op) => (op.integration === undefined ? op : { ...op, integration: reader.integration(op.integration) }));
  const websocket =
    model.websocket === undefined
      ? undefined
      : { ...model.websocket, routes: model.websocket.routes.map((route) => ({ ...route, integration: reader.integration(route.integration) })) };
  return { model: { ...model, operations, ...(websocket === undefined ? {} : { websocket }) }, sources: reader.sources };
}
