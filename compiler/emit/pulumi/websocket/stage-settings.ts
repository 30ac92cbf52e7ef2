/**
 * The stage table of the WebSocket API. Its stage is named after the stack, as the REST API's is, whichever API
 * serves `paths` (a WebSocket stage cannot be called `$default`); its settings come from `x-gateway.stages` by that
 * name, else the secure defaults of ../stage-settings.ts (100 requests per second, burst 50; execution logging of
 * errors; logs kept 365 days; detailed metrics on; payload logging off). Each stage's settings are built by a
 * function, so the config keys of other stages' variables are not read.
 */
import type { Stage } from "../../../model/types.js";
import type { ProgramContext, Section } from "../context.js";
import { SECURE_DEFAULTS, stageThrottle, stageVariables } from "../stage-settings.js";
import { raw, render, type Fields } from "../ts.js";
import { WS } from "./names.js";

/** The declaration of the `WebSocketStageSettings` interface (fixed program text). */
export const WEBSOCKET_STAGE_SETTINGS_INTERFACE = `/** Settings of the WebSocket API's stage a stack deploys (x-gateway.stages). */
interface WebSocketStageSettings {
  readonly description?: string;
  /** Messages per second and burst size of every route. */
  readonly throttle: { readonly rate: number; readonly burst: number };
  /** Execution logging level, log retention in days, full message logging. */
  readonly logging: { readonly level: "OFF" | "ERROR" | "INFO"; readonly retentionDays: number; readonly dataTrace: boolean };
  /** Detailed per-route CloudWatch metrics. */
  readonly metrics: boolean;
  readonly variables: Record<string, pulumi.Input<string>>;
}`;

function stageFields(ctx: ProgramContext, stage: Stage): Fields {
  return {
    description: stage.description,
    throttle: stageThrottle(stage),
    logging: {
      level: stage.logging.level.toUpperCase(),
      retentionDays: stage.logging.retentionDays,
      dataTrace: stage.logging.dataTrace,
    },
    metrics: stage.metrics,
    variables: stageVariables(ctx, stage),
  };
}

/** `websocketSettings`: the settings of this stack's WebSocket stage. */
export function websocketStageSettingsSection(ctx: ProgramContext): Section {
  const table = ctx.model.stages.map((stage) => [stage.name, raw(`() => (${render(stageFields(ctx, stage))})`)]);
  const defaults = {
    throttle: SECURE_DEFAULTS.throttle,
    logging: SECURE_DEFAULTS.logging,
    metrics: SECURE_DEFAULTS.metrics,
    variables: {},
  };
  return {
    title: "WebSocket API: stage settings",
    statements: [
      {
        declare: { name: "websocketStageSettings" },
        expr: raw(`new Map<string, () => WebSocketStageSettings>(${render(table)})`),
      },
      {
        comment: "The stage is the stack; a stack that is no stage of the spec gets secure defaults.",
        declare: { name: WS.settings, type: "WebSocketStageSettings" },
        expr: raw(`websocketStageSettings.get(stack)?.() ?? ${render(defaults)}`),
      },
    ],
  };
}
