/**
 * Lowers Parameter Objects (OpenAPI 3.x §4.8.12), Request Body Objects (§4.8.13) and Responses (§4.8.16–17).
 * Schemas are kept as written: `$ref`s to components stay references, so recursive schemas stay finite.
 */
import type { Encoding, MediaType, Origin, Parameter, RequestBody, Response } from "../types.js";
import { deref, type LowerContext } from "./context.js";
import { asArray, asObj, bool, child, prop, sortedKeys, str } from "./read.js";
import { compareStrings } from "../../order.js";

const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

/**
 * Path-item parameters merged with the operation's: an operation parameter with the same `name` and `in`
 * replaces the path item's (§4.8.10 "parameters"). Spec order, path item first.
 */
export function lowerParameters(
  ctx: LowerContext,
  shared: unknown,
  sharedOrigin: Origin,
  own: unknown,
  ownOrigin: Origin,
): Parameter[] {
  const ownParams = lowerList(ctx, own, ownOrigin);
  const overridden = new Set(ownParams.map((p) => `${p.in}:${p.name}`));
  const sharedParams = lowerList(ctx, shared, sharedOrigin).filter((p) => !overridden.has(`${p.in}:${p.name}`));
  return [...sharedParams, ...ownParams];
}

function lowerList(ctx: LowerContext, raw: unknown, origin: Origin): Parameter[] {
  const out: Parameter[] = [];
  asArray(raw).forEach((item, i) => {
    const resolved = deref(ctx, item, child(origin, i));
    const obj = asObj(resolved?.value);
    const name = str(obj, "name");
    const location = str(obj, "in");
    if (!resolved || !obj || name === undefined || location === undefined || !LOCATIONS.has(location)) return;
    const schema = asObj(prop(obj, "schema"));
    const description = str(obj, "description");
    const style = str(obj, "style");
    const explode = bool(obj, "explode");
    out.push({
      name,
      in: location as Parameter["in"],
      required: location === "path" ? true : (bool(obj, "required") ?? false),
      ...(schema ? { schema } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(style !== undefined ? { style } : {}),
      ...(explode !== undefined ? { explode } : {}),
      deprecated: bool(obj, "deprecated") ?? false,
      origin: resolved.origin,
    });
  });
  return out;
}

function lowerContent(raw: unknown, origin: Origin): MediaType[] {
  const obj = asObj(raw);
  if (!obj) return [];
  return Object.keys(obj)
    .sort(compareStrings)
    .map((mediaType) => {
      const media = asObj(obj[mediaType]);
      const schema = asObj(prop(media, "schema"));
      const encoding = lowerEncoding(prop(media, "encoding"));
      return { mediaType, ...(schema ? { schema } : {}), ...(encoding ? { encoding } : {}), origin: child(origin, mediaType) };
    });
}

/** A Media Type Object's `encoding` (§4.8.15): property name → style, explode and content type; undefined when empty. */
function lowerEncoding(raw: unknown): Record<string, Encoding> | undefined {
  const obj = asObj(raw);
  const out: Record<string, Encoding> = {};
  for (const name of sortedKeys(obj)) {
    const entry = asObj(obj?.[name]);
    const contentType = str(entry, "contentType");
    const style = str(entry, "style");
    const explode = bool(entry, "explode");
    out[name] = {
      ...(contentType !== undefined ? { contentType } : {}),
      ...(style !== undefined ? { style } : {}),
      ...(explode !== undefined ? { explode } : {}),
    };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function lowerRequestBody(ctx: LowerContext, raw: unknown, origin: Origin): RequestBody | undefined {
  if (raw === undefined) return undefined;
  const resolved = deref(ctx, raw, origin);
  const obj = asObj(resolved?.value);
  if (!resolved || !obj) return undefined;
  const description = str(obj, "description");
  return {
    required: bool(obj, "required") ?? false,
    ...(description !== undefined ? { description } : {}),
    content: lowerContent(prop(obj, "content"), child(resolved.origin, "content")),
    origin: resolved.origin,
  };
}

export function lowerResponses(ctx: LowerContext, raw: unknown, origin: Origin): Response[] {
  const obj = asObj(raw);
  if (!obj) return [];
  const out: Response[] = [];
  for (const status of Object.keys(obj).sort(compareStrings)) {
    if (status.startsWith("x-")) continue;
    const resolved = deref(ctx, obj[status], child(origin, status));
    const response = asObj(resolved?.value);
    if (!resolved || !response) continue;
    const headersObj = asObj(prop(response, "headers"));
    const headers = Object.keys(headersObj ?? {})
      .sort(compareStrings)
      .map((name) => {
        const header = deref(ctx, headersObj?.[name], child(resolved.origin, "headers", name));
        const schema = asObj(prop(asObj(header?.value), "schema"));
        return { name, ...(schema ? { schema } : {}), origin: header?.origin ?? child(resolved.origin, "headers", name) };
      });
    out.push({
      status,
      description: str(response, "description") ?? "",
      content: lowerContent(prop(response, "content"), child(resolved.origin, "content")),
      headers,
      origin: resolved.origin,
    });
  }
  return out;
}
