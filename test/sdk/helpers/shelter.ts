/**
 * A small API without `x-gateway` whose SDK the runtime and type-level tests use: path parameters in every
 * style, query parameters in every style, JSON, form, multipart and binary bodies, typed errors, retries, a slow
 * route, API-key, bearer and basic credentials, cookies and headers. Most routes answer with an echo of the
 * request (./echo-server.ts).
 */
type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ content: { "application/json": { schema } } });
const echo = { "200": { description: "The request, echoed.", ...json(ref("Echo")) } };

export const SHELTER: Json = {
  openapi: "3.1.0",
  info: { title: "Shelter", version: "2.1" },
  servers: [{ url: "{scheme}://shelter.example.com/{base}", variables: { scheme: { default: "https" }, base: { default: "v2" } } }],
  security: [{ apiKey: [] }, { bearer: [] }],
  paths: {
    "/pets/{petId}": {
      parameters: [{ name: "petId", in: "path", required: true, description: "Any text: it is percent-encoded.", schema: { type: "string" } }],
      get: {
        operationId: "getPet",
        summary: "Get one pet",
        description: "Answers 404 for `missing`, 500 for `boom`, 204 for `empty`, and an echo otherwise.",
        responses: {
          "200": { description: "The pet.", ...json(ref("Echo")) },
          "204": { description: "Nothing." },
          "404": { description: "No such pet.", ...json(ref("NotFound")) },
          default: { description: "Anything else.", ...json(ref("Problem")) },
        },
      },
      delete: { operationId: "delete", deprecated: true, responses: { "204": { description: "Deleted." } } },
    },
    "/styles/{label}/{matrix}/{list}/{obj}": {
      get: {
        operationId: "pathStyles",
        parameters: [
          { name: "label", in: "path", required: true, style: "label", schema: { type: "array", items: { type: "string" } } },
          { name: "matrix", in: "path", required: true, style: "matrix", explode: true, schema: { type: "array", items: { type: "integer" } } },
          { name: "list", in: "path", required: true, schema: { type: "array", items: { type: "string" } } },
          { name: "obj", in: "path", required: true, explode: true, schema: { type: "object", additionalProperties: { type: "string" } } },
        ],
        responses: echo,
      },
    },
    "/files/{rest}": {
      get: { operationId: "getFile", summary: "The path names a parameter the operation does not declare.", responses: echo },
    },
    "/search": {
      get: {
        operationId: "search",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer" } },
          { name: "tag", in: "query", schema: { type: "array", items: { type: "string" } } },
          { name: "ids", in: "query", explode: false, schema: { type: "array", items: { type: "integer" } } },
          { name: "filter", in: "query", style: "deepObject", explode: true, schema: ref("Filter") },
          { name: "sort", in: "query", style: "spaceDelimited", explode: false, schema: { type: "array", items: { type: "string" } } },
          { name: "fields", in: "query", style: "pipeDelimited", explode: false, schema: { type: "array", items: { type: "string" } } },
          { name: "point", in: "query", explode: true, schema: { type: "object", properties: { x: { type: "number" }, y: { type: "number" } } } },
          { name: "color", in: "query", explode: false, schema: { type: "object", properties: { r: { type: "integer" }, g: { type: "integer" } } } },
          { name: "q", in: "query", required: true, schema: { type: "string" } },
          { name: "X-Trace", in: "header", schema: { type: "array", items: { type: "string" } } },
          { name: "session", in: "cookie", schema: { type: "string" } },
        ],
        responses: echo,
      },
    },
    "/pets": {
      post: {
        operationId: "createPet",
        requestBody: { required: true, content: { "application/json": { schema: ref("NewPet") } } },
        responses: { "201": { description: "Created.", ...json(ref("Echo")) }, "503": { description: "Busy." } },
      },
    },
    "/forms": {
      post: {
        operationId: "submitForm",
        requestBody: {
          required: true,
          content: {
            "application/x-www-form-urlencoded": {
              schema: ref("Form"),
              encoding: { tags: { style: "form", explode: false }, items: { style: "deepObject", explode: true } },
            },
          },
        },
        responses: echo,
      },
    },
    "/uploads": {
      post: {
        operationId: "upload",
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file"],
                properties: {
                  file: { type: "string", format: "binary" },
                  note: { type: "string" },
                  labels: { type: "array", items: { type: "string" } },
                  meta: { type: "object", properties: { size: { type: "integer" } } },
                },
              },
            },
          },
        },
        responses: echo,
      },
    },
    "/photos/{petId}": {
      put: {
        operationId: "putPhoto",
        parameters: [{ name: "petId", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: { required: true, content: { "image/png": { schema: { type: "string", format: "binary" } } } },
        responses: echo,
      },
      get: {
        operationId: "getPhoto",
        parameters: [{ name: "petId", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "The photo.", content: { "image/png": { schema: { type: "string", format: "binary" } } } } },
      },
    },
    "/flaky": {
      get: {
        operationId: "flaky",
        parameters: [
          { name: "failures", in: "query", required: true, schema: { type: "integer" } },
          { name: "retryAfter", in: "query", schema: { type: "integer" } },
          { name: "key", in: "query", required: true, schema: { type: "string" } },
        ],
        responses: { ...echo, "503": { description: "Busy.", ...json(ref("Problem")) } },
      },
      post: {
        operationId: "flakyPost",
        parameters: [
          { name: "failures", in: "query", required: true, schema: { type: "integer" } },
          { name: "key", in: "query", required: true, schema: { type: "string" } },
        ],
        responses: { ...echo, "503": { description: "Busy.", ...json(ref("Problem")) } },
      },
    },
    "/slow": {
      get: {
        operationId: "slow",
        parameters: [{ name: "ms", in: "query", required: true, schema: { type: "integer" } }],
        security: [],
        responses: echo,
      },
    },
    "/legacy": {
      get: { operationId: "legacyAuth", security: [{ basic: [] }, { queryKey: [], cookieKey: [] }], responses: echo },
    },
  },
  components: {
    securitySchemes: {
      apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
      bearer: { type: "http", scheme: "bearer" },
      basic: { type: "http", scheme: "basic" },
      queryKey: { type: "apiKey", in: "query", name: "key" },
      cookieKey: { type: "apiKey", in: "cookie", name: "sid" },
    },
    schemas: {
      Echo: {
        type: "object",
        required: ["method", "url", "headers", "body"],
        properties: {
          method: { type: "string" },
          url: { type: "string" },
          headers: { type: "object", additionalProperties: { type: "string" } },
          body: { type: "string", description: "The body as text (base64 for binary bodies)." },
        },
      },
      NotFound: { type: "object", required: ["message"], properties: { message: { type: "string" } } },
      Problem: { type: "object", required: ["code"], properties: { code: { type: "integer" } } },
      NewPet: { type: "object", required: ["name"], properties: { name: { type: "string" }, tags: { type: "array", items: { type: "string" } } } },
      Filter: { type: "object", properties: { kind: { type: "string" }, age: { type: "object", properties: { min: { type: "integer" }, max: { type: "integer" } } } } },
      Form: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          tags: { type: "array", items: { type: "string" } },
          repeat: { type: "array", items: { type: "string" } },
          owner: { type: "object", properties: { name: { type: "string" }, address: { type: "object", properties: { city: { type: "string" } } } } },
          items: { type: "array", items: { type: "object", properties: { price: { type: "string" }, quantity: { type: "integer" } } } },
        },
      },
    },
  },
};
