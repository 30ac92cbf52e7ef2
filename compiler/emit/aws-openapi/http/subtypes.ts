/**
 * AWS-service integrations of HTTP APIs: integration subtypes, which call one action of EventBridge, SQS, Kinesis,
 * Step Functions or AppConfig with the parameters the route maps (API Gateway Developer Guide, "Integration subtype
 * reference", http-api-develop-integrations-aws-services-reference.html). An HTTP API calls no other action directly
 * (validation reports them, `api-kind-unsupported`).
 *
 * The integration is `aws_proxy` with `integrationSubtype`, payload format `1.0` (the only one subtypes take), the
 * role API Gateway assumes as `credentials` (the generated one, see ../../pulumi/http/roles.ts, or the spec's
 * `role`), and `requestParameters`: the service's parameters by name. Each parameter comes from the integration's
 * `request` map (a source such as `$request.body.id`, text, or JSON text for a structured value), else from what
 * the integration already says:
 * - the target: `QueueUrl` from `sqs.queue` (a queue URL as written; an ARN or a name becomes the queue's URL in the
 *   API's Region), `StreamName` from `kinesis.stream`, `EventBusName` from `eventbridge.bus`, `StateMachineArn` from
 *   `stepfunctions.stateMachine` (a name becomes the ARN in the API's account and Region);
 * - the payload, `$request.body`: `MessageBody` (SendMessage), `Data` (PutRecord), `Detail` (PutEvents), `Input`
 *   (StartExecution, StartSyncExecution);
 * - `PartitionKey` from `kinesis.partitionKey`, `Source` and `DetailType` from `eventbridge.source` and `detailType`.
 * A required parameter nothing gives is reported at the integration (`http-subtype-parameter-missing`), and so is a
 * generated role that would have no resource to be scoped to; a `request` key that is no parameter of the subtype
 * at its key (`http-subtype-parameter-unknown`).
 */
import type { Report } from "../../../validate/rule.js";
import { child } from "../../../model/lower/read.js";
import type { Integration, Operation, Value } from "../../../model/types.js";
import { compareStrings } from "../../../order.js";
import { table } from "../../json.js";
import { configToken, roleToken, valueText } from "../../placeholders.js";
import { requestValue, responseParameterMapping } from "./parameter-mapping.js";

/** One integration subtype: its name and its parameters. */
export interface IntegrationSubtype {
  /** API Gateway's name, e.g. `SQS-SendMessage`. */
  readonly name: string;
  /** The IAM action the subtype calls, `service:Action`. */
  readonly action: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

function subtype(name: string, action: string, required: readonly string[], optional: readonly string[]): IntegrationSubtype {
  return { name, action, required, optional: [...optional, "Region"] };
}

/** Every integration subtype, by the IAM action it calls. */
const SUBTYPES: ReadonlyMap<string, IntegrationSubtype> = new Map(
  [
    subtype("EventBridge-PutEvents", "events:PutEvents", ["Detail", "DetailType", "Source"], ["Time", "EventBusName", "Resources", "TraceHeader"]),
    subtype("SQS-SendMessage", "sqs:SendMessage", ["QueueUrl", "MessageBody"], [
      "DelaySeconds",
      "MessageAttributes",
      "MessageDeduplicationId",
      "MessageGroupId",
      "MessageSystemAttributes",
    ]),
    subtype("SQS-ReceiveMessage", "sqs:ReceiveMessage", ["QueueUrl"], [
      "AttributeNames",
      "MaxNumberOfMessages",
      "MessageAttributeNames",
      "ReceiveRequestAttemptId",
      "VisibilityTimeout",
      "WaitTimeSeconds",
    ]),
    subtype("SQS-DeleteMessage", "sqs:DeleteMessage", ["ReceiptHandle", "QueueUrl"], []),
    subtype("SQS-PurgeQueue", "sqs:PurgeQueue", ["QueueUrl"], []),
    subtype("AppConfig-GetConfiguration", "appconfig:GetConfiguration", ["Application", "Environment", "Configuration", "ClientId"], [
      "ClientConfigurationVersion",
    ]),
    subtype("Kinesis-PutRecord", "kinesis:PutRecord", ["StreamName", "Data", "PartitionKey"], ["SequenceNumberForOrdering", "ExplicitHashKey"]),
    subtype("StepFunctions-StartExecution", "states:StartExecution", ["StateMachineArn"], ["Name", "Input"]),
    subtype("StepFunctions-StartSyncExecution", "states:StartSyncExecution", ["StateMachineArn"], ["Name", "Input", "TraceHeader"]),
    subtype("StepFunctions-StopExecution", "states:StopExecution", ["ExecutionArn"], ["Cause", "Error"]),
  ].map((s) => [s.action, s]),
);

/** The parameter that names each subtype's target, by the IAM action. */
const TARGET_PARAMETER: Readonly<Record<string, string>> = {
  "events:PutEvents": "EventBusName",
  "sqs:SendMessage": "QueueUrl",
  "sqs:ReceiveMessage": "QueueUrl",
  "sqs:DeleteMessage": "QueueUrl",
  "sqs:PurgeQueue": "QueueUrl",
  "kinesis:PutRecord": "StreamName",
  "states:StartExecution": "StateMachineArn",
  "states:StartSyncExecution": "StateMachineArn",
};

/** The parameter that carries the request's payload, by the IAM action. */
const BODY_PARAMETER: Readonly<Record<string, string>> = {
  "events:PutEvents": "Detail",
  "sqs:SendMessage": "MessageBody",
  "kinesis:PutRecord": "Data",
  "states:StartExecution": "Input",
  "states:StartSyncExecution": "Input",
};

/** Settings of the shorthands that are parameters, by parameter. */
const SETTING_PARAMETERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kinesis: { PartitionKey: "partitionKey" },
  eventbridge: { Source: "source", DetailType: "detailType" },
};

