/**
 * The `templates` emitter: every VTL mapping template of a REST API's import document, one file each, so they can
 * be read, reviewed and run with `portico template render` (and tested in the API owner's own CI) without digging
 * them out of `openapi.aws.json`.
 *
 * Layout (all under `templates/`):
 * - `<method>/request.<media type>.vtl`: an integration request template;
 * - `<method>/response.<status>.<media type>.vtl`: the template of the integration response that answers `<status>`,
 *   one per response (`<status>-<slug of its selection pattern>` when several responses of the method answer the
 *   same status; index.json gives each file's pattern); `<method>` is the slug of the operation id, or of `<METHOD> <path>` for methods without one
 *   (CORS preflights, proxy resources);
 * - `gateway-responses/<TYPE>.<media type>.vtl`: gateway response bodies;
 * - `index.json`: for each file, where API Gateway uses it (path, method, kind, media type, and the selection
 *   pattern of a response).
 * A value known only at deploy time is a placeholder `${portico:kind:name}` in the document, which the Pulumi program
 * replaces before API Gateway sees it; VTL would read it as a reference, so the files write it `{portico:kind:name}`
 * (plain text when rendered) and the index lists them.
 * HTTP APIs run no mapping templates, so they get none.
 */
import { stableJson } from "../json.js";
import { slug, uniqueSlugs } from "../../model/names.js";
import type { Emitter, OutputFile } from "../emitter.js";
import { importDocument } from "../aws-openapi/document.js";
import { findPlaceholders, PLACEHOLDER_PATTERN } from "../placeholders.js";

/** Where one template file is used. */
interface TemplateUse {
  readonly file: string;
  readonly kind: "request" | "response" | "gateway-response";
  readonly mediaType: string;
  readonly path?: string;
  readonly method?: string;
  readonly selectionPattern?: string;
  readonly statusCode?: string;
  readonly responseType?: string;
  /** The deploy-time values the template holds, `kind:name` (e.g. `config:tableName`). */
  readonly placeholders?: readonly string[];
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The string entries of `value` (a media type → template map), sorted by key. */
function templatesOf(value: unknown): [string, string][] {
  if (!isRecord(value)) return [];
  return Object.entries(value)
    .filter((e): e is [string, string] => typeof e[1] === "string")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `GET`, or `ANY` for API Gateway's any-method key. */
function methodName(key: string): string {
  return key === "x-amazon-apigateway-any-method" ? "ANY" : key.toUpperCase();
}

/** An integration response of the document, with the file name part of its templates. */
interface NamedResponse {
  readonly selectionPattern: string;
  readonly statusCode: string;
  /** `<status>`, or `<status>-<slug of the pattern>` when several responses of the integration answer that status. */
  readonly name: string;
  readonly response: Json;
}

/** The integration responses of `responses` in pattern order, each named uniquely within its integration. */
function responseNames(responses: unknown): NamedResponse[] {
  const entries = Object.entries(isRecord(responses) ? responses : {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([selectionPattern, response]) => (isRecord(response) ? [{ selectionPattern, response, statusCode: String(response.statusCode ?? "200") }] : []));
  const perStatus = new Map<string, number>();
  for (const { statusCode } of entries) perStatus.set(statusCode, (perStatus.get(statusCode) ?? 0) + 1);
  const taken = new Set<string>();
  return entries.map((entry) => {
    const shared = (perStatus.get(entry.statusCode) ?? 0) > 1 && entry.selectionPattern !== "default";
    const base = shared ? `${entry.statusCode}-${slug(entry.selectionPattern)}` : entry.statusCode;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return { ...entry, name };
  });
}

/** The template files of one REST import document, with `templates/index.json`. */
export function templateFiles(document: Json): OutputFile[] {
  const paths = isRecord(document.paths) ? document.paths : {};
  const methods: { path: string; method: string; operation: Json; key: string }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const [key, operation] of Object.entries(item)) {
      if (!isRecord(operation) || !isRecord(operation["x-amazon-apigateway-integration"])) continue;
      const method = methodName(key);
      const id = typeof operation.operationId === "string" ? operation.operationId : `${method} ${path}`;
      methods.push({ path, method, operation, key: id });
    }
  }
  const folders = uniqueSlugs(methods.map((m) => m.key));
  const files: OutputFile[] = [];
  const uses: TemplateUse[] = [];
  const add = (file: string, template: string, use: Omit<TemplateUse, "file">) => {
    const placeholders = findPlaceholders(template).map((p) => `${p.kind}:${p.name}`);
    const content = template.replace(new RegExp(PLACEHOLDER_PATTERN, "g"), (token) => token.slice(1));
    files.push({ path: `templates/${file}`, content: content.endsWith("\n") ? content : `${content}\n` });
    uses.push({ file, ...use, ...(placeholders.length === 0 ? {} : { placeholders: [...new Set(placeholders)].sort() }) });
  };
  for (const { path, method, operation, key } of methods) {
    const folder = folders.get(key) ?? slug(key);
    const integration = operation["x-amazon-apigateway-integration"] as Json;
    for (const [mediaType, template] of templatesOf(integration.requestTemplates)) {
      add(`${folder}/request.${slug(mediaType)}.vtl`, template, { kind: "request", mediaType, path, method });
    }
    for (const { selectionPattern, statusCode, name, response } of responseNames(integration.responses)) {
      for (const [mediaType, template] of templatesOf(response.responseTemplates)) {
        add(`${folder}/response.${name}.${slug(mediaType)}.vtl`, template, { kind: "response", mediaType, path, method, selectionPattern, statusCode });
      }
    }
  }
  const gatewayResponses = isRecord(document["x-amazon-apigateway-gateway-responses"]) ? document["x-amazon-apigateway-gateway-responses"] : {};
  for (const [responseType, response] of Object.entries(gatewayResponses).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!isRecord(response)) continue;
    for (const [mediaType, template] of templatesOf(response.responseTemplates)) {
      add(`gateway-responses/${responseType}.${slug(mediaType)}.vtl`, template, { kind: "gateway-response", mediaType, responseType });
    }
  }
  if (files.length === 0) return [];
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  uses.sort((a, b) => (a.file < b.file ? -1 : 1));
  return [...files, { path: "templates/index.json", content: `${stableJson(uses)}\n` }];
}

/** Emits `templates/` for REST models; nothing for HTTP APIs. */
export const templatesEmitter: Emitter = {
  name: "templates",
  emit(model) {
    if (model.kind !== "rest") return [];
    // The openapi emitter reports what building the document finds.
    return templateFiles(importDocument(model).document);
  },
};
