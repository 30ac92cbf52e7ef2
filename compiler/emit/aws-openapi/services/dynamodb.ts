/**
 * DynamoDB as an AWS integration (developer guide, "Tutorial: Create a REST API as an Amazon DynamoDB proxy";
 * DynamoDB API reference): `dynamodb:action/{Action}` called with POST and a JSON request naming the table.
 *
 * - The key: the `key` setting (attribute name → source expression or literal), else each path variable under
 *   its own name; a number (`N`) when its source is a parameter declared `integer` or `number`, else a string (`S`).
 * - GetItem, DeleteItem: `{TableName, Key}`. GetItem answers the item as JSON (converted by the schema of the
 *   success response), or 404 when there is none; DeleteItem answers 204.
 * - PutItem: `{TableName, Item}`, the item made of the key and the properties the request body schema declares;
 *   without an object schema the body is taken as a DynamoDB item as it is. Answers 204 by default.
 * - UpdateItem: sets (`SET`) the declared properties the body holds, on an item that must exist
 *   (`attribute_exists` of the key, else 404), and answers the updated item (`ReturnValues: ALL_NEW`).
 * - Query (the key attributes equal to their sources) and Scan: answer the items, as a JSON array when the success
 *   response's schema is one, else as `{"items": […]}`.
 * Expression attribute names (`#k0`, `#a0`) are written `\u0023k0`, a JSON escape, so that no `#` reaches Velocity.
 */
import type { Source } from "../../../model/sources.js";
import { byKey } from "../../../order.js";
import { isJsonMediaType, mediaTypeKey } from "../media-types.js";
import { pathVariables } from "../path-variables.js";
import { settingJson, type SettingText } from "../sources.js";
import { renderVtlTemplate } from "../vtl-templates.js";
import { jsonStringContent, vtl, type Vtl } from "../vtl.js";
import { asSettingText, type ServiceContext } from "./context.js";
import { addressable, json, marshal, marshalMembers, present, unmarshalMembers, type PathPart } from "./dynamodb-values.js";
import { message, serviceErrors } from "./errors.js";
import { jsonShape, type JsonShape } from "./json-shape.js";
import { successResponse, type ServicePlan } from "./plan.js";
import { targetJson } from "./targets.js";

/** The DynamoDB actions Portico has a plan for. */
export type DynamoDbAction = "GetItem" | "PutItem" | "DeleteItem" | "UpdateItem" | "Query" | "Scan";

/** A key attribute: its name as JSON string content, its attribute value, and its name as written. */
interface KeyAttribute {
  readonly attribute: string;
  readonly name: Vtl;
  readonly value: Vtl;
}

const NUMERIC = new Set(["integer", "number"]);

/** True when `source` is a parameter the operation declares as a number. */
function isNumeric(ctx: ServiceContext, source: Source): boolean {
  if (source.kind !== "parameter") return false;
  const parameter = ctx.op.parameters.find((p) => p.in === source.in && p.name === source.name);
  const type = parameter?.schema?.["type"];
  return (typeof type === "string" && NUMERIC.has(type)) || (Array.isArray(type) && type.some((t) => NUMERIC.has(t)));
}

/** The key attributes: the `key` setting's, sorted by name, else the path variables (see the module comment). */
function keyAttributes(ctx: ServiceContext): readonly KeyAttribute[] {
  const setting = ctx.integration.settings["key"];
  const entries: [string, SettingText][] =
    typeof setting === "object" && setting !== null && !Array.isArray(setting)
      ? Object.entries(setting as Record<string, unknown>)
          .sort(byKey)
          .flatMap(([name, raw]): [string, SettingText][] => (typeof raw === "string" ? [[name, asSettingText(raw)]] : []))
      : pathVariables(ctx.op.path).map((name) => [name, { kind: "source", source: { kind: "parameter", in: "path", name } }]);
  return entries.map(([attribute, text]) => {
    const type = text.kind === "source" && isNumeric(ctx, text.source) ? "N" : "S";
    return { attribute, name: jsonStringContent(attribute), value: vtl(`{"${type}": "${settingJson(text)}"}`) };
  });
}

/** The shape of the JSON request body (its first JSON media type), `any` without one. */
function requestShape(ctx: ServiceContext): JsonShape {
  const content = ctx.op.requestBody?.content.find((c) => isJsonMediaType(mediaTypeKey(c.mediaType)));
  return addressable(jsonShape(content?.schema, ctx.model));
}