/** What an AWS-service integration of an HTTP API calls: its subtype, and the resource its role is scoped to. */
export interface SubtypeCall {
  readonly subtype: IntegrationSubtype;
  /** `sqs.queue`, `kinesis.stream`, `eventbridge.bus`, `stepfunctions.stateMachine` or `aws.resource`. */
  readonly resource?: Value;
  /** The spec's own role, which replaces the generated one. */
  readonly role?: Value;
}

/** The subtype `integration` calls, or undefined for other integrations (and actions HTTP APIs cannot call). */
export function subtypeCall(integration: Integration): SubtypeCall | undefined {
  if (integration.kind === "stepfunctions") {
    const found = SUBTYPES.get(integration.mode === "sync" ? "states:StartSyncExecution" : "states:StartExecution");
    return found === undefined ? undefined : { subtype: found, resource: integration.stateMachine };
  }
  if (integration.kind !== "aws") return undefined;
  const found = SUBTYPES.get(`${integration.service}:${integration.action}`);
  if (found === undefined) return undefined;
  return {
    subtype: found,
    ...(integration.resource === undefined ? {} : { resource: integration.resource }),
    ...(integration.role === undefined ? {} : { role: integration.role }),
  };
}

/** The queue URL for a queue written as a URL, an ARN or a name (in the API's Region and account). */
function queueUrl(value: Value): string {
  if (value.kind === "config") return `https://sqs.\${AWS::Region}.amazonaws.com/${configToken(value.key, "queuePath")}`;
  const text = valueText(value);
  if (value.kind !== "literal" || text.startsWith("https://")) return text;
  if (text.startsWith("arn:")) {
    const [, , , region = "", account = "", name = ""] = text.split(":");
    return `https://sqs.${region}.amazonaws.com/${account}/${name}`;
  }
  return `https://sqs.\${AWS::Region}.amazonaws.com/\${AWS::AccountId}/${text}`;
}

/** The value of the target parameter `parameter` for the resource `value`. */
function targetText(parameter: string, value: Value): string {
  const text = valueText(value);
  if (parameter === "QueueUrl") return queueUrl(value);
  if (value.kind !== "literal") return text;
  if (parameter === "StreamName" && text.startsWith("arn:")) return text.slice(text.indexOf(":stream/") + ":stream/".length);
  if (parameter === "StateMachineArn" && !text.startsWith("arn:")) {
    return `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:${text}`;
  }
  return text;
}

/** The key of the integration that names its resource, for messages. */
function resourceKey(integration: Integration): string {
  if (integration.kind === "stepfunctions") return "stateMachine";
  if (integration.kind !== "aws") return "resource";
  return { sqs: "queue", kinesis: "stream", eventbridge: "bus" }[integration.shorthand] ?? "resource";
}

/** True when `raw` holds a string that reads like a source (`$…`), at any depth. */
function holdsSource(raw: unknown): boolean {
  if (typeof raw === "string") return raw.startsWith("$");
  if (typeof raw !== "object" || raw === null) return false;
  return Object.values(raw).some(holdsSource);
}

/** The parameters the integration gives without a `request` map: its target, the payload, its source settings. */
function defaults(call: SubtypeCall, integration: Integration): Map<string, string> {
  const action = call.subtype.action;
  const found = new Map<string, string>();
  const target = TARGET_PARAMETER[action];
  if (target !== undefined && call.resource !== undefined) found.set(target, targetText(target, call.resource));
  const body = BODY_PARAMETER[action];
  if (body !== undefined) found.set(body, "$request.body");
  if (integration.kind === "aws") {
    for (const [parameter, setting] of Object.entries(SETTING_PARAMETERS[integration.shorthand] ?? {})) {
      const value = requestValue(integration.settings[setting]);
      if (value !== undefined && "text" in value) found.set(parameter, value.text);
    }
  }
  return found;
}

