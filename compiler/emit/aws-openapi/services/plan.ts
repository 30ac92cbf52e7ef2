/**
 * What an AWS-service integration of a REST API needs besides its role: the service call (URI, method, request
 * parameters, request template) and the integration responses that turn the service's answer into the method's
 * (developer guide, "Set up an integration request" and "Set up an integration response"; AWS integration URIs
 * `arn:aws:apigateway:{region}:{service}:action/{Action}` or `…:path/{path}`).
 */
import type { Integration, Operation } from "../../../model/types.js";
import { table } from "../../json.js";
import { isBinarySchema, mediaTypeKey } from "../media-types.js";
import { renderVtlTemplate } from "../vtl-templates.js";
import type { ShapePlacement } from "../mapping-request.js";
import type { Vtl } from "../vtl.js";
import type { ServiceContext } from "./context.js";

/** One integration response: the status it answers, its template (`application/json`), its header mappings. */
export interface ServiceResponse {
  readonly status: number;
  /** Response template; none passes the service's body through (binary included). */
  readonly template?: Vtl;
  /** `method.response.header.X` → a response mapping expression (`integration.response.header.Y`, …). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** An integration response for the service statuses `pattern` matches (a Java regular expression). */
export interface ServiceError extends ServiceResponse {
  readonly pattern: string;
}

/** The service call and its responses. */
export interface ServicePlan {
  /** The service of the URI: `s3`, `sqs`, `sns`, `events`, `kinesis`, `dynamodb`. */
  readonly service: string;
  /** `action/{Action}` or `path/{…}`, after `arn:…:apigateway:{region}:{service}:`. */
  readonly target: string;
  readonly httpMethod: "GET" | "PUT" | "POST" | "DELETE";
  /** `integration.request.{path,querystring,header}.X` → mapping expression. */
  readonly requestParameters: Readonly<Record<string, string>>;
  /** The request template, for every media type the method accepts; none passes the body through. */
  readonly requestTemplate?: Vtl;
  /**
   * Where a request shape of the spec goes: the payload it builds, placed into the service request, or the request
   * itself with the target named first. None: the service takes no JSON a shape could build (S3's objects, Kinesis's
   * base64 data).
   */
  readonly shapePlacement?: ShapePlacement;
  /** Method request headers the request parameters read, which the method must declare. */
  readonly requestHeaders: readonly string[];
  readonly success: ServiceResponse;
  readonly errors: readonly ServiceError[];
  /** Statuses the response templates answer with through `$context.responseOverride.status`. */
  readonly overrideStatuses: readonly number[];
}

/** JSON is what every generated response template writes. */
const JSON_TYPE = "application/json";

/**
 * The status a successful call answers with: the integration's `response.status`, else the lowest 2XX status the
 * operation declares, else `fallback` (the service's usual answer: 202 for a message accepted, 204 for no content).
 */
export function successStatus(op: Operation, integration: Integration, fallback: number): number {
  if (integration.response?.status !== undefined) return integration.response.status;
  const declared = op.responses.map((r) => Number(r.status)).filter((s) => Number.isInteger(s) && s >= 200 && s < 300);
  return declared.length === 0 ? fallback : Math.min(...declared);
}

/**
 * The success response of a service that answers JSON: at {@link successStatus} (`fallback` by default), with the
 * template `template` builds (the service's body passed on without one), or no body at all for a 204.
 */
export function successResponse(ctx: ServiceContext, fallback: number, template?: (status: number) => Vtl): ServiceResponse {
  const status = successStatus(ctx.op, ctx.integration, fallback);
  if (status === 204) return { status, template: renderVtlTemplate("no-content", { status }) };
  return template === undefined ? { status } : { status, template: template(status) };
}

/**
 * The media types request templates are written for: those of the operation's request body that are not binary,
 * or `application/json` (what API Gateway assumes without a `Content-Type`) when it declares none.
 */
export function requestMediaTypes(op: Operation): readonly string[] {
  const types = new Set<string>();
  for (const content of op.requestBody?.content ?? []) {
    const key = mediaTypeKey(content.mediaType);
    if (!op.options.binary && !isBinarySchema(content.schema) && key.includes("/") && key !== "*/*") types.add(key);
  }
  return types.size === 0 ? [JSON_TYPE] : [...types].sort();
}

function responseObject(response: ServiceResponse): Record<string, unknown> {
  const headers = response.headers ?? {};
  return {
    statusCode: String(response.status),
    ...(response.template === undefined ? {} : { responseTemplates: { [JSON_TYPE]: response.template } }),
    ...(Object.keys(headers).length === 0 ? {} : { responseParameters: headers }),
  };
}

/**
 * The `x-amazon-apigateway-integration` of `plan`, calling the service with `credentials`. `requestTemplate`, when
 * given, replaces the plan's: a raw template of the spec (for every media type the method accepts) or the templates
 * of a request shape by media type. Without a template the body passes through unchanged (`when_no_match`); with
 * one, a request of a media type it is not written for is refused with 415 (`never`) instead of reaching the
 * service in a form it cannot read.
 */
export function serviceIntegrationObject(
  op: Operation,
  plan: ServicePlan,
  credentials: string,
  requestTemplate: string | Readonly<Record<string, string>> | undefined,
): Record<string, unknown> {
  const template = requestTemplate ?? plan.requestTemplate;
  const templates = table<string>();
  if (typeof template === "string") for (const type of requestMediaTypes(op)) templates[type] = template;
  else Object.assign(templates, template);
  const responses = table<Record<string, unknown>>();
  responses["default"] = responseObject(plan.success);
  for (const error of plan.errors) responses[error.pattern] = responseObject(error);
  return {
    type: "aws",
    httpMethod: plan.httpMethod,
    uri: `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${plan.service}:${plan.target}`,
    credentials,
    ...(Object.keys(plan.requestParameters).length === 0 ? {} : { requestParameters: plan.requestParameters }),
    ...(template === undefined ? {} : { requestTemplates: templates }),
    passthroughBehavior: template === undefined ? "when_no_match" : "never",
    responses,
  };
}
