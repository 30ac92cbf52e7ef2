/**
 * The integrations of a WebSocket API's routes (apigateway-websocket-api-integrations.html), one
 * `aws.apigatewayv2.Integration` per route:
 * - `lambda` (proxy, the default): `AWS_PROXY` to the function's invocation URI;
 * - `lambda` with `proxy: false`: `AWS` to the same URI, the request shaped by its `request` mapping;
 * - `http` (proxy, the default): `HTTP_PROXY` to the URL with the integration's method (default POST);
 * - `http` with `proxy: false`: `HTTP`, the request shaped by its `request` mapping;
 * - `mock`: `MOCK`, whose request template gives API Gateway the status (`{"statusCode": 200}`);
 * - AWS services (`sqs`, `sns`, `eventbridge`, `kinesis`, `dynamodb`, `stepfunctions`, `aws`): `AWS` with
 *   `integrationMethod` the service's (POST), `integrationUri` `arn:{partition}:apigateway:{region}:{service}:{target}`,
 *   the service's static request headers as `requestParameters`, the service request as template
 *   (./requests.ts), `passthroughBehavior: NEVER`, and as `credentialsArn` the integration's own `role` or a role
 *   API Gateway assumes that may do exactly that action on exactly that resource (`aws.iam.Role` trusted by
 *   `apigateway.amazonaws.com` with one inline `aws.iam.RolePolicy`, ../roles.ts).
 * A request mapping (raw `template`, `templateFile`, or a declarative shape compiled to VTL) is the integration's
 * `$default` template, chosen by the static template selection expression `\$default`. `timeout` becomes
 * `timeoutMilliseconds` (50–29,000 ms, checked by `integration-timeout-range`).
 *
 * Non-proxy integrations (`AWS`, `HTTP`, `MOCK`) get the `$default` integration response API Gateway needs to
 * pass their result on (`aws.apigatewayv2.IntegrationResponse`); a mock's carries its body as the response
 * template. The reply reaches the client only on a two-way route (./routes.ts).
 * Response mappings are not deployed yet (./gaps.ts). Resource names: `websocket-<route slug>` (Integration,
 * IntegrationResponse), `websocket-integration-<route slug>` (the role and its policy).
 */
import type { Integration, WebSocketRoute } from "../../../model/types.js";
import { mappingProblems } from "../../aws-openapi/mapping-request.js";
import { compactJson } from "../../json.js";
import type { FunctionRef, ProgramContext, Statement } from "../context.js";
import { required, valueExpr } from "../context.js";
import { apigatewayRole, grantOf, resourceExpr } from "../roles.js";
import { call, Entries, member, raw, resource, type Expr, type Fields } from "../ts.js";
import { byKey } from "../../../order.js";
import { deployTimeText } from "./deploy-time-text.js";
import { WS, type RouteNames } from "./names.js";
import { isBuiltServiceCall, requestTemplate, serviceCall } from "./requests.js";
import { routeOperation } from "./route-operation.js";
import type { Snapshot } from "./snapshot.js";

/** The integrations Portico deploys on a WebSocket route. */
export type DeployedIntegration = Extract<Integration, { kind: "lambda" | "http" | "mock" | "aws" | "stepfunctions" }>;

/** True when `i` is deployed on a WebSocket route: any but an AWS-service call Portico builds no request for. */
export function isDeployed(i: Integration | undefined): i is DeployedIntegration {
  if (i === undefined) return false;
  return i.kind === "lambda" || i.kind === "http" || i.kind === "mock" || isBuiltServiceCall(i);
}

/** The static template selection expression that always picks the `$default` template. */
const DEFAULT_TEMPLATE = "\\$default";

/** `arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations`. */
export function invocationUri(fn: FunctionRef): Expr {
  return call(
    "pulumi.concat",
    "arn:",
    member(WS.partition, "partition"),
    ":apigateway:",
    raw(WS.region),
    ":lambda:path/2015-03-31/functions/",
    fn.arn,
    "/invocations",
  );
}

/**
 * What an AWS-service integration assumes: its own `role` as written, else a generated role (and its policy) with
 * exactly the integration's action on its resource; undefined for other integrations.
 */
function roleStatements(ctx: ProgramContext, i: DeployedIntegration, names: RouteNames): { statements: Statement[]; arn: Expr } | undefined {
  if (i.kind === "aws" && i.role !== undefined) return { statements: [], arn: valueExpr(ctx, i.role) };
  const grant = grantOf(i);
  if (grant === undefined) return undefined;
  return apigatewayRole(`websocket-integration-${names.slug}`, names.role, grant.action, resourceExpr(ctx, grant).expr);
}