/** The parameters of the `request` map, checked against the subtype; problems reported and left out. */
function mapped(call: SubtypeCall, integration: Integration, report?: Report): Map<string, string> {
  const found = new Map<string, string>();
  const request = integration.request;
  if (request?.kind !== "shape") return found;
  const shape = request.shape;
  if (typeof shape !== "object" || shape === null || Array.isArray(shape)) {
    report?.({
      code: "http-mapping-unsupported",
      args: {
        what: "a request body",
        reason: `${call.subtype.name} takes named parameters, not a body`,
        fix: `Map its parameters by name (${[...call.subtype.required, ...call.subtype.optional].join(", ")}).`,
      },
      origin: request.origin,
    });
    return found;
  }
  const known = new Set([...call.subtype.required, ...call.subtype.optional]);
  const entries = Object.entries(shape as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([name]) => !known.has(name))) {
    // No key names a parameter: the map shapes a body, which the subtype does not take.
    report?.({
      code: "http-mapping-unsupported",
      args: {
        what: "a request body shape",
        reason: `${call.subtype.name} takes named parameters (${[...known].join(", ")}), and HTTP APIs have no mapping templates to build a body`,
        fix: `Send the body as it is (it is ${BODY_PARAMETER[call.subtype.action] ?? "no parameter"} by default) and shape it in the backend, or use a REST API (x-gateway.api: rest).`,
      },
      origin: request.origin,
      part: "key",
    });
    return found;
  }
  for (const [name, raw] of entries) {
    const origin = child(request.origin, name);
    if (!known.has(name)) {
      const parameters = [...known].join(", ");
      report?.({ code: "http-subtype-parameter-unknown", args: { name, subtype: call.subtype.name, parameters }, origin, part: "key" });
      continue;
    }
    if (typeof raw === "object" && raw !== null) {
      if (!holdsSource(raw)) {
        found.set(name, JSON.stringify(raw));
        continue;
      }
      report?.({
        code: "http-mapping-unsupported",
        args: {
          what: `a structured value of ${name} that reads the request`,
          reason: "a parameter is one source, or text in which ${request.body.x}-style references are filled in",
          fix: `Write ${name} as text, e.g. '{"key": "\${request.body.id}"}', or map the whole of it from one source.`,
        },
        origin,
      });
      continue;
    }
    const value = requestValue(raw);
    if (value === undefined) continue;
    if ("invalid" in value) {
      report?.({ code: "integration-source-invalid", args: { setting: name, value: String(raw), reason: value.invalid }, origin });
      continue;
    }
    found.set(name, value.text);
  }
  return found;
}

/**
 * The `x-amazon-apigateway-integration` of `op`, whose integration calls the subtype of `call`, with the role of
 * the operation whose slug is `operationSlug`. Reports what is missing or unknown to `report`.
 */
export function subtypeIntegration(
  op: Operation,
  integration: Integration,
  call: SubtypeCall,
  operationSlug: string,
  report?: Report,
): Record<string, unknown> {
  const parameters = new Map([...defaults(call, integration), ...mapped(call, integration, report)]);
  // One diagnostic per integration, naming everything it misses.
  const missing: [string, string][] = call.subtype.required
    .filter((parameter) => !parameters.has(parameter))
    .map((parameter) => [
      parameter,
      TARGET_PARAMETER[call.subtype.action] === parameter
        ? `give the integration its ${resourceKey(integration)}, or map ${parameter} in request`
        : `map ${parameter} in request, e.g. ${parameter}: $request.body.${parameter.charAt(0).toLowerCase()}${parameter.slice(1)}`,
    ]);
  if (call.role === undefined && call.resource === undefined) {
    const fix = `give ${resourceKey(integration)}, the ARN its role may call ${call.subtype.action} on, or role, a role of your own`;
    missing.push(["a resource to scope its role to", fix]);
  }
  if (missing.length > 0) {
    const parameter = missing.map(([name]) => name).join(" and ");
    const fix = missing.map(([, how]) => how).join("; ");
    report?.({ code: "http-subtype-parameter-missing", args: { subtype: call.subtype.name, parameter, fix }, origin: integration.origin, part: "key" });
  }
  const requestParameters = table<string>();
  for (const name of [...parameters.keys()].sort(compareStrings)) requestParameters[name] = parameters.get(name) as string;
  const responseParameters = responseParameterMapping(op, integration, report);
  return {
    type: "aws_proxy",
    integrationSubtype: call.subtype.name,
    credentials: call.role === undefined ? roleToken(operationSlug) : valueText(call.role),
    requestParameters,
    payloadFormatVersion: "1.0",
    ...(integration.timeout === undefined ? {} : { timeoutInMillis: integration.timeout }),
    ...(responseParameters === undefined ? {} : { responseParameters }),
  };
}
