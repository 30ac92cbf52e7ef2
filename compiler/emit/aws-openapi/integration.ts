/**
 * `x-amazon-apigateway-integration` for each integration kind of a REST operation (API Gateway developer guide,
 * "x-amazon-apigateway-integration object").
 *
 * AWS-service integrations whose action Portico knows get the service request and responses of ./services/; other
 * mapping is minimal for now: a raw VTL `template` is used as written; declarative shapes and `templateFile`s and
 * error mappings (`response.errors`) are compiled by a later piece of work, and until then the integrations below
 * pass the request body through unchanged (a service integration builds its own request from the body). Request
 * validation, cache keys and CORS headers are added by the operation (./operation.ts).
 */
import type { GatewayModel, HttpMethod, Integration, Mapping, Operation, Parameter } from "../../model/types.js";
import { compactJson, table } from "../json.js";
import { functionArnToken, lambdaInvocationUri, roleToken, valueText } from "../placeholders.js";
import { pathVariables } from "./path-variables.js";
import { serviceErrors } from "./services/errors.js";
import { serviceIntegrationObject, servicePlan } from "./services/index.js";
import { targetJson } from "./services/targets.js";

/** JSON is what every generated template reads and writes. */
const JSON_TYPE = "application/json";

/** A statement of API Gateway's VTL that puts the request body into a JSON string, JSON-escaped (`\'` undone). */
const ESCAPED_BODY = `$util.escapeJavaScript($input.json('$')).replaceAll("\\\\'","'")`;

/** The status API Gateway answers with when a non-proxy integration succeeds. */
function successStatus(integration: Integration): number | undefined {
  if (integration.kind === "mock") return integration.status;
  const proxy = (integration.kind === "lambda" || integration.kind === "http") && integration.proxy;
  return proxy ? undefined : integration.response?.status ?? 200;
}

function rawTemplate(mapping: Mapping | undefined): string | undefined {
  return mapping?.kind === "template" ? mapping.template : undefined;
}

/** The `responses` of a non-proxy integration: one default that answers {@link successStatus}. */
function defaultResponse(integration: Integration, status: number): Record<string, unknown> {
  const template = rawTemplate(integration.response?.body);
  return {
    default: {
      statusCode: String(status),
      ...(template === undefined ? {} : { responseTemplates: { [JSON_TYPE]: template } }),
    },
  };
}

/**
 * The integration request parameters of an HTTP integration: `integration.request.path.x: method.request.path.x`
 * for each path variable the backend URL uses and, without proxy (where API Gateway forwards only what is
 * mapped), the same for every declared query and header parameter.
 */
function requestParameterMapping(path: string, url: string, proxy: boolean, parameters: readonly Parameter[]): Record<string, string> | undefined {
  const mapping = table<string>();
  for (const name of pathVariables(path)) {
    if (url.includes(`{${name}}`)) mapping[`integration.request.path.${name}`] = `method.request.path.${name}`;
  }
  if (!proxy) {
    for (const p of parameters) {
      const where = p.in === "query" ? "querystring" : p.in === "header" ? "header" : undefined;
      if (where !== undefined) mapping[`integration.request.${where}.${p.name}`] = `method.request.${where}.${p.name}`;
    }
  }
  return Object.keys(mapping).length === 0 ? undefined : mapping;
}

/** The body of a mock response, as a response template. VTL would read `$` and `#` in it, so such text is kept
 * in an unparsed block. */
