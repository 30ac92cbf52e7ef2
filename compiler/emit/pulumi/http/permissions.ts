/**
 * Lambda permissions of an HTTP API: API Gateway may invoke a function only through the routes of this API and
 * stage that use it, and, for a Lambda authorizer, only as an authorizer of this API.
 *
 * Every statement is an `aws.lambda.Permission` with principal `apigateway.amazonaws.com`, action
 * `lambda:InvokeFunction` and a `sourceArn` (checkov CKV_AWS_364; cfn-nag F13, W24), planned by
 * ../invoke-policy.ts as for REST APIs (one statement per route, folded only past Lambda's 20 KB policy limit):
 * - a route: `{api.executionArn}/{stage}/{METHOD or *}/{path with every variable as *}`, where the stage is the
 *   stage's name (`$default` included: it is the stage segment of that stage's execute-api ARNs, which
 *   `Stage.executionArn` also ends with);
 * - an authorizer: `{api.executionArn}/authorizers/*`. API Gateway gives an imported authorizer its id at import,
 *   and HTTP APIs have no data source that reads it back by name (REST APIs have `getAuthorizers`), so the
 *   statement admits the authorizers of this API, all of which the spec declares: one per function.
 * Resource names: the routes' own from model/names.ts, `perm-<function>-authorizers`, and the folded patterns'.
 */
import type { FunctionRef, ProgramContext, Section, Statement } from "../context.js";
import { required } from "../context.js";
import { planFunctionPolicies } from "../invoke-policy.js";
import { permission } from "../permissions.js";
import { call, member } from "../ts.js";

/** Permissions for every Lambda route and every Lambda authorizer a route uses. */
export function httpPermissionsSection(ctx: ProgramContext, functions: ReadonlyMap<string, FunctionRef>): Section {
  const statements: Statement[] = [];
  const executionArn = member("api", "executionArn");
  for (const policy of planFunctionPolicies(ctx.model, ctx.names)) {
    const fn = required(functions, "function", policy.function);
    let comment = policy.folded === undefined ? undefined : "Routes folded to fit Lambda's 20 KB policy limit (lambda-policy-folded).";
    for (const statement of policy.statements) {
      if (statement.kind !== "route") continue;
      statements.push(permission(statement.name, fn, call("pulumi.concat", executionArn, "/", member("apiStage", "name"), statement.suffix), comment));
      comment = undefined;
    }
    if (policy.statements.some((s) => s.kind === "authorizer")) {
      const sourceArn = call("pulumi.concat", executionArn, "/authorizers/*");
      const note = "Authorizer ids are given at import and cannot be read back: any authorizer of this API.";
      statements.push(permission(ctx.names.authorizerPermissionResource(policy.function), fn, sourceArn, note));
    }
  }
  return { title: "Lambda permissions", statements };
}
