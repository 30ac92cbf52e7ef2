/**
 * The HTTP API and its stage.
 *
 * - `aws.apigatewayv2.Api` (`protocolType: "HTTP"`) imports `../openapi.aws.json` as its `body`, after the program
 *   has replaced every placeholder with the value it names (../../placeholders.ts), with `failOnWarnings` so an
 *   import warning stops the update instead of deploying a partial API. CORS is also given as `corsConfiguration`,
 *   equal to the document's `x-amazon-apigateway-cors`: after a reimport the provider resets the API's CORS to the
 *   configured one, and would delete what the body set. The default execute-api endpoint is turned off when the spec
 *   says so; tags as the spec's.
 * - `aws.apigatewayv2.Stage` named by ./stage-settings.ts (the stack's stage, or `$default`) with `autoDeploy`:
 *   API Gateway deploys every change of the API to it, so the program has no Deployment to manage
 *   (apigw-features.md §0, fact 3). Throttling and detailed metrics for every route (`defaultRouteSettings`) and the
 *   routes' own throttles (./route-settings.ts), stage variables, description, and JSON access logs into their own
 *   log group with the stage's retention (checkov CKV_AWS_76, CKV_AWS_95; HTTP APIs write access logs only, no
 *   execution logs, and need no account-level CloudWatch role).
 * Resource names: `api` (Api, Stage), `api-access-logs`.
 */
import type { Placeholder } from "../../placeholders.js";
import { httpCorsConfiguration } from "../../aws-openapi/http/cors.js";
import type { FunctionRef, ProgramContext, Section, Statement } from "../context.js";
import { bodyStatements, tagsExpr } from "../rest-api.js";
import { member, raw, resource, type Fields, type Raw } from "../ts.js";
import { routeSettingsExpr } from "./route-settings.js";
import { STAGE_VARIABLE } from "./stage-settings.js";

/** The access log line of an HTTP API: one JSON object per request (HTTP API `$context` variables). */
export const HTTP_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  extendedRequestId: "$context.extendedRequestId",
  ip: "$context.identity.sourceIp",
  userAgent: "$context.identity.userAgent",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  routeKey: "$context.routeKey",
  path: "$context.path",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  responseLatency: "$context.responseLatency",
  integrationError: "$context.integrationErrorMessage",
  integrationStatus: "$context.integration.status",
  authorizerError: "$context.authorizer.error",
  error: "$context.error.message",
});

/** The Api's arguments. */
function apiArgs(ctx: ProgramContext): Fields {
  const { model } = ctx;
  const cors = model.cors === undefined ? undefined : httpCorsConfiguration(model.cors);
  return {
    name: model.name,
    description: model.info.description,
    protocolType: "HTTP",
    body: raw("body"),
    failOnWarnings: true,
    corsConfiguration:
      cors === undefined
        ? undefined
        : {
            allowOrigins: [...cors.allowOrigins],
            allowMethods: [...cors.allowMethods],
            allowHeaders: [...cors.allowHeaders],
            exposeHeaders: [...cors.exposeHeaders],
            allowCredentials: cors.allowCredentials,
            maxAge: cors.maxAge,
          },
    disableExecuteApiEndpoint: model.endpoint.disableExecuteApiEndpoint ? true : undefined,
    tags: tagsExpr(ctx),
  };
}

/** The body, the Api, its access logs and its auto-deploying stage. */
export function httpApiSection(
  ctx: ProgramContext,
  placeholders: readonly Placeholder[],
  functions: ReadonlyMap<string, FunctionRef>,
  roles: ReadonlyMap<string, Raw>,
): Section {
  const statements: Statement[] = [
    ...bodyStatements(ctx, placeholders, functions, roles),
    { declare: { name: "api" }, expr: resource("aws.apigatewayv2.Api", "api", apiArgs(ctx)) },
    {
      declare: { name: "accessLogs" },
      expr: resource("aws.cloudwatch.LogGroup", "api-access-logs", { retentionInDays: raw("settings.logging.retentionDays") }),
    },
    {
      comment: "autoDeploy: API Gateway deploys every change of the API to the stage; there is no Deployment to manage.",
      declare: { name: "apiStage" },
      expr: resource("aws.apigatewayv2.Stage", "api", {
        apiId: member("api", "id"),
        name: raw(STAGE_VARIABLE),
        autoDeploy: true,
        description: raw("settings.description"),
        stageVariables: raw("settings.variables"),
        defaultRouteSettings: {
          throttlingRateLimit: raw("settings.throttle.rate"),
          throttlingBurstLimit: raw("settings.throttle.burst"),
          detailedMetricsEnabled: raw("settings.metrics"),
        },
        routeSettings: routeSettingsExpr(ctx.model),
        accessLogSettings: { destinationArn: member("accessLogs", "arn"), format: HTTP_ACCESS_LOG_FORMAT },
        tags: tagsExpr(ctx),
      }),
    },
  ];
  return { title: "HTTP API and stage", statements };
}
