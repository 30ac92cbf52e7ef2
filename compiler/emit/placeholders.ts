/**
 * Placeholders: how `openapi.aws.json` names a value that exists only at deploy time, and how the Pulumi program
 * finds and replaces them. Both emitters use this module, so the grammar lives in one place.
 *
 * Grammar: `${portico:<kind>:<name>}` or `${portico:<kind>:<name>:<attribute>}`, where
 * - `kind` is `function` (a Lambda function of `x-gateway.functions`; attribute `arn`), `config` (a Pulumi config
 *   key) or `role` (the IAM role API Gateway assumes for an operation's AWS-service integration);
 * - a `config` token's `attribute`, when present, asks for the value encoded (see {@link encodePlaceholderValue}):
 *   `url` percent-encodes it for a mapping template, `queuePath` turns an SQS queue URL, ARN or name into the
 *   `{account}/{queue}` path of an `sqs:path/…` integration URI;
 * - `name` is the function name, the config key or the operation's slug, percent-encoded
 *   (`encodeURIComponent`), so it never holds `:`, `}` or `$`.
 *
 * Examples: `${portico:function:pets:arn}`, `${portico:config:petsTable}`, `${portico:config:aws%3Aregion}`,
 * `${portico:role:create-pet}`. The program replaces every token with the JSON-escaped value before it hands the
 * body to API Gateway. `${AWS::Region}`, `${AWS::AccountId}` and `${AWS::Partition}` are API Gateway's own import
 * variables, which it resolves itself; `${stageVariables.x}` is resolved per request.
 */
import type { Value } from "../model/types.js";

/** What a placeholder stands for. */
export type PlaceholderKind = "function" | "config" | "role";

/** What a token asks of the value it names: a function's ARN, or a config value encoded for where it stands. */
export type PlaceholderAttribute = "arn" | ConfigEncoding;

/** How a config value is encoded where it stands (see {@link encodePlaceholderValue}). */
export type ConfigEncoding = "url" | "queuePath";

/** A parsed placeholder token. */
export interface Placeholder {
  readonly token: string;
  readonly kind: PlaceholderKind;
  /** Decoded name: function name, config key or operation slug. */
  readonly name: string;
  readonly attribute?: PlaceholderAttribute;
}

/** The source of a regular expression that matches every token (global flag to be added by the user). */
export const PLACEHOLDER_PATTERN = String.raw`\$\{portico:(function|config|role):([^:}$]+)(?::(arn|url|queuePath))?\}`;

function token(kind: PlaceholderKind, name: string, attribute?: string): string {
  return `\${portico:${kind}:${encodeURIComponent(name)}${attribute === undefined ? "" : `:${attribute}`}}`;
}

/** The ARN of a function of `x-gateway.functions`. */
export function functionArnToken(functionName: string): string {
  return token("function", functionName, "arn");
}

/** The value of a Pulumi config key, as it is or encoded (see {@link encodePlaceholderValue}). */
export function configToken(key: string, encoding?: ConfigEncoding): string {
  return token("config", key, encoding);
}

/**
 * What the program puts in place of a config token with `encoding`, for the config value `value`:
 * - `url`: every UTF-8 byte but `A–Z a–z 0–9 - _ . ~` percent-encoded, so the text holds no character a mapping
 *   template or a form body reads (`$util.urlDecode` gives the value back);
 * - `queuePath`: the `{account}/{queue}` of a queue URL (`https://sqs.{region}.amazonaws.com/{account}/{queue}`) or
 *   ARN (`arn:{partition}:sqs:{region}:{account}:{queue}`), and `${AWS::AccountId}/{queue}` for a bare queue
 *   name, which API Gateway completes on import.
 * The generated program holds the same functions as code (`PLACEHOLDER_ENCODERS`).
 */
export function encodePlaceholderValue(encoding: ConfigEncoding, value: string): string {
  switch (encoding) {
    case "url":
      return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    case "queuePath":
      return queuePath(value);
  }
}

function queuePath(queue: string): string {
  if (queue.startsWith("arn:")) {
    const [, , , , account = "", name = ""] = queue.split(":");
    return `${account}/${name}`;
  }
  if (queue.includes("/")) return queue.split("/").slice(3).join("/");
  return `\${AWS::AccountId}/${queue}`;
}

/**
 * {@link encodePlaceholderValue} as the source of an arrow function `(value: string) => string`, for the generated
 * program (fixed text).
 */
export const PLACEHOLDER_ENCODERS: Readonly<Record<ConfigEncoding, string>> = {
  url: `(value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())`,
  queuePath: [
    `(value: string) => value.startsWith("arn:")`,
    `? value.split(":")[4] + "/" + value.split(":")[5]`,
    `: value.includes("/") ? value.split("/").slice(3).join("/") : "\${AWS::AccountId}/" + value`,
  ].join(" "),
};

/** The ARN of the role API Gateway assumes for the AWS-service integration of the operation with this slug. */
export function roleToken(operationSlug: string): string {
  return token("role", operationSlug);
}

/**
 * The text a {@link Value} takes in `openapi.aws.json`: a literal as written, a config key as its placeholder,
 * a stage variable as API Gateway's `${stageVariables.name}`.
 */
export function valueText(value: Value): string {
  switch (value.kind) {
    case "literal":
      return String(value.value);
    case "config":
      return configToken(value.key);
    case "stageVariable":
      return `\${stageVariables.${value.name}}`;
  }
}

/** The Lambda invocation URI API Gateway calls for a function ARN (import variables fill region and partition). */
export function lambdaInvocationUri(functionArn: string): string {
  return `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

/** Every distinct placeholder in `text`, sorted by token. */
export function findPlaceholders(text: string): readonly Placeholder[] {
  const found = new Map<string, Placeholder>();
  for (const match of text.matchAll(new RegExp(PLACEHOLDER_PATTERN, "g"))) {
    const [tokenText, kind, name, attribute] = match as unknown as [string, PlaceholderKind, string, PlaceholderAttribute | undefined];
    found.set(tokenText, {
      token: tokenText,
      kind,
      name: decodeURIComponent(name),
      ...(attribute === undefined ? {} : { attribute }),
    });
  }
  return [...found.values()].sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
}
