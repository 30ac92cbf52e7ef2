/**
 * Request and response mappings of REST integrations, end to end through the pipeline on an in-memory spec: the
 * request templates by media type with `passthroughBehavior: never`, Step Functions' input, integration responses
 * by selection pattern with their templates and headers, JSONPath-condition errors, method responses for every
 * status; template files read and linted with findings at their line and column inside the file; what a mapping
 * cannot compile reported as `mapping-invalid` at its place; and `--emit templates` writing the new templates.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost, type BuildResult } from "../../compiler/index.js";
import { renderTemplate } from "../../compiler/vtl/index.js";
import { yaml } from "../rules/helpers/check.js";

type Json = Record<string, any>;

const GOOD_FILE = '## Files the order.\n{"id": "$util.escapeJavaScript($input.params(\'id\'))", "order": $input.json(\'$\')}\n';
const BAD_FILE = ["## Builds the order request.", '{"id": "$input.params(\'id\')",', ' "raw": $util.toJson($input.body),', ' "at": "$context.requestTimez"}', ""].join("\n");

const SPEC = yaml`
  openapi: 3.0.3
  info: { title: Orders, version: 1.0.0 }
  x-gateway:
    api: rest
    stages: { prod: {} }
    validate: false
    functions:
      orders: { arn: arn:aws:lambda:eu-west-1:123456789012:function:orders }
  paths:
    /orders/{id}:
      get:
        operationId: getOrder
        parameters:
          - { name: id, in: path, required: true, schema: { type: string } }
          - { name: limit, in: query, schema: { type: integer } }
          - { name: verbose, in: query, schema: { type: boolean } }
        x-gateway:
          lambda:
            function: orders
            proxy: false
            request:
              id: $request.path.id
              limit: { $source: $request.query.limit, default: 10 }
              verbose: { $source: $request.query.verbose, missing: null }
              note: "cost: $5 #1"
            response:
              body: { order: $.order, count: "$.items[0].count" }
              headers: { Cache-Control: "max-age=60", X-Order: $.order.id }
              errors:
                - { when: "^NotFound:.*", status: 404, body: { message: $.errorMessage }, headers: { X-Reason: not-found } }
                - { when: "$.order == null", status: 410, body: { message: gone } }
        responses:
          '200': { description: The order. }
    /orders:
      post:
        operationId: createOrder
        requestBody:
          content:
            application/json: { schema: { type: object } }
            text/plain: { schema: { type: string } }
        x-gateway:
          stepfunctions:
            stateMachine: arn:aws:states:eu-west-1:123456789012:stateMachine:orders
            request: { order: $request.body, total: $request.body.total }
        responses:
          '202': { description: Started. }
    /orders/{id}/file:
      put:
        operationId: fileOrder
        parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
        x-gateway:
          http:
            url: https://backend.example.com/orders/{id}
            proxy: false
            request: { templateFile: ./templates/order.vtl }
        responses:
          '200': { description: Filed. }
    /bad/{id}:
      get:
        operationId: bad
        parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
        x-gateway:
          http:
            url: https://backend.example.com/bad
            proxy: false
            request:
              a: $request.cookie.x
              b: { $source: $request.query.q, missing: maybe }
              c: $.items
            response:
              body: { all: "$.items[*].id" }
              headers: { X-Quote: "it's" }
              errors:
                - { when: "(", status: 500 }
                - { when: "$.a ~ 1", status: 500 }
                - { when: "$.a > 'x'", status: 500 }
        responses:
          '200': { description: OK. }
    /proxy:
      get:
        operationId: proxied
        x-gateway:
          lambda: { function: orders, response: { status: 200 } }
        responses:
          '200': { description: OK. }
    /inline:
      get:
        operationId: inline
        x-gateway:
          http:
            url: https://backend.example.com/inline
            proxy: false
            request: { template: "#macro(x)#end\\n{\\"a\\": \\"$util.qr(1)\\"}" }
        responses:
          '200': { description: OK. }
`;

function buildSpec(spec: string, file: string, emit: ("openapi" | "templates")[] = ["openapi"]): BuildResult {
  return build(createMemoryHost({ "api.yaml": spec, "templates/order.vtl": file }), "api.yaml", { out: "out", emit });
}

/** `file:line:column code` of each diagnostic with one of `codes`. */
function placed(result: BuildResult, codes: readonly string[]): string[] {
  return result.diagnostics.filter((d) => codes.includes(d.code)).map((d) => {
    const at = result.locate(d);
    return `${at.file}:${at.line}:${at.column} ${d.code}`;
  });
}

