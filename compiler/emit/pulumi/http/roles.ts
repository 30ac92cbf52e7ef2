/**
 * IAM roles API Gateway assumes for the AWS-service integrations (integration subtypes) of an HTTP API: one per
 * operation, trusted by `apigateway.amazonaws.com`, allowed exactly the subtype's action on the integration's
 * resource (the queue, stream, event bus or state machine the spec names, completed into an ARN at deploy time when
 * written as a name or config key), built as for REST APIs (../roles.ts). `StepFunctions-StopExecution` acts on
 * executions, so its role is allowed the executions of the state machine (`…:execution:{machine}:*`). Integrations
 * that name their own `role` get none. Resource names: `integration-<operation>` for the role and its policy.
 */
import type { Operation } from "../../../model/types.js";
import { directOperations } from "../../aws-openapi/document.js";
import { subtypeCall } from "../../aws-openapi/http/subtypes.js";
import type { ProgramContext, Section, Statement } from "../context.js";
import { integrationRole, resourceExpr } from "../roles.js";
import { raw, render, type Expr, type Raw } from "../ts.js";

/** The executions of the state machine whose ARN `machine` is (an ARN text, or an expression of one). */
function executionsOf(machine: Expr): Expr {
  if (typeof machine === "string") return `${machine.replace(":stateMachine:", ":execution:")}:*`;
  return raw(`${render(machine)}.apply((arn) => arn.replace(":stateMachine:", ":execution:") + ":*")`);
}

/** The roles section; the ARN of each role by operation slug; whether the `resourceArn` helper is used. */
export function httpRolesSection(ctx: ProgramContext): { section: Section; roles: ReadonlyMap<string, Raw>; usesHelper: boolean } {
  const statements: Statement[] = [];
  const roles = new Map<string, Raw>();
  let usesHelper = false;
  const operations: readonly Operation[] = directOperations(ctx.model);
  for (const op of operations) {
    const call = op.integration === undefined ? undefined : subtypeCall(op.integration);
    // Without a resource the build reports http-subtype-parameter-missing and writes nothing.
    if (call === undefined || call.role !== undefined || call.resource === undefined) continue;
    const action = call.subtype.action;
    const target = resourceExpr(ctx, { action, service: action.slice(0, action.indexOf(":")), resource: call.resource });
    usesHelper ||= target.helper;
    const role = integrationRole(ctx, op, action, action === "states:StopExecution" ? executionsOf(target.expr) : target.expr);
    statements.push(...role.statements);
    roles.set(ctx.names.operationSlug(op), role.arn);
  }
  return { section: { title: "Roles of AWS-service integrations", statements }, roles, usesHelper };
}
