/**
 * The VTL evaluator: renders an API Gateway mapping template as API Gateway does, and lints one.
 *
 * velocityjs parses; the layer around it makes the result behave like API Gateway's Velocity 1.7. Where velocityjs
 * differs, and which file closes the difference:
 *
 * - `source.ts`: string literals with doubled quotes and backslashes, backslash escapes, `#stop` and braced
 *   directives, `.5`, `[true]`, `1.0E3`, NUL characters, literals and groups lifted out of expressions, Velocity
 *   1.7's lexer quirks; unclosed blocks and stray `#end`s it accepts silently.
 * - `parse.ts`: Velocity 1.7's whitespace rules, inline macros ignored and their calls printed as text,
 *   `$name(…)` printed as `$name` and text, positions of every statement and of parse errors.
 * - `evaluate.ts`, `print.ts`, `number.ts`, `java-*.ts`: null references as empty strings that are true in `#if`,
 *   Velocity's `==`, integer and double arithmetic, Java printing of maps and lists (JSON arrays as JSON), Java
 *   `String`/`List`/`Map` methods with Java regular expressions, `#set` of null, `#foreach` scopes and limits.
 * - `input.ts`, `jsonpath.ts`, `jayway.ts`, `json.ts`, `util.ts`, `context.ts`: `$input`, `$util`, `$context` with
 *   its overrides, `$stageVariables`.
 *
 * `README.md` lists every difference closed and those left; `test/vtl/oracle.test.ts` checks the evaluator against
 * Velocity 1.7 itself. Semantics and sources: `vtl-and-emulators.md` §1 and `apigw-features.md` §3.
 */
import { buildContext, readOverrides, type Overrides } from "./context.js";
import { Evaluator } from "./evaluate.js";
import { InputObject } from "./input.js";
import { parseTemplate } from "./parse.js";
import { UtilObject } from "./util.js";

/** Overrides a template leaves for API Gateway to apply. */
export type { Overrides, RequestOverrides, ResponseOverrides } from "./context.js";
/** Errors with their position inside the template. */
export { VtlError, type TemplatePosition } from "./errors.js";
/** The linter. */
export { lintTemplate, type LintFinding, type LintKind } from "./lint.js";
/** The names of the `$util` functions. */
export { UTIL_FUNCTIONS } from "./util.js";
/** The documented `$context` variables. */
export { CONTEXT_VARIABLES, LOG_ONLY_CONTEXT_VARIABLES, lookupContextVariable } from "./context-variables.js";

/**
 * What a template runs against: the request (or, for a response template, the integration response) as API Gateway
 * hands it to the template.
 */
export interface TemplateInput {
  /** The payload: the method request body, or for `kind: "response"` the integration response body. Null or `""` reads as `{}`. */
  readonly body: string | null;
  /** Method request headers, by name. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Method request query string parameters, URL-decoded. */
  readonly query?: Readonly<Record<string, string>>;
  /** Method request path parameters. */
  readonly path?: Readonly<Record<string, string>>;
  /**
   * `$context` variables (`requestId`, `identity.sourceIp`, `authorizer.claims.sub`, …). `requestOverride` and
   * `responseOverride` may hold what a request template stashed for a response template.
   */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Stage variables of the invoked stage. */
  readonly stageVariables?: Readonly<Record<string, string>>;
  /** A request template (integration request) or a response template (integration response); default `request`. */
  readonly kind?: "request" | "response";
}

/** The rendered text and the overrides API Gateway applies afterwards. */
export interface RenderResult {
  readonly output: string;
  /** Request overrides only for a request template (a response template's have no effect). */
  readonly overrides: Overrides;
}

/**
 * Renders `template` against `input` as API Gateway would.
 *
 * @throws {@link VtlError} `syntax` when the template does not parse (API Gateway fails the request with 500),
 *   `runtime` when it fails while rendering (a Java method threw, an override was set twice, the payload is not
 *   JSON), with the line and column inside the template.
 */
export function renderTemplate(template: string, input: TemplateInput): RenderResult {
  const parsed = parseTemplate(template);
  const context = buildContext(input.context);
  const variables = new Map<string, unknown>([
    ["input", new InputObject(input.body, { path: input.path ?? {}, querystring: input.query ?? {}, header: input.headers ?? {} })],
    ["util", new UtilObject()],
    ["context", context],
    ["stageVariables", new Map<unknown, unknown>(Object.entries(input.stageVariables ?? {}))],
  ]);
  const output = new Evaluator(variables).run(parsed.nodes);
  return { output, overrides: readOverrides(context, (input.kind ?? "request") === "request") };
}
