/**
 * `$input` (`api-gateway-mapping-template-reference.html`, `vtl-and-emulators.md` §1.3–1.7):
 *
 * - `$input.body`: the raw payload as a string; an empty or absent payload reads `{}` (recorded on API Gateway).
 * - `$input.json(x)`: the JSONPath `x` over the payload, as JSON text (json-smart, compact; strings come back
 *   quoted); a definite path that matches nothing gives `""`, as recorded on API Gateway.
 * - `$input.path(x)`: the same selection as Java values (maps, lists, strings unquoted, numbers); nothing is null.
 * - `$input.params()`: a map `{path, querystring, header}` of name→value maps; `$input.params(x)` the value of `x`
 *   from the path, then the query string, then the headers (header names ignoring case), or `""`.
 *
 * A payload that starts with `{` or `[` but is not JSON fails the render, as API Gateway fails the request
 * (`400 Could not process payload`), when the template first reads it with `json` or `path`.
 */
import { JavaException } from "./errors.js";
import { jsonSmartString, jsonSmartStringify, parsePayload } from "./json.js";
import { JsonDocument } from "./jsonpath.js";
import { javaString } from "./print.js";
import { NO_METHOD, type HostObject } from "./values.js";

/** The request parameters a template can read, by location. */
export interface RequestParameters {
  readonly path: Readonly<Record<string, string>>;
  readonly querystring: Readonly<Record<string, string>>;
  readonly header: Readonly<Record<string, string>>;
}

/** `$input` for one render. */
export class InputObject implements HostObject {
  readonly printed = "$input";
  private document: JsonDocument | undefined;
  private readonly params: Map<unknown, unknown>;

  constructor(
    private readonly body: string | null,
    private readonly parameters: RequestParameters,
  ) {
    const map = (record: Readonly<Record<string, string>>) => new Map<unknown, unknown>(Object.entries(record));
    this.params = new Map<unknown, unknown>([
      ["path", map(parameters.path)],
      ["querystring", map(parameters.querystring)],
      ["header", map(parameters.header)],
    ]);
  }

  /** The payload as API Gateway reads it: `{}` when empty. */
  private get text(): string {
    return this.body === null || this.body === "" ? "{}" : this.body;
  }

  private parsed(): JsonDocument {
    if (!this.document) {
      const result = parsePayload(this.text);
      if (!result.ok) throw new JavaException(`the payload is not valid JSON (${result.reason} at offset ${result.offset}); API Gateway answers 400 Could not process payload`);
      this.document = new JsonDocument(result.value);
    }
    return this.document;
  }

  property(name: string): unknown {
    return name === "body" ? this.text : null;
  }

  invoke(name: string, args: readonly unknown[]): unknown {
    const [a] = args;
    if (name === "params" && args.length === 0) return this.params;
    if (name === "params" && args.length === 1) return typeof a === "string" ? this.param(a) : NO_METHOD;
    if (name === "getBody" && args.length === 0) return this.text;
    if ((name === "json" || name === "path") && args.length === 1) {
      if (typeof a !== "string") return NO_METHOD;
      const result = this.parsed().select(a);
      if (name === "path") return result.found ? result.value : null;
      return result.found ? jsonSmartStringify(result.value, false, javaString) : jsonSmartString("", false);
    }
    return NO_METHOD;
  }

  private param(name: string): string {
    const { path, querystring, header } = this.parameters;
    if (Object.hasOwn(path, name)) return path[name] as string;
    if (Object.hasOwn(querystring, name)) return querystring[name] as string;
    if (Object.hasOwn(header, name)) return header[name] as string;
    const lower = name.toLowerCase();
    const key = Object.keys(header).find((h) => h.toLowerCase() === lower);
    return key === undefined ? "" : (header[key] as string);
  }
}
