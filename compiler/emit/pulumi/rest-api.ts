/**
 * The REST API, its deployment and its stage.
 *
 * - `aws.apigateway.RestApi` imports `../openapi.aws.json` as its `body`, after the program has replaced every
 *   placeholder with the value it names (../placeholders.ts), with `failOnWarnings` so an import warning stops
 *   the update instead of deploying a partial API; its endpoint type (EDGE, REGIONAL or PRIVATE with its VPC
 *   endpoints) and resource policy (the spec's, or for a private API without one, one admitting only its VPC
 *   endpoints).
 * - `aws.apigateway.Deployment` is an immutable snapshot; its `triggers` hold the SHA-256 of the resolved body and
 *   of the other RestApi settings it serves, so a change of the API (and only that) replaces it. Replacement
 *   creates the new deployment before deleting the old one (Pulumi's default, never `deleteBeforeReplace`), so the
 *   stage moves first (deleting a deployment that a stage uses fails; checkov CKV_AWS_217).
 * - `aws.apigateway.Stage` named after the stack, on that deployment: description, stage variables, X-Ray as the
 *   stage asks, a cache cluster only when the stage has one, JSON access logs into its own log group with the
 *   stage's retention; it waits for the account's CloudWatch Logs role when the program sets it (./account.ts).
 *   Its method settings are ./method-settings.ts.
 * Resource names: `api` (RestApi, Deployment, Stage), `api-access-logs`, `api-execution-logs` (the group API Gateway
 * writes execution logs to, `API-Gateway-Execution-Logs_{apiId}/{stage}`, made here so that it has a retention).
 */
import { PLACEHOLDER_ENCODERS, type Placeholder } from "../placeholders.js";
import type { FunctionRef, ProgramContext, Section, Statement } from "./context.js";
import { required, valueExpr } from "./context.js";
import { ACCOUNT_VARIABLE } from "./account.js";
import { call, Entries, member, raw, render, resource, type Expr, type Fields, type Raw } from "./ts.js";
import { byKey } from "../../order.js";
import { compactJson } from "../json.js";

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
  integrationStatus: "$context.integration.status",
  authorizerError: "$context.authorizer.error",
});

/** The code that gives each placeholder its deploy-time value. */
export function placeholderValue(
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
      const attribute = placeholder.attribute;
      if (attribute === "url" || attribute === "queuePath") {
        return raw(`pulumi.output(${render(variable)}).apply(${PLACEHOLDER_ENCODERS[attribute]})`);
      }
      return variable;
    }
  }
}

/** `x-gateway.tags`, for the API, its stage and its custom domain. */
export function tagsExpr(ctx: ProgramContext): Entries | undefined {
  const tags = Object.entries(ctx.model.settings.tags).sort(byKey);
  return tags.length === 0 ? undefined : new Entries(tags);
}

/**
 * The resource policy: the spec's, as written. A private API without one (and without a native
 * `x-amazon-apigateway-policy`) gets one that allows `execute-api:Invoke` only through its VPC endpoints
 * (`aws:SourceVpce`) and denies every other call: API Gateway refuses to deploy a private API with no policy.
 */
function policyExpr(ctx: ProgramContext): Expr {
  const { endpoint, settings, nativeExtensions } = ctx.model;
  if (settings.policy !== undefined) return compactJson(settings.policy);
  if (endpoint.type !== "private" || endpoint.vpcEndpointIds.length === 0) return undefined;
  if (Object.hasOwn(nativeExtensions, "x-amazon-apigateway-policy")) return undefined;
  const vpcEndpoints = endpoint.vpcEndpointIds.map((id) => valueExpr(ctx, id));
  const statement = (effect: "Allow" | "Deny", test: "StringEquals" | "StringNotEquals"): Fields => ({
    Effect: effect,
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: "execute-api:/*",
    Condition: { [test]: { "aws:SourceVpce": vpcEndpoints } },
  });
  return call("pulumi.jsonStringify", {
    Version: "2012-10-17",
    Statement: [statement("Allow", "StringEquals"), statement("Deny", "StringNotEquals")],
  });
}

