// Synthetic OpenAPI descriptions for the growth series: `resources` REST resources, each a collection and an
// item path with five operations and three component schemas that refer to one another and to the previous
// resource's. Scaling `resources` scales operations, paths and schemas together; the x-gateway is inline (one
// HTTP backend, every operation public), so the description checks clean and builds.

/** Operations per resource: list, create (collection); get, replace, delete (item). */
export const operationsPerResource = 5;
/** Component schemas per resource: the item, its input and the list page. */
export const schemasPerResource = 3;

/**
 * The description with `resources` resources, as a JSON-ready object; the same count always gives the same
 * document.
 * @param {number} resources at least 1
 * @returns {Record<string, unknown>}
 */
export function syntheticSpec(resources) {
  /** @type {Record<string, unknown>} */
  const paths = {};
  /** @type {Record<string, unknown>} */
  const schemas = {
    Error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: { type: "array", items: { type: "string" } } },
    },
  };
  for (let i = 0; i < resources; i++) {
    const name = `Widget${i}`;
    const tag = `widgets${i}`;
    const ref = (/** @type {string} */ s) => ({ $ref: `#/components/schemas/${s}` });
    const ok = (/** @type {string} */ s, /** @type {string} */ description) => ({ description, content: { "application/json": { schema: ref(s) } } });
    const notFound = { description: "No such widget", content: { "application/json": { schema: ref("Error") } } };
    const idParam = { name: "widgetId", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]{1,64}$" } };
    paths[`/widgets${i}`] = {
      get: {
        operationId: `list${name}s`,
        summary: `List widgets of kind ${i}`,
        tags: [tag],
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          { name: "cursor", in: "query", schema: { type: "string" } },
        ],
        responses: { 200: ok(`${name}Page`, "A page of widgets"), default: notFound },
        "x-gateway": { public: true },
      },
      post: {
        operationId: `create${name}`,
        summary: `Create a widget of kind ${i}`,
        tags: [tag],
        requestBody: { required: true, content: { "application/json": { schema: ref(`${name}Input`) } } },
        responses: { 201: ok(name, "The new widget"), 400: notFound },
        "x-gateway": { public: true },
      },
    };
    paths[`/widgets${i}/{widgetId}`] = {
      parameters: [idParam],
      get: {
        operationId: `get${name}`,
        summary: `Get a widget of kind ${i}`,
        tags: [tag],
        responses: { 200: ok(name, "The widget"), 404: notFound },
        "x-gateway": { public: true },
      },
      put: {
        operationId: `replace${name}`,
        summary: `Replace a widget of kind ${i}`,
        tags: [tag],
        requestBody: { required: true, content: { "application/json": { schema: ref(`${name}Input`) } } },
        responses: { 200: ok(name, "The widget as replaced"), 404: notFound },
        "x-gateway": { public: true },
      },
      delete: {
        operationId: `delete${name}`,
        summary: `Delete a widget of kind ${i}`,
        tags: [tag],
        responses: { 204: { description: "Deleted" }, 404: notFound },
        "x-gateway": { public: true },
      },
    };
    schemas[`${name}Input`] = {
      type: "object",
      required: ["name"],
      properties: {
        name: { type: "string", minLength: 1, maxLength: 200, description: `Name of the widget of kind ${i}` },
        size: { type: "integer", minimum: 0, maximum: 1000 },
        colour: { type: "string", enum: ["red", "green", "blue"] },
        labels: { type: "object", additionalProperties: { type: "string" } },
        tags: { type: "array", items: { type: "string" }, maxItems: 20 },
      },
    };
    schemas[name] = {
      allOf: [
        ref(`${name}Input`),
        {
          type: "object",
          required: ["id", "createdAt"],
          properties: {
            id: { type: "string" },
            createdAt: { type: "string", format: "date-time" },
            ...(i > 0 ? { previous: ref(`Widget${i - 1}`) } : {}),
            status: { oneOf: [{ type: "string", enum: ["active", "retired"] }, { type: "integer" }] },
          },
        },
      ],
    };
    schemas[`${name}Page`] = {
      type: "object",
      required: ["items"],
      properties: { items: { type: "array", items: ref(name) }, next: { type: "string", nullable: true } },
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: `Synthetic widgets (${resources} resources)`, version: "1.0.0" },
    servers: [{ url: "https://api.example.com" }],
    "x-gateway": {
      api: "rest",
      name: "synthetic",
      defaults: { integration: { http: { baseUrl: "https://backend.example.com" } } },
      stages: { prod: {} },
    },
    paths,
    components: { schemas },
  };
}
