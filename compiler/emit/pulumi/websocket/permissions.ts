/**
 * Lambda permissions of a WebSocket API: API Gateway may invoke a function only through the routes of this API and
 * stage that use it, and the `$connect` authorizer's function only as that authorizer.
 *
 * Each is an `aws.lambda.Permission` built by ../permissions.ts (principal `apigateway.amazonaws.com`, action
 * `lambda:InvokeFunction`; checkov CKV_AWS_364), with the `sourceArn`
 * - of a route: `{api.executionArn}/{stage}/{routeKey}`, e.g. `…/prod/$connect`, `…/prod/sendMessage` (a WebSocket
 *   route's ARN has no method; apigateway-websocket-control-access-iam.html). The stage is named after the stack,
 *   as in the REST program, so the permission exists before the stage serves;
 * - of the authorizer: `{api.executionArn}/authorizers/{authorizerId}`.
 * A WebSocket API has at most 300 routes, so one statement per route stays well under Lambda's 20 KB policy limit.
 * Resource names: `perm-ws--<function slug>--<route slug>` and `perm-ws-authorizer--<function slug>`: `--` is never
 * part of a slug, so they meet neither each other nor the paths API's permissions (model/names.ts).
 */
import type { WebSocketRoute } from "../../../model/types.js";
import type { FunctionRef, ProgramContext, Statement } from "../context.js";
import { required } from "../context.js";
import { permission } from "../permissions.js";
import { call, member, raw } from "../ts.js";
import { WS, type RouteNames } from "./names.js";
import { AUTHORIZER, connectAuthorizer } from "./routes.js";

/** Permissions for every Lambda-backed route in `routes` and for the `$connect` Lambda authorizer. */
export function permissionStatements(
  ctx: ProgramContext,
  routes: readonly WebSocketRoute[],
  names: ReadonlyMap<string, RouteNames>,
  functions: ReadonlyMap<string, FunctionRef>,
): Statement[] {
  const executionArn = member(WS.api, "executionArn");
  const statements: Statement[] = [];
  for (const route of routes) {
    if (route.integration?.kind !== "lambda") continue;
    const fn = route.integration.function;
    const name = `perm-ws--${ctx.names.functionSlug(fn)}--${required(names, "route", route.key).slug}`;
    const sourceArn = call("pulumi.concat", executionArn, "/", raw("stack"), `/${route.key}`);
    statements.push(permission(name, required(functions, "function", fn), sourceArn));
  }
  const found = connectAuthorizer(ctx);
  if (found?.authorizer.kind === "lambda") {
    const fn = found.authorizer.function;
    const sourceArn = call("pulumi.concat", executionArn, "/authorizers/", member(AUTHORIZER, "id"));
    statements.push(permission(`perm-ws-authorizer--${ctx.names.functionSlug(fn)}`, required(functions, "function", fn), sourceArn));
  }
  return statements;
}