const linted = buildSpec(SPEC, BAD_FILE);
const invalid = buildSpec(SPEC.replace(/\n  \/inline:[\s\S]*$/, "\n"), GOOD_FILE);
const clean = buildSpec(SPEC.replace(/\n  \/bad\/\{id\}:[\s\S]*$/, "\n"), GOOD_FILE, ["openapi", "templates"]);
const document = JSON.parse(clean.files.find((f) => f.path === "openapi.aws.json")?.content ?? "{}") as Json;
const integrationOf = (path: string, method: string): Json => document.paths[path][method]["x-amazon-apigateway-integration"];

test("what a mapping cannot compile is mapping-invalid at its place, and proxy integrations take no mappings", () => {
  assert.equal(placed(invalid, ["mapping-invalid"]), [
    "api.yaml:67:16 mapping-invalid", // $request.cookie.x
    "api.yaml:68:54 mapping-invalid", // missing: maybe
    "api.yaml:69:16 mapping-invalid", // $.items in a request
    "api.yaml:71:26 mapping-invalid", // $.items[*].id
    "api.yaml:72:33 mapping-invalid", // it's
    "api.yaml:74:25 mapping-invalid", // (
    "api.yaml:75:25 mapping-invalid", // $.a ~ 1
    "api.yaml:76:25 mapping-invalid", // $.a > 'x'
    "api.yaml:83:47 mapping-invalid", // a response on a Lambda proxy
  ]);
  assert.is(invalid.files.length, 0);
});

test("template files are linted, each finding at its line and column inside the file; inline templates at the template", () => {
  assert.equal(placed(linted, ["mapping-template-error", "mapping-template-warning"]), [
    "api.yaml:93:32 mapping-template-error",
    "api.yaml:93:32 mapping-template-error",
    "templates/order.vtl:3:15 mapping-template-error",
    "templates/order.vtl:4:18 mapping-template-warning",
  ]);
  const inline = linted.diagnostics.filter((d) => d.code === "mapping-template-error" && d.origin.file === "api.yaml").map((d) => d.message);
  assert.ok(inline.some((m) => m.includes("#macro") && m.includes("template line 1, column 1")), inline.join("\n"));
  assert.ok(inline.some((m) => m.includes("$util.qr") && m.includes("template line 2")), inline.join("\n"));
});

test("the build no longer reports request or response mappings as not deployed", () => {
  assert.not.ok(invalid.diagnostics.some((d) => d.code === "not-emitted" && /mapping/.test(d.message)));
});

test("a clean spec builds without diagnostics about its mappings", () => {
  assert.equal(clean.diagnostics.filter((d) => d.code.startsWith("mapping")).map((d) => d.message), []);
  assert.is(clean.errorCount, 0);
});

test("a request shape: a template per media type, passthrough never, typed parameters, defaults and escaping", () => {
  const lambda = integrationOf("/orders/{id}", "get");
  assert.is(lambda.passthroughBehavior, "never");
  assert.equal(Object.keys(lambda.requestTemplates), ["application/json"]);
  const render = (query: Record<string, string>) =>
    JSON.parse(renderTemplate(lambda.requestTemplates["application/json"], { body: null, path: { id: `a'b"c\\$#` }, query }).output);
  assert.equal(render({}), { id: `a'b"c\\$#`, limit: 10, note: "cost: $5 #1", verbose: null });
  assert.equal(render({ limit: "25", verbose: "true" }), { id: `a'b"c\\$#`, limit: 25, note: "cost: $5 #1", verbose: true });
  assert.equal(render({ limit: "2x", verbose: "yes" }), { id: `a'b"c\\$#`, limit: "2x", note: "cost: $5 #1", verbose: "yes" });
  assert.not.match(lambda.requestTemplates["application/json"], /cost: \$5/);
});