/** True when a role of a WebSocket integration completes its resource into an ARN with the `resourceArn` helper. */
export function websocketUsesResourceArn(ctx: ProgramContext): boolean {
  return (ctx.model.websocket?.routes ?? []).some((route) => {
    const i = route.integration;
    if (!isDeployed(i) || (i.kind === "aws" && i.role !== undefined)) return false;
    const grant = grantOf(i);
    return grant !== undefined && resourceExpr(ctx, grant).helper;
  });
}

function integrationArgs(
  ctx: ProgramContext,
  route: WebSocketRoute & { readonly integration: DeployedIntegration },
  functions: ReadonlyMap<string, FunctionRef>,
  credentials: Expr | undefined,
): Fields {
  const i = route.integration;
  const op = routeOperation(route);
  // Problems are reported at build (./requests.ts, reportWebsocketMappings).
  const problems = mappingProblems(undefined);
  const text = (value: string) => deployTimeText(ctx, functions, value);
  const apiId = member(WS.api, "id");
  const templates = (template: string | undefined): Fields => ({
    requestTemplates: template === undefined ? undefined : { $default: text(template) },
    templateSelectionExpression: template === undefined ? undefined : DEFAULT_TEMPLATE,
  });
  switch (i.kind) {
    case "lambda":
      return {
        apiId,
        integrationType: i.proxy ? "AWS_PROXY" : "AWS",
        integrationMethod: "POST",
        integrationUri: invocationUri(required(functions, "function", i.function)),
        ...templates(requestTemplate(op, i, problems)),
        timeoutMilliseconds: i.timeout,
      };
    case "http":
      return {
        apiId,
        integrationType: i.proxy ? "HTTP_PROXY" : "HTTP",
        integrationMethod: i.method ?? "POST",
        integrationUri: i.url,
        ...templates(requestTemplate(op, i, problems)),
        timeoutMilliseconds: i.timeout,
      };
    case "mock":
      return { apiId, integrationType: "MOCK", ...templates(requestTemplate(op, i, problems)), timeoutMilliseconds: i.timeout };
    case "aws":
    case "stepfunctions": {
      const service = serviceCall(ctx.model, op, i, problems);
      if (service === undefined) throw new Error(`The WebSocket route ${JSON.stringify(route.key)} has no service request.`);
      const parameters = Object.entries(service.requestParameters).sort(byKey);
      return {
        apiId,
        integrationType: "AWS",
        integrationMethod: service.httpMethod,
        integrationUri: text(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${service.service}:${service.target}`),
        credentialsArn: credentials,
        requestParameters: parameters.length === 0 ? undefined : new Entries(parameters),
        ...templates(service.template),
        passthroughBehavior: "NEVER",
        timeoutMilliseconds: i.timeout,
      };
    }
  }
}

/** True for the integration types that need an integration response (every one but the proxies). */
export function needsIntegrationResponse(i: DeployedIntegration): boolean {
  return !((i.kind === "lambda" || i.kind === "http") && i.proxy);
}

/**
 * The Integration of `route` (after the role it assumes, for an AWS service) and, for a non-proxy one, its
 * `$default` IntegrationResponse.
 */
export function integrationStatements(
  ctx: ProgramContext,
  route: WebSocketRoute & { readonly integration: DeployedIntegration },
  names: RouteNames,
  functions: ReadonlyMap<string, FunctionRef>,
  snapshot: Snapshot,
): { statements: Statement[]; integrationResponse?: string } {
  const i = route.integration;
  const name = `websocket-${names.slug}`;
  const role = roleStatements(ctx, i, names);
  const statements: Statement[] = [
    ...(role?.statements ?? []),
    {
      declare: { name: names.integration },
      expr: resource("aws.apigatewayv2.Integration", name, snapshot.add(integrationArgs(ctx, route, functions, role?.arn))),
    },
  ];
  if (!needsIntegrationResponse(i)) return { statements };
  const body = i.kind === "mock" && i.body !== undefined ? compactJson(i.body) : undefined;
  const variable = names.integrationResponse;
  statements.push({
    declare: { name: variable },
    expr: resource(
      "aws.apigatewayv2.IntegrationResponse",
      name,
      snapshot.add({
        apiId: member(WS.api, "id"),
        integrationId: member(names.integration, "id"),
        integrationResponseKey: "$default",
        responseTemplates: body === undefined ? undefined : { $default: body },
        templateSelectionExpression: body === undefined ? undefined : DEFAULT_TEMPLATE,
      }),
    ),
  });
  return { statements, integrationResponse: variable };
}
