/**
 * What a mapping shape means, computed directly in TypeScript (no VTL), to check the templates Portico generates
 * against: docs/x-gateway.md "Mappings" read as a specification. The request side reads a request (parsed JSON
 * payload, parameters, `$context`, stage variables); the response side reads an integration response.
 */
import type { Operation } from "../../compiler/model/types.js";

/** A request as the oracle reads it (the same data a template is rendered against). */
export interface OracleRequest {
  /** The parsed JSON payload, or undefined when the media type is not JSON (or there is no payload). */
  readonly json?: unknown;
  /** The raw payload text. */
  readonly body: string;
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

/** Marks a missing value. */
const MISSING = Symbol("missing");
type Value = unknown | typeof MISSING;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const NUMBER = /^-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?$/;

/** The value at `steps` of `root`: absent when a step is missing (a name on a non-object, an index past the end). */
function at(root: unknown, steps: readonly (string | number)[]): Value {
  let here: unknown = root;
  for (const step of steps) {
    if (typeof step === "number") {
      if (!Array.isArray(here) || step >= here.length) return MISSING;
      here = here[step];
    } else {
      if (!isObject(here) || !Object.hasOwn(here, step)) return MISSING;
      here = here[step];
    }
  }
  return here;
}

/** The steps of `$.a.b`, `$['a-b']`, `$.a[0].b`. */
export function pathSteps(text: string): (string | number)[] {
  const steps: (string | number)[] = [];
  const re = /\.([A-Za-z_][A-Za-z0-9_-]*)|\['([^']*)'\]|\[(\d+)\]/gy;
  re.lastIndex = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) steps.push(m[1] ?? m[2] ?? Number(m[3]));
  return steps;
}

function text(value: unknown): Value {
  if (value === MISSING || value === undefined || value === null || value === "") return MISSING;
  return String(value);
}

function typed(op: Operation | undefined, where: string, name: string, value: Value): Value {
  if (value === MISSING) return value;
  const parameter = op?.parameters.find((p) => p.in === where && p.name === name);
  const type = parameter?.schema?.["type"];
  const s = String(value);
  if ((type === "integer" || type === "number") && NUMBER.test(s)) return JSON.parse(s);
  if (type === "boolean" && (s === "true" || s === "false")) return s === "true";
  return s;
}

/** The value of one leaf string (a source or a literal), MISSING when the request has none. */
function leafValue(leaf: string, side: "request" | "response", request: OracleRequest, response: unknown, op: Operation | undefined): Value {
  if (side === "response" && leaf.startsWith("$") && !leaf.startsWith("$request") && !leaf.startsWith("$context") && !leaf.startsWith("$stageVariables")) {
    return at(response, pathSteps(leaf));
  }
  if (leaf === "$request.body") return request.json === undefined ? request.body : request.json;
  const [root, where, ...rest] = leaf.slice(1).split(".");
  if (root === "request" && where === "body") return request.json === undefined ? MISSING : at(request.json, rest);
  if (root === "request") {
    const name = rest.join(".");
    const map = where === "path" ? request.path : where === "query" ? request.query : request.headers;
    return typed(op, where as string, name, text(map[name]));
  }
  if (root === "context") {
    const value = text(at(request.context, [where as string, ...rest]));
    return leaf === "$context.requestTimeEpoch" && typeof value === "string" && NUMBER.test(value) ? JSON.parse(value) : value;
  }
  if (root === "stageVariables") return text(request.stageVariables[[where, ...rest].join(".")]);
  return leaf;
}

function isSource(s: string, side: "request" | "response"): boolean {
  return s === "$request.body" || /^\$(request|context|stageVariables)\./.test(s) || (side === "response" && s.startsWith("$"));
}

function evaluate(shape: unknown, side: "request" | "response", request: OracleRequest, response: unknown, op: Operation | undefined): Value {
  if (typeof shape === "string") return isSource(shape, side) ? leafValue(shape, side, request, response, op) : shape;
  if (isObject(shape) && Object.hasOwn(shape, "$source")) {
    const value = leafValue(String(shape["$source"]), side, request, response, op);
    if (value !== MISSING) return value;
    if (shape["missing"] === "null" || shape["missing"] === null) return null;
    if (shape["missing"] === "default" || Object.hasOwn(shape, "default")) return shape["default"];
    return MISSING;
  }
  if (Array.isArray(shape)) return shape.map((item) => evaluate(item, side, request, response, op)).filter((v) => v !== MISSING);
  if (isObject(shape)) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(shape)) {
      const value = evaluate(member, side, request, response, op);
      if (value !== MISSING) out[key] = value;
    }
    return out;
  }
  return shape;
}

/** The JSON a request shape builds from `request`. */
export function expectedRequest(shape: unknown, request: OracleRequest, op: Operation): unknown {
  const value = evaluate(shape, "request", request, undefined, op);
  return value === MISSING ? null : value;
}

/** The JSON a response shape builds from the integration response `response` (with the method request `request`). */
export function expectedResponse(shape: unknown, response: unknown, request: OracleRequest, op?: Operation): unknown {
  const value = evaluate(shape, "response", request, response, op);
  return value === MISSING ? null : value;
}

/** Whether the JSONPath condition `when` holds for `response` (docs/x-gateway.md "Mappings"). */
export function conditionHolds(when: string, response: unknown): boolean {
  const m = /^(\$\S*?)\s*(==|!=|>=|<=|>|<)\s*(.+?)\s*$/.exec(when);
  if (m === null) throw new Error(`not a condition: ${when}`);
  const value = at(response, pathSteps(m[1] as string));
  const operator = m[2] as string;
  const raw = m[3] as string;
  if (raw === "null") return operator === "==" ? value === MISSING || value === null : value !== MISSING && value !== null;
  if (value === MISSING || value === null) return operator === "!=";
  const literal: unknown = /^['"]/.test(raw) ? raw.slice(1, -1) : JSON.parse(raw);
  const numeric = typeof value === "number" && typeof literal === "number";
  const compare = numeric ? (value as number) - (literal as number) : String(value) === String(literal) ? 0 : NaN;
  switch (operator) {
    case "==":
      return compare === 0;
    case "!=":
      return compare !== 0;
    case ">":
      return compare > 0;
    case ">=":
      return compare >= 0;
    case "<":
      return compare < 0;
    default:
      return compare <= 0;
  }
}
