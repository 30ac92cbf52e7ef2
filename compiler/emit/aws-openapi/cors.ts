/**
 * CORS for a REST API (`x-gateway.cors`), which API Gateway leaves to the API (developer guide, "CORS for REST
 * APIs in API Gateway"):
 * - preflight: every path that serves a method gets an `options` method unless the spec declares one: a MOCK
 *   integration answering 204 with `Access-Control-Allow-Methods` (the path's methods allowed by `cors.methods`,
 *   plus OPTIONS), `-Allow-Headers`, `-Max-Age` (−1 is sent as 0: no caching), `-Allow-Credentials`,
 *   `-Expose-Headers` and the origin. It has `security: []`: browsers send preflights without credentials, so
 *   authorization must not apply (every security scanner exempts OPTIONS; see Checkov CKV_AWS_59, CKV2_AWS_70);
 * - responses of non-proxy integrations (mock, AWS services, Step Functions, Lambda and HTTP without proxy): every
 *   integration response sets `Access-Control-Allow-Origin`, `-Allow-Credentials` and `-Expose-Headers`. With a
 *   proxy integration (Lambda proxy, HTTP proxy) API Gateway passes the backend's response through unchanged, so
 *   the backend must send these headers itself;
 * - gateway responses (./gateway-responses.ts): see {@link gatewayResponseHeaders}.
 *
 * The origin: `*`, or the one allowed origin, is a static header value. Several origins cannot be: a mapping
 * template reads the request's `Origin` and echoes it only when it is one of them (`$context.responseOverride`),
 * and `Vary: Origin` tells caches the response depends on it. Origins are compared exactly, as browsers send them.
 *
 * Reports `cors-value-invalid` (error) for an origin that is not `*` or `scheme://host[:port]`, and for a header
 * name holding `'`, which API Gateway's quoted header values cannot carry; such entries are left out.
 */
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import type { Cors } from "../../model/types.js";
import { child } from "../../model/lower/read.js";
import { table } from "../json.js";
import { vtlString } from "./vtl.js";

/** The CORS headers to send, resolved from `x-gateway.cors`. */
export interface CorsPlan {
  /** `Access-Control-Allow-Origin` when it is the same for every caller: `*` or the one allowed origin. */
  readonly allowOrigin?: string;
  /** Two or more allowed origins, echoed by a mapping template when the request comes from one of them. */
  readonly echoOrigins: readonly string[];
  /** Upper-case methods browsers may use, or `any` (`*`). */
  readonly methods: "any" | ReadonlySet<string>;
  readonly headers: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly credentials: boolean;
  /** Seconds. */
  readonly maxAge?: number;
}

/** An allowed origin as browsers send it: `scheme://host[:port]` in lower case, no path, no wildcard host. */
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** Printable ASCII without `'`: what a `'…'` header value can hold. */
const LITERAL_TEXT = /^[\x20-\x26\x28-\x7e]*$/;

/** Methods in the order `Access-Control-Allow-Methods` lists them. */
const METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "TRACE", "OPTIONS"];

/** What an ANY method (`x-amazon-apigateway-any-method`) serves. */
const ANY_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

/** JSON, the content type every template here is keyed by. */
const JSON_TYPE = "application/json";

/** `'value'`, a static header value in `responseParameters` (only for text {@link corsPlan} accepted). */
function literal(value: string): string {
  return `'${value}'`;
}

/** Reports `cors-value-invalid` for entry `index` of the list `field` of `cors`. */
function reportInvalid(cors: Cors, report: DiagnosticCollector | undefined, field: string, index: number, value: string, reason: string): void {
  report?.report({ code: "cors-value-invalid", args: { field, value: JSON.stringify(value), reason }, origin: child(cors.origin, field, index) });
}

/**
 * The origins of `cors` a browser can match: `*` and `scheme://host[:port]`. Any other entry is reported as
 * `cors-value-invalid` (when `report` is given) and left out. Shared by REST and HTTP APIs.
 */
export function allowedOrigins(cors: Cors, report?: DiagnosticCollector): string[] {
  return cors.origins.filter((origin, index) => {
    const ok = origin === "*" || ORIGIN.test(origin);
    if (!ok) {
      const reason = "an allowed origin is * or scheme://host[:port], exactly as browsers send it (lower case, no path, no wildcard in the host)";
      reportInvalid(cors, report, "origins", index, origin, reason);
    }
    return ok;
  });
}

