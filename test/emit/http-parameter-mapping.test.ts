/**
 * HTTP API parameter mapping from the `request` and `response` maps: `requestParameters` of Lambda and HTTP proxies
 * (header, query string and path keys; sources in HTTP API syntax; `''` for removals), `responseParameters` by
 * backend status (`status`, `headers`, `errors`), and what parameter mapping cannot express reported at its key
 * with code, line and column (body transformations, reserved headers, selection patterns, sources that do not parse).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost, type BuildResult } from "../../compiler/index.js";
import { yaml } from "../rules/helpers/check.js";

type Json = Record<string, any>;

function buildSpec(spec: string): BuildResult {
  return build(createMemoryHost({ "api.yaml": spec }), "api.yaml", { out: "out", emit: ["openapi"] });
}

/** The diagnostics of `result` with `codes`, as `line:column code`. */
function placed(result: BuildResult, codes: readonly string[]): string[] {
  return result.diagnostics.filter((d) => codes.includes(d.code)).map((d) => {
    const at = result.locate(d);
    return `${at.line}:${at.column} ${d.code}`;
  });
}

const MAPPED = yaml`
  openapi: 3.0.3
  info: { title: Tasks, version: 1.0.0 }
  x-gateway:
    api: http
    functions:
      tasks: { arn: arn:aws:lambda:eu-west-1:123456789012:function:tasks }
  paths:
    /tasks/{id}:
      get:
        operationId: getTask
        parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
        x-gateway:
          http:
            url: https://backend.example.com/tasks/{id}
            request:
              "overwrite:header.X-User": $context.authorizer.jwt.claims.sub
              "append:querystring.source": $request.query.from
              "remove:header.Cookie": ""
              "overwrite:path": /v2/tasks/\${request.path.id}?view=\${request.querystring.view}
              "append:header.X-Stage": $stageVariables.name
            response:
              status: 203
              headers: { Cache-Control: "max-age=60", X-Backend-Version: $response.header.version, X-Item: $.item.id }
              errors: [{ when: "404", status: 410 }, { when: "500", status: 502 }]
          public: true
        responses: { "200": { description: ok }, "206": { description: partial } }
      put:
        operationId: putTask
        parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
        x-gateway: { lambda: { function: tasks, request: { "overwrite:header.X-Request-Id": $context.requestId } }, public: true }
        responses: { "200": { description: ok } }
`;

const mapped = buildSpec(MAPPED);
const document = JSON.parse(mapped.files.find((f) => f.path === "openapi.aws.json")?.content ?? "{}") as Json;

test("request maps become requestParameters in HTTP API syntax; a removal's value is ''", () => {
  assert.equal(mapped.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
  assert.equal(document.paths["/tasks/{id}"].get["x-amazon-apigateway-integration"].requestParameters, {
    "append:header.X-Stage": "$stageVariables.name",
    "append:querystring.source": "$request.querystring.from",
    "overwrite:header.X-User": "$context.authorizer.jwt.claims.sub",
    "overwrite:path": "/v2/tasks/${request.path.id}?view=${request.querystring.view}",
    "remove:header.Cookie": "''",
  });
  assert.equal(document.paths["/tasks/{id}"].put["x-amazon-apigateway-integration"].requestParameters, {
    "overwrite:header.X-Request-Id": "$context.requestId",
  });
});

test("response maps become responseParameters by backend status: status of a 200, headers on success statuses, errors", () => {
  const integration = document.paths["/tasks/{id}"].get["x-amazon-apigateway-integration"];
  const headers = {
    "overwrite:header.Cache-Control": "max-age=60",
    "overwrite:header.X-Backend-Version": "$response.header.version",
    "overwrite:header.X-Item": "$response.body.item.id",
  };
  assert.equal(integration.responseParameters, {
    "200": { ...headers, "overwrite:statuscode": "203" },
    "206": headers,
    "404": { "overwrite:statuscode": "410" },
    "500": { "overwrite:statuscode": "502" },
  });
  assert.equal(Object.keys(integration.responseParameters), ["200", "206", "404", "500"]);
  assert.is(document.paths["/tasks/{id}"].put["x-amazon-apigateway-integration"].responseParameters, undefined);
});

test("what parameter mapping cannot express is reported at its key, and nothing is written", () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: Tasks, version: 1.0.0 }
    x-gateway:
      api: http
    paths:
      /tasks:
        post:
          operationId: createTask
          x-gateway:
            http:
              url: https://backend.example.com/tasks
              request:
                title: $request.body.title
                "overwrite:header.Authorization": $request.header.X-Token
                "append:header.X-Amz-Date": now
                "overwrite:header.X-Tags": { a: 1 }
                "overwrite:header.X-Bad": $request.cookie.x
              response:
                body: { id: $.id }
                headers: { Access-Control-Allow-Origin: "*", X-Id: $request.body.id }
                errors: [{ when: "4\\\\d{2}", status: 400 }, { when: "409", status: 409, body: { message: conflict } }]
            public: true
          responses: { "201": { description: created } }
  `;
  const result = buildSpec(spec);
  assert.equal(placed(result, ["http-mapping-unsupported", "http-mapping-reserved-header", "integration-source-invalid"]), [
    "13:13 http-mapping-unsupported",
    "14:13 http-mapping-reserved-header",
    "15:13 http-mapping-reserved-header",
    "16:40 http-mapping-unsupported",
    "17:39 integration-source-invalid",
    "19:13 http-mapping-unsupported",
    "20:24 http-mapping-reserved-header",
    "20:64 integration-source-invalid",
    "21:30 http-mapping-unsupported",
    "21:84 http-mapping-unsupported",
  ]);
  const body = result.diagnostics.find((d) => d.code === "http-mapping-unsupported" && d.origin.pointer.endsWith("/request/title"));
  assert.ok(body?.message.startsWith("HTTP API parameter mapping cannot express the request key title: it is no header, query string or path mapping"), body?.message);
  const reserved = result.diagnostics.find((d) => d.code === "http-mapping-reserved-header");
  assert.ok(reserved?.message.startsWith("Header Authorization is reserved"), reserved?.message);
  assert.equal(result.files, []);
});

test("an HTTP API build reports no not-emitted warning for its integrations", () => {
  assert.equal(mapped.diagnostics.filter((d) => d.code === "not-emitted"), []);
});

test.run();
