/**
 * Assembles `pulumi/index.ts` for an HTTP model: imports, then the sections in dependency order (config, stage
 * settings, functions, roles of AWS-service integrations, API and stage, permissions, custom domain, and the
 * WebSocket API when the spec has one, with the account's CloudWatch Logs role its execution logs need), the stack
 * outputs, and the fixed helpers that fill the import document's placeholders in and complete resource names into
 * ARNs. Shares the config, functions, body and printing with the REST
 * program (../program.ts); every spec string reaches the code through the escape-by-default builder in ../ts.ts.
 */
import type { Placeholder } from "../../placeholders.js";
import type { ProgramContext, Section } from "../context.js";
import { functionsSection } from "../functions.js";
import { accountSection } from "../account.js";
import { configSection, helpers, importsOf, printProgram, sectionStatements, websocketStatements, type ProgramStatement } from "../program.js";
import { raw } from "../ts.js";
import { httpApiSection } from "./api.js";
import { httpDomainOutputs, httpDomainSection } from "./domain.js";
import { httpPermissionsSection } from "./permissions.js";
import { httpRolesSection } from "./roles.js";
import { HTTP_STAGE_SETTINGS_INTERFACE, httpStageSettingsSection } from "./stage-settings.js";
import { websocketOutputs, websocketUsesResourceArn } from "../websocket/index.js";

/**
 * The API's id and endpoint (`https://{id}.execute-api.{region}.amazonaws.com`), the stage's name and URL (the
 * endpoint itself for `$default`, `{endpoint}/{stage}/` else), and the custom domain's (./domain.ts).
 */
function outputsSection(ctx: ProgramContext): Section {
  return {
    title: "Stack outputs",
    statements: [
      { declare: { name: "apiId", exported: true }, expr: raw("api.id") },
      { declare: { name: "apiEndpoint", exported: true }, expr: raw("api.apiEndpoint") },
      { declare: { name: "stageName", exported: true }, expr: raw("apiStage.name") },
      { declare: { name: "invokeUrl", exported: true }, expr: raw("apiStage.invokeUrl") },
      ...httpDomainOutputs(ctx),
    ],
  };
}

/** The text of `pulumi/index.ts` of an HTTP model; `placeholders` are those of the import document. */
export function httpProgramText(ctx: ProgramContext, placeholders: readonly Placeholder[]): string {
  const functions = functionsSection(ctx);
  const roles = httpRolesSection(ctx);
  // A WebSocket API beside it has execution logs, which need the account's CloudWatch Logs role, and a
  // deployment whose triggers are hashes.
  const websocket = ctx.model.websocket !== undefined;
  const statements: ProgramStatement[] = [
    ...importsOf(websocket ? ["crypto", "fs", "path"] : ["fs", "path"]),
    ...sectionStatements(configSection(ctx)),
    `\n${HTTP_STAGE_SETTINGS_INTERFACE}`,
    ...sectionStatements(httpStageSettingsSection(ctx)),
    ...sectionStatements(functions.section),
    ...sectionStatements(roles.section),
    ...(websocket ? sectionStatements(accountSection()) : []),
    ...sectionStatements(httpApiSection(ctx, placeholders, functions.refs, roles.roles)),
    ...sectionStatements(httpPermissionsSection(ctx, functions.refs)),
    ...sectionStatements(httpDomainSection(ctx)),
    ...websocketStatements(ctx, functions.refs),
    ...[outputsSection(ctx), websocketOutputs(ctx)].flatMap(sectionStatements),
    ...helpers(roles.usesHelper || websocketUsesResourceArn(ctx)),
  ];
  return printProgram(statements);
}