/** RestApi arguments besides the body: endpoint type, policy, name, tags. */
function restApiArgs(ctx: ProgramContext): Record<string, Expr> {
  const { model } = ctx;
  const { endpoint } = model;
  return {
    name: model.name,
    description: model.info.description,
    body: raw("body"),
    // Overwrite, so that what the spec no longer has is removed; the body carries the VPC endpoints (servers), and
    // the provider re-applies these arguments after each import.
    putRestApiMode: "overwrite",
    failOnWarnings: true,
    endpointConfiguration: {
      types: endpoint.type.toUpperCase(),
      vpcEndpointIds: endpoint.type === "private" ? endpoint.vpcEndpointIds.map((id) => valueExpr(ctx, id)) : undefined,
    },
    disableExecuteApiEndpoint: endpoint.disableExecuteApiEndpoint ? true : undefined,
    policy: policyExpr(ctx),
    tags: tagsExpr(ctx),
  };
}

/** RestApi arguments a deployment does not snapshot: names, tags, how the body is imported, the body (hashed apart). */
const NOT_SNAPSHOTTED = new Set(["name", "description", "tags", "body", "putRestApiMode", "failOnWarnings"]);

/** Code for the SHA-256 (hex) of a string Output. */
function sha256(text: string): Raw {
  return raw(`${text}.apply((text) => crypto.createHash("sha256").update(text).digest("hex"))`);
}

/**
 * The deployment's triggers: the SHA-256 of the resolved body (resources, methods, integrations, authorizers,
 * gateway responses, policy, compression, binary media types), and of every other RestApi argument a deployment
 * serves (endpoint configuration, policy, execute-api endpoint switch), as canonical JSON. Any change replaces
 * the deployment; the same API, however its spec orders its keys, keeps it (peers.md §4).
 */
function deploymentTriggers(ctx: ProgramContext): Fields {
  const served = Object.entries(restApiArgs(ctx)).filter(([key, value]) => !NOT_SNAPSHOTTED.has(key) && value !== undefined);
  return { body: sha256("body"), restApi: sha256(`pulumi.jsonStringify(${render(Object.fromEntries(served))})`) };
}

/**
 * `bodyTemplate` (`../openapi.aws.json` as written), `placeholderValues` (each placeholder's deploy-time value)
 * and `body`, the document with every placeholder replaced: what the API imports.
 */
export function bodyStatements(
  ctx: ProgramContext,
  placeholders: readonly Placeholder[],
  functions: ReadonlyMap<string, FunctionRef>,
  roles: ReadonlyMap<string, Raw>,
): Statement[] {
  const values = placeholders.map((p) => [p.token, placeholderValue(ctx, p, functions, roles)]);
  return [
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
  ];
}

/** The body, the RestApi, its deployment, access logs and stage. */
export function restApiSection(
  ctx: ProgramContext,
  placeholders: readonly Placeholder[],
  functions: ReadonlyMap<string, FunctionRef>,
  roles: ReadonlyMap<string, Raw>,
): Section {
  const statements: Statement[] = [
    ...bodyStatements(ctx, placeholders, functions, roles),
    { declare: { name: "api" }, expr: resource("aws.apigateway.RestApi", "api", restApiArgs(ctx)) },
    {
      comment: "A new deployment exactly when what it snapshots changes; Pulumi creates it before deleting the old one.",
      declare: { name: "deployment" },
      expr: resource("aws.apigateway.Deployment", "api", { restApi: member("api", "id"), triggers: deploymentTriggers(ctx) }),
    },
    {
      declare: { name: "accessLogs" },
      expr: resource("aws.cloudwatch.LogGroup", "api-access-logs", { retentionInDays: raw("settings.logging.retentionDays") }),
    },
    {
      comment: "Execution logs: API Gateway writes to this group, and would create it with no retention if it did not exist.",
      declare: { name: "executionLogs" },
      expr: resource("aws.cloudwatch.LogGroup", "api-execution-logs", {
        name: raw("pulumi.interpolate`API-Gateway-Execution-Logs_${api.id}/${stack}`"),
        retentionInDays: raw("settings.logging.retentionDays"),
      }),
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
      }, { dependsOn: raw(`${ACCOUNT_VARIABLE} ? [executionLogs, ${ACCOUNT_VARIABLE}] : [executionLogs]`) }),
    },
  ];
  return { title: "REST API, deployment and stage", statements };
}