test("Step Functions: a shape is the execution input, one template per media type (text bodies as a string)", () => {
  const sfn = integrationOf("/orders", "post");
  assert.equal(Object.keys(sfn.requestTemplates).sort(), ["application/json", "text/plain"]);
  const json = JSON.parse(renderTemplate(sfn.requestTemplates["application/json"], { body: '{"total": 12.5, "x": "</script>"}' }).output);
  assert.is(json.stateMachineArn, "arn:aws:states:eu-west-1:123456789012:stateMachine:orders");
  assert.equal(JSON.parse(json.input), { order: { total: 12.5, x: "</script>" }, total: 12.5 });
  const text = JSON.parse(renderTemplate(sfn.requestTemplates["text/plain"], { body: "plain 'text' $x" }).output);
  assert.equal(JSON.parse(text.input), { order: "plain 'text' $x" });
});

test("responses: the success body and headers, selection-pattern errors with their own template and headers, conditions in the default template", () => {
  const responses = integrationOf("/orders/{id}", "get").responses as Json;
  assert.equal(Object.keys(responses).sort(), ["^NotFound:.*", "default"]);
  assert.equal(responses["default"].responseParameters, {
    "method.response.header.Cache-Control": "'max-age=60'",
    "method.response.header.X-Order": "integration.response.body.order.id",
  });
  assert.equal(responses["^NotFound:.*"].statusCode, "404");
  assert.equal(responses["^NotFound:.*"].responseParameters, { "method.response.header.X-Reason": "'not-found'" });
  const notFound = renderTemplate(responses["^NotFound:.*"].responseTemplates["application/json"], {
    body: JSON.stringify({ errorMessage: 'NotFound: order "7"\n', errorType: "Error" }),
    kind: "response",
  });
  assert.equal(JSON.parse(notFound.output), { message: 'NotFound: order "7"\n' });
  const success = responses["default"].responseTemplates["application/json"];
  const ok = renderTemplate(success, { body: JSON.stringify({ order: { id: "o1" }, items: [{ count: 3 }] }), kind: "response" });
  assert.equal(JSON.parse(ok.output), { count: 3, order: { id: "o1" } });
  assert.is(ok.overrides.response.status, undefined);
  const gone = renderTemplate(success, { body: JSON.stringify({ order: null }), kind: "response" });
  assert.equal(JSON.parse(gone.output), { message: "gone" });
  assert.is(gone.overrides.response.status, 410);
  const methodResponses = document.paths["/orders/{id}"].get.responses as Json;
  assert.equal(Object.keys(methodResponses).sort(), ["200", "404", "410"]);
  assert.equal(Object.keys(methodResponses["200"].headers).sort(), ["Cache-Control", "X-Order"]);
  assert.equal(Object.keys(methodResponses["404"].headers), ["X-Reason"]);
});

test("a template file is read next to the spec and used as written; --emit templates writes the generated templates", () => {
  assert.is(integrationOf("/orders/{id}/file", "put").requestTemplates["application/json"], GOOD_FILE);
  const files = new Map(clean.files.map((f) => [f.path, f.content]));
  assert.ok(files.get("templates/get-order/request.application-json.vtl")?.includes("$input.params().querystring.get('limit')"));
  assert.ok(files.has("templates/get-order/response.404.application-json.vtl"), [...files.keys()].join("\n"));
  assert.ok(files.has("templates/create-order/request.text-plain.vtl"));
  const index = JSON.parse(files.get("templates/index.json") ?? "[]") as Json[];
  assert.ok(index.some((u) => u.file === "get-order/response.404.application-json.vtl" && u.selectionPattern === "^NotFound:.*"));
});

test.run();
