/**
 * The REST API, its deployment and its stage.
 *
 * - `aws.apigateway.RestApi` imports `../openapi.aws.json` as its `body`, after the program has replaced every
 *   placeholder with the value it names (../placeholders.ts), with `failOnWarnings` so an import warning stops
 *   the update instead of deploying a partial API.
 * - `aws.apigateway.Deployment` is an immutable snapshot; its `triggers` hold the SHA-256 of the resolved body, so
 *   a change of the API (and only that) replaces it. Replacement creates the new deployment before deleting the
 *   old one, so the stage moves first (deleting a deployment that a stage uses fails).
 * - `aws.apigateway.Stage` named after the stack, with JSON access logs into its own log group, X-Ray as the
 *   stage asks; `aws.apigateway.MethodSettings` for every method (`*\/*`): throttling, detailed metrics, execution
 *   logging; a cache cluster (encrypted) only when the stage has one, with no stage-wide caching of every method.
 * Resource names: `api` (RestApi, Deployment, Stage), `api-access-logs`, `api-all-methods`.
 */
import type { Placeholder } from "../placeholders.js";
import type { FunctionRef, ProgramContext, Section, Statement } from "./context.js";
import { required, valueExpr } from "./context.js";
import { Entries, member, raw, resource, type Expr, type Raw } from "./ts.js";
import { byKey } from "../../order.js";

/** Name of the generated helper that replaces placeholders in the body (see program.ts). */
export const RESOLVE_HELPER = "resolvePlaceholders";

/** The access log line: one JSON object per request. */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  extendedRequestId: "$context.extendedRequestId",
  ip: "$context.identity.sourceIp",
  caller: "$context.identity.caller",
  user: "$context.identity.user",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  resourcePath: "$context.resourcePath",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  integrationError: "$context.integration.error",
});

/** The code that gives each placeholder its deploy-time value. */
function placeholderValue(
  ctx: ProgramContext,
  placeholder: Placeholder,
  functions: ReadonlyMap<string, FunctionRef>,
  roles: ReadonlyMap<string, Raw>,
): Expr {
  switch (placeholder.kind) {
    case "function":
      return required(functions, "function", placeholder.name).arn;
    case "role":
      return required(roles, "integration role", placeholder.name);
    case "config": {
      const variable = ctx.config.variable(placeholder.name);
      if (variable === undefined) throw new Error(`The program reads no config key ${JSON.stringify(placeholder.name)}.`);
      return variable;
    }
  }
}

/** `x-gateway.tags`, for the API and its stage. */
function tagsExpr(ctx: ProgramContext): Entries | undefined {
  const tags = Object.entries(ctx.model.settings.tags).sort(byKey);
  return tags.length === 0 ? undefined : new Entries(tags);
}

/** RestApi arguments besides the body: endpoint type, policy, name, tags. */
function restApiArgs(ctx: ProgramContext): Record<string, Expr> {
  const { model } = ctx;
  const { endpoint, settings } = model;
  return {
    name: model.name,
    description: model.info.description,
    body: raw("body"),
    // PRIVATE APIs are merged, as the provider advises, so the import keeps the VPC endpoint associations.
    putRestApiMode: endpoint.type === "private" ? "merge" : "overwrite",
    failOnWarnings: true,
    endpointConfiguration: {
      types: endpoint.type.toUpperCase(),
      vpcEndpointIds: endpoint.type === "private" ? endpoint.vpcEndpointIds.map((id) => valueExpr(ctx, id)) : undefined,
    },
    disableExecuteApiEndpoint: endpoint.disableExecuteApiEndpoint ? true : undefined,
    policy: settings.policy === undefined ? undefined : JSON.stringify(settings.policy),
    tags: tagsExpr(ctx),
  };
}

/** The body, the RestApi, its deployment, access logs, stage and method settings. */
export function restApiSection(
  ctx: ProgramContext,
  placeholders: readonly Placeholder[],
  functions: ReadonlyMap<string, FunctionRef>,
  roles: ReadonlyMap<string, Raw>,
): Section {
  const values = placeholders.map((p) => [p.token, placeholderValue(ctx, p, functions, roles)]);
  const statements: Statement[] = [
    {
      comment: "The import document, with placeholders for values known only at deploy time.",
      declare: { name: "bodyTemplate" },
      expr: raw('fs.readFileSync(path.join(__dirname, "..", "openapi.aws.json"), "utf8")'),
    },
    {
      declare: { name: "placeholderValues", type: "[string, pulumi.Input<string>][]" },
      expr: values,
    },
    {
      declare: { name: "body" },
      expr: raw(
        `pulumi.all(placeholderValues.map(([, value]) => value)).apply((resolved) => ${RESOLVE_HELPER}(bodyTemplate, placeholderValues.map(([token]) => token), resolved))`,
      ),
    },
    { declare: { name: "api" }, expr: resource("aws.apigateway.RestApi", "api", restApiArgs(ctx)) },
    {
      comment: "A new deployment exactly when the resolved body changes; created before the old one is deleted.",
      declare: { name: "deployment" },
      expr: resource(
        "aws.apigateway.Deployment",
        "api",
        { restApi: member("api", "id"), triggers: { body: raw('body.apply((text) => crypto.createHash("sha256").update(text).digest("hex"))') } },
        { deleteBeforeReplace: false },
      ),
    },
    {
      declare: { name: "accessLogs" },
      expr: resource("aws.cloudwatch.LogGroup", "api-access-logs", { retentionInDays: raw("settings.logging.retentionDays") }),
    },
    {
      declare: { name: "apiStage" },
      expr: resource("aws.apigateway.Stage", "api", {
        restApi: member("api", "id"),
        deployment: member("deployment", "id"),
        stageName: raw("stack"),
        description: raw("settings.description"),
        variables: raw("settings.variables"),
        xrayTracingEnabled: raw("settings.tracing"),
        cacheClusterEnabled: raw("settings.cache !== undefined"),
        cacheClusterSize: raw("settings.cache?.size"),
        accessLogSettings: { destinationArn: member("accessLogs", "arn"), format: ACCESS_LOG_FORMAT },
        tags: tagsExpr(ctx),
      }),
    },
    {
      expr: resource("aws.apigateway.MethodSettings", "api-all-methods", {
        restApi: member("api", "id"),
        stageName: member("apiStage", "stageName"),
        methodPath: "*/*",
        settings: {
          throttlingRateLimit: raw("settings.throttle.rate"),
          throttlingBurstLimit: raw("settings.throttle.burst"),
          metricsEnabled: raw("settings.metrics"),
          loggingLevel: raw("settings.logging.level"),
          dataTraceEnabled: raw("settings.logging.dataTrace"),
          // Never cache every method stage-wide: without per-operation cache keys, callers would get each other's
          // responses. The stage's cluster serves operations that ask for caching with their own keys.
          cachingEnabled: false,
          cacheDataEncrypted: true,
          cacheTtlInSeconds: raw("settings.cache?.ttl"),
        },
      }),
    },
  ];
  return { title: "REST API, deployment and stage", statements };
}
