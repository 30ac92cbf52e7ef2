/**
 * The integrations of a WebSocket API's routes (apigateway-websocket-api-integrations.html), one
 * `aws.apigatewayv2.Integration` per route:
 * - `lambda` (proxy, the default): `AWS_PROXY` to the function's invocation URI;
 * - `lambda` with `proxy: false`: `AWS` to the same URI, the request shaped by its `request.template`;
 * - `http` (proxy, the default): `HTTP_PROXY` to the URL with the integration's method (default POST);
 * - `http` with `proxy: false`: `HTTP`, the request shaped by its `request.template`;
 * - `mock`: `MOCK`, whose request template gives API Gateway the status (`{"statusCode": 200}`).
 * A request template is the integration's `$default` template, chosen by the static template selection expression
 * `\$default`. `timeout` becomes `timeoutMilliseconds` (50–29,000 ms, checked by `integration-timeout-range`).
 *
 * Non-proxy integrations (`AWS`, `HTTP`, `MOCK`) get the `$default` integration response API Gateway needs to
 * pass their result on (`aws.apigatewayv2.IntegrationResponse`); a mock's carries its body as the response
 * template. The reply reaches the client only on a two-way route (./routes.ts).
 * AWS-service integrations, request shapes and `templateFile`s, and response mappings are not deployed yet
 * (./gaps.ts). Resource names: `websocket-<route slug>` (Integration, IntegrationResponse).
 */
import type { Integration, WebSocketRoute } from "../../../model/types.js";
import { compactJson } from "../../json.js";
import type { FunctionRef, Statement } from "../context.js";
import { required } from "../context.js";
import { call, member, raw, resource, type Expr, type Fields } from "../ts.js";
import { WS, type RouteNames } from "./names.js";
import type { Snapshot } from "./snapshot.js";

/** The integrations Portico deploys on a WebSocket route. */
export type DeployedIntegration = Extract<Integration, { kind: "lambda" | "http" | "mock" }>;

/** True when `i` is deployed on a WebSocket route. */
export function isDeployed(i: Integration | undefined): i is DeployedIntegration {
  return i?.kind === "lambda" || i?.kind === "http" || i?.kind === "mock";
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

/** The request template of `i`: its inline `request.template`, or for a mock the status it answers with. */
function requestTemplate(i: DeployedIntegration): string | undefined {
  if (i.kind === "mock") return compactJson({ statusCode: i.status });
  return i.request?.kind === "template" ? i.request.template : undefined;
}

function integrationArgs(i: DeployedIntegration, functions: ReadonlyMap<string, FunctionRef>): Fields {
  const template = requestTemplate(i);
  const common: Fields = {
    apiId: member(WS.api, "id"),
    requestTemplates: template === undefined ? undefined : { $default: template },
    templateSelectionExpression: template === undefined ? undefined : DEFAULT_TEMPLATE,
    timeoutMilliseconds: i.timeout,
  };
  switch (i.kind) {
    case "lambda":
      return {
        apiId: common.apiId,
        integrationType: i.proxy ? "AWS_PROXY" : "AWS",
        integrationMethod: "POST",
        integrationUri: invocationUri(required(functions, "function", i.function)),
        ...common,
      };
    case "http":
      return {
        apiId: common.apiId,
        integrationType: i.proxy ? "HTTP_PROXY" : "HTTP",
        integrationMethod: i.method ?? "POST",
        integrationUri: i.url,
        ...common,
      };
    case "mock":
      return { apiId: common.apiId, integrationType: "MOCK", ...common };
  }
}

/** True for the integration types that need an integration response (every one but the proxies). */
export function needsIntegrationResponse(i: DeployedIntegration): boolean {
  return i.kind === "mock" || !i.proxy;
}

/** The Integration of `route` and, for a non-proxy one, its `$default` IntegrationResponse. */
export function integrationStatements(
  route: WebSocketRoute & { readonly integration: DeployedIntegration },
  names: RouteNames,
  functions: ReadonlyMap<string, FunctionRef>,
  snapshot: Snapshot,
): { statements: Statement[]; integrationResponse?: string } {
  const i = route.integration;
  const name = `websocket-${names.slug}`;
  const statements: Statement[] = [
    {
      declare: { name: names.integration },
      expr: resource("aws.apigatewayv2.Integration", name, snapshot.add(integrationArgs(i, functions))),
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
