/**
 * `x-amazon-apigateway-integration` for each integration kind of a REST operation (API Gateway developer guide,
 * "x-amazon-apigateway-integration object").
 *
 * AWS-service integrations whose action Portico knows get the service request and responses of ./services/. The
 * `request` and `response` mappings of non-proxy integrations become request templates (./mapping-request.ts) and
 * integration responses (./mapping-response.ts); a request mapping replaces a service's generated request as a
 * whole, except for Step Functions, where it builds the execution's `input`. Request validation, cache keys and
 * CORS headers are added by the operation (./operation.ts).
 *
 * Reports `mapping-invalid` for what a mapping cannot compile, and for mappings on proxy integrations, which pass
 * the request and the response through untouched.
 */
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import type { GatewayModel, HttpMethod, Integration, Mapping, Operation, Parameter } from "../../model/types.js";
import { compactJson, table } from "../json.js";
import { functionArnToken, lambdaInvocationUri, roleToken, valueText } from "../placeholders.js";
import { mappingProblems, mappingText, requestTemplates, shapeTemplates, type MappingProblems } from "./mapping-request.js";
import { applyResponseMapping } from "./mapping-response.js";
import { pathVariables } from "./path-variables.js";
import { serviceErrors } from "./services/errors.js";
import { serviceIntegrationObject, servicePlan, type ServicePlan } from "./services/index.js";
import { targetJson } from "./services/targets.js";
import { renderVtlTemplate } from "./vtl-templates.js";
import { vtl } from "./vtl.js";

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

/** The text of a raw VTL mapping (`template` or `templateFile`), undefined for a shape or none. */
function rawTemplate(mapping: Mapping | undefined): string | undefined {
  return mapping === undefined || mapping.kind === "shape" ? undefined : mappingText(mapping);
}

/** The `responses` of a non-proxy integration: one default that answers {@link successStatus}. */
function defaultResponse(status: number): Record<string, unknown> {
  return { default: { statusCode: String(status) } };
}

/**
 * The request templates of a Lambda, HTTP or generic AWS integration and its passthrough behaviour: a shape's
 * templates refuse other media types (`never`); raw VTL and no mapping pass them through (`when_no_match`).
 */
