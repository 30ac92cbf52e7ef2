/**
 * Models, the `$connect` authorizer, routes and route responses of a WebSocket API.
 *
 * - `aws.apigatewayv2.Model` per message and reply schema (./models.ts), content type `application/json`.
 * - `aws.apigatewayv2.Authorizer` for the security scheme `$connect` names when a Lambda implements it: a REQUEST
 *   authorizer (the only type WebSocket APIs have) on the function's invocation URI, with the scheme's identity
 *   sources in WebSocket form (`route.request.header.X`, `route.request.querystring.X`; REST and HTTP forms are
 *   rewritten). No result cache: the API model has `authorizerResultTtlInSeconds` for HTTP APIs only.
 * - `aws.apigatewayv2.Route` per route with a deployed integration (or none, which `$connect` may have): its key,
 *   `integrations/{id}` as target; on `$connect` the authorizer (`CUSTOM`) or IAM (`AWS_IAM`), `apiKeyRequired`
 *   and the required query parameters and headers (`route.request.querystring.X`); the message model as
 *   `requestModels.$default` with model selection expression `$default`, so API Gateway rejects a message that
 *   does not match ("Bad request body"); a two-way route (one with `reply`) has route response selection
 *   expression `$default`.
 * - `aws.apigatewayv2.RouteResponse` `$default` (the only key WebSocket APIs take) for each two-way route, with
 *   the reply model: without it even a Lambda proxy's return value is not sent to the client.
 * Resource names: `websocket-<route slug>` (Route, RouteResponse), `websocket-model-<name>`, `websocket-authorizer`.
 */
import type { Authorizer, WebSocketRoute } from "../../../model/types.js";
import type { FunctionRef, ProgramContext, Statement } from "../context.js";
import { required } from "../context.js";
import { call, Entries, member, resource, type Fields } from "../ts.js";
import { invocationUri } from "./integrations.js";
import type { MessageModels } from "./models.js";
import { WS, type RouteNames } from "./names.js";
import type { Snapshot } from "./snapshot.js";

/** The variable that holds the `$connect` authorizer. */
export const AUTHORIZER = "websocketAuthorizer";

/** The variable of a model. */
export function modelVariable(name: string): string {
  return `websocketModel_${name}`;
}

/** An identity source in WebSocket form: `method.request.header.X` and `$request.header.X` become `route.request.header.X`. */
export function websocketIdentitySource(source: string): string {
  const match = /^(?:method\.request|\$request)\.(header|querystring)\.(.+)$/.exec(source);
  return match ? `route.request.${match[1] ?? ""}.${match[2] ?? ""}` : source;
}

/** The authorizer (if any) that implements the scheme `$connect` names. */
export function connectAuthorizer(ctx: ProgramContext): { readonly scheme: string; readonly authorizer: Authorizer } | undefined {
  const connect = ctx.model.websocket?.routes.find((r) => r.key === "$connect");
  const name = connect?.auth?.scheme;
  const authorizer = ctx.model.securitySchemes.find((s) => s.name === name)?.authorizer;
  return name === undefined || authorizer === undefined ? undefined : { scheme: name, authorizer };
}

/** One Model statement per planned model. */
export function modelStatements(models: MessageModels, snapshot: Snapshot): Statement[] {
  return models.models.map((m) => ({
    declare: { name: modelVariable(m.name) },
    expr: resource(
      "aws.apigatewayv2.Model",
      `websocket-model-${m.name.toLowerCase()}`,
      snapshot.add({ apiId: member(WS.api, "id"), name: m.name, contentType: "application/json", schema: m.schema }),
    ),
  }));
}

/** The `$connect` Lambda authorizer, when the scheme it names is implemented by a Lambda function. */
export function authorizerStatements(ctx: ProgramContext, functions: ReadonlyMap<string, FunctionRef>, snapshot: Snapshot): Statement[] {
  const found = connectAuthorizer(ctx);
  if (found?.authorizer.kind !== "lambda") return [];
  const { authorizer } = found;
  return [
    {
      comment: "WebSocket APIs authorize once, when the connection opens ($connect).",
      declare: { name: AUTHORIZER },
      expr: resource(
        "aws.apigatewayv2.Authorizer",
        "websocket-authorizer",
        snapshot.add({
          apiId: member(WS.api, "id"),
          name: found.scheme,
          authorizerType: "REQUEST",
          authorizerUri: invocationUri(required(functions, "function", authorizer.function)),
          identitySources: authorizer.identitySources.map(websocketIdentitySource),
        }),
      ),
    },
  ];
}

/** `authorizationType` (and `authorizerId`) of `route`: `$connect` only (`websocket-auth-not-connect` reports others). */
function authorization(ctx: ProgramContext, route: WebSocketRoute): Fields {
  if (route.auth === undefined || route.key !== "$connect") return {};
  const kind = ctx.model.securitySchemes.find((s) => s.name === route.auth?.scheme)?.authorizer?.kind;
  if (kind === "iam") return { authorizationType: "AWS_IAM" };
  if (kind === "lambda") return { authorizationType: "CUSTOM", authorizerId: member(AUTHORIZER, "id") };
  return {};
}

/** The Route of `route` and, for a two-way route, its `$default` RouteResponse; returns the variables to wait for. */
export function routeStatements(
  ctx: ProgramContext,
  route: WebSocketRoute,
  names: RouteNames,
  models: MessageModels,
  hasIntegration: boolean,
  snapshot: Snapshot,
): { statements: Statement[]; variables: string[] } {
  const message = models.message(route);
  const reply = models.reply(route);
  const parameters = route.parameters.map((p) => ({
    requestParameterKey: `route.request.${p.in === "query" ? "querystring" : "header"}.${p.name}`,
    required: p.required,
  }));
  const name = `websocket-${names.slug}`;
  const statements: Statement[] = [
    {
      declare: { name: names.route },
      expr: resource(
        "aws.apigatewayv2.Route",
        name,
        snapshot.add({
          apiId: member(WS.api, "id"),
          routeKey: route.key,
          target: hasIntegration ? call("pulumi.concat", "integrations/", member(names.integration, "id")) : undefined,
          ...authorization(ctx, route),
          apiKeyRequired: route.apiKeyRequired ? true : undefined,
          requestParameters: parameters.length === 0 ? undefined : parameters,
          modelSelectionExpression: message === undefined ? undefined : "$default",
          requestModels: message === undefined ? undefined : new Entries([["$default", member(modelVariable(message), "name")]]),
          routeResponseSelectionExpression: route.reply === undefined ? undefined : "$default",
        }),
      ),
    },
  ];
  const variables = [names.route];
  if (route.reply !== undefined) {
    const variable = names.routeResponse;
    statements.push({
      declare: { name: variable },
      expr: resource(
        "aws.apigatewayv2.RouteResponse",
        name,
        snapshot.add({
          apiId: member(WS.api, "id"),
          routeId: member(names.route, "id"),
          routeResponseKey: "$default",
          modelSelectionExpression: reply === undefined ? undefined : "$default",
          responseModels: reply === undefined ? undefined : new Entries([["$default", member(modelVariable(reply), "name")]]),
        }),
      ),
    });
    variables.push(variable);
  }
  return { statements, variables };
}
