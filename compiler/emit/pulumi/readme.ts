/**
 * `pulumi/README.md`: how to deploy the program, with one `pulumi config set` line per config key it requires and
 * what each key is. Spec text is flattened to one line (control characters become spaces) and quoted for the
 * shell where it is not a plain word, so the README cannot be bent into a different command.
 */
import Handlebars from "handlebars";
import * as fs from "node:fs";
import type { GatewayModel } from "../../model/types.js";
import { GENERATED_HEADER } from "../emitter.js";
import { ACCOUNT_LOG_ROLE_KEY } from "./account.js";
import type { ConfigUse } from "./config.js";
import { SECURE_DEFAULTS } from "./stage-settings.js";
import { websocketReadmeSection } from "./websocket/readme.js";

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
  // Stack names cannot hold `$`: an HTTP API's `$default` stage is deployed by a stack that is no stage of the spec.
  const firstStage = model.stages.find((s) => s.name !== "$default")?.name;
  const stack =
    firstStage !== undefined || model.kind === "rest"
      ? `pulumi stack init ${shellWord(firstStage ?? "dev")}   # the stack name is the stage name`
      : "pulumi stack init dev   # any name: the stack deploys the $default stage";
  return [
    "npm install",
    stack,
    "pulumi config set aws:region us-east-1   # the Region to deploy to",
    ...uses.map(
      (use) => `pulumi config set ${use.secret ? "--secret " : ""}${shellWord(use.key)} '<value>'   # ${describe(use)}`,
    ),
    "pulumi up",
  ];
}

/**
 * The README of the Pulumi project of a model, from `templates/pulumi/README.md.hbs` (REST) or
 * `templates/pulumi/README-http.md.hbs` (HTTP), and the WebSocket API's section when the spec has one.
 */
export function readme(model: GatewayModel, uses: readonly ConfigUse[]): string {
  const defaults = SECURE_DEFAULTS;
  const text = readmeTemplate(model.kind)({
    header: GENERATED_HEADER,
    accountKey: ACCOUNT_LOG_ROLE_KEY,
    domain: model.domain !== undefined,
    name: oneLine(model.name),
    commands: deployCommands(model, uses),
    stages: model.stages.map((s) => `\`${oneLine(s.name)}\``).join(", "),
    defaults: { rate: defaults.throttle.rate, burst: defaults.throttle.burst, retentionDays: defaults.logging.retentionDays },
    keys: uses.map((u) => ({ key: oneLine(u.key), secret: u.secret ? "yes" : "no", what: describe(u).replace(/\|/g, "\\|") })),
  });
  return `${text}${websocketReadmeSection(model)}`;
}

const compiled = new Map<GatewayModel["kind"], Handlebars.TemplateDelegate>();

/** The template of each API kind's README. */
const TEMPLATES: Readonly<Record<GatewayModel["kind"], string>> = { rest: "README.md.hbs", http: "README-http.md.hbs" };

/**
 * The compiled template of `kind`, loaded on first use. `noEscape`: the output is Markdown, not HTML, and every
 * value is made safe above (one line, shell-quoted, table pipes escaped); `strict`: a missing field is a bug, not a
 * blank.
 */
function readmeTemplate(kind: GatewayModel["kind"]): Handlebars.TemplateDelegate {
  let template = compiled.get(kind);
  if (template === undefined) {
    const text = fs.readFileSync(new URL(`../../../templates/pulumi/${TEMPLATES[kind]}`, import.meta.url), "utf8");
    template = Handlebars.compile(text, { noEscape: true, strict: true });
    compiled.set(kind, template);
  }
  return template;
}
