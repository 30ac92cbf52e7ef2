/**
 * The requests of a WebSocket route's integration, built by the REST builders over the route seen as an operation
 * (./route-operation.ts):
 * - the `request` mapping of a non-proxy Lambda or HTTP integration: a raw `template`, a `templateFile`'s text, or
 *   a declarative shape compiled into VTL (../../aws-openapi/mapping-request.ts; its `application/json` template,
 *   since a WebSocket message is JSON);
 * - the service call of an AWS-service integration: the service, the target after
 *   `arn:{partition}:apigateway:{region}:{service}:` (`action/{Action}` or `path/…`), the HTTP method, static
 *   request headers, and the request template: the service request whose payload is the message as sent
 *   (`$input.body`; Step Functions' `input` is `$input.json('$')`), or the payload the route's request shape
 *   builds, or the route's raw template as written (../../aws-openapi/services/, ../../aws-openapi/integration.ts).
 *   Every action Portico builds a REST request for is built here too (SQS SendMessage, SNS Publish, EventBridge
 *   PutEvents, Kinesis PutRecord, DynamoDB actions, S3, Step Functions StartExecution and StartSyncExecution); any
 *   other action needs a request mapping, else the route is left out (./gaps.ts).
 * Mappings that cannot be compiled are reported as `mapping-invalid` by {@link reportWebsocketMappings}, at build.
 */
import type { DiagnosticCollector } from "../../../diagnostics/diagnostic.js";
import type { GatewayModel, Integration, Operation } from "../../../model/types.js";
import { servicePayload, stepFunctionsTemplates } from "../../aws-openapi/integration.js";
import { mappingProblems, mappingText, requestTemplates, shapeTemplates, type MappingProblems } from "../../aws-openapi/mapping-request.js";
import { isPlannedService, servicePlan } from "../../aws-openapi/services/index.js";
import { compactJson } from "../../json.js";
import { routeOperation } from "./route-operation.js";

/** The media type of a WebSocket message's template. */
const JSON_TYPE = "application/json";

/** An AWS-service call: `arn:{partition}:apigateway:{region}:{service}:{target}` with `httpMethod`. */
export interface ServiceCall {
  readonly service: string;
  readonly target: string;
  readonly httpMethod: string;
  /** `integration.request.header.X` → a static value (`'application/x-amz-json-1.1'`). */
  readonly requestParameters: Readonly<Record<string, string>>;
  /** The `$default` request template. */
  readonly template: string;
}

/** True when `i` is a proxy integration (the message passes through untouched). */
function isProxy(i: Integration): boolean {
  return (i.kind === "lambda" || i.kind === "http") && i.proxy;
}

/**
 * The `$default` request template of a Lambda, HTTP or mock integration: a mock's status, else its request mapping
 * (raw VTL on any of them; a shape only without proxy); undefined without one.
 */
export function requestTemplate(op: Operation, i: Integration, problems: MappingProblems): string | undefined {
  if (i.kind === "mock") return compactJson({ statusCode: i.status });
  const mapping = i.request;
  if (mapping === undefined || (mapping.kind === "shape" && isProxy(i))) return undefined;
  return mapping.kind === "shape" ? shapeTemplates(op, mapping, problems)[JSON_TYPE] : mappingText(mapping);
}

/** True when Portico builds the request of the AWS-service integration `i` (see the module comment). */
export function isBuiltServiceCall(i: Integration): boolean {
  return i.kind === "stepfunctions" || (i.kind === "aws" && (isPlannedService(i) || i.request !== undefined));
}

/** The service call of an AWS-service integration on `op`, or undefined when Portico builds none for it. */
export function serviceCall(model: GatewayModel, op: Operation, i: Integration, problems: MappingProblems): ServiceCall | undefined {
  if (i.kind === "stepfunctions") {
    const template = stepFunctionsTemplates(op, i, problems)[JSON_TYPE] ?? "";
    const action = i.mode === "sync" ? "StartSyncExecution" : "StartExecution";
    return { service: "states", target: `action/${action}`, httpMethod: "POST", requestParameters: {}, template };
  }
  if (i.kind !== "aws") return undefined;
  const mapping = i.request;
  const plan = servicePlan(model, op, i);
  if (plan !== undefined) {
    const own =
      mapping === undefined
        ? plan.requestTemplate
        : mapping.kind === "shape"
          ? servicePayload(op, plan, mapping, problems)?.[JSON_TYPE]
          : mappingText(mapping);
    return {
      service: plan.service,
      target: plan.target,
      httpMethod: plan.httpMethod,
      requestParameters: plan.requestParameters,
      template: own ?? "",
    };
  }
  if (mapping === undefined) return undefined;
  const template = requestTemplates(op, mapping, problems)[JSON_TYPE] ?? "";
  return { service: i.service, target: `action/${i.action}`, httpMethod: i.httpMethod, requestParameters: {}, template };
}

/**
 * Compiles the request mapping of every WebSocket route of `model` as the program does, reporting what cannot be
 * compiled (`mapping-invalid`): a shape that does not compile, a shape on a proxy integration (which passes the
 * message through untouched), a shape for a service that takes no JSON a shape could build.
 */
export function reportWebsocketMappings(model: GatewayModel, report: DiagnosticCollector): void {
  const problems = mappingProblems(report);
  for (const route of model.websocket?.routes ?? []) {
    const i = route.integration;
    if (i?.request === undefined) continue;
    const op = routeOperation(route);
    if (i.request.kind === "shape" && isProxy(i)) {
      problems.report(i.request.origin, [], "a proxy integration passes the message through untouched; set proxy: false to map it");
    }
    if (i.kind === "aws" || i.kind === "stepfunctions") serviceCall(model, op, i, problems);
    else requestTemplate(op, i, problems);
  }
}
