/**
 * How a failed service call answers: never with the success status. Integration responses select on the service's
 * HTTP status (`4\d{2}`, `5\d{2}`); for services that name the error in a JSON body (`__type` of the JSON
 * protocols: DynamoDB, Kinesis, EventBridge, Step Functions; `Error.Code` of the query protocols: SQS, SNS), the 4XX
 * template refines the status by that name through `$context.responseOverride.status`:
 *
 * - throttling (`ThrottlingException`, `ProvisionedThroughputExceededException`, `RequestLimitExceeded`,
 *   `LimitExceededException`, SQS `RequestThrottled`, SNS `Throttled`) → 429;
 * - what only the API's owner can fix (access denied, a missing table, queue, topic or state machine, an invalid
 *   ARN, a KMS key) → 500;
 * - anything else the service refused → 400; a 5XX of the service → 502.
 *
 * Bodies are fixed messages (`{"message": "Too many requests"}`): the service's own error text can name tables and
 * accounts, and stays in the execution log.
 */
import { renderVtlTemplate } from "../vtl-templates.js";
import { jsonStringContent, vtl, vtlString, type Vtl } from "../vtl.js";
import type { ServiceError } from "./plan.js";

/** The message of each status Portico answers for a failed call. */
const MESSAGES: Readonly<Record<number, string>> = {
  400: "Bad request",
  404: "Not found",
  429: "Too many requests",
  500: "Internal server error",
  502: "Bad gateway",
};

/** A status and the error names (a Java regular expression, matched against the whole name) that lead to it. */
export interface ErrorRule {
  readonly pattern: string;
  readonly status: number;
}

/** Errors only the API's owner can fix. */
const CONFIGURATION: ErrorRule = {
  pattern:
    ".*(AccessDenied|NotAuthorized|AuthorizationError|UnrecognizedClient|InvalidClientTokenId|ResourceNotFound|NonExistentQueue|NotFound|DoesNotExist|InvalidArn|KMS|Kms).*",
  status: 500,
};
/** Throttling, checked last: it wins over a KMS name (`KMSThrottlingException`). */
export const THROTTLING: ErrorRule = { pattern: ".*(Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|LimitExceeded).*", status: 429 };

/** The fixed message of `status`. */
export function message(status: number): string {
  const text = MESSAGES[status];
  if (text === undefined) throw new Error(`No message for status ${status}.`);
  return text;
}

/** `{"message": "…"}` for `status`. */
function messageTemplate(status: number): Vtl {
  return renderVtlTemplate("message", { message: jsonStringContent(message(status)) });
}

/** The data of the `service-error` partial: `code` prints the error's name, `responseStatus` is the integration response's status. */
export function errorData(code: Vtl, responseStatus: number, fallback: number, rules: readonly ErrorRule[]) {
  return {
    code,
    responseStatus,
    fallback: { status: fallback, message: vtlString(message(fallback)) },
    rules: rules.map((rule) => ({ pattern: vtlString(rule.pattern), status: rule.status, message: vtlString(message(rule.status)) })),
  };
}

/** The error name of a JSON-protocol (`__type`) or query-protocol (`Error.Code`) error body. */
const SERVICE_ERROR_CODE = vtl("$input.path('$.__type')$input.path('$.Error.Code')");

/**
 * The error responses of a service that names its errors in a JSON body. `rules` come before the throttling rule
 * (later rules win); e.g. DynamoDB's UpdateItem maps `ConditionalCheckFailedException` to 404.
 */
export function serviceErrors(rules: readonly ErrorRule[] = []): { errors: readonly ServiceError[]; statuses: readonly number[] } {
  const all = [CONFIGURATION, ...rules, THROTTLING];
  return {
    errors: [
      { pattern: "4\\d{2}", status: 400, template: renderVtlTemplate("service-error", errorData(SERVICE_ERROR_CODE, 400, 400, all)) },
      { pattern: "5\\d{2}", status: 502, template: messageTemplate(502) },
    ],
    statuses: [...new Set(all.map((rule) => rule.status))],
  };
}

/**
 * S3's error responses (XML bodies, so by status alone). `missingIs404` (GetObject): 403 and 404 answer 404, since
 * without `s3:ListBucket` (which the role does not grant) S3 answers 403 for a key that does not exist.
 */
export function s3Errors(missingIs404: boolean): readonly ServiceError[] {
  const others = missingIs404 ? "4(0[0-25-9]|[1-9]\\d)" : "4\\d{2}";
  return [
    ...(missingIs404 ? [{ pattern: "40[34]", status: 404, template: messageTemplate(404) }] : []),
    { pattern: others, status: 400, template: messageTemplate(400) },
    { pattern: "5\\d{2}", status: 502, template: messageTemplate(502) },
  ];
}