/**
 * The plan for `cors`; undefined when it allows no origin. Invalid entries are reported (when `report` is given)
 * and left out.
 */
export function corsPlan(cors: Cors, report?: DiagnosticCollector): CorsPlan | undefined {
  const invalid = (field: string, index: number, value: string, reason: string): void => reportInvalid(cors, report, field, index, value, reason);
  const origins = allowedOrigins(cors, report);
  const names = (field: "headers" | "exposeHeaders"): string[] =>
    cors[field].filter((name, index) => {
      const ok = LITERAL_TEXT.test(name);
      if (!ok) invalid(field, index, name, "API Gateway's quoted header values cannot hold ' or control characters");
      return ok;
    });
  const headers = names("headers");
  const exposeHeaders = names("exposeHeaders");
  if (origins.length === 0) return undefined;
  const wildcard = origins.includes("*");
  const methods = cors.methods.includes("*") ? "any" : new Set(cors.methods.map((m) => m.toUpperCase()));
  return {
    ...(wildcard ? { allowOrigin: "*" } : origins.length === 1 ? { allowOrigin: origins[0] as string } : {}),
    echoOrigins: wildcard || origins.length === 1 ? [] : origins,
    methods,
    headers,
    exposeHeaders,
    credentials: cors.credentials,
    ...(cors.maxAge === undefined ? {} : { maxAge: Math.max(cors.maxAge, 0) }),
  };
}

/**
 * The CORS headers of an actual (non-preflight) response, header name → static value: the origin when static,
 * credentials, exposed headers, and `Vary: Origin` when the origin is echoed.
 */
export function responseHeaders(plan: CorsPlan): Record<string, string> {
  const headers = table<string>();
  if (plan.allowOrigin !== undefined) headers["Access-Control-Allow-Origin"] = literal(plan.allowOrigin);
  if (plan.credentials) headers["Access-Control-Allow-Credentials"] = literal("true");
  if (plan.exposeHeaders.length > 0) headers["Access-Control-Expose-Headers"] = literal(plan.exposeHeaders.join(","));
  if (plan.echoOrigins.length > 0) headers["Vary"] = literal("Origin");
  return headers;
}

/**
 * The headers of gateway responses (errors API Gateway itself returns, such as 401 from an authorizer or 429
 * from throttling), which can only be static: their templates are not VTL. With `*` or one origin they get the
 * same headers as any response, so browser apps can read the error. With several origins they get none: the
 * only dynamic value, `method.request.header.Origin`, would allow every origin that asks, which with credentials
 * lets any site read credentialed error responses; browsers then report these errors as CORS failures.
 */
export function gatewayResponseHeaders(plan: CorsPlan): Record<string, string> {
  return plan.echoOrigins.length > 0 ? table<string>() : responseHeaders(plan);
}

/**
 * The VTL that sets `Access-Control-Allow-Origin` to the request's `Origin` when it is allowed (several origins),
 * or undefined. It writes nothing to the body and ends with the braced `#{end}`, so a template appended to it
 * cannot run into the directive. The header is read as `Origin`, else `origin` (HTTP/2 clients send lower case,
 * and API Gateway's parameter maps are case-sensitive).
 */
export function originTemplate(plan: CorsPlan): string | undefined {
  if (plan.echoOrigins.length === 0) return undefined;
  const allowed = plan.echoOrigins.map((origin) => `$corsOrigin == ${vtlString(origin)}`).join(" || ");
  return (
    "#set($corsOrigin = $input.params().header.get('Origin'))" +
    "#if(\"$!corsOrigin\" == \"\")#set($corsOrigin = $input.params().header.get('origin'))#end" +
    `#if(${allowed})#set($context.responseOverride.header.Access-Control-Allow-Origin = $corsOrigin)#{end}`
  );
}

/** A method response header declaration for each of `names`. */
function declared(names: Iterable<string>): Record<string, unknown> {
  const headers = table();
  for (const name of names) headers[name] = { schema: { type: "string" } };
  return headers;
}

