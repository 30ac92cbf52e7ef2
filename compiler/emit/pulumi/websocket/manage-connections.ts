/**
 * The `@connections` API for the functions that push (`websocket.manageConnections`).
 *
 * Each function Portico deploys gets an inline policy on its execution role (`aws.iam.RolePolicy`) that allows
 * `execute-api:ManageConnections` on exactly this API and stage: `POST` (send a message), `GET` (read a
 * connection) and `DELETE` (close one) of `@connections/*`, as
 * `{api.executionArn}/{stage}/{METHOD}/@connections/*` (apigateway-websocket-control-access-iam.html). A function
 * referenced by `arn` has a role Portico does not manage: nothing is created for it (`not-emitted`, ./gaps.ts).
 *
 * The endpoint a function posts to, `https://{apiId}.execute-api.{region}.{dnsSuffix}/{stage}`, is the stack
 * output `websocketManagementEndpoint` (./outputs.ts). A function learns it from its event
 * (`https://{requestContext.domainName}/{requestContext.stage}` on the execute-api domain), or from that output
 * through a config value of its environment.
 * Resource names: `websocket-manage-connections-<function slug>`.
 */
import { variableName } from "../../../model/names.js";
import type { ProgramContext, Statement } from "../context.js";
import { call, member, raw, resource } from "../ts.js";
import { WS } from "./names.js";

/** Methods of the @connections API: send, read, close. */
const METHODS = ["POST", "GET", "DELETE"] as const;

/** One policy per deployed function of `manageConnections`. */
export function manageConnectionsStatements(ctx: ProgramContext): Statement[] {
  const uses = ctx.model.websocket?.manageConnections ?? [];
  const deployed = new Set(ctx.model.functions.filter((f) => f.kind === "code").map((f) => f.name));
  const names = [...new Set(uses.map((u) => u.function))].filter((name) => deployed.has(name));
  return names.map((name) => {
    const slug = ctx.names.functionSlug(name);
    const resources = METHODS.map((method) =>
      call("pulumi.concat", member(WS.api, "executionArn"), "/", raw("stack"), `/${method}/@connections/*`),
    );
    return {
      expr: resource("aws.iam.RolePolicy", `websocket-manage-connections-${slug}`, {
        role: member(variableName("fnRole", slug), "name"),
        policy: call("pulumi.jsonStringify", {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "execute-api:ManageConnections", Resource: resources }],
        }),
      }),
    };
  });
}
