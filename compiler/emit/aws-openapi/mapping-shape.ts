/**
 * A declarative mapping shape (docs/x-gateway.md "Mappings") compiled into a mapping template that writes the JSON
 * the shape describes, valid whatever the request holds (developer guide, "Mapping template reference"):
 *
 * - literals (strings, numbers, booleans, null, nested objects and arrays) are written as JSON at compile time,
 *   escaped by ./vtl.ts (`$` and `#` as `\u0024` and `\u0023`), so no spec text reaches Velocity;
 * - `$request.body` and `$request.body.x` are JSON subtrees of a JSON payload, read with `$input.json` (typed as
 *   the payload has them); in a template for a media type that is not JSON, `$request.body` is the payload as a
 *   JSON string and `$request.body.x` is missing;
 * - `$request.path|query|header.x`, `$context.x` and `$stageVariables.x` are strings, escaped with
 *   `$util.escapeJavaScript` with its `\'` undone (`apigw-features.md` §3.4); a parameter whose schema is
 *   `integer`, `number` or `boolean` is written as a JSON number or boolean when its text is one, else as a string,
 *   and so is `$context.requestTimeEpoch` (epoch milliseconds);
 * - `$.jsonpath` leaves (response shapes) are JSON subtrees of the integration response.
 *
 * A value is missing when a body property or JSONPath name is absent (JSON `null` is a value), or when a query or
 * header parameter, `$context` or stage variable is absent or empty (API Gateway's VTL cannot tell those two apart:
 * null renders as empty text); path parameters always have a value. What a missing value becomes is the leaf's
 * policy (./mapping-leaves.ts). Velocity's `#if` takes a null as true, so every test compares with `true` or text.
 *
 * The JSON may be written inside a JSON string or form-encoded ({@link ShapeEncoding}): every part is then escaped
 * once more, fixed text at compile time and values with `$util.escapeJavaScript` or `$util.urlEncode`. Object
 * members are written in the order of their names. Every `#set` is hoisted to the top of the template, one per line
 * (Velocity prints nothing for those lines); each value has its own variable (`$m0`, …) and each object or array
 * with members that may be left out its own separator (`$s0`, …).
 */
import type { Source } from "../../model/sources.js";
import type { Operation } from "../../model/types.js";
import { byKey } from "../../order.js";
import { hasLastName, parseLeaf, responsePathLiteral, type Leaf, type MissingPolicy } from "./mapping-leaves.js";
import { jsonPathLiteral, sourceValue } from "./sources.js";
import { renderVtlTemplate } from "./vtl-templates.js";
import { formContent, formEncoded, jsonEscaped, jsonStringContent, jsonText, vtl, type Vtl } from "./vtl.js";

/** Where a shape is compiled for. */
export interface ShapeOptions {
  /** A request template (sources of the method request) or a response template (`$.jsonpath` of the integration response). */
  readonly side: "request" | "response";
  /** The operation, whose parameter schemas type `$request.path|query|header.x`. */
  readonly op: Operation;
  /** The template is for a JSON media type: body sources read the payload as JSON. */
  readonly jsonBody: boolean;
  /** How the JSON text is written (see {@link ShapeEncoding}). */
  readonly encoding: ShapeEncoding;
  /** Code of members written first in the root object (already encoded), e.g. DynamoDB's `"TableName": "…"`. */
  readonly leadingMembers?: Vtl;
}

/**
 * How the JSON a shape describes is written: as JSON (`json`), inside a JSON string (`json-string`: Step Functions'
 * `input`, EventBridge's `Detail`) or form-encoded (`form`: the `MessageBody` of SQS, the `Message` of SNS).
 */
export type ShapeEncoding = "json" | "json-string" | "form";

/** A leaf or object member that cannot be compiled, at its path inside the shape. */
export interface ShapeProblem {
  readonly path: readonly (string | number)[];
  readonly reason: string;
}

/** The compiled shape: the template, and the problems (the template is unusable when there are any). */
export interface CompiledShape {
  readonly template: Vtl;
  readonly problems: readonly ShapeProblem[];
}

/** A compiled leaf: always there (`present` undefined), tested at request time, or known to be missing. */
type LeafCode = { readonly kind: "value"; readonly present?: Vtl; readonly value: Vtl } | { readonly kind: "absent" };

const NUMERIC = new Set(["integer", "number"]);

