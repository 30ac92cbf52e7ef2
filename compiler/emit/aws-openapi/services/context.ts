/**
 * What a service planner reads: the model (for schemas), the operation and its AWS-service integration, with the
 * integration's target and settings in the forms the planners use.
 */
import type { GatewayModel, Integration, Operation, Value } from "../../../model/types.js";
import { parseSourceText } from "../../../model/sources.js";
import type { SettingText } from "../sources.js";

/** An AWS-service integration. */
export type AwsIntegration = Extract<Integration, { kind: "aws" }>;

/** The planner's view of one integration. */
export interface ServiceContext {
  readonly model: GatewayModel;
  readonly op: Operation;
  readonly integration: AwsIntegration;
  /** The resource the action applies to (table, queue, topic, bus, stream, bucket). */
  readonly resource: Value;
}

/**
 * A setting string as a literal or a source expression. A source expression that does not parse, which
 * validation reports (integration-source-invalid), is read as literal text.
 */
export function asSettingText(raw: string): SettingText {
  const parsed = parseSourceText(raw);
  return parsed.kind === "invalid" ? { kind: "literal", text: raw } : parsed;
}

/**
 * The setting `name` of the integration (`key`, `partitionKey`, `source`, …) as a literal or a source expression
 * (see {@link asSettingText}); undefined when the setting is absent or not a string.
 */
export function settingText(ctx: ServiceContext, name: string): SettingText | undefined {
  const raw = ctx.integration.settings[name];
  return typeof raw === "string" ? asSettingText(raw) : undefined;
}
