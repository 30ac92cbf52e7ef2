/**
 * HTTP API parameter mapping from an integration's declarative `request` and `response` maps (API Gateway Developer
 * Guide, "Transform API requests and responses for HTTP APIs", http-api-parameter-mapping.html). HTTP APIs have no
 * mapping templates: they pass bodies through and change only headers, query strings, the path and the status.
 *
 * - `request` of a Lambda or HTTP proxy integration: an object whose keys are API Gateway's,
 *   `append|overwrite|remove:header.NAME`, `append|overwrite|remove:querystring.NAME` and `overwrite:path`, and whose
 *   values are sources (`$request.header.x`, `$request.query.x` or `$request.querystring.x`, `$request.path`,
 *   `$request.path.x`, `$request.body`, `$request.body.x`, `$context.x`, `$stageVariables.x`), `${…}` templates
 *   that mix them with text, or literal text. A `remove:` key takes no value (`''` is written).
 * - `response`, by the backend's status (`responseParameters`, selection keys 200–599): `status` overwrites the
 *   status of a backend `200` (`overwrite:statuscode`); `headers` overwrite headers (`overwrite:header.NAME`) of the
 *   backend's success answers, `200` and every 2XX status the operation declares; each `errors[]` entry whose `when`
 *   is one backend status answers with its `status`. Header values are `$response.header.x`, `$response.body.x` (or
 *   `$.x`, the body's JSONPath as for REST), `$context.x`, `$stageVariables.x` or literal text.
 *
 * What parameter mapping cannot express is reported at its key (`http-mapping-unsupported`): any other key (a body
 * transformation), a value that is not text (a body shape), a response `body`, an error's body or selection
 * pattern. So are headers API Gateway reserves (`http-mapping-reserved-header`, the list under "Reserved headers")
 * and sources that do not parse (`integration-source-invalid`).
 */
import type { Report } from "../../../validate/rule.js";
import { child } from "../../../model/lower/read.js";
import { isSourceExpression, parseSourceText, type Source } from "../../../model/sources.js";
import type { Integration, Operation, Origin } from "../../../model/types.js";
import { byKey, compareStrings } from "../../../order.js";
import { table } from "../../json.js";

/** Headers HTTP API parameter mapping cannot change, lower case; and the prefixes it reserves. */
const RESERVED_HEADERS = new Set([
  "authorization",
  "connection",
  "content-encoding",
  "content-length",
  "content-location",
  "forwarded",
  "keep-alive",
  "origin",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailers",
  "transfer-encoding",
  "upgrade",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "via",
]);
const RESERVED_PREFIXES = ["access-control-", "apigw-", "x-amz-", "x-amzn-"];

/** A request mapping key: `append|overwrite|remove:header.NAME`, `…:querystring.NAME`, `overwrite:path`. */
const REQUEST_KEY = /^(?:(append|overwrite|remove):(header|querystring)\.(.+)|overwrite:path)$/;

/** A backend status API Gateway selects response mappings by. */
const BACKEND_STATUS = /^[2-5]\d\d$/;

const PASS_BODY = "HTTP APIs pass the body through unchanged";
const REST = "or use a REST API (x-gateway.api: rest), whose mapping templates can";

/** True when API Gateway reserves the header `name` from parameter mapping. */
export function isReservedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_HEADERS.has(lower) || RESERVED_PREFIXES.some((p) => lower.startsWith(p));
}

/** A source of the request in HTTP API syntax (`$request.querystring.x` for the spec's `$request.query.x`). */
function requestSourceText(source: Source): string | undefined {
  switch (source.kind) {
    case "body":
      return ["$request.body", ...source.path].join(".");
    case "parameter":
      return `$request.${source.in === "query" ? "querystring" : source.in}.${source.name}`;
    case "context":
      return ["$context", ...source.path].join(".");
    case "stageVariable":
      return `$stageVariables.${source.name}`;
  }
}

/** What a mapping value is in HTTP API syntax, or why it cannot be one. */
export type MappingValue = { readonly text: string } | { readonly invalid: string };

/**
 * A request-side value in HTTP API syntax: a source expression translated, `$request.path` and
 * `$request.querystring.x` as API Gateway spells them, `${request.query.x}` in a template renamed, literals as
 * written (numbers and booleans as text).
 */