/** The shape of the JSON body of the response declared for `status` (or of the first 2XX one). */
function responseShape(ctx: ServiceContext, status: number): JsonShape {
  const responses = ctx.op.responses;
  const response = responses.find((r) => r.status === String(status)) ?? responses.find((r) => /^2\d\d$/.test(r.status));
  const content = response?.content.find((c) => isJsonMediaType(mediaTypeKey(c.mediaType)));
  return addressable(jsonShape(content?.schema, ctx.model));
}

/** The JSON of the item (a map of attribute values) at `path`: converted by `shape`, or as DynamoDB sent it. */
function itemJson(shape: JsonShape, path: readonly PathPart[], depth: number): Vtl {
  return shape.kind === "object" ? vtl(`{${unmarshalMembers(shape, path, depth)}}`) : json(path);
}

/** The `Item` of PutItem: the key, then the declared properties of the body (not the key's). */
function itemToPut(ctx: ServiceContext, keys: readonly KeyAttribute[]): Vtl {
  const shape = requestShape(ctx);
  if (shape.kind !== "object") return vtl("$input.json('$')");
  const fixed = keys.map((k) => `"${k.name}": ${k.value}`).join(", ");
  return vtl(`{${fixed}${marshalMembers(shape, [], 0, keys.map((k) => k.attribute), keys.length > 0)}}`);
}

/** The properties UpdateItem sets: the declared properties of the body that are not part of the key. */
function updatedAttributes(ctx: ServiceContext, keys: readonly KeyAttribute[]) {
  const shape = requestShape(ctx);
  if (shape.kind !== "object") return [];
  return shape.properties
    .filter(([name]) => !keys.some((k) => k.attribute === name))
    .map(([name, property]) => ({ name: jsonStringContent(name), present: present([], name), value: marshal(property, [name], 0) }));
}

/** The response of Query and Scan: the items, as an array or as `{"items": […]}` (see the module comment). */
function itemsResponse(ctx: ServiceContext, status: number): Vtl {
  const shape = responseShape(ctx, status);
  const listed = shape.kind === "object" ? shape.properties.find(([name]) => name === "items")?.[1] : shape;
  const items = listed?.kind === "array" ? listed.items : { kind: "any" as const };
  return renderVtlTemplate("dynamodb-query-response", {
    wrap: shape.kind !== "array",
    item: itemJson(addressable(items, true), ["Items", { index: "$i0" }], 1),
  });
}

/** The plan of the DynamoDB action `action`. */
export function dynamoDbPlan(action: DynamoDbAction, ctx: ServiceContext): ServicePlan {
  const table = targetJson(ctx.resource);
  const keys = keyAttributes(ctx);
  const keyData = keys.map((k) => ({ name: k.name, value: k.value }));
  const { errors, statuses } = serviceErrors(action === "UpdateItem" ? [{ pattern: ".*ConditionalCheckFailed.*", status: 404 }] : []);
  const plan = (requestTemplate: Vtl, success: ServicePlan["success"], overrides: readonly number[] = []): ServicePlan => ({
    service: "dynamodb",
    target: `action/${action}`,
    httpMethod: "POST",
    requestParameters: {},
    requestTemplate,
    shapePlacement: { encoding: "json", leadingMembers: vtl(`"TableName": "${table}"`) },
    requestHeaders: [],
    success,
    errors,
    overrideStatuses: [...new Set([...statuses, ...overrides])],
  });
  switch (action) {
    case "GetItem":
      return plan(
        renderVtlTemplate("dynamodb-key-request", { table, keys: keyData }),
        successResponse(ctx, 200, (status) =>
          renderVtlTemplate("dynamodb-get-item-response", {
            item: itemJson(responseShape(ctx, status), ["Item"], 0),
            notFound: { status: 404, message: jsonStringContent(message(404)) },
          }),
        ),
        [404],
      );
    case "DeleteItem":
      return plan(renderVtlTemplate("dynamodb-key-request", { table, keys: keyData }), successResponse(ctx, 204));
    case "PutItem":
      return plan(renderVtlTemplate("dynamodb-put-item", { table, item: itemToPut(ctx, keys) }), successResponse(ctx, 204));
    case "UpdateItem":
      return plan(
        renderVtlTemplate("dynamodb-update-item", { table, keys: keyData, attributes: updatedAttributes(ctx, keys) }),
        successResponse(ctx, 200, (status) =>
          renderVtlTemplate("dynamodb-update-item-response", { item: itemJson(responseShape(ctx, status), ["Attributes"], 0) }),
        ),
      );
    case "Query":
      return plan(renderVtlTemplate("dynamodb-query", { table, keys: keyData }), successResponse(ctx, 200, (status) => itemsResponse(ctx, status)));
    case "Scan":
      return plan(renderVtlTemplate("dynamodb-scan", { table }), successResponse(ctx, 200, (status) => itemsResponse(ctx, status)));
  }
}
