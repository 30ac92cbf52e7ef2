/**
 * Media types as API Gateway matches them, and which bodies it treats as binary.
 *
 * API Gateway selects request models and mapping templates by the MIME type of `Content-Type` alone: parameters
 * (`; charset=utf-8`) are ignored and the match is exact, with `$default` as the only catch-all (developer guide,
 * "Request validation", "Mapping template selection"). Binary payloads are those whose type is listed in
 * `x-amazon-apigateway-binary-media-types` ("Binary media types for REST APIs"); everything else is read as
 * UTF-8 text, which corrupts images, PDFs and archives.
 */
import type { GatewayModel, MediaType, Operation, Schema } from "../../model/types.js";
import { compareStrings } from "../../order.js";

/** `type/subtype` of a media type, lower case, without parameters: `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeKey(mediaType: string): string {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

/** True for `application/json` and the `+json` structured syntax suffix (`application/merge-patch+json`). */
export function isJsonMediaType(key: string): boolean {
  return key === "application/json" || /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(key);
}

/** True when `schema` describes raw bytes: a string with `format: binary` (OpenAPI 3.0; also accepted in 3.1). */
export function isBinarySchema(schema: Schema | undefined): boolean {
  if (schema === undefined || schema["format"] !== "binary") return false;
  const type = schema["type"];
  return type === "string" || (Array.isArray(type) && type.includes("string"));
}

/** The request and response media types of `op`. */
function contentOf(op: Operation): readonly MediaType[] {
  return [...(op.requestBody?.content ?? []), ...op.responses.flatMap((r) => r.content)];
}

/**
 * `x-amazon-apigateway-binary-media-types`: the spec's `binaryMediaTypes`, plus the media types of bodies that are
 * binary: every request and response media type of an operation with `x-gateway.binary: true`, and any media type
 * whose schema is a `format: binary` string. JSON types and `*\/*` are never added (either would turn JSON bodies
 * into base64 and break every mapping template). Sorted, without duplicates.
 */
export function binaryMediaTypes(model: GatewayModel): readonly string[] {
  const found = new Set(model.settings.binaryMediaTypes);
  for (const op of model.operations) {
    for (const content of contentOf(op)) {
      const key = mediaTypeKey(content.mediaType);
      if (key === "*/*" || !key.includes("/") || isJsonMediaType(key)) continue;
      if (op.options.binary || isBinarySchema(content.schema)) found.add(key);
    }
  }
  return [...found].sort(compareStrings);
}
