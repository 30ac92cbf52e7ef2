/**
 * Assembles `pulumi/index.ts` for a REST model: imports, then the sections in dependency order
 * (config, stage settings, functions, integration roles, account log role, API and stage, method settings,
 * permissions, usage plans, custom domain, WAF, and the WebSocket API when the spec has one), the stack outputs,
 * and two small fixed helper functions. Every spec string reaches the code through the escape-by-default builder
 * in ts.ts; comments are fixed text.
 */
import { GENERATED_HEADER } from "../emitter.js";
import { PLACEHOLDER_PATTERN, type Placeholder } from "../placeholders.js";
import { accountSection } from "./account.js";
import { readConfig } from "./config.js";
import type { FunctionRef, ProgramContext, Section, Statement } from "./context.js";
import { domainOutputs, domainSection } from "./domain.js";
import { functionsSection } from "./functions.js";
import { methodSettingsSection } from "./method-settings.js";
import { permissionsSection } from "./permissions.js";
import { RESOLVE_HELPER, restApiSection } from "./rest-api.js";
import { RESOURCE_ARN_HELPER, rolesSection } from "./roles.js";
import { STAGE_SETTINGS_INTERFACE, stageSettingsSection } from "./stage-settings.js";
import { indentLines, raw, render } from "./ts.js";
import { apiKeyOutputs, usagePlansSection } from "./usage-plans.js";
import { wafSection } from "./waf.js";
import { WEBSOCKET_STAGE_SETTINGS_INTERFACE, websocketOutputs, websocketSections, websocketUsesResourceArn } from "./websocket/index.js";

/** Body of the helper that replaces placeholders (fixed text; the pattern comes from ../placeholders.ts). */
const RESOLVE_BODY = `const table = new Map(tokens.map((token, i): [string, string] => [token, String(values[i])]));
return template.replace(new RegExp(${JSON.stringify(PLACEHOLDER_PATTERN)}, "g"), (token) => {
  const value = table.get(token);
  if (value === undefined) {
    throw new Error(\`openapi.aws.json holds the placeholder \${token}, which this program does not define: build the spec again.\`);
  }
  // Tokens sit inside JSON strings: insert the value JSON-escaped, without its quotes.
  return JSON.stringify(value).slice(1, -1);
});`;

/** Body of the helper that completes a resource name into the ARN an IAM policy needs (fixed text). */
const RESOURCE_ARN_BODY = `const partition = aws.getPartitionOutput().partition;
const region = aws.getRegionOutput().region;
const account = aws.getCallerIdentityOutput().accountId;
return pulumi.all([resource, partition, region, account]).apply(([name, p, r, a]) => {
  if (name.startsWith("arn:")) return name;
  switch (service) {
    case "dynamodb": return \`arn:\${p}:dynamodb:\${r}:\${a}:table/\${name}\`;
    case "kinesis": return \`arn:\${p}:kinesis:\${r}:\${a}:stream/\${name}\`;
    case "events": return \`arn:\${p}:events:\${r}:\${a}:event-bus/\${name}\`;
    case "states": return \`arn:\${p}:states:\${r}:\${a}:stateMachine:\${name}\`;
    case "s3": return \`arn:\${p}:s3:::\${name}/*\`;
    case "sqs": {
      // A queue URL: https://sqs.<region>.amazonaws.com/<account>/<queue>
      const [, , host = "", owner = a, queue = name] = name.split("/");
      const queueRegion = host.split(".")[1] ?? r;
      return name.includes("/") ? \`arn:\${p}:sqs:\${queueRegion}:\${owner}:\${queue}\` : \`arn:\${p}:sqs:\${r}:\${a}:\${name}\`;
    }
    default: return \`arn:\${p}:\${service}:\${r}:\${a}:\${name}\`;
  }
});`;

/**
 * One top-level statement of a program, or fixed text between statements (a section title, an interface), as the
 * code it is: no indentation of its own, no trailing newline.
 */
export type ProgramStatement = string;

/** A statement of a section as code: its comment line, then `[export] const name[: type] = expr;` or `expr;`. */
function statementText(statement: Statement): string {
  const comment = statement.comment === undefined ? "" : `// ${statement.comment}\n`;
  const { declare } = statement;
  if (declare === undefined) return `${comment}${render(statement.expr)};`;
  const type = declare.type === undefined ? "" : `: ${declare.type}`;
  return `${comment}${declare.exported ? "export " : ""}const ${declare.name}${type} = ${render(statement.expr)};`;
}

/** The statements of a section, after a title comment; nothing for an empty section. */
export function sectionStatements(section: Section): ProgramStatement[] {
  if (section.statements.length === 0) return [];
  return [`\n// ── ${section.title} ──`, ...section.statements.map(statementText)];
}

/** `config`, `stack`, and one variable per config key every stack reads. */
export function configSection(ctx: ProgramContext): Section {
  const statements = ctx.config.uses.flatMap((use) => {
    const variable = ctx.config.variable(use.key);
    return variable === undefined ? [] : [{ declare: { name: variable.text }, expr: readConfig(use.key, use.secret) }];
  });
  return {
    title: "Config",
    statements: [
      { declare: { name: "config" }, expr: raw("new pulumi.Config()") },
      { declare: { name: "stack" }, expr: raw("pulumi.getStack()") },
      ...statements,
    ],
  };
}

