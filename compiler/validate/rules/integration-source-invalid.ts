/**
 * The settings of AWS-service integrations that read the request (`s3.key`, `kinesis.partitionKey`,
 * `eventbridge.source` and `detailType`, each attribute of `dynamodb.key`) name sources Portico can read.
 *
 * A setting written as a source expression (`$request.…`, `$context.…`, `$stageVariables.…`, docs/x-gateway.md
 * "Mappings") must parse, and a `$request.path|query|header.x` must be a parameter the operation declares: API
 * Gateway maps only declared method request parameters (developer guide, "Parameter mapping for REST APIs"; the
 * import fails on an undeclared one), and a template reading an undeclared one reads nothing.
 */
import { child } from "../../model/lower/read.js";
import { parseSourceText } from "../../model/sources.js";
import type { Integration, Operation, Origin } from "../../model/types.js";
import { reportOnce, type Rule } from "../rule.js";

/** The settings of each shorthand that are literal text or a source expression. */
const SETTINGS: Readonly<Record<string, readonly string[]>> = {
  s3: ["key"],
  kinesis: ["partitionKey"],
  eventbridge: ["source", "detailType"],
};

/** Each `[name, value, origin]` setting of `integration` that may be a source expression. */
function sourceSettings(integration: Extract<Integration, { kind: "aws" }>): [string, string, Origin][] {
  const found: [string, string, Origin][] = [];
  for (const name of SETTINGS[integration.shorthand] ?? []) {
    const value = integration.settings[name];
    if (typeof value === "string") found.push([name, value, child(integration.origin, name)]);
  }
  const key = integration.shorthand === "dynamodb" ? integration.settings["key"] : undefined;
  if (typeof key === "object" && key !== null && !Array.isArray(key)) {
    for (const [attribute, value] of Object.entries(key as Record<string, unknown>)) {
      if (typeof value === "string") found.push([`key ${attribute}`, value, child(integration.origin, "key", attribute)]);
    }
  }
  return found;
}

/** Why `op` cannot give the source `text`, or undefined when it can (or `text` is a literal). */
function problem(op: Operation, text: string): string | undefined {
  const parsed = parseSourceText(text);
  if (parsed.kind === "invalid") return parsed.reason;
  if (parsed.kind !== "source" || parsed.source.kind !== "parameter") return undefined;
  const { in: location, name } = parsed.source;
  // Written as declared: API Gateway matches mapped parameter names, headers included, as they are spelt.
  const declared = op.parameters.some((p) => p.in === location && p.name === name);
  return declared ? undefined : `the operation declares no ${location} parameter ${name} (names are matched as written)`;
}

/** Checks the AWS-service integrations of REST operations, at the setting's value. */
export const integrationSourceInvalid: Rule = {
  name: "integration-source-invalid",
  codes: ["integration-source-invalid"],
  check(model, report) {
    if (model.kind !== "rest") return;
    const once = reportOnce(report);
    for (const op of model.operations) {
      const integration = op.integration;
      if (integration?.kind !== "aws") continue;
      for (const [setting, value, origin] of sourceSettings(integration)) {
        const reason = problem(op, value);
        if (reason !== undefined) once({ code: "integration-source-invalid", args: { setting, value, reason }, origin });
      }
    }
  },
};
