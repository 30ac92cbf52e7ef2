/**
 * The WebSocket API, its deployment and its stage (apigateway-websocket-api-overview.html). Nothing of a WebSocket
 * API can be imported from OpenAPI (apigw-features.md §0, fact 1), so every part is its own resource.
 *
 * - `aws.apigatewayv2.Api` with `protocolType: "WEBSOCKET"`, the route selection expression, and the API key
 *   selection expression when the spec writes one or `$connect` requires a key (`$request.header.x-api-key`, API
 *   Gateway's default, unless the spec says `$context.authorizer.usageIdentifierKey`); tags as the spec's.
 * - `aws.apigatewayv2.Deployment` with `triggers` over everything it snapshots (./snapshot.ts), created after every
 *   route, route response and integration response (`dependsOn`): API Gateway refuses to deploy an API without
 *   routes, and a deployment made before a route exists would not serve it. Pulumi creates a replacement before
 *   deleting the old one, so the stage moves first.
 * - `aws.apigatewayv2.Stage` named after the stack, on that deployment: execution logging at the stage's level
 *   (ERROR by default) with payloads only when `dataTrace` is on, detailed metrics, the stage's throttle on every
 *   route (`defaultRouteSettings`), stage variables, and JSON access logs (connection id, event type, route key,
 *   status, request and message ids, …) into their own log group with the stage's retention (365 days by
 *   default; checkov CKV_AWS_76, CKV_AWS_338). Execution logs go to `API-Gateway-Execution-Logs_{apiId}/{stage}`,
 *   created here so that it has a retention; they need the account's CloudWatch Logs role (../account.ts), which
 *   the stage waits for when the stack sets it.
 * Resource names: `websocket` (Api, Deployment, Stage), `websocket-access-logs`, `websocket-execution-logs`.
 */
import type { ProgramContext, Statement } from "../context.js";
import { ACCOUNT_VARIABLE } from "../account.js";
import { tagsExpr } from "../rest-api.js";
import { member, raw, resource } from "../ts.js";
import { WS } from "./names.js";
import type { Snapshot } from "./snapshot.js";

/** The access log line of a WebSocket API: one JSON object per connection event or message. */
export const WEBSOCKET_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  extendedRequestId: "$context.extendedRequestId",
  ip: "$context.identity.sourceIp",
  userAgent: "$context.identity.userAgent",
  requestTime: "$context.requestTime",
  connectionId: "$context.connectionId",
  connectedAt: "$context.connectedAt",
  eventType: "$context.eventType",
  messageId: "$context.messageId",
  routeKey: "$context.routeKey",
  status: "$context.status",
  integrationError: "$context.integrationErrorMessage",
  integrationStatus: "$context.integrationStatus",
  integrationLatency: "$context.integrationLatency",
  authorizerError: "$context.authorizer.error",
  error: "$context.error.message",
});

/** The Api, and the partition and Region the integration URIs and the management endpoint are built from. */
export function apiStatements(ctx: ProgramContext): Statement[] {
  const ws = ctx.model.websocket;
  if (ws === undefined) return [];
  const keyRequired = ws.routes.some((r) => r.apiKeyRequired);
  const apiKeySelection = ws.apiKeySelection ?? (keyRequired ? "$request.header.x-api-key" : undefined);
  return [
    {
      declare: { name: WS.api },
      expr: resource("aws.apigatewayv2.Api", "websocket", {
        name: ws.name,
        protocolType: "WEBSOCKET",
        routeSelectionExpression: ws.routeSelection,
        apiKeySelectionExpression: apiKeySelection,
        tags: tagsExpr(ctx),
      }),
    },
    { declare: { name: WS.partition }, expr: raw("aws.getPartitionOutput()") },
    { declare: { name: WS.region }, expr: raw("aws.getRegionOutput().region") },
  ];
}

/** The deployment (after `waitFor`), the log groups and the stage. */
export function stageStatements(ctx: ProgramContext, snapshot: Snapshot, waitFor: readonly string[]): Statement[] {
  const settings = (path: string) => raw(`${WS.settings}.${path}`);
  return [
    {
      comment: "A new deployment exactly when what it snapshots changes; Pulumi creates it before deleting the old one.",
      declare: { name: WS.deployment },
      expr: resource(
        "aws.apigatewayv2.Deployment",
        "websocket",
        { apiId: member(WS.api, "id"), triggers: snapshot.triggers() },
        { dependsOn: waitFor.map((v) => raw(v)) },
      ),
    },
    {
      declare: { name: WS.accessLogs },
      expr: resource("aws.cloudwatch.LogGroup", "websocket-access-logs", { retentionInDays: settings("logging.retentionDays") }),
    },
    {
      comment: "Execution logs: API Gateway writes to this group, and would create it with no retention if it did not exist.",
      declare: { name: WS.executionLogs },
      expr: resource("aws.cloudwatch.LogGroup", "websocket-execution-logs", {
        name: raw(`pulumi.interpolate\`API-Gateway-Execution-Logs_\${${WS.api}.id}/\${stack}\``),
        retentionInDays: settings("logging.retentionDays"),
      }),
    },
    {
      declare: { name: WS.stage },
      expr: resource(
        "aws.apigatewayv2.Stage",
        "websocket",
        {
          apiId: member(WS.api, "id"),
          name: raw("stack"),
          deploymentId: member(WS.deployment, "id"),
          description: settings("description"),
          stageVariables: settings("variables"),
          defaultRouteSettings: {
            loggingLevel: settings("logging.level"),
            dataTraceEnabled: settings("logging.dataTrace"),
            detailedMetricsEnabled: settings("metrics"),
            throttlingRateLimit: settings("throttle.rate"),
            throttlingBurstLimit: settings("throttle.burst"),
          },
          accessLogSettings: { destinationArn: member(WS.accessLogs, "arn"), format: WEBSOCKET_ACCESS_LOG_FORMAT },
          tags: tagsExpr(ctx),
        },
        { dependsOn: raw(`${ACCOUNT_VARIABLE} ? [${WS.executionLogs}, ${ACCOUNT_VARIABLE}] : [${WS.executionLogs}]`) },
      ),
    },
  ];
}