function mockBodyTemplate(body: unknown): string {
  const text = typeof body === "string" ? body : compactJson(body);
  return /[$#]/.test(text) ? `#[[${text}]]#` : text;
}

function mock(integration: Extract<Integration, { kind: "mock" }>): Record<string, unknown> {
  const headers = table<string>();
  for (const [name, value] of Object.entries(integration.headers)) headers[`method.response.header.${name}`] = `'${value}'`;
  return {
    type: "mock",
    requestTemplates: { [JSON_TYPE]: `{"statusCode": ${integration.status}}` },
    passthroughBehavior: "when_no_match",
    responses: {
      default: {
        statusCode: String(integration.status),
        ...(integration.body === undefined ? {} : { responseTemplates: { [JSON_TYPE]: mockBodyTemplate(integration.body) } }),
        ...(Object.keys(headers).length === 0 ? {} : { responseParameters: headers }),
      },
    },
  };
}

/** The service action URI of an AWS integration, e.g. `arn:…:apigateway:${AWS::Region}:states:action/StartExecution`. */
function actionUri(service: string, action: string): string {
  return `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${service}:action/${action}`;
}

/**
 * Step Functions: the request body becomes the execution's `input` (JSON-escaped) and the template names the
 * machine. A raw `template` replaces this request as written, so it must build StartExecution's
 * `{"input": …, "stateMachineArn": …}` itself; compiling a `request` into the execution input belongs to the
 * mapping-template work.
 */
function stepFunctions(integration: Extract<Integration, { kind: "stepfunctions" }>, roleArn: string): Record<string, unknown> {
  const machine = targetJson(integration.stateMachine);
  const template = rawTemplate(integration.request) ?? `{"input": "${ESCAPED_BODY}", "stateMachineArn": "${machine}"}`;
  return {
    type: "aws",
    httpMethod: "POST",
    uri: actionUri("states", integration.mode === "sync" ? "StartSyncExecution" : "StartExecution"),
    credentials: roleArn,
    requestTemplates: { [JSON_TYPE]: template },
    passthroughBehavior: "never",
    responses: defaultResponse(integration, successStatus(integration) ?? 200),
  };
}

/** The integration of an operation, and what its method must declare for it. */
export interface IntegrationParts {
  /** The `x-amazon-apigateway-integration` object. */
  readonly integration: Record<string, unknown>;
  /** Statuses the integration's response templates answer with besides those of its `responses`. */
  readonly overrideStatuses: readonly number[];
  /** Method request headers its request parameters read. */
  readonly requestHeaders: readonly string[];
}

/**
 * The `x-amazon-apigateway-integration` of `op` (a REST operation of `model`) and what the method must declare
 * for it. `operationSlug` names the role placeholder of AWS-service integrations (see {@link roleToken}).
 */
export function integrationParts(model: GatewayModel, op: Operation, integration: Integration, operationSlug: string): IntegrationParts {
  const timeout = integration.timeout === undefined ? {} : { timeoutInMillis: integration.timeout };
  const plan = servicePlan(model, op, integration);
  if (plan !== undefined && integration.kind === "aws") {
    const credentials = integration.role === undefined ? roleToken(operationSlug) : valueText(integration.role);
    return {
      integration: { ...serviceIntegrationObject(op, plan, credentials, rawTemplate(integration.request)), ...timeout },
      overrideStatuses: plan.overrideStatuses,
      requestHeaders: plan.requestHeaders,
    };
  }
  const object = integrationObject(op, integration, operationSlug);
  if (integration.kind !== "aws" && integration.kind !== "stepfunctions") return { integration: object, overrideStatuses: [], requestHeaders: [] };
  // Any other AWS service call: its failures answer 4XX/5XX (./services/errors.ts), never the success status.
  const { errors, statuses } = serviceErrors();
  const responses = table<unknown>();
  Object.assign(responses, object["responses"]);
  for (const error of errors) responses[error.pattern] = { statusCode: String(error.status), responseTemplates: { [JSON_TYPE]: error.template } };
  return { integration: { ...object, responses }, overrideStatuses: statuses, requestHeaders: [] };
}

/** The `x-amazon-apigateway-integration` of `op` for every integration without a service plan. */
function integrationObject(op: Operation, integration: Integration, operationSlug: string): Record<string, unknown> {
  const timeout = integration.timeout === undefined ? {} : { timeoutInMillis: integration.timeout };
  switch (integration.kind) {
    case "lambda": {
      const status = successStatus(integration);
      const template = rawTemplate(integration.request);
      return {
        type: integration.proxy ? "aws_proxy" : "aws",
        httpMethod: "POST",
        uri: lambdaInvocationUri(functionArnToken(integration.function)),
        passthroughBehavior: "when_no_match",
        ...(template === undefined ? {} : { requestTemplates: { [JSON_TYPE]: template } }),
        ...(status === undefined ? {} : { responses: defaultResponse(integration, status) }),
        ...timeout,
      };
    }
    case "http":
      return { ...httpIntegration(op.path, op.method, integration, op.parameters), ...timeout };
    case "mock":
      return { ...mock(integration), ...timeout };
    case "stepfunctions":
      return { ...stepFunctions(integration, roleToken(operationSlug)), ...timeout };
    case "aws":
      return {
        type: "aws",
        httpMethod: integration.httpMethod,
        uri: actionUri(integration.service, integration.action),
        credentials: integration.role === undefined ? roleToken(operationSlug) : valueText(integration.role),
        requestTemplates: { [JSON_TYPE]: rawTemplate(integration.request) ?? "$input.body" },
        passthroughBehavior: "when_no_match",
        responses: defaultResponse(integration, successStatus(integration) ?? 200),
        ...timeout,
      };
  }
}

/**
 * An HTTP or HTTP proxy integration to `integration.url` (parameters mapped, see {@link requestParameterMapping}),
 * over a VPC link when given.
 */
export function httpIntegration(
  path: string,
  method: HttpMethod,
  integration: Extract<Integration, { kind: "http" }>,
  parameters: readonly Parameter[] = [],
): Record<string, unknown> {
  const status = successStatus(integration);
  const template = rawTemplate(integration.request);
  const tls = integration.tls?.insecureSkipVerification;
  return {
    type: integration.proxy ? "http_proxy" : "http",
    httpMethod: integration.method ?? method,
    uri: integration.url,
    requestParameters: requestParameterMapping(path, integration.url, integration.proxy, parameters),
    passthroughBehavior: "when_no_match",
    ...(integration.vpcLink === undefined
      ? {}
      : { connectionType: "VPC_LINK", connectionId: valueText(integration.vpcLink.id) }),
    ...(tls === undefined ? {} : { tlsConfig: { insecureSkipVerification: tls } }),
    ...(template === undefined ? {} : { requestTemplates: { [JSON_TYPE]: template } }),
    ...(status === undefined ? {} : { responses: defaultResponse(integration, status) }),
  };
}
