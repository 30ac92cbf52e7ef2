/**
 * IAM roles API Gateway assumes for AWS-service integrations (Step Functions, DynamoDB, SQS, …): one role per
 * operation, trusted by `apigateway.amazonaws.com` and allowed exactly the integration's action on its resource
 * (e.g. `states:StartExecution` on the state machine). Integrations that name their own `role` get none.
 * Resource names: `integration-<operation>` for the role and its inline policy.
 */
import { variableName } from "../../model/names.js";
import type { Integration, Operation, Value } from "../../model/types.js";
import { directOperations } from "../aws-openapi/document.js";
import type { ProgramContext, Section, Statement } from "./context.js";
import { valueExpr } from "./context.js";
import { call, member, resource, type Expr, type Raw } from "./ts.js";

/** The trust policy of a role API Gateway assumes (fixed text). */
export const APIGATEWAY_ASSUME_ROLE = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/** Name of the generated helper that completes a resource name into an ARN (see program.ts). */
export const RESOURCE_ARN_HELPER = "resourceArn";

/** What a generated role may do: `action` (`service:Action`) on `resource` (a Value completed into an ARN). */
export interface Grant {
  readonly action: string;
  readonly service: string;
  readonly resource?: Value;
}

/** The action and resource an integration needs, or undefined when it needs no generated role. */
export function grantOf(integration: Integration | undefined): Grant | undefined {
  if (integration?.kind === "stepfunctions") {
    const action = integration.mode === "sync" ? "StartSyncExecution" : "StartExecution";
    return { action: `states:${action}`, service: "states", resource: integration.stateMachine };
  }
  if (integration?.kind === "aws" && integration.role === undefined) {
    return {
      action: `${integration.service}:${integration.action}`,
      service: integration.service,
      ...(integration.resource === undefined ? {} : { resource: integration.resource }),
    };
  }
  return undefined;
}

/**
 * The policy's `Resource`: an ARN written in the spec as is (a bucket's with `/*`: S3 actions apply to its
 * objects), anything else completed at deploy time, `*` if none.
 */
export function resourceExpr(ctx: ProgramContext, grant: Grant): { expr: Expr; helper: boolean } {
  const value = grant.resource;
  if (value === undefined) return { expr: "*", helper: false };
  if (value.kind === "literal" && String(value.value).startsWith("arn:")) {
    const arn = String(value.value);
    return { expr: grant.service === "s3" && /^arn:[^:]+:s3:::[^/]+$/.test(arn) ? `${arn}/*` : arn, helper: false };
  }
  return { expr: call(RESOURCE_ARN_HELPER, grant.service, valueExpr(ctx, value)), helper: true };
}

/** The roles section; the ARN of each role by operation slug; whether the `resourceArn` helper is used. */
export function rolesSection(ctx: ProgramContext): { section: Section; roles: ReadonlyMap<string, Raw>; usesHelper: boolean } {
  const statements: Statement[] = [];
  const roles = new Map<string, Raw>();
  let usesHelper = false;
  const operations: readonly Operation[] = directOperations(ctx.model);
  for (const op of operations) {
    const grant = grantOf(op.integration);
    if (grant === undefined) continue;
    const target = resourceExpr(ctx, grant);
    usesHelper ||= target.helper;
    const role = integrationRole(ctx, op, grant.action, target.expr);
    statements.push(...role.statements);
    roles.set(ctx.names.operationSlug(op), role.arn);
  }
  return { section: { title: "Roles of AWS-service integrations", statements }, roles, usesHelper };
}

/**
 * The role API Gateway assumes for the integration of `op` (trusted by `apigateway.amazonaws.com`) and its inline
 * policy, which allows `action` on `target` and nothing else; and the role's ARN.
 */
export function integrationRole(ctx: ProgramContext, op: Operation, action: string, target: Expr): { statements: Statement[]; arn: Raw } {
  return apigatewayRole(ctx.names.integrationRoleResource(op), variableName("integrationRole", ctx.names.operationSlug(op)), action, target);
}

/**
 * A role API Gateway assumes (resource name `name`, held by the variable `role`) and its inline policy, which allows
 * `action` on `target` and nothing else; and the role's ARN.
 */
export function apigatewayRole(name: string, role: string, action: string, target: Expr): { statements: Statement[]; arn: Raw } {
  const statements: Statement[] = [
    {
      comment: "Role API Gateway assumes to call the service, allowed exactly this action on this resource.",
      declare: { name: role },
      expr: resource("aws.iam.Role", name, { assumeRolePolicy: APIGATEWAY_ASSUME_ROLE }),
    },
    {
      expr: resource("aws.iam.RolePolicy", name, {
        role: member(role, "id"),
        policy: call("pulumi.jsonStringify", {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: action, Resource: target }],
        }),
      }),
    },
  ];
  return { statements, arn: member(role, "arn") };
}
