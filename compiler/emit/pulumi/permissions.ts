/**
 * Lambda permissions: API Gateway may invoke a function only through the routes that use it, and, for a Lambda
 * authorizer, only as an authorizer of this API.
 *
 * One `aws.lambda.Permission` per function and route, principal `apigateway.amazonaws.com`, scoped by
 * `sourceArn` = `{api.executionArn}/{stage}/{METHOD or *}/{path with every {param} as *}` (checkov CKV_AWS_364).
 * Authorizers get `{api.executionArn}/authorizers/*`: the authorizer ids exist only after the body is imported,
 * so the permission cannot name the one authorizer.
 */
import type { HttpMethod } from "../../model/types.js";
import { directOperations } from "../aws-openapi/document.js";
import type { FunctionRef, ProgramContext, Section, Statement } from "./context.js";
import { required } from "./context.js";
import { call, member, resource, type Expr } from "./ts.js";

/** The part of an execute-api ARN after the stage: `/GET/pets/*` for GET /pets/{id}; ANY becomes `*`. */
export function routeArnSuffix(method: HttpMethod, path: string): string {
  const segments = path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => (s.includes("{") ? "*" : s));
  return `/${method === "ANY" ? "*" : method}/${segments.join("/")}`;
}

function permission(name: string, fn: FunctionRef, sourceArn: Expr, comment?: string): Statement {
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

/** Permissions for every Lambda route and every Lambda authorizer. */
export function permissionsSection(ctx: ProgramContext, functions: ReadonlyMap<string, FunctionRef>): Section {
  const statements: Statement[] = [];
  for (const op of directOperations(ctx.model)) {
    const integration = op.integration;
    if (integration?.kind !== "lambda") continue;
    const fn = required(functions, "function", integration.function);
    const sourceArn = call("pulumi.concat", member("api", "executionArn"), "/", member("apiStage", "stageName"), routeArnSuffix(op.method, op.path));
    statements.push(permission(ctx.names.permissionResource(integration.function, op.method, op.path), fn, sourceArn));
  }
  const authorizers = new Set<string>();
  for (const scheme of ctx.model.securitySchemes) {
    if (scheme.authorizer?.kind === "lambda") authorizers.add(scheme.authorizer.function);
  }
  for (const name of [...authorizers].sort()) {
    const sourceArn = call("pulumi.concat", member("api", "executionArn"), "/authorizers/*");
    const comment = "Authorizer ids exist only once the body is imported, so this covers the API's authorizers.";
    statements.push(permission(ctx.names.authorizerPermissionResource(name), required(functions, "function", name), sourceArn, comment));
  }
  return { title: "Lambda permissions", statements };
}
