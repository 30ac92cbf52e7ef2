/**
 * API Gateway's CloudWatch Logs role: execution logging (`loggingLevel` ERROR or INFO) and access logs to CloudWatch
 * need the account's `cloudwatchRoleArn`, one setting per account and Region (`aws.apigateway.Account`) shared by
 * every REST and WebSocket API there (security.md §1.3). Stacks that each set it overwrite one another, and with
 * `@pulumi/aws` 7 destroying an `Account` resets the setting, which cuts the logs of every other API.
 *
 * So the program sets it only when the stack's config asks (`createAccountLogRole: true`, on one stack per account
 * and Region): then it creates a role trusted by `apigateway.amazonaws.com` with the AWS managed policy
 * AmazonAPIGatewayPushToCloudWatchLogs, points the account at it, and the stage and its method settings wait for
 * it. All three are kept on `pulumi destroy` (`retainOnDelete`), since other APIs may log through them.
 * Resource names: `apigateway-cloudwatch-logs` (role and policy attachment), `apigateway-account`.
 */
import type { Section } from "./context.js";
import { member, raw, render, resource } from "./ts.js";
import { APIGATEWAY_ASSUME_ROLE } from "./roles.js";

/** The optional boolean config key that makes the program set the account's CloudWatch Logs role. */
export const ACCOUNT_LOG_ROLE_KEY = "createAccountLogRole";

/** The program variable holding the `aws.apigateway.Account` (undefined when the stack does not set it). */
export const ACCOUNT_VARIABLE = "apiGatewayAccount";

/** Logical name of the role and of its policy attachment. */
const ROLE_NAME = "apigateway-cloudwatch-logs";

/** `createAccountLogRole`, the role, its managed policy and the account setting, each created only when asked. */
export function accountSection(): Section {
  const retain = { retainOnDelete: true };
  const role = resource("aws.iam.Role", ROLE_NAME, { assumeRolePolicy: APIGATEWAY_ASSUME_ROLE }, retain);
  const attachment = resource(
    "aws.iam.RolePolicyAttachment",
    ROLE_NAME,
    {
      role: member("accountLogRole", "name"),
      policyArn: raw("aws.iam.ManagedPolicy.AmazonAPIGatewayPushToCloudWatchLogs"),
    },
    retain,
  );
  const account = resource(
    "aws.apigateway.Account",
    "apigateway-account",
    { cloudwatchRoleArn: member("accountLogRole", "arn") },
    { dependsOn: raw("accountLogRolePolicy"), ...retain },
  );
  return {
    title: "API Gateway account: CloudWatch Logs role",
    statements: [
      {
        comment:
          "One setting per account and Region, shared by every API there: set it from one stack only (README.md).",
        declare: { name: "createAccountLogRole" },
        expr: raw(`config.getBoolean(${JSON.stringify(ACCOUNT_LOG_ROLE_KEY)}) ?? false`),
      },
      { declare: { name: "accountLogRole" }, expr: raw(`createAccountLogRole ? ${render(role)} : undefined`) },
      { declare: { name: "accountLogRolePolicy" }, expr: raw(`accountLogRole && ${render(attachment)}`) },
      { declare: { name: ACCOUNT_VARIABLE }, expr: raw(`accountLogRole && ${render(account)}`) },
    ],
  };
}