class ShapeCompiler {
  readonly #variables: { name: Vtl; value: Vtl }[] = [];
  readonly problems: ShapeProblem[] = [];
  #values = 0;
  #separators = 0;

  constructor(readonly options: ShapeOptions) {}

  /** Fixed JSON text (punctuation, JSON of literals), encoded. */
  text(raw: string): Vtl {
    switch (this.options.encoding) {
      case "json":
        return jsonText(raw);
      case "json-string":
        return jsonStringContent(raw);
      case "form":
        return formContent(raw);
    }
  }

  /** Code printing the JSON text `expression` evaluates to, encoded. */
  json(expression: Vtl): Vtl {
    switch (this.options.encoding) {
      case "json":
        return expression;
      case "json-string":
        return jsonEscaped(expression);
      case "form":
        return formEncoded(expression);
    }
  }

  /** Code printing the string value of `expression` as a JSON string, encoded. */
  string(expression: Vtl): Vtl {
    return vtl(`${this.text('"')}${this.json(jsonEscaped(expression))}${this.text('"')}`);
  }

  /** A new variable holding `value`, set at the top of the template. */
  variable(value: Vtl): Vtl {
    const name = vtl(`$m${this.#values++}`);
    this.#variables.push({ name, value });
    return name;
  }

  /** A new separator variable, empty until a member is written (`','` at once when members come before). */
  separator(after: boolean): Vtl {
    const name = vtl(`$s${this.#separators++}`);
    this.#variables.push({ name, value: vtl(`'${after ? this.comma : ""}'`) });
    return name;
  }

  /** The encoded comma. */
  get comma(): Vtl {
    return this.text(",");
  }

  /** Line break and indentation before a member at `depth` (only when writing plain JSON). */
  newline(depth: number): string {
    return this.options.encoding === "json" ? `\n${"  ".repeat(depth)}` : "";
  }

  template(body: Vtl): Vtl {
    return renderVtlTemplate("mapping", { variables: this.#variables, body });
  }
}

/** The declared type of the parameter `source` names, when it is a number or a boolean. */
function parameterType(op: Operation, source: Extract<Source, { kind: "parameter" }>): "number" | "boolean" | undefined {
  const parameter = op.parameters.find((p) => p.in === source.in && p.name === source.name);
  const type = parameter?.schema?.["type"];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === "string" && NUMERIC.has(t))) return "number";
  return types.includes("boolean") ? "boolean" : undefined;
}


function sourceCode(c: ShapeCompiler, source: Source): LeafCode {
  if (source.kind === "body") {
    if (source.path.length === 0) {
      return { kind: "value", value: c.options.jsonBody ? c.json(vtl("$input.json('$')")) : c.string(vtl("$input.body")) };
    }
    if (!c.options.jsonBody) return { kind: "absent" };
    return { kind: "value", present: hasLastName(source.path), value: c.json(vtl(`$input.json(${jsonPathLiteral(source.path)})`)) };
  }
  const variable = c.variable(sourceValue(source));
  // API Gateway routes a request only when every path variable has a value.
  const always = source.kind === "parameter" && source.in === "path";
  const present = always ? undefined : vtl(`"$!${variable.slice(1)}" != ""`);
  const type =
    source.kind === "parameter"
      ? parameterType(c.options.op, source)
      : source.kind === "context" && source.path.join(".") === "requestTimeEpoch"
        ? "number"
        : undefined;
  const value =
    type === undefined
      ? c.string(variable)
      : renderVtlTemplate("mapping-typed-value", { number: type === "number", variable, raw: c.json(variable), text: c.string(variable) });
  return present === undefined ? { kind: "value", value } : { kind: "value", present, value };
}

function leafCode(c: ShapeCompiler, leaf: Exclude<Leaf, { kind: "invalid" }>): LeafCode {
  switch (leaf.kind) {
    case "literal":
      return { kind: "value", value: c.text(JSON.stringify(leaf.value)) };
    case "source":
      return sourceCode(c, leaf.source);
    case "response": {
      const value = c.json(vtl(`$input.json(${responsePathLiteral(leaf.path)})`));
      return leaf.path.length === 0 ? { kind: "value", value } : { kind: "value", present: hasLastName(leaf.path), value };
    }
  }
}

/** What a missing value becomes, when it is written (`omit` has no text). */
function fallback(c: ShapeCompiler, missing: MissingPolicy): Vtl {
  return c.text(missing.kind === "default" ? JSON.stringify(missing.value) : "null");
}

