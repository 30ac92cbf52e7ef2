/**
 * Lambda functions of `x-gateway.functions`.
 *
 * A function with `code` is deployed: an execution role that Lambda assumes, the AWS-managed basic execution
 * policy (CloudWatch Logs), its own log group with the stage's retention, and the function from the code folder
 * next to the spec. A function with `arn` is referenced by that ARN and nothing is created for it.
 * Resource names: `fn-<function>` for each of the four resources (unique per resource type).
 */
import * as path from "node:path";
import type { LambdaFunction } from "../../model/types.js";
import { variableName } from "../../model/names.js";
import type { FunctionRef, ProgramContext, Section, Statement } from "./context.js";
import { valueExpr } from "./context.js";
import { call, Entries, member, raw, resource } from "./ts.js";
import { byKey } from "../../order.js";

/** The trust policy of a Lambda execution role (fixed text). */
export const LAMBDA_ASSUME_ROLE = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

function deployed(ctx: ProgramContext, fn: Extract<LambdaFunction, { kind: "code" }>): Statement[] {
  const slugText = ctx.names.functionSlug(fn.name);
  const name = ctx.names.functionResource(fn.name);
  const role = variableName("fnRole", slugText);
  const basic = variableName("fnBasicExecution", slugText);
  const logs = variableName("fnLogs", slugText);
  const environment = Object.entries(fn.environment)
    .sort(byKey)
    .map(([key, value]) => [key, valueExpr(ctx, value)] as const);
  const codePath = path.posix.join(ctx.specDirFromPulumi, fn.code);
  return [
    {
      comment: "Execution role, basic execution policy (CloudWatch Logs) and log group of the function.",
      declare: { name: role },
      expr: resource("aws.iam.Role", name, { assumeRolePolicy: LAMBDA_ASSUME_ROLE }),
    },
    {
      declare: { name: basic },
      expr: resource("aws.iam.RolePolicyAttachment", name, {
        role: member(role, "name"),
        policyArn: raw("aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole"),
      }),
    },
    {
      declare: { name: logs },
      expr: resource("aws.cloudwatch.LogGroup", name, { retentionInDays: raw("settings.logging.retentionDays") }),
    },
    {
      declare: { name: variableName("fn", slugText) },
      expr: resource(
        "aws.lambda.Function",
        name,
        {
          code: call("new pulumi.asset.FileArchive", call("path.join", raw("__dirname"), codePath)),
          handler: fn.handler,
          runtime: fn.runtime,
          memorySize: fn.memory,
          timeout: fn.timeout,
          architectures: [fn.architecture],
          role: member(role, "arn"),
          description: fn.description,
          environment: environment.length === 0 ? undefined : { variables: new Entries(environment) },
          loggingConfig: { logFormat: "Text", logGroup: member(logs, "name") },
        },
        { dependsOn: [raw(basic)] },
      ),
    },
  ];
}

/** The functions section, and how to refer to each function by name. */
export function functionsSection(ctx: ProgramContext): { section: Section; refs: ReadonlyMap<string, FunctionRef> } {
  const statements: Statement[] = [];
  const refs = new Map<string, FunctionRef>();
  for (const fn of ctx.model.functions) {
    if (fn.kind === "code") {
      const variable = variableName("fn", ctx.names.functionSlug(fn.name));
      statements.push(...deployed(ctx, fn));
      refs.set(fn.name, { arn: member(variable, "arn"), target: member(variable, "name") });
    } else {
      const arn = valueExpr(ctx, fn.arn);
      refs.set(fn.name, { arn, target: arn });
    }
  }
  return { section: { title: "Lambda functions", statements }, refs };
}
