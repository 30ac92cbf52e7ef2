/**
 * The WebSocket API of `x-gateway.websocket`, as sections of the program that also deploys the REST or HTTP API
 * (../program.ts, ../http/program.ts); each API has its own stage. In dependency order: the stage settings, the Api
 * (./api.ts), models, the `$connect` authorizer, integrations and routes (./models.ts, ./routes.ts,
 * ./integrations.ts), the deployment and stage (./api.ts), the usage plans of API keys on `$connect`
 * (./usage-plans.ts), Lambda permissions (./permissions.ts), the
 * `@connections` policies (./manage-connections.ts), the custom domain (./domain.ts), and the stack outputs.
 * Routes whose integration is not deployed yet are left out (./gaps.ts reports them). Every section is empty
 * without a WebSocket API.
 */
import type { FunctionRef, ProgramContext, Section, Statement } from "../context.js";
import { required } from "../context.js";
import { call, member, raw } from "../ts.js";
import { apiStatements, stageStatements } from "./api.js";
import { domainOutputs, domainStatements } from "./domain.js";
import { integrationStatements, isDeployed, websocketUsesResourceArn } from "./integrations.js";
import { manageConnectionsStatements } from "./manage-connections.js";
import { planMessageModels } from "./models.js";
import { routeNames, WS } from "./names.js";
import { permissionStatements } from "./permissions.js";
import { authorizerStatements, modelStatements, routeStatements } from "./routes.js";
import { Snapshot } from "./snapshot.js";
import { usagePlanStatements } from "./usage-plans.js";
import { WEBSOCKET_STAGE_SETTINGS_INTERFACE, websocketStageSettingsSection } from "./stage-settings.js";

export { WEBSOCKET_STAGE_SETTINGS_INTERFACE, websocketUsesResourceArn };

/** The sections of the WebSocket API, in program order; none without one. */
export function websocketSections(ctx: ProgramContext, functions: ReadonlyMap<string, FunctionRef>): Section[] {
  const ws = ctx.model.websocket;
  if (ws === undefined) return [];
  const names = routeNames(ws);
  const models = planMessageModels(ctx.model);
  const snapshot = new Snapshot();
  const routes = ws.routes.filter((r) => r.integration === undefined || isDeployed(r.integration));
  const resources: Statement[] = [
    ...modelStatements(models, snapshot),
    ...authorizerStatements(ctx, functions, snapshot),
  ];
  const waitFor: string[] = [];
  for (const route of routes) {
    const routeName = required(names, "route", route.key);
    const integration = route.integration;
    if (isDeployed(integration)) {
      const emitted = integrationStatements(ctx, { ...route, integration }, routeName, functions, snapshot);
      resources.push(...emitted.statements);
      if (emitted.integrationResponse !== undefined) waitFor.push(emitted.integrationResponse);
    }
    const emitted = routeStatements(ctx, route, routeName, models, integration !== undefined, snapshot);
    resources.push(...emitted.statements);
    waitFor.push(...emitted.variables);
  }
  return [
    websocketStageSettingsSection(ctx),
    { title: "WebSocket API", statements: apiStatements(ctx) },
    { title: "WebSocket API: models, authorizer, integrations and routes", statements: resources },
    { title: "WebSocket API: deployment and stage", statements: stageStatements(ctx, snapshot, waitFor) },
    { title: "WebSocket API: usage plans of the API keys on $connect", statements: usagePlanStatements(ctx) },
    { title: "WebSocket API: Lambda permissions", statements: permissionStatements(ctx, routes, names, functions) },
    { title: "WebSocket API: @connections for the functions that push", statements: manageConnectionsStatements(ctx) },
    { title: "WebSocket API: custom domain", statements: domainStatements(ctx) },
  ];
}

/**
 * The WebSocket API's stack outputs: `websocketApiId`, `websocketUrl` (`wss://{id}.execute-api.{region}.amazonaws.com/{stage}`),
 * `websocketManagementEndpoint` (`https://…/{stage}`, the `@connections` endpoint of the functions that push) and
 * the custom domain's; none without a WebSocket API.
 */
export function websocketOutputs(ctx: ProgramContext): Section {
  if (ctx.model.websocket === undefined) return { title: "WebSocket API: stack outputs", statements: [] };
  return {
    title: "WebSocket API: stack outputs",
    statements: [
      { declare: { name: "websocketApiId", exported: true }, expr: member(WS.api, "id") },
      { declare: { name: "websocketUrl", exported: true }, expr: member(WS.stage, "invokeUrl") },
      {
        declare: { name: "websocketManagementEndpoint", exported: true },
        expr: call(
          "pulumi.concat",
          "https://",
          member(WS.api, "id"),
          ".execute-api.",
          raw(WS.region),
          ".",
          member(WS.partition, "dnsSuffix"),
          "/",
          raw("stack"),
        ),
      },
      ...domainOutputs(ctx),
    ],
  };
}