function requestSide(op: Operation, integration: Integration, problems: MappingProblems, fallback?: string): Record<string, unknown> {
  const mapping = integration.request;
  if (mapping === undefined) {
    return { ...(fallback === undefined ? {} : { requestTemplates: { [JSON_TYPE]: fallback } }), passthroughBehavior: "when_no_match" };
  }
  return { requestTemplates: requestTemplates(op, mapping, problems), passthroughBehavior: mapping.kind === "shape" ? "never" : "when_no_match" };
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
 * Step Functions: the execution's `input` is a JSON string (JSON-escaped): the request body, or the JSON a request
 * shape builds; the template names the machine. A raw template replaces this request as written, so it must build
 * StartExecution's `{"input": …, "stateMachineArn": …}` itself.
 */
function stepFunctions(op: Operation, integration: Extract<Integration, { kind: "stepfunctions" }>, roleArn: string, problems: MappingProblems): Record<string, unknown> {
  const templates = stepFunctionsTemplates(op, integration, problems);
  return {
    type: "aws",
    httpMethod: "POST",
    uri: actionUri("states", integration.mode === "sync" ? "StartSyncExecution" : "StartExecution"),
    credentials: roleArn,
    requestTemplates: templates,
    passthroughBehavior: "never",
    responses: defaultResponse(successStatus(integration) ?? 200),
  };
}

/** The StartExecution request templates of a Step Functions integration by media type (see {@link stepFunctions}). */
export function stepFunctionsTemplates(
  op: Operation,
  integration: Extract<Integration, { kind: "stepfunctions" }>,
  problems: MappingProblems,
): Record<string, string> {
  const machine = targetJson(integration.stateMachine);
  const mapping = integration.request;
  const frame = (input: string) => renderVtlTemplate("stepfunctions-start-execution", { input: vtl(input), machine });
  return mapping === undefined
    ? { [JSON_TYPE]: frame(ESCAPED_BODY) }
    : requestTemplates(op, mapping, problems, { encoding: "json-string", frame });
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
 * The request templates of a request shape of a service integration, placed where the plan says (the payload of
 * SQS, SNS and EventBridge, DynamoDB's request with its `TableName` unless the shape writes one); undefined, after
 * reporting, for a service that takes no JSON a shape could build.
 */
export function servicePayload(op: Operation, plan: ServicePlan, mapping: Extract<Mapping, { kind: "shape" }>, problems: MappingProblems): Record<string, string> | undefined {
  const placement = plan.shapePlacement;
  if (placement === undefined) {
    problems.report(mapping.origin, [], `${plan.service} takes no JSON request a shape could build; write a template for it`);
    return undefined;
  }
  const own = typeof mapping.shape === "object" && mapping.shape !== null && Object.hasOwn(mapping.shape, "TableName");
  const { leadingMembers: _named, ...rest } = placement;
  return shapeTemplates(op, mapping, problems, own ? rest : placement);
}

/** Reports the mappings a proxy integration of `integration` would ignore. */
function checkProxyMappings(integration: Integration, problems: MappingProblems): void {
  if (!((integration.kind === "lambda" || integration.kind === "http") && integration.proxy)) return;
  const reason = "a proxy integration passes the request and the response through untouched; set proxy: false to map them";
  if (integration.request?.kind === "shape") problems.report(integration.request.origin, [], reason);
  if (integration.response !== undefined) problems.report(integration.response.origin, [], reason);
}

/**
 * `parts` with the integration's `response` mapping applied to its integration responses (./mapping-response.ts);
 * proxy and mock integrations have none to apply it to.
 */
function withResponseMapping(op: Operation, integration: Integration, parts: IntegrationParts, problems: MappingProblems): IntegrationParts {
  const responses = parts.integration["responses"] as Record<string, Record<string, unknown>> | undefined;
  if (integration.response === undefined || responses === undefined || integration.kind === "mock") return parts;
  const mapped = applyResponseMapping(op, responses, integration.response, problems);
  return {
    ...parts,
    integration: { ...parts.integration, responses: mapped.responses },
    overrideStatuses: [...new Set([...parts.overrideStatuses, ...mapped.overrideStatuses])],
  };
}

/**
 * The `x-amazon-apigateway-integration` of `op` (a REST operation of `model`) and what the method must declare
 * for it. `operationSlug` names the role placeholder of AWS-service integrations (see {@link roleToken}); `report`
 * receives `mapping-invalid`.
 */
export function integrationParts(
  model: GatewayModel,
  op: Operation,
  integration: Integration,
  operationSlug: string,
  report?: DiagnosticCollector,
): IntegrationParts {
  const problems = mappingProblems(report);
  checkProxyMappings(integration, problems);
  return withResponseMapping(op, integration, requestParts(model, op, integration, operationSlug, problems), problems);
}

/** {@link integrationParts} before the response mapping. */
function requestParts(model: GatewayModel, op: Operation, integration: Integration, operationSlug: string, problems: MappingProblems): IntegrationParts {
  const timeout = integration.timeout === undefined ? {} : { timeoutInMillis: integration.timeout };
  const plan = servicePlan(model, op, integration);
  if (plan !== undefined && integration.kind === "aws") {
    const credentials = integration.role === undefined ? roleToken(operationSlug) : valueText(integration.role);
    const mapping = integration.request;
    const templates = mapping === undefined ? undefined : mapping.kind === "shape" ? servicePayload(op, plan, mapping, problems) : mappingText(mapping);
    return {
      integration: { ...serviceIntegrationObject(op, plan, credentials, templates), ...timeout },
      overrideStatuses: plan.overrideStatuses,
      requestHeaders: plan.requestHeaders,
    };
  }
  const object = integrationObject(op, integration, operationSlug, problems);
  if (integration.kind !== "aws" && integration.kind !== "stepfunctions") return { integration: object, overrideStatuses: [], requestHeaders: [] };
  // Any other AWS service call: its failures answer 4XX/5XX (./services/errors.ts), never the success status.
  const { errors, statuses } = serviceErrors();
  const responses = table<unknown>();
  Object.assign(responses, object["responses"]);
  for (const error of errors) responses[error.pattern] = { statusCode: String(error.status), responseTemplates: { [JSON_TYPE]: error.template } };
  return { integration: { ...object, responses }, overrideStatuses: statuses, requestHeaders: [] };
}

/** The `x-amazon-apigateway-integration` of `op` for every integration without a service plan. */
function integrationObject(op: Operation, integration: Integration, operationSlug: string, problems: MappingProblems): Record<string, unknown> {
  const timeout = integration.timeout === undefined ? {} : { timeoutInMillis: integration.timeout };
  switch (integration.kind) {
    case "lambda": {
      const status = successStatus(integration);
      const template = rawTemplate(integration.request);
      return {
        type: integration.proxy ? "aws_proxy" : "aws",
        httpMethod: "POST",
        uri: lambdaInvocationUri(functionArnToken(integration.function)),
        ...(integration.proxy
          ? { passthroughBehavior: "when_no_match", ...(template === undefined ? {} : { requestTemplates: { [JSON_TYPE]: template } }) }
          : requestSide(op, integration, problems)),
        ...(status === undefined ? {} : { responses: defaultResponse(status) }),
        ...timeout,
      };
    }
    case "http":
      return { ...httpIntegration(op.path, op.method, integration, op.parameters, op, problems), ...timeout };
    case "mock":
      return { ...mock(integration), ...timeout };
    case "stepfunctions":
      return { ...stepFunctions(op, integration, roleToken(operationSlug), problems), ...timeout };
    case "aws":
      return {
        type: "aws",
        httpMethod: integration.httpMethod,
        uri: actionUri(integration.service, integration.action),
        credentials: integration.role === undefined ? roleToken(operationSlug) : valueText(integration.role),
        ...requestSide(op, integration, problems, "$input.body"),
        responses: defaultResponse(successStatus(integration) ?? 200),
        ...timeout,
      };
  }
}

/**
 * An HTTP or HTTP proxy integration to `integration.url` (parameters mapped, see {@link requestParameterMapping}),
 * over a VPC link when given. `op` and `problems` compile the request mapping of a non-proxy integration.
 */
export function httpIntegration(
  path: string,
  method: HttpMethod,
  integration: Extract<Integration, { kind: "http" }>,
  parameters: readonly Parameter[] = [],
  op?: Operation,
  problems: MappingProblems = mappingProblems(undefined),
): Record<string, unknown> {
  const status = successStatus(integration);
  const template = rawTemplate(integration.request);
  const tls = integration.tls?.insecureSkipVerification;
  const request =
    integration.proxy || op === undefined
      ? { passthroughBehavior: "when_no_match", ...(template === undefined ? {} : { requestTemplates: { [JSON_TYPE]: template } }) }
      : requestSide(op, integration, problems);
  return {
    type: integration.proxy ? "http_proxy" : "http",
    httpMethod: integration.method ?? method,
    uri: integration.url,
    requestParameters: requestParameterMapping(path, integration.url, integration.proxy, parameters),
    ...request,
    ...(integration.vpcLink === undefined
      ? {}
      : { connectionType: "VPC_LINK", connectionId: valueText(integration.vpcLink.id) }),
    ...(tls === undefined ? {} : { tlsConfig: { insecureSkipVerification: tls } }),
    ...(status === undefined ? {} : { responses: defaultResponse(status) }),
  };
}
