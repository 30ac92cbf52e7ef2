/**
 * The models of a WebSocket API: one `aws.apigatewayv2.Model` per message schema (`routes.<key>.message`) and per
 * reply schema (`routes.<key>.reply`), so that API Gateway validates each message against its route's model
 * (apigateway-websocket-api-request-validation.html).
 *
 * A model is one self-contained JSON Schema draft 4 document: the spec schema lowered as for REST models
 * (../../aws-openapi/schemas.ts), with every `components.schemas` entry it reaches through `$ref` under
 * `definitions` and referenced as `#/definitions/<Name>`. A schema that is only a `$ref` is written as that
 * definition itself. A `$ref` outside `components.schemas` accepts any value there. Names follow API Gateway's rule
 * (letters and digits, ../../aws-openapi/model-names.ts): the referenced component's name, else the route's key
 * with `Message` or `Reply`; routes that name the same component share its model. A model's schema is at most
 * 32,768 characters (`websocket-model-too-large`, Pulumi `apigatewayv2/model.d.ts`).
 */
import type { GatewayModel, Origin, Schema, WebSocketRoute } from "../../../model/types.js";
import { child } from "../../../model/lower/read.js";
import { compactJson, table } from "../../json.js";
import { ModelNamer, modelName } from "../../aws-openapi/model-names.js";
import { lowerSchema, NULL_SCHEMA, type LoweredSchema, type SchemaContext } from "../../aws-openapi/schemas.js";

/** The `$ref` prefix of component schemas. */
const COMPONENTS = "#/components/schemas/";

/** The most characters a WebSocket (API Gateway v2) model schema may hold. */
export const MODEL_SCHEMA_LIMIT = 32_768;

/** One model to create. */
export interface MessageModel {
  /** Model name: letters and digits, unique in the API. */
  readonly name: string;
  /** The draft 4 schema, compact JSON. */
  readonly schema: string;
  /** Where the schema is written (the first route's `message` or `reply`). */
  readonly origin: Origin;
}

/** The models of an API and which model each route's message and reply use. */
export interface MessageModels {
  /** Sorted by name. */
  readonly models: readonly MessageModel[];
  /** Model name of `route`'s message, or undefined. */
  message(route: WebSocketRoute): string | undefined;
  /** Model name of `route`'s reply, or undefined. */
  reply(route: WebSocketRoute): string | undefined;
}

/** The component a schema only refers to (`{ $ref: '#/components/schemas/Name' }`), or undefined. */
function componentOf(schema: Schema): string | undefined {
  const ref = schema["$ref"];
  if (typeof ref !== "string" || !ref.startsWith(COMPONENTS) || Object.keys(schema).length !== 1) return undefined;
  const token = ref.slice(COMPONENTS.length);
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // Not percent-encoded text: the token is the name as written.
  }
  return decoded.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `schema` lowered into one draft 4 document, its referenced components under `definitions`. */
export function modelSchema(model: GatewayModel, schema: Schema, at: Origin): LoweredSchema {
  const components = new Map(model.schemas.map((s) => [s.name, s]));
  const namer = new ModelNamer();
  const names = new Map<string, string>();
  const pending: string[] = [];
  let usesNull = false;
  const ctx: SchemaContext = {
    ref(ref) {
      if (!ref.startsWith(COMPONENTS)) return undefined;
      const name = componentOf({ $ref: ref });
      if (name === undefined || !components.has(name)) return undefined;
      if (!names.has(name)) {
        names.set(name, namer.claim(name));
        pending.push(name);
      }
      return `#/definitions/${names.get(name) ?? ""}`;
    },
    nullRef() {
      usesNull = true;
      return "#/definitions/Null";
    },
  };
  namer.claim("Null");
  const root = lowerSchema(schema, at, ctx);
  const definitions = table<LoweredSchema>();
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    const component = components.get(name);
    if (component) definitions[names.get(name) ?? name] = lowerSchema(component.schema, component.origin, ctx);
  }
  if (usesNull) definitions["Null"] = NULL_SCHEMA;
  const only = componentOf(schema);
  const rootName = only === undefined ? undefined : names.get(only);
  const inlined = rootName === undefined ? undefined : definitions[rootName];
  const body = inlined ?? root;
  // The inlined component stays a definition only when something refers to it (a recursive schema).
  if (rootName !== undefined && !JSON.stringify([body, definitions]).includes(`"#/definitions/${rootName}"`)) delete definitions[rootName];
  return {
    $schema: "http://json-schema.org/draft-04/schema#",
    ...body,
    ...(Object.keys(definitions).length > 0 ? { definitions } : {}),
  };
}

/** Plans the models of `model`'s WebSocket API (none without one). */
export function planMessageModels(model: GatewayModel): MessageModels {
  const namer = new ModelNamer();
  const byComponent = new Map<string, string>();
  const models: MessageModel[] = [];
  const assigned = new Map<string, string>();
  const plan = (route: WebSocketRoute, role: "message" | "reply", schema: Schema | undefined): void => {
    if (schema === undefined) return;
    const component = componentOf(schema);
    const shared = component === undefined ? undefined : byComponent.get(component);
    if (shared !== undefined) {
      assigned.set(`${role}\u0000${route.key}`, shared);
      return;
    }
    const name = namer.claim(component ?? `${modelName(route.key)}${role === "message" ? "Message" : "Reply"}`);
    if (component !== undefined) byComponent.set(component, name);
    const origin = child(route.origin, role);
    models.push({ name, schema: compactJson(modelSchema(model, schema, origin)), origin });
    assigned.set(`${role}\u0000${route.key}`, name);
  };
  for (const route of model.websocket?.routes ?? []) {
    plan(route, "message", route.message);
    plan(route, "reply", route.reply);
  }
  return {
    models: models.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    message: (route) => assigned.get(`message\u0000${route.key}`),
    reply: (route) => assigned.get(`reply\u0000${route.key}`),
  };
}
