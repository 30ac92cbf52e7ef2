/**
 * AWS-service integrations of a REST API that Portico knows how to call: S3 GetObject, PutObject and DeleteObject;
 * SQS SendMessage; SNS Publish; EventBridge PutEvents; Kinesis PutRecord; DynamoDB GetItem, PutItem, DeleteItem,
 * UpdateItem, Query and Scan. They are chosen by service and action, whether written with a shorthand
 * (`dynamodb`, `sqs`, …) or with the generic `aws` and its `resource`; each needs the resource it acts on.
 */
import type { GatewayModel, Integration, Operation } from "../../../model/types.js";
import type { ServiceContext } from "./context.js";
import { dynamoDbPlan } from "./dynamodb.js";
import { eventBridgePlan } from "./eventbridge.js";
import { kinesisPlan } from "./kinesis.js";
import type { ServicePlan } from "./plan.js";
import { s3Plan } from "./s3.js";
import { snsPlan } from "./sns.js";
import { sqsPlan } from "./sqs.js";

export { serviceIntegrationObject, type ServicePlan } from "./plan.js";

/** The planner of each `service:action`. */
const PLANNERS: Readonly<Record<string, (ctx: ServiceContext) => ServicePlan>> = {
  "s3:GetObject": (ctx) => s3Plan("GetObject", ctx),
  "s3:PutObject": (ctx) => s3Plan("PutObject", ctx),
  "s3:DeleteObject": (ctx) => s3Plan("DeleteObject", ctx),
  "sqs:SendMessage": sqsPlan,
  "sns:Publish": snsPlan,
  "events:PutEvents": eventBridgePlan,
  "kinesis:PutRecord": kinesisPlan,
  "dynamodb:GetItem": (ctx) => dynamoDbPlan("GetItem", ctx),
  "dynamodb:PutItem": (ctx) => dynamoDbPlan("PutItem", ctx),
  "dynamodb:DeleteItem": (ctx) => dynamoDbPlan("DeleteItem", ctx),
  "dynamodb:UpdateItem": (ctx) => dynamoDbPlan("UpdateItem", ctx),
  "dynamodb:Query": (ctx) => dynamoDbPlan("Query", ctx),
  "dynamodb:Scan": (ctx) => dynamoDbPlan("Scan", ctx),
};

/** True when Portico builds the service request of `integration` (a known action on a named resource). */
export function isPlannedService(integration: Integration): boolean {
  return plannerOf(integration) !== undefined;
}

function plannerOf(integration: Integration): ((ctx: ServiceContext) => ServicePlan) | undefined {
  if (integration.kind !== "aws" || integration.resource === undefined) return undefined;
  const key = `${integration.service}:${integration.action}`;
  return Object.hasOwn(PLANNERS, key) ? PLANNERS[key] : undefined;
}

/** The plan of the AWS-service integration of `op`, or undefined when Portico has none for its action. */
export function servicePlan(model: GatewayModel, op: Operation, integration: Integration): ServicePlan | undefined {
  const planner = plannerOf(integration);
  if (planner === undefined || integration.kind !== "aws" || integration.resource === undefined) return undefined;
  return planner({ model, op, integration, resource: integration.resource });
}
