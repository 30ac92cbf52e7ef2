/**
 * Source expressions (../../model/sources.ts) as API Gateway reads them: in mapping templates, as VTL expressions
 * whose value is the source's text, and in `requestParameters`, as method request mapping expressions
 * (developer guide, "Parameter mapping for REST APIs": `method.request.path.x`, `context.x`, `stageVariables.x`, …).
 */
import type { Source, SourceText } from "../../model/sources.js";
import { jsonEscaped, jsonStringContent, vtl, vtlString, type Vtl } from "./vtl.js";

/** A setting that is either literal text or a source expression (never an invalid one: those are reported). */
export type SettingText = Exclude<SourceText, { kind: "invalid" }>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A VTL string expression holding the JSONPath of `path` under the payload root: `'$.a.b'`, or for names that are
 * not identifiers, bracket notation (`$['a-b'].c`) through {@link vtlString}. Names hold no `'`, `\`, `]` or
 * control character (../../model/sources.ts), which JSONPath's quoted names do not take reliably.
 */
export function jsonPathLiteral(path: readonly string[]): Vtl {
  if (path.every((segment) => IDENTIFIER.test(segment))) return vtl(`'${["$", ...path].join(".")}'`);
  return vtlString(`$${path.map((segment) => (IDENTIFIER.test(segment) ? `.${segment}` : `['${segment}']`)).join("")}`);
}

/** `$context.a.b`, with `.get('…')` for a segment that is not an identifier (`claims.get('cognito:groups')`). */
function contextReference(path: readonly string[]): Vtl {
  return vtl(`$context${path.map((segment) => (IDENTIFIER.test(segment) ? `.${segment}` : `.get(${vtlString(segment)})`)).join("")}`);
}

/**
 * A VTL expression whose value is the text of `source`, null when the request has none. Values that are not
 * strings (a number of the payload, `$context.requestTimeEpoch`) are turned into their Java text, so that
 * `$util` functions, which take strings, accept them.
 */
export function sourceValue(source: Source): Vtl {
  switch (source.kind) {
    case "body":
      return source.path.length === 0 ? vtl("$input.body") : vtl(`$input.path(${jsonPathLiteral(source.path)}).toString()`);
    case "parameter": {
      const map = source.in === "query" ? "querystring" : source.in;
      return vtl(`$input.params().${map}.get(${vtlString(source.name)})`);
    }
    case "context":
      return vtl(`${contextReference(source.path)}.toString()`);
    case "stageVariable":
      return stageVariableReference(source.name);
  }
}

/** `$stageVariables.name`, or `$stageVariables.get('name')` for a name that is not a VTL identifier. */
export function stageVariableReference(name: string): Vtl {
  return IDENTIFIER.test(name) ? vtl(`$stageVariables.${name}`) : vtl(`$stageVariables.get(${vtlString(name)})`);
}

/**
 * The `requestParameters` value that maps `source` onto an integration request parameter: `method.request.path.x`,
 * `method.request.querystring.x`, `method.request.header.x`, `method.request.body[.a.b]`, `context.a.b` or
 * `stageVariables.x`.
 */
export function parameterMappingSource(source: Source): string {
  switch (source.kind) {
    case "body":
      return ["method.request.body", ...source.path].join(".");
    case "parameter":
      return `method.request.${source.in === "query" ? "querystring" : source.in}.${source.name}`;
    case "context":
      return ["context", ...source.path].join(".");
    case "stageVariable":
      return `stageVariables.${source.name}`;
  }
}

/** Code that prints the setting's text inside a JSON string literal. */
export function settingJson(setting: SettingText): Vtl {
  return setting.kind === "literal" ? jsonStringContent(setting.text) : jsonEscaped(sourceValue(setting.source));
}
