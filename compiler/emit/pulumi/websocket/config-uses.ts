/**
 * The `{ config: key }` values the WebSocket part of the program reads, for the config table (../config.ts):
 * the resources and roles of its AWS-service integrations and those of its custom domain. Function ARNs and
 * environments, and stage variables, are the paths API's too.
 */
import type { GatewayModel, Value } from "../../../model/types.js";

/** What an AWS service's integration acts on, in words. */
const TARGETS: Readonly<Record<string, string>> = {
  sqs: "SQS queue",
  sns: "SNS topic",
  events: "EventBridge event bus",
  kinesis: "Kinesis stream",
  dynamodb: "DynamoDB table",
  s3: "S3 bucket",
};

/** Each value with what it is, in words. */
export function websocketValueUses(model: GatewayModel): { readonly value: Value; readonly what: string }[] {
  const uses: { readonly value: Value; readonly what: string }[] = [];
  for (const route of model.websocket?.routes ?? []) {
    const i = route.integration;
    if (i?.kind === "stepfunctions") uses.push({ value: i.stateMachine, what: `state machine of WebSocket route ${route.key}` });
    if (i?.kind === "aws" && i.resource) uses.push({ value: i.resource, what: `${TARGETS[i.service] ?? `${i.service} resource`} of WebSocket route ${route.key}` });
    if (i?.kind === "aws" && i.role) uses.push({ value: i.role, what: `role ARN of WebSocket route ${route.key}` });
  }
  const domain = model.websocket?.domain;
  if (domain === undefined) return uses;
  return [
    ...uses,
    { value: domain.name, what: "custom domain name of the WebSocket API" },
    { value: domain.certificate, what: "ACM certificate ARN of the WebSocket API's custom domain (in the API's Region)" },
    ...(domain.hostedZoneId ? [{ value: domain.hostedZoneId, what: "Route 53 hosted zone of the WebSocket API's custom domain" }] : []),
  ];
}
