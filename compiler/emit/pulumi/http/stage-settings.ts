/**
 * The stage table of an HTTP API program, and the stage a stack deploys.
 *
 * A stack named after a stage of `x-gateway.stages` deploys that stage, under its name
 * (`https://{id}.execute-api.{region}.amazonaws.com/{stage}/…`). Any other stack deploys the `$default` stage,
 * which API Gateway serves at the API's root, with no stage segment in its URL: with the settings of the spec's
 * `$default` stage when it lists one, else with secure defaults (throttling at 100 requests per second, burst 50;
 * logs kept 365 days; detailed metrics on). So a spec without stages deploys `$default` from any stack, and a spec
 * with stages deploys each from the stack of the same name (Developer Guide, "Working with stages for HTTP APIs",
 * http-api-stages.html). Each stage's settings are built by a function, so the config keys of other stages'
 * variables are not read.
 *
 * HTTP APIs have no execution logging, X-Ray or caching: their settings are the throttle, log retention, detailed
 * metrics and stage variables.
 */
import type { Stage } from "../../../model/types.js";
import type { ProgramContext, Section } from "../context.js";
import { SECURE_DEFAULTS, stageThrottle, stageVariables } from "../stage-settings.js";
import { raw, render, type Fields } from "../ts.js";

/** The name of the stage HTTP APIs serve at their root. */
export const DEFAULT_STAGE = "$default";

/** The program variable that holds the name of the stage this stack deploys. */
export const STAGE_VARIABLE = "stage";

/** The declaration of the `StageSettings` interface the table is typed with (fixed program text). */
export const HTTP_STAGE_SETTINGS_INTERFACE = `/** Settings of the stage a stack deploys (x-gateway.stages). */
interface StageSettings {
  readonly description?: string;
  /** Requests per second and burst size of every route that has none of its own. */
  readonly throttle: { readonly rate: number; readonly burst: number };
  /** Days the access logs and the functions' logs are kept. */
  readonly logging: { readonly retentionDays: number };
  /** Detailed per-route CloudWatch metrics. */
  readonly metrics: boolean;
  readonly variables: Record<string, pulumi.Input<string>>;
}`;

function stageFields(ctx: ProgramContext, stage: Stage): Fields {
  return {
    description: stage.description,
    throttle: stageThrottle(stage),
    logging: { retentionDays: stage.logging.retentionDays },
    metrics: stage.metrics,
    variables: stageVariables(ctx, stage),
  };
}

/** `secureDefaults`, the `stageSettings` table, `stage` (the name of this stack's stage) and `settings` (its settings). */
export function httpStageSettingsSection(ctx: ProgramContext): Section {
  const table = ctx.model.stages.map((stage) => [stage.name, raw(`() => (${render(stageFields(ctx, stage))})`)]);
  const defaults = {
    throttle: SECURE_DEFAULTS.throttle,
    logging: { retentionDays: SECURE_DEFAULTS.logging.retentionDays },
    metrics: SECURE_DEFAULTS.metrics,
    variables: {},
  };
  return {
    title: "Stage settings",
    statements: [
      {
        comment: "The $default stage of a spec that does not list one gets these secure defaults.",
        declare: { name: "secureDefaults", type: "StageSettings" },
        expr: defaults,
      },
      {
        declare: { name: "stageSettings" },
        expr: raw(`new Map<string, () => StageSettings>(${render(table)})`),
      },
      {
        comment: "`pulumi stack init prod` deploys the spec's stage prod; a stack that is no stage of the spec deploys $default.",
        declare: { name: STAGE_VARIABLE },
        expr: raw(`stageSettings.has(stack) ? stack : ${JSON.stringify(DEFAULT_STAGE)}`),
      },
      {
        declare: { name: "settings", type: "StageSettings" },
        expr: raw(`stageSettings.get(${STAGE_VARIABLE})?.() ?? secureDefaults`),
      },
    ],
  };
}
