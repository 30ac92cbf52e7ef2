/**
 * The stage table of the program. One Pulumi stack deploys one stage, named after the stack; its settings come
 * from `x-gateway.stages` by that name. A stack whose name the spec does not list gets secure defaults: throttling
 * at 100 requests per second (burst 50), execution logging of errors, logs kept 365 days, X-Ray tracing and
 * detailed metrics on, payload logging and caching off.
 *
 * Each stage's settings are built by a function, so the config keys of other stages' variables are not read.
 */
import type { Stage } from "../../model/types.js";
import type { ProgramContext, Section } from "./context.js";
import { valueExpr } from "./context.js";
import { Entries, raw, render, type Fields } from "./ts.js";
import { byKey } from "../../order.js";

/** Settings of a stack whose name is not a stage of the spec. */
export const SECURE_DEFAULTS = {
  throttle: { rate: 100, burst: 50 },
  logging: { level: "ERROR", retentionDays: 365, dataTrace: false },
  tracing: true,
  metrics: true,
} as const;

/** The declaration of the `StageSettings` interface the table is typed with (fixed program text). */
export const STAGE_SETTINGS_INTERFACE = `/** Settings of the stage a stack deploys (x-gateway.stages). */
interface StageSettings {
  readonly description?: string;
  /** Requests per second and burst size. */
  readonly throttle: { readonly rate: number; readonly burst: number };
  /** Execution logging level, log retention in days, full request/response logging. */
  readonly logging: { readonly level: "OFF" | "ERROR" | "INFO"; readonly retentionDays: number; readonly dataTrace: boolean };
  readonly tracing: boolean;
  readonly metrics: boolean;
  /** Cache cluster size in GB and time to live in seconds; no cache when absent. */
  readonly cache?: { readonly size: string; readonly ttl: number };
  readonly variables: Record<string, pulumi.Input<string>>;
}`;

/** `stage`'s throttle (requests per second, burst), the secure default for what it leaves out; every API kind. */
export function stageThrottle(stage: Stage): { readonly rate: number; readonly burst: number } {
  return {
    rate: stage.throttle?.rate ?? SECURE_DEFAULTS.throttle.rate,
    burst: stage.throttle?.burst ?? SECURE_DEFAULTS.throttle.burst,
  };
}

/** `stage`'s variables as program expressions, sorted by name; every API kind. */
export function stageVariables(ctx: ProgramContext, stage: Stage): Entries {
  return new Entries(Object.entries(stage.variables).sort(byKey).map(([name, value]) => [name, valueExpr(ctx, value)] as const));
}

function stageFields(ctx: ProgramContext, stage: Stage): Fields {
  return {
    description: stage.description,
    throttle: stageThrottle(stage),
    logging: {
      level: stage.logging.level.toUpperCase(),
      retentionDays: stage.logging.retentionDays,
      dataTrace: stage.logging.dataTrace,
    },
    tracing: stage.tracing,
    metrics: stage.metrics,
    cache: stage.cache === undefined ? undefined : { size: stage.cache.size, ttl: stage.cache.ttl },
    variables: stageVariables(ctx, stage),
  };
}

/** `secureDefaults`, the `stageSettings` table and `settings`, the settings of this stack's stage. */
export function stageSettingsSection(ctx: ProgramContext): Section {
  const table = ctx.model.stages.map((stage) => [stage.name, raw(`() => (${render(stageFields(ctx, stage))})`)]);
  return {
    title: "Stage settings",
    statements: [
      {
        comment: "A stack whose name is not a stage of the spec gets these secure defaults.",
        declare: { name: "secureDefaults", type: "StageSettings" },
        expr: { ...SECURE_DEFAULTS, variables: {} },
      },
      {
        declare: { name: "stageSettings" },
        expr: raw(`new Map<string, () => StageSettings>(${render(table)})`),
      },
      {
        comment: "The stage is the stack: `pulumi stack init prod` deploys the stage prod.",
        declare: { name: "settings", type: "StageSettings" },
        expr: raw("stageSettings.get(stack)?.() ?? secureDefaults"),
      },
    ],
  };
}
