/**
 * The target of an AWS-service integration (table, queue, topic, bus, stream, bucket: a *Value* of the spec) where
 * the service request names it: in a mapping template (inside a JSON string or a form body) or in the integration
 * URI.
 *
 * A literal is escaped at compile time. A config value is known only at deploy time: the document holds a
 * placeholder whose value the program encodes (`url`: percent-encoded, decoded by `$util.urlDecode` in the
 * template; `queuePath`: see ../../placeholders.ts). A stage variable is read by the template at request time.
 */
import type { Value } from "../../../model/types.js";
import { configToken, encodePlaceholderValue, valueText } from "../../placeholders.js";
import { stageVariableReference } from "../sources.js";
import { formContent, formEncoded, jsonEscaped, jsonStringContent, vtl, vtlString, type Vtl } from "../vtl.js";

/** A VTL expression whose value is the target's text. */
export function targetValue(value: Value): Vtl {
  switch (value.kind) {
    case "literal":
      return vtlString(String(value.value));
    case "config":
      return vtl(`$util.urlDecode('${configToken(value.key, "url")}')`);
    case "stageVariable":
      return stageVariableReference(value.name);
  }
}

/** Code that prints the target's text inside a JSON string literal. */
export function targetJson(value: Value): Vtl {
  return value.kind === "literal" ? jsonStringContent(String(value.value)) : jsonEscaped(targetValue(value));
}

/** Code that prints the target's text form-encoded. */
export function targetForm(value: Value): Vtl {
  if (value.kind === "literal") return formContent(String(value.value));
  // A percent-encoded value is also a valid form encoding of it.
  return value.kind === "config" ? vtl(configToken(value.key, "url")) : formEncoded(targetValue(value));
}

/** The bucket segment of an `s3:path/{bucket}/…` URI: a bucket name (an `arn:…:s3:::` prefix removed). */
export function bucketSegment(value: Value): string {
  if (value.kind === "literal") return encodeURIComponent(String(value.value).replace(/^arn:[^:]+:s3:::/, ""));
  return valueText(value);
}

/**
 * The `{account}/{queue}` of an `sqs:path/…` URI for a queue given by URL, ARN or name (a stage variable holds the
 * queue's name, in the API's account).
 */
export function queuePath(value: Value): string {
  switch (value.kind) {
    case "literal":
      return encodePlaceholderValue("queuePath", String(value.value));
    case "config":
      return configToken(value.key, "queuePath");
    case "stageVariable":
      return `\${AWS::AccountId}/${valueText(value)}`;
  }
}