/** The API, its stage and URL, and with a custom domain its DNS target and URL (domain.ts). */
function outputsSection(ctx: ProgramContext): Section {
  return {
    title: "Stack outputs",
    statements: [
      { declare: { name: "apiId", exported: true }, expr: raw("api.id") },
      { declare: { name: "stageName", exported: true }, expr: raw("apiStage.stageName") },
      { declare: { name: "invokeUrl", exported: true }, expr: raw("apiStage.invokeUrl") },
      ...domainOutputs(ctx),
      ...apiKeyOutputs(ctx),
    ],
  };
}

/** A helper function of the program (fixed text): its one-line doc comment, signature and body. */
interface HelperFunction {
  readonly name: string;
  readonly doc: string;
  readonly parameters: readonly (readonly [name: string, type: string])[];
  readonly returnType: string;
  /** The statements, unindented. */
  readonly body: string;
}

/** `fn` as code, after a blank line, its body indented by two spaces. */
function functionText(fn: HelperFunction): string {
  const parameters = fn.parameters.map(([name, type]) => `${name}: ${type}`).join(", ");
  return `\n/** ${fn.doc} */\nfunction ${fn.name}(${parameters}): ${fn.returnType} {\n${indentLines(fn.body)}\n}`;
}

/** The helper that fills the import document's placeholders in ({@link RESOLVE_HELPER}). */
const RESOLVE: HelperFunction = {
  name: RESOLVE_HELPER,
  doc: "Replaces each placeholder of the import document with its deploy-time value.",
  parameters: [
    ["template", "string"],
    ["tokens", "string[]"],
    ["values", "string[]"],
  ],
  returnType: "string",
  body: RESOLVE_BODY,
};

/** The helper that completes a resource name into an ARN ({@link RESOURCE_ARN_HELPER}). */
const RESOURCE_ARN: HelperFunction = {
  name: RESOURCE_ARN_HELPER,
  doc: "The ARN an IAM policy needs for an integration's target: ARNs as given, names completed with this account and Region.",
  parameters: [
    ["service", "string"],
    ["resource", "pulumi.Input<string>"],
  ],
  returnType: "pulumi.Output<string>",
  body: RESOURCE_ARN_BODY,
};

/** The helpers' section: the placeholder filler, and `resourceArn` when a role's resource needs completing. */
export function helpers(resourceArn: boolean): ProgramStatement[] {
  return ["\n// ── Helpers ──", functionText(RESOLVE), ...(resourceArn ? [functionText(RESOURCE_ARN)] : [])];
}

/**
 * `import * as name from "module"` for each module, Node's first (`crypto`, `fs`, `path`), then Pulumi's, after the
 * generated-file header.
 */
export function importsOf(modules: readonly ("crypto" | "fs" | "path")[]): ProgramStatement[] {
  const all = [...modules.map((m) => [m, m] as const), ["aws", "@pulumi/aws"] as const, ["pulumi", "@pulumi/pulumi"] as const];
  return all.map(([name, module], i) => `${i === 0 ? `// ${GENERATED_HEADER}\n\n` : ""}import * as ${name} from ${JSON.stringify(module)};`);
}

/**
 * `statements` as one TypeScript file: one a line, a blank line after a block (a statement ending in `}`), at most one
 * blank line in a row, LF line ends, one trailing newline.
 */
export function printProgram(statements: readonly ProgramStatement[]): string {
  const parts: string[] = [];
  for (const statement of statements) {
    const code = statement.trimEnd();
    if (parts.length > 0) parts.push(parts[parts.length - 1]?.endsWith("}") ? "\n\n" : "\n");
    parts.push(code);
  }
  return `${parts.join("").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

/**
 * The WebSocket API beside the paths API (./websocket/index.ts): its stage settings interface and sections;
 * nothing without `x-gateway.websocket`.
 */
export function websocketStatements(ctx: ProgramContext, functions: ReadonlyMap<string, FunctionRef>): ProgramStatement[] {
  if (ctx.model.websocket === undefined) return [];
  return [`\n${WEBSOCKET_STAGE_SETTINGS_INTERFACE}`, ...websocketSections(ctx, functions).flatMap(sectionStatements)];
}

/** The text of `pulumi/index.ts` of a REST model; `placeholders` are those of the import document. */
export function programText(ctx: ProgramContext, placeholders: readonly Placeholder[]): string {
  const functions = functionsSection(ctx);
  const roles = rolesSection(ctx);
  const statements: ProgramStatement[] = [
    ...importsOf(["crypto", "fs", "path"]),
    ...sectionStatements(configSection(ctx)),
    `\n${STAGE_SETTINGS_INTERFACE}`,
    ...sectionStatements(stageSettingsSection(ctx)),
    ...sectionStatements(functions.section),
    ...sectionStatements(roles.section),
    ...sectionStatements(accountSection()),
    ...sectionStatements(restApiSection(ctx, placeholders, functions.refs, roles.roles)),
    ...sectionStatements(methodSettingsSection(ctx)),
    ...sectionStatements(permissionsSection(ctx, functions.refs)),
    ...sectionStatements(usagePlansSection(ctx)),
    ...[domainSection(ctx), wafSection(ctx)].flatMap(sectionStatements),
    ...websocketStatements(ctx, functions.refs),
    ...[outputsSection(ctx), websocketOutputs(ctx)].flatMap(sectionStatements),
    ...helpers(roles.usesHelper || websocketUsesResourceArn(ctx)),
  ];
  return printProgram(statements);
}
