/**
 * `$context` and `$stageVariables` for one render, and the overrides a template leaves behind
 * (`apigateway-override-request-response-parameters.html`, `vtl-and-emulators.md` §1.9–1.11):
 *
 * - `$context` is a map of the documented variables the caller provides. `authorizer` values are strings, as API
 *   Gateway stringifies a Lambda authorizer's context (`1` reads `"1"`), except `claims`, a map of strings.
 * - `requestOverride` (`header`, `path`, `querystring`) and `responseOverride` (`header`, `status`) always exist,
 *   with what the caller passed (a mock integration's request template can stash values there for the response
 *   template). Setting the same override twice is an error: API Gateway answers 5XX.
 */
import { byKey } from "../order.js";
import { fromPlain } from "./json.js";
import { javaString } from "./print.js";
import { OverrideMap } from "./values.js";

/** Header, path and query string overrides of the integration request. */
export interface RequestOverrides {
  readonly header: Readonly<Record<string, string | readonly string[]>>;
  readonly path: Readonly<Record<string, string>>;
  readonly querystring: Readonly<Record<string, string | readonly string[]>>;
}

/** Header and status overrides of the method response; `status` is absent unless the template sets it. */
export interface ResponseOverrides {
  readonly header: Readonly<Record<string, string | readonly string[]>>;
  readonly status?: number | string;
}

/**
 * What API Gateway applies after the template ran: request overrides (request templates only) and response
 * overrides (also from a request template, recorded with mock integrations). Keys are sorted; a list value (a
 * multi-value header or query parameter) becomes an array of strings.
 */
export interface Overrides {
  readonly request: RequestOverrides;
  readonly response: ResponseOverrides;
}

function asMap(value: unknown): Map<unknown, unknown> {
  return value instanceof Map ? value : new Map();
}

function overrideMap(label: string, initial: unknown, counts?: (key: unknown) => boolean): OverrideMap {
  const map = new OverrideMap(label, counts);
  for (const [k, v] of asMap(initial)) map.set(k, v);
  return map;
}

function stringified(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, stringified(v)]));
  return value === null ? null : javaString(value);
}

/** The `$context` map of a render, built from the caller's plain JSON. */
export function buildContext(context: Readonly<Record<string, unknown>> | undefined): Map<unknown, unknown> {
  const map = asMap(fromPlain(context ?? {}));
  const authorizer = map.get("authorizer");
  if (authorizer instanceof Map) {
    map.set("authorizer", new Map([...authorizer].map(([k, v]) => [k, k === "claims" ? stringified(asMap(v)) : stringified(v)])));
  }
  const request = asMap(map.get("requestOverride"));
  const requestOverride = overrideMap("$context.requestOverride", request, () => false);
  for (const part of ["header", "path", "querystring"]) {
    requestOverride.set(part, overrideMap(`$context.requestOverride.${part}`, request.get(part)));
  }
  map.set("requestOverride", requestOverride);
  const response = asMap(map.get("responseOverride"));
  const responseOverride = overrideMap("$context.responseOverride", response, (key) => key === "status");
  responseOverride.set("header", overrideMap("$context.responseOverride.header", response.get("header")));
  map.set("responseOverride", responseOverride);
  return map;
}

function entries(value: unknown, lists: true): Record<string, string | readonly string[]>;
function entries(value: unknown, lists: false): Record<string, string>;
function entries(value: unknown, lists: boolean): Record<string, string | readonly string[]> {
  const out: [string, string | readonly string[]][] = [];
  for (const [k, v] of asMap(value)) {
    if (v === null || v === undefined) continue;
    out.push([javaString(k), lists && Array.isArray(v) ? v.map(javaString) : javaString(v)]);
  }
  return Object.fromEntries(out.sort(byKey));
}

/** Reads the overrides left in a `$context` map after a render; `request` false leaves request overrides empty. */
export function readOverrides(context: Map<unknown, unknown>, request: boolean): Overrides {
  const req = asMap(context.get("requestOverride"));
  const res = asMap(context.get("responseOverride"));
  const status = res.get("status");
  const statusText = status === null || status === undefined ? undefined : javaString(status);
  return {
    request: request
      ? { header: entries(req.get("header"), true), path: entries(req.get("path"), false), querystring: entries(req.get("querystring"), true) }
      : { header: {}, path: {}, querystring: {} },
    response: {
      header: entries(res.get("header"), true),
      ...(statusText === undefined ? {} : { status: /^\d+$/.test(statusText) ? Number(statusText) : statusText }),
    },
  };
}
