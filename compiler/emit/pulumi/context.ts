/**
 * What the sections of the generated program share: the statement shape they return, and the context that tells
 * each section how to refer to what another one declared (config values, functions, integration roles).
 */
import type { ModelNames } from "../../model/names.js";
import type { GatewayModel, Value } from "../../model/types.js";
import { valueText } from "../placeholders.js";
import { readConfig, type ConfigTable } from "./config.js";
import type { Expr } from "./ts.js";

/** One top-level statement of the program. Comments are fixed program text, never spec text. */
export interface Statement {
  /** A `//` comment line above the statement. */
  readonly comment?: string;
  /** `const name = expr;` (exported when asked); without it the statement is `expr;`. */
  readonly declare?: { readonly name: string; readonly exported?: boolean; readonly type?: string };
  readonly expr: Expr;
}

/** A titled group of statements. */
export interface Section {
  readonly title: string;
  readonly statements: readonly Statement[];
}

/** How the program refers to one Lambda function of `x-gateway.functions`. */
export interface FunctionRef {
  /** The function's ARN (an Output of the deployed function, or the configured/literal ARN). */
  readonly arn: Expr;
  /** What `aws.lambda.Permission.function` takes: the deployed function's name, or the ARN. */
  readonly target: Expr;
}

/** Shared by every section of one program. */
export interface ProgramContext {
  readonly model: GatewayModel;
  readonly names: ModelNames;
  /** POSIX path from the `pulumi/` folder to the spec's folder. */
  readonly specDirFromPulumi: string;
  readonly config: ConfigTable;
}

/**
 * The code for a spec {@link Value}: a literal as a string literal, a config key as its variable (or, for keys only
 * some stages read, the read itself), a stage variable as API Gateway's `${stageVariables.name}` text.
 */
export function valueExpr(ctx: ProgramContext, value: Value): Expr {
  if (value.kind === "config") return ctx.config.variable(value.key) ?? readConfig(value.key, value.secret);
  return valueText(value);
}

/** Looks `name` up in a table of declared things. @throws Error (a compiler bug) when it is missing. */
export function required<T>(table: ReadonlyMap<string, T>, what: string, name: string): T {
  const found = table.get(name);
  if (found === undefined) throw new Error(`The program declares no ${what} ${JSON.stringify(name)}.`);
  return found;
}
