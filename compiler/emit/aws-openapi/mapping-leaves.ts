/**
 * The leaves of a declarative mapping shape (docs/x-gateway.md "Mappings"), parsed: a literal JSON value, a
 * source of the method request (`$request.body.x`, `$request.path.x`, `$request.query.x`, `$request.header.x`,
 * `$context.x`, `$stageVariables.x`, ../../model/sources.ts), or, in a response shape, a `$.jsonpath` of the
 * integration response. A leaf written as `{ $source, missing, default }` says what to write when the request
 * has no value there:
 *
 * - `omit` (the default): the member (or array item) is left out; a missing value at the root is `null`;
 * - `null`: `null`;
 * - `default`: the JSON value `default` (given `default`, `missing` may be left out).
 *
 * JSONPaths are `$`, or `$` followed by names (`.name` or `['name']`) and array indexes (`[0]`), ending with a
 * name; a name holds no `'`, `\`, `]` or control character, as for body sources, so that the template can address it
 * and test whether it is there (`containsKey` of the object above it).
 */
import { parseSourceText, type Source } from "../../model/sources.js";
import { vtl, vtlString, type Vtl } from "./vtl.js";

/** What a template writes when a leaf has no value (see the module comment). */
export type MissingPolicy = { readonly kind: "omit" } | { readonly kind: "null" } | { readonly kind: "default"; readonly value: unknown };

/** A parsed leaf. */
export type Leaf =
  | { readonly kind: "literal"; readonly value: unknown }
  | { readonly kind: "source"; readonly source: Source; readonly missing: MissingPolicy }
  | { readonly kind: "response"; readonly path: ResponsePath; readonly missing: MissingPolicy }
  | { readonly kind: "invalid"; readonly reason: string; readonly at?: string };

/** The key that makes an object a leaf with a missing-value policy. */
const SOURCE_KEY = "$source";

/** The steps of a JSONPath of the integration response: names and array indexes. */
export type ResponsePath = readonly (string | number)[];