export function requestValue(raw: unknown): MappingValue | undefined {
  if (typeof raw === "number" || typeof raw === "boolean") return { text: String(raw) };
  if (typeof raw !== "string") return undefined;
  if (raw === "$request.path") return { text: raw };
  const text = raw.replace(/^\$request\.querystring\./, "$request.query.");
  if (!isSourceExpression(text)) return { text: text.replace(/\$\{request\.query\./g, "${request.querystring.") };
  const parsed = parseSourceText(text);
  if (parsed.kind === "invalid") return { invalid: parsed.reason };
  return parsed.kind === "source" ? { text: requestSourceText(parsed.source) ?? text } : { text: parsed.text };
}

/** A response-side value: `$response.header.x`, `$response.body[.x]` (or `$.x`), `$context.x`, `$stageVariables.x`, text. */
function responseValue(raw: string): MappingValue {
  if (raw === "$" || raw.startsWith("$.")) return { text: `$response.body${raw.slice(1)}` };
  if (/^\$response\.(header\.[^.\s]+|body(\..+)?)$/.test(raw)) return { text: raw };
  if (raw.startsWith("$request.")) return { invalid: "an HTTP API response mapping reads the backend's response, $context and stage variables, not the request" };
  if (raw.startsWith("$context.") || raw.startsWith("$stageVariables.")) {
    const parsed = parseSourceText(raw);
    if (parsed.kind === "invalid") return { invalid: parsed.reason };
    return { text: raw };
  }
  if (raw.startsWith("$response.")) return { invalid: "$response.header.NAME or $response.body[.path] expected" };
  return { text: raw };
}

/** Reports a value that does not parse; true when `value` is usable. */
function checkValue(value: MappingValue, setting: string, raw: string, origin: Origin, report?: Report): value is { text: string } {
  if ("text" in value) return true;
  report?.({ code: "integration-source-invalid", args: { setting, value: raw, reason: value.invalid }, origin });
  return false;
}

/**
 * The `requestParameters` of a Lambda or HTTP proxy integration from its `request` map; undefined without one.
 * Problems are reported to `report` and their keys left out.
 */
export function requestParameterMapping(integration: Integration, report?: Report): Record<string, string> | undefined {
  const request = integration.request;
  if (request === undefined || request.kind !== "shape") return undefined;
  const shape = request.shape;
  if (typeof shape !== "object" || shape === null || Array.isArray(shape)) {
    report?.({
      code: "http-mapping-unsupported",
      args: { what: "a request body", reason: PASS_BODY, fix: `Map headers, query strings or the path (append|overwrite|remove:header.NAME), ${REST}.` },
      origin: request.origin,
    });
    return undefined;
  }
  const result = table<string>();
  for (const key of Object.keys(shape).sort(compareStrings)) {
    const origin = child(request.origin, key);
    const match = REQUEST_KEY.exec(key);
    if (match === null) {
      report?.({
        code: "http-mapping-unsupported",
        args: {
          what: `the request key ${key}`,
          reason: `it is no header, query string or path mapping, so it would build the body, and ${PASS_BODY}`,
          fix: `Write append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME or overwrite:path, ${REST}.`,
        },
        origin,
        part: "key",
      });
      continue;
    }
    const [, action, location, name] = match;
    if (location === "header" && name !== undefined && isReservedHeader(name)) {
      report?.({ code: "http-mapping-reserved-header", args: { name }, origin, part: "key" });
      continue;
    }
    const raw = (shape as Record<string, unknown>)[key];
    if (action === "remove") {
      result[key] = "''";
      continue;
    }
    const value = requestValue(raw);
    if (value === undefined) {
      report?.({
        code: "http-mapping-unsupported",
        args: { what: `a ${typeof raw === "object" ? "structured" : "missing"} value of ${key}`, reason: "a mapping's value is one source or one line of text", fix: "Give a source such as $request.body.id, or text." },
        origin,
      });
      continue;
    }
    if (checkValue(value, key, String(raw), origin, report)) result[key] = value.text;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

/** The 2XX statuses `op` declares, as numbers. */
function declaredSuccesses(op: Operation): number[] {
  return op.responses.map((r) => Number(r.status)).filter((s) => Number.isInteger(s) && s >= 200 && s < 300);
}

/**
 * The `responseParameters` of an integration from its `response` map, by backend status (sorted); undefined without
 * one. Problems are reported to `report` and left out.
 */
export function responseParameterMapping(op: Operation, integration: Integration, report?: Report): Record<string, Record<string, string>> | undefined {
  const response = integration.response;
  if (response === undefined) return undefined;
  const byStatus = new Map<string, Record<string, string>>();
  const at = (status: string): Record<string, string> => {
    let mappings = byStatus.get(status);
    if (mappings === undefined) byStatus.set(status, (mappings = table<string>()));
    return mappings;
  };
  // A template body is reported by validation as a VTL template (api-kind-unsupported).
  if (response.body?.kind === "shape") {
    report?.({
      code: "http-mapping-unsupported",
      args: { what: "a response body", reason: PASS_BODY, fix: `Shape the body in the backend, ${REST}.` },
      origin: child(response.origin, "body"),
      part: "key",
    });
  }
  if (response.status !== undefined && response.status !== 200) at("200")["overwrite:statuscode"] = String(response.status);
  const headers = Object.entries(response.headers);
  if (headers.length > 0) {
    const successes = [...new Set([200, ...declaredSuccesses(op)])].map(String);
    for (const [name, raw] of headers) {
      const origin = child(response.origin, "headers", name);
      if (isReservedHeader(name)) {
        report?.({ code: "http-mapping-reserved-header", args: { name }, origin, part: "key" });
        continue;
      }
      const value = responseValue(raw);
      if (!checkValue(value, `response header ${name}`, raw, origin, report)) continue;
      for (const status of successes) at(status)[`overwrite:header.${name}`] = value.text;
    }
  }
  for (const error of response.errors) {
    if (!BACKEND_STATUS.test(error.when)) {
      report?.({
        code: "http-mapping-unsupported",
        args: {
          what: `the selection pattern ${error.when}`,
          reason: "HTTP APIs select a response mapping by the backend's status code, 200–599, and by nothing else",
          fix: "Write when as one status, such as \"404\".",
        },
        origin: child(error.origin, "when"),
      });
      continue;
    }
    if (error.body !== undefined) {
      report?.({
        code: "http-mapping-unsupported",
        args: { what: "an error body", reason: PASS_BODY, fix: `Answer the body from the backend, ${REST}.` },
        origin: child(error.origin, "body"),
        part: "key",
      });
    }
    at(error.when)["overwrite:statuscode"] = String(error.status);
  }
  if (byStatus.size === 0) return undefined;
  const result = table<Record<string, string>>();
  for (const [status, mappings] of [...byStatus].sort(byKey)) result[status] = mappings;
  return result;
}
