/**
 * `pulumi/README.md`: how to deploy the program, with one `pulumi config set` line per config key it requires and
 * what each key is. Spec text is flattened to one line (control characters become spaces) and quoted for the
 * shell where it is not a plain word, so the README cannot be bent into a different command.
 */
import type { GatewayModel } from "../../model/types.js";
import { GENERATED_HEADER } from "../emitter.js";
import type { ConfigUse } from "./config.js";
import { SECURE_DEFAULTS } from "./stage-settings.js";

/** One line of plain text: control, line and paragraph separators and bidi controls become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, " ").trim();
}

/** A word for a POSIX shell: as is when it is plain, else single-quoted. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_.:/-]+$/.test(text) ? text : `'${oneLine(text).replace(/'/g, `'\\''`)}'`;
}

/** What a config key is, with the stages that alone need it. */
function describe(use: ConfigUse): string {
  const stages = use.stages.length === 0 ? "" : ` (stage${use.stages.length > 1 ? "s" : ""} ${use.stages.join(", ")} only)`;
  return oneLine(`${use.uses.join("; ")}${stages}`);
}

function deployCommands(model: GatewayModel, uses: readonly ConfigUse[]): string[] {
  const firstStage = model.stages[0]?.name ?? "dev";
  return [
    "npm install",
    `pulumi stack init ${shellWord(firstStage)}   # the stack name is the stage name`,
    "pulumi config set aws:region us-east-1   # the Region to deploy to",
    ...uses.map(
      (use) => `pulumi config set ${use.secret ? "--secret " : ""}${shellWord(use.key)} '<value>'   # ${describe(use)}`,
    ),
    "pulumi up",
  ];
}

/** The README of the Pulumi project of a REST model. */
export function readme(model: GatewayModel, uses: readonly ConfigUse[]): string {
  const name = oneLine(model.name);
  const stages = model.stages.map((s) => `\`${oneLine(s.name)}\``).join(", ");
  const defaults = SECURE_DEFAULTS;
  const lines = [
    `<!-- ${GENERATED_HEADER} -->`,
    `# ${name} on Amazon API Gateway`,
    "",
    `This Pulumi program deploys the REST API ${name} from \`../openapi.aws.json\`: the API, one stage, its access`,
    "logs, the Lambda functions the spec deploys and their permissions, the roles of AWS-service integrations, and",
    "the usage plans and API keys.",
    "",
    "## Deploy",
    "",
    "```sh",
    ...deployCommands(model, uses),
    "```",
    "",
    "One stack deploys one stage, named after the stack." +
      (stages === "" ? "" : ` The spec's stages: ${stages}.`) +
      ` A stack with another name gets secure defaults: throttling at ${defaults.throttle.rate} requests per second` +
      ` (burst ${defaults.throttle.burst}), error logging, logs kept ${defaults.logging.retentionDays} days.`,
    "",
    "Execution and access logging need API Gateway's CloudWatch Logs role, set once per account and Region",
    "(`aws.apigateway.Account`); this program does not set it, so two stacks never fight over it.",
    "",
    "## Config keys",
    "",
    ...(uses.length === 0
      ? ["The program needs no config key besides `aws:region`."]
      : [
          "| key | secret | what it is |",
          "|---|---|---|",
          ...uses.map((u) => `| \`${oneLine(u.key)}\` | ${u.secret ? "yes" : "no"} | ${describe(u).replace(/\|/g, "\\|")} |`),
        ]),
    "",
    "## Outputs",
    "",
    "`invokeUrl` (the stage's URL), `apiId` and `stageName`.",
  ];
  return `${lines.join("\n")}\n`;
}