const NAME = /^[^'\\\]\u0000-\u001f]+$/;
const DOTTED = /^[A-Za-z_][A-Za-z0-9_-]*/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The steps of a JSONPath such as `$.Item.name.S`, `$['x-y'].z` or `$.Entries[0].EventId`; undefined when it is not
 * `$` followed by names and indexes, or ends with an index (wildcards, filters, slices, recursive descent).
 */
export function parseResponsePath(text: string): ResponsePath | undefined {
  if (!text.startsWith("$")) return undefined;
  const names: (string | number)[] = [];
  let rest = text.slice(1);
  while (rest.length > 0) {
    if (rest.startsWith(".")) {
      const match = DOTTED.exec(rest.slice(1));
      if (match === null) return undefined;
      names.push(match[0]);
      rest = rest.slice(1 + match[0].length);
    } else if (rest.startsWith("['")) {
      const end = rest.indexOf("']", 2);
      const name = end < 0 ? "" : rest.slice(2, end);
      if (!NAME.test(name)) return undefined;
      names.push(name);
      rest = rest.slice(end + 2);
    } else {
      const index = /^\[(0|[1-9][0-9]{0,8})\]/.exec(rest);
      if (index === null) return undefined;
      names.push(Number(index[1]));
      rest = rest.slice(index[0].length);
    }
  }
  return typeof names[names.length - 1] === "number" ? undefined : names;
}

/** A VTL string expression holding the JSONPath of `path`: `'$.a[0].b'`, or through `vtlString` for other names. */
export function responsePathLiteral(path: ResponsePath): Vtl {
  const text = `$${path.map((step) => (typeof step === "number" ? `[${step}]` : IDENTIFIER.test(step) ? `.${step}` : `['${step}']`)).join("")}`;
  return path.every((step) => typeof step === "number" || IDENTIFIER.test(step)) ? vtl(`'${text}'`) : vtlString(text);
}

/** `$input.path(parent).containsKey('name') == true` for the last step of `path` (a name). */
export function hasLastName(path: ResponsePath): Vtl {
  return vtl(`$input.path(${responsePathLiteral(path.slice(0, -1))}).containsKey(${vtlString(String(path[path.length - 1]))}) == true`);
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `value` is written as a leaf with a policy (an object holding {@link SOURCE_KEY}). */
function isPolicyLeaf(value: unknown): value is Readonly<Record<string, unknown>> {
  return isPlainObject(value) && Object.hasOwn(value, SOURCE_KEY);
}

/** The source or JSONPath a string leaf names, with `missing`; a literal for any other text. */
function parseText(text: string, side: "request" | "response", missing: MissingPolicy): Leaf {
  if (text.startsWith("$.") || text === "$" || text.startsWith("$[")) {
    if (side === "request") return { kind: "invalid", reason: "a $.jsonpath reads the integration response; a request shape reads $request.body.x" };
    const path = parseResponsePath(text);
    return path === undefined
      ? { kind: "invalid", reason: "a response JSONPath is $ followed by names and indexes ($.a.b, $['a-b'], $.a[0].b), ending with a name, without wildcards or filters" }
      : { kind: "response", path, missing };
  }
  const parsed = parseSourceText(text);
  if (parsed.kind === "literal") return { kind: "literal", value: text };
  if (parsed.kind === "invalid") return { kind: "invalid", reason: parsed.reason };
  if (side === "response" && parsed.source.kind === "body") {
    return { kind: "invalid", reason: "a response template reads the integration response with $.jsonpath, not $request.body" };
  }
  return { kind: "source", source: parsed.source, missing };
}

/** The policy of a `{ $source, missing, default }` leaf, or the reason it is not one. */
function policyOf(value: Readonly<Record<string, unknown>>): MissingPolicy | { readonly invalid: string; readonly at: string } {
  const unknown = Object.keys(value).find((k) => k !== SOURCE_KEY && k !== "missing" && k !== "default");
  if (unknown !== undefined) return { invalid: `${JSON.stringify(unknown)} is none of $source, missing, default`, at: unknown };
  // `missing: null` in YAML is JSON null, not the text "null".
  const missing = value["missing"] === null ? "null" : value["missing"];
  const hasDefault = Object.hasOwn(value, "default");
  if (missing === "omit" || missing === "null") {
    return hasDefault ? { invalid: `default is only read with missing: default`, at: "default" } : { kind: missing };
  }
  if (missing === "default" || (missing === undefined && hasDefault)) {
    return hasDefault ? { kind: "default", value: value["default"] } : { invalid: "missing: default needs a default value", at: "missing" };
  }
  if (missing === undefined) return { kind: "omit" };
  return { invalid: "missing is omit, null or default", at: "missing" };
}

/**
 * The leaf `value` is, or undefined for an object or array that is not a leaf (its members are leaves). Scalars
 * other than strings are literals.
 */
export function parseLeaf(value: unknown, side: "request" | "response"): Leaf | undefined {
  if (typeof value === "string") return parseText(value, side, { kind: "omit" });
  if (isPolicyLeaf(value)) {
    const source = value[SOURCE_KEY];
    const policy = policyOf(value);
    if ("invalid" in policy) return { kind: "invalid", reason: policy.invalid, at: policy.at };
    if (typeof source !== "string") return { kind: "invalid", reason: "$source is a source expression", at: SOURCE_KEY };
    const leaf = parseText(source, side, policy);
    if (leaf.kind === "literal") return { kind: "invalid", reason: `${JSON.stringify(source)} is not a source expression`, at: SOURCE_KEY };
    return leaf.kind === "invalid" ? { ...leaf, at: SOURCE_KEY } : leaf;
  }
  if (isPlainObject(value) || Array.isArray(value)) return undefined;
  return { kind: "literal", value };
}
