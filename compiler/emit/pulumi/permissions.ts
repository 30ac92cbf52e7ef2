/**
 * Lambda permissions: API Gateway may invoke a function only through the routes of this API and stage that use
 * it, and, for a Lambda authorizer, only as that authorizer of this API.
 *
 * Every statement is an `aws.lambda.Permission` with principal `apigateway.amazonaws.com`, action
 * `lambda:InvokeFunction` and a `sourceArn` (checkov CKV_AWS_364; cfn-nag F13, W24), planned by ./invoke-policy.ts:
 * - a route: `{api.executionArn}/{stage}/{METHOD or *}/{path with every variable as *}`, or a folded pattern when
 *   the function's policy would pass Lambda's 20 KB limit;
 * - an authorizer: `{api.executionArn}/authorizers/{authorizerId}`. The ids exist only once the body is imported,
 *   so the program reads them back after the deployment (`aws.apigateway.getAuthorizersOutput`, then
 *   `aws.apigateway.getAuthorizer` per id) and picks each by the name the import gives it, the security scheme's
 *   name (../aws-openapi/security.ts). A body that changes an authorizer's id changes its permission.
 * Resource names: the routes' own from model/names.ts (`perm-pets-get-pets-pet-id`), `perm-<function>-authorizers`,
 * and, with `--` (never part of a slug), folded patterns (`perm-pets--under-pets`) and the authorizers of a function
 * that backs several (`perm-auth--authorizer-partners`).
 */
import type { FunctionRef, ProgramContext, Section, Statement } from "./context.js";
import { required } from "./context.js";
import { planFunctionPolicies } from "./invoke-policy.js";
import { call, member, raw, resource, type Expr } from "./ts.js";

/** The generated function that gives the id of the imported authorizer with a given name. */
const AUTHORIZER_ID = "authorizerId";

/** Reads the imported authorizers back, by name (fixed program text). */
const AUTHORIZER_IDS = `aws.apigateway
  .getAuthorizersOutput({ restApiId: api.id }, { dependsOn: [deployment] })
  .apply(async ({ restApiId, ids }) => {
    const authorizers = await Promise.all(ids.map((id) => aws.apigateway.getAuthorizer({ restApiId, authorizerId: id })));
    return Object.fromEntries(authorizers.map((authorizer) => [authorizer.name, authorizer.authorizerId]));
  })`;

/** The id of one imported authorizer, or a deploy-time error naming it (fixed program text). */
const AUTHORIZER_ID_FUNCTION = `(name: string): pulumi.Output<string> =>
  authorizerIds.apply((ids) => {
    const id: string | undefined = ids[name];
    if (id === undefined) throw new Error(\`The imported API has no authorizer named \${name}: build the spec again.\`);
    return id;
  })`;

/** One invoke permission for API Gateway (`apigateway.amazonaws.com`), scoped by `sourceArn`; REST and HTTP APIs. */
export function permission(name: string, fn: FunctionRef, sourceArn: Expr, comment?: string): Statement {
  return {
    ...(comment === undefined ? {} : { comment }),
    expr: resource("aws.lambda.Permission", name, {
      action: "lambda:InvokeFunction",
      function: fn.target,
      principal: "apigateway.amazonaws.com",
      sourceArn,
    }),
  };
}

/** Permissions for every Lambda route and every Lambda authorizer an operation uses. */
export function permissionsSection(ctx: ProgramContext, functions: ReadonlyMap<string, FunctionRef>): Section {
  const statements: Statement[] = [];
  const policies = planFunctionPolicies(ctx.model, ctx.names);
  if (policies.some((policy) => policy.statements.some((s) => s.kind === "authorizer"))) {
    statements.push(
      {
        comment: "Authorizer ids exist once the body is imported: read them back after the deployment, by name.",
        declare: { name: "authorizerIds" },
        expr: raw(AUTHORIZER_IDS),
      },
      { declare: { name: AUTHORIZER_ID }, expr: raw(AUTHORIZER_ID_FUNCTION) },
    );
  }
  for (const policy of policies) {
    const fn = required(functions, "function", policy.function);
    let comment = policy.folded === undefined ? undefined : "Routes folded to fit Lambda's 20 KB policy limit (lambda-policy-folded).";
    for (const statement of policy.statements) {
      const executionArn = member("api", "executionArn");
      const sourceArn =
        statement.kind === "route"
          ? // The stage is named after the stack: naming it directly lets the permission exist before the stage serves.
            call("pulumi.concat", executionArn, "/", raw("stack"), statement.suffix)
          : call("pulumi.concat", executionArn, "/authorizers/", call(AUTHORIZER_ID, statement.scheme));
      statements.push(permission(statement.name, fn, sourceArn, comment));
      comment = undefined;
    }
  }
  return { title: "Lambda permissions", statements };
}
