/**
 * The `response` mapping of a non-proxy REST integration (docs/x-gateway.md "Mappings") as integration responses
 * (developer guide, "Set up an integration response", "x-amazon-apigateway-integration.responses object"):
 *
 * - the default response (the one without a selection pattern) answers `response.status`, with `response.body`
 *   as its `application/json` template (a shape of `$.jsonpath` leaves, ./mapping-shape.ts, or raw VTL) and
 *   `response.headers` as header mappings: a `$.a.b` value maps `integration.response.body.a.b`, any other value
 *   is a static `'value'`;
 * - each error whose `when` is a selection pattern (a Java regular expression matched against a Lambda error's
 *   message, or against an HTTP or AWS backend's status code) is an integration response of its own, with its
 *   `status`, its `body` template and its `headers`;
 * - errors whose `when` is a JSONPath condition (./mapping-conditions.ts) are tested, in order, by the default
 *   response's template, which sets `$context.responseOverride.status` and writes the error's body; the success
 *   body is written when none holds (the integration response as it came, `$input.body`, without one).
 *
 * A response without a template passes the integration's body through. Every status answered is declared as a
 * method response by ./operation.ts, with the headers mapped onto it.
 */
import type { ErrorMapping, Mapping, Operation, ResponseMapping } from "../../model/types.js";
import { translateJavaRegex } from "../../vtl/java-regex.js";
import { table } from "../json.js";
import { isCondition, parseCondition, type ConditionCode } from "./mapping-conditions.js";
import { parseResponsePath } from "./mapping-leaves.js";
import { compileShape } from "./mapping-shape.js";
import { mappingText, type MappingProblems } from "./mapping-request.js";
import { renderVtlTemplate } from "./vtl-templates.js";
import { vtl, type Vtl } from "./vtl.js";

const JSON_TYPE = "application/json";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** What API Gateway's quoted static header values can hold: printable ASCII without `'`. */
const STATIC_HEADER = /^[\x20-\x26\x28-\x7e]*$/;

type IntegrationResponse = Record<string, unknown>;

/** The response template of `mapping` (a response body or an error body), or undefined for none. */
function bodyTemplate(op: Operation, mapping: Mapping | undefined, problems: MappingProblems): Vtl | undefined {
  if (mapping === undefined) return undefined;
  if (mapping.kind !== "shape") return mappingText(mapping);
  const compiled = compileShape(mapping.shape, { side: "response", op, jsonBody: true, encoding: "json" });
  for (const problem of compiled.problems) problems.report(mapping.origin, problem.path, problem.reason);
  return compiled.template;
}

/** `method.response.header.X` → mapping expression, for `headers` written at `origin`. */
function headerMappings(mapping: { readonly headers: Readonly<Record<string, string>>; readonly origin: ResponseMapping["origin"] }, problems: MappingProblems): Record<string, string> {
  const mapped = table<string>();
  for (const [name, value] of Object.entries(mapping.headers)) {
    let expression: string | undefined;
    if (value.startsWith("$")) {
      const path = parseResponsePath(value);
      if (path !== undefined && path.every((step) => typeof step === "string" && IDENTIFIER.test(step))) expression = ["integration.response.body", ...path].join(".");
      else problems.report(mapping.origin, ["headers", name], "a header maps a JSONPath of identifiers ($.a.b) of the integration response, or is literal text");
    } else if (STATIC_HEADER.test(value)) {
      expression = `'${value}'`;
    } else {
      problems.report(mapping.origin, ["headers", name], "API Gateway's static header values cannot hold ' or characters outside printable ASCII");
    }
    if (expression !== undefined) mapped[`method.response.header.${name}`] = expression;
  }
  return mapped;
}

function integrationResponse(status: number, template: Vtl | undefined, headers: Record<string, string>): IntegrationResponse {
  return {
    statusCode: String(status),
    ...(template === undefined ? {} : { responseTemplates: { [JSON_TYPE]: template } }),
    ...(Object.keys(headers).length === 0 ? {} : { responseParameters: headers }),
  };
}

/** The default response's template with the JSONPath-condition errors tested first. */
function withConditions(op: Operation, success: Vtl | undefined, errors: readonly [ErrorMapping, ConditionCode][], problems: MappingProblems): Vtl {
  return renderVtlTemplate("mapping-response-errors", {
    errors: errors.map(([error, code], index) => ({
      flag: vtl(`$w${index}`),
      initial: code.initial,
      present: code.present,
      test: code.test,
      status: error.status,
      body: bodyTemplate(op, error.body, problems) ?? vtl("$input.body"),
    })),
    success: success ?? vtl("$input.body"),
  });
}

/** What a response mapping adds to an integration: its responses, and the statuses its templates answer. */
export interface MappedResponses {
  /** Selection pattern (`default` for none) → integration response. */
  readonly responses: Readonly<Record<string, IntegrationResponse>>;
  readonly overrideStatuses: readonly number[];
}

/**
 * The integration responses of `responses` (the integration's own, keyed by selection pattern) with `mapping`
 * applied: the default response's status, template and headers replaced where the mapping sets them, an
 * integration response per selection-pattern error (replacing one with the same pattern), and the JSONPath-condition
 * errors in the default response's template.
 */
export function applyResponseMapping(
  op: Operation,
  responses: Readonly<Record<string, IntegrationResponse>>,
  mapping: ResponseMapping,
  problems: MappingProblems,
): MappedResponses {
  const result = table<IntegrationResponse>();
  Object.assign(result, responses);
  const current = responses["default"] ?? {};
  const currentTemplates = (current["responseTemplates"] ?? {}) as Record<string, Vtl>;
  const conditions: [ErrorMapping, ConditionCode][] = [];
  for (const error of mapping.errors) {
    if (!isCondition(error.when)) continue;
    const code = parseCondition(error.when);
    if ("invalid" in code) problems.report(error.origin, ["when"], code.invalid);
    else conditions.push([error, code]);
  }
  const success = bodyTemplate(op, mapping.body, problems) ?? currentTemplates[JSON_TYPE];
  const template = conditions.length === 0 ? success : withConditions(op, success, conditions, problems);
  const headers = table<string>();
  Object.assign(headers, current["responseParameters"], headerMappings(mapping, problems));
  const status = mapping.status ?? Number(current["statusCode"] ?? 200);
  result["default"] = integrationResponse(status, template, headers);
  for (const error of mapping.errors) {
    if (isCondition(error.when)) continue;
    try {
      translateJavaRegex(error.when);
    } catch {
      problems.report(error.origin, ["when"], "it is neither a regular expression nor a JSONPath condition");
      continue;
    }
    result[error.when] = integrationResponse(error.status, bodyTemplate(op, error.body, problems), headerMappings(error, problems));
  }
  return { responses: result, overrideStatuses: conditions.map(([error]) => error.status) };
}