/** A value written in place: its code, or undefined when it is left out altogether. */
interface Written {
  readonly code: Vtl;
  /** Set when the value is left out whenever this condition fails. */
  readonly onlyIf?: Vtl;
}

function missingOf(leaf: Leaf): MissingPolicy {
  return leaf.kind === "source" || leaf.kind === "response" ? leaf.missing : { kind: "omit" };
}

function writeValue(c: ShapeCompiler, value: unknown, path: readonly (string | number)[], depth: number): Written | undefined {
  const leaf = parseLeaf(value, c.options.side);
  if (leaf === undefined) return { code: Array.isArray(value) ? writeArray(c, value, path, depth) : writeObject(c, value as Readonly<Record<string, unknown>>, path, depth) };
  if (leaf.kind === "invalid") {
    c.problems.push({ path: leaf.at === undefined ? path : [...path, leaf.at], reason: leaf.reason });
    return undefined;
  }
  const code = leafCode(c, leaf);
  const missing = missingOf(leaf);
  if (code.kind === "absent") return missing.kind === "omit" ? undefined : { code: fallback(c, missing) };
  if (code.present === undefined) return { code: code.value };
  if (missing.kind === "omit") return { code: code.value, onlyIf: code.present };
  return { code: renderVtlTemplate("mapping-value", { present: code.present, value: code.value, fallback: fallback(c, missing) }) };
}

/**
 * Members (`name` set) or items, with a separator variable when some may be left out. `leading`: code of members
 * written before these.
 */
function writeEntries(c: ShapeCompiler, entries: readonly { name?: string; written: Written }[], depth: number, leading?: Vtl): string {
  const optional = entries.some((e) => e.written.onlyIf !== undefined);
  const separator = optional ? c.separator(leading !== undefined) : undefined;
  const comma = vtl(`'${c.comma}'`);
  const line = c.text(c.newline(depth + 1));
  const parts = entries.map(({ name, written }, index) => {
    const entry = vtl(`${name === undefined ? "" : c.text(`${JSON.stringify(name)}: `)}${written.code}`);
    if (separator === undefined) return `${index === 0 && leading === undefined ? "" : c.comma}${line}${entry}`;
    if (written.onlyIf === undefined) return `${line}\${${separator.slice(1)}}${entry}#set(${separator} = ${comma})`;
    return line + renderVtlTemplate("mapping-member", { present: written.onlyIf, separator: vtl(`\${${separator.slice(1)}}`), entry, separatorVariable: separator, comma });
  });
  const first = leading === undefined ? "" : `${line}${leading}`;
  return entries.length === 0 && leading === undefined ? "" : `${first}${parts.join("")}${c.text(c.newline(depth))}`;
}

function writeObject(c: ShapeCompiler, value: Readonly<Record<string, unknown>>, path: readonly (string | number)[], depth: number): Vtl {
  // Sorted: JSON objects have no order, and the template must not depend on how the spec orders its keys.
  const entries = Object.entries(value).sort(byKey).flatMap(([name, member]) => {
    const written = writeValue(c, member, [...path, name], depth + 1);
    return written === undefined ? [] : [{ name, written }];
  });
  const leading = path.length === 0 ? c.options.leadingMembers : undefined;
  return vtl(`${c.text("{")}${writeEntries(c, entries, depth, leading)}${c.text("}")}`);
}

function writeArray(c: ShapeCompiler, value: readonly unknown[], path: readonly (string | number)[], depth: number): Vtl {
  const entries = value.flatMap((item, index) => {
    const written = writeValue(c, item, [...path, index], depth + 1);
    return written === undefined ? [] : [{ written }];
  });
  return vtl(`${c.text("[")}${writeEntries(c, entries, depth)}${c.text("]")}`);
}

/**
 * Compiles `shape` (see the module comment). The template's body is the JSON text (a missing root value is `null`),
 * placed into `frame` when given (the fixed text around it, e.g. Step Functions' request).
 */
export function compileShape(shape: unknown, options: ShapeOptions, frame: (json: Vtl) => Vtl = (json) => json): CompiledShape {
  const c = new ShapeCompiler(options);
  const written = writeValue(c, shape, [], 0);
  let body: Vtl;
  if (written === undefined) body = c.text("null");
  else if (written.onlyIf === undefined) body = written.code;
  else body = renderVtlTemplate("mapping-value", { present: written.onlyIf, value: written.code, fallback: c.text("null") });
  return { template: c.template(frame(body)), problems: c.problems };
}