/** The methods of a path item (its operation keys), upper case; `x-amazon-apigateway-any-method` stands for all. */
export function servedMethods(pathItem: Readonly<Record<string, unknown>>): readonly string[] {
  const methods = new Set<string>();
  for (const key of Object.keys(pathItem)) {
    if (key === "x-amazon-apigateway-any-method") ANY_METHODS.forEach((m) => methods.add(m));
    else if (METHOD_ORDER.includes(key.toUpperCase())) methods.add(key.toUpperCase());
  }
  return METHOD_ORDER.filter((m) => methods.has(m));
}

/** The preflight `options` operation of a path whose methods are `served`. */
export function preflightOperation(plan: CorsPlan, served: readonly string[]): Record<string, unknown> {
  const allowed = served.filter((m) => m !== "OPTIONS" && (plan.methods === "any" || plan.methods.has(m)));
  const headers = responseHeaders(plan);
  headers["Access-Control-Allow-Methods"] = literal([...allowed, "OPTIONS"].join(","));
  if (plan.headers.length > 0) headers["Access-Control-Allow-Headers"] = literal(plan.headers.join(","));
  if (plan.maxAge !== undefined) headers["Access-Control-Max-Age"] = literal(String(plan.maxAge));
  const template = originTemplate(plan);
  const names = [...Object.keys(headers), ...(template === undefined ? [] : ["Access-Control-Allow-Origin"])];
  const parameters = table<string>();
  for (const [name, value] of Object.entries(headers)) parameters[`method.response.header.${name}`] = value;
  return {
    responses: { "204": { description: "CORS preflight", headers: declared(names) } },
    security: [],
    "x-amazon-apigateway-integration": {
      type: "mock",
      requestTemplates: { [JSON_TYPE]: '{"statusCode": 200}' },
      passthroughBehavior: "when_no_match",
      responses: {
        default: {
          statusCode: "204",
          responseParameters: parameters,
          ...(template === undefined ? {} : { responseTemplates: { [JSON_TYPE]: template } }),
        },
      },
    },
  };
}

type Json = Record<string, unknown>;

/** True for integrations whose responses API Gateway maps (mock, AWS, HTTP), false for proxies. */
function mapsResponses(integration: Json): boolean {
  const type = String(integration["type"]).toLowerCase();
  return type === "mock" || type === "aws" || type === "http";
}

/**
 * `integration` and the method `responses` with the CORS headers on every integration response of a non-proxy
 * integration (headers the spec maps itself are kept). With several origins each response template starts with
 * {@link originTemplate}; a response without a template gets one that passes the body on (`$input.body`), except
 * for a binary method, where a template would re-encode the body: those responses carry no origin.
 */
export function withCorsHeaders(integration: Json, responses: Json, plan: CorsPlan, binary: boolean): { integration: Json; responses: Json } {
  const mapped = integration["responses"] as Record<string, Json> | undefined;
  if (!mapped || !mapsResponses(integration)) return { integration, responses };
  const headers = responseHeaders(plan);
  const template = binary ? undefined : originTemplate(plan);
  const names = [...Object.keys(headers), ...(template === undefined ? [] : ["Access-Control-Allow-Origin"])];
  const newMapped = table<Json>();
  const newResponses = table<Json>();
  Object.assign(newResponses, responses);
  for (const [key, response] of Object.entries(mapped)) {
    const parameters = table<string>();
    for (const [name, value] of Object.entries(headers)) parameters[`method.response.header.${name}`] = value;
    Object.assign(parameters, response["responseParameters"] as Record<string, string> | undefined);
    const existing = response["responseTemplates"] as Record<string, string> | undefined;
    const templates = table<string>();
    if (template !== undefined) {
      if (existing === undefined || Object.keys(existing).length === 0) templates[JSON_TYPE] = `${template}$input.body`;
      else for (const [type, text] of Object.entries(existing)) templates[type] = `${template}${text}`;
    }
    newMapped[key] = {
      ...response,
      responseParameters: parameters,
      ...(template === undefined ? {} : { responseTemplates: templates }),
    };
    const status = String(response["statusCode"]);
    const method = (newResponses[status] as Json | undefined) ?? { description: "Integration response" };
    newResponses[status] = { ...method, headers: { ...(method["headers"] as Json | undefined), ...declared(names) } };
  }
  return { integration: { ...integration, responses: newMapped }, responses: newResponses };
}
