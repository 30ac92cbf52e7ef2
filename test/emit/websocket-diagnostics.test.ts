/**
 * The checks of a WebSocket API, end to end through `check` (code, line, column): custom route keys starting with
 * `$`, the route selection expression, authorization off `$connect`, a missing `$default` route, integration
 * timeouts over 29 s, duplicate route keys, message schemas that do not carry the selection key, models over
 * 32,768 characters, unknown functions in `manageConnections`; `mapping-invalid` for request shapes a route cannot
 * use; and `not-emitted` for what is not deployed yet.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, createMemoryHost } from "../../compiler/index.js";
import { routeSelectionPaths } from "../../compiler/model/lower/websocket.js";
import { diagnose, yaml } from "../rules/helpers/check.js";
import { fileOf } from "./helpers/harness.js";

/** A spec with one Lambda function `chat` and the given `websocket` body (written unindented; line 7 is its first line). */
function spec(websocket: string, schemas = "{}"): string {
  const body = websocket
    .trim()
    .split("\n")
    .map((line) => `    ${line}`);
  return [
    "openapi: 3.0.3",
    "info: { title: Chat, version: 1.0.0 }",
    "x-gateway:",
    "  functions:",
    "    chat: { arn: arn:aws:lambda:eu-west-1:123456789012:function:chat }",
    "  websocket:",
    ...body,
    "paths: {}",
    "components:",
    `  schemas: ${schemas}`,
    "",
  ].join("\n");
}

test("route selection expressions: $request.body.<path> and templates of ${request.body.<path>} read message paths", () => {
  assert.equal(routeSelectionPaths("$request.body.action"), [["action"]]);
  assert.equal(routeSelectionPaths("$request.body.meta.kind"), [["meta", "kind"]]);
  assert.equal(routeSelectionPaths("${request.body.service}/${request.body.action}"), [["service"], ["action"]]);
  for (const invalid of ["$request.header.action", "action", "$default", "${request.body.a}${context.x}", "$request.body."]) {
    assert.is(routeSelectionPaths(invalid), undefined, invalid);
  }
});

test("websocket-route-selection-invalid at the routeSelection value", () => {
  const text = spec(`
routeSelection: $request.header.action
routes:
  $default: { lambda: chat }
`);
  assert.equal(diagnose(text, ["websocket-route-selection-invalid"]), [{ code: "websocket-route-selection-invalid", line: 7, column: 21 }]);
});

test("a template of body variables is a valid route selection expression", () => {
  const text = spec(`
routeSelection: "\${request.body.service}/\${request.body.action}"
routes:
  $default: { lambda: chat }
`);
  assert.equal(diagnose(text, ["websocket-route-selection-invalid"]), []);
});

test("websocket-default-route-missing (warning) at the routes key", () => {
  const text = spec(`
routes:
  $connect: { lambda: chat }
  sendMessage: { lambda: chat }
`);
  const result = build(createMemoryHost({ "api.yaml": text }), "api.yaml", { out: "out" });
  const found = result.diagnostics.filter((d) => d.code === "websocket-default-route-missing");
  assert.equal(found.map((d) => d.severity), ["warning"]);
  assert.equal(diagnose(text, ["websocket-default-route-missing"]), [{ code: "websocket-default-route-missing", line: 7, column: 5 }]);
});

test("websocket-route-key-invalid: a custom route key starting with $", () => {
  const text = spec(`
routes:
  $default: { lambda: chat }
  $send: { lambda: chat }
`);
  assert.equal(diagnose(text, ["websocket-route-key-invalid"]), [{ code: "websocket-route-key-invalid", line: 9, column: 7 }]);
});

test("websocket-auth-not-connect: a Lambda authorizer or IAM on a route other than $connect", () => {
  const text = yaml`
    openapi: 3.0.3
    info: { title: Chat, version: 1.0.0 }
    x-gateway:
      functions:
        chat: { arn: arn:aws:lambda:eu-west-1:123456789012:function:chat }
      websocket:
        routes:
          $connect: { lambda: chat, auth: ticket }
          $default: { lambda: chat, auth: ticket }
          send: { lambda: chat, auth: sigv4 }
    paths: {}
    components:
      securitySchemes:
        ticket: { type: apiKey, in: query, name: ticket, x-gateway: { lambda: chat } }
        sigv4: { type: apiKey, in: header, name: Authorization, x-gateway: { iam: true } }
  `;
  assert.equal(diagnose(text, ["websocket-auth-not-connect"]), [
    { code: "websocket-auth-not-connect", line: 9, column: 33 },
    { code: "websocket-auth-not-connect", line: 10, column: 29 },
  ]);
});

test("integration-timeout-range: a WebSocket integration may wait 29,000 ms at most", () => {
  const text = spec(`
routes:
  $default: { lambda: { function: chat, timeout: 29001 } }
  ping: { mock: { timeout: 29000 } }
`);
  assert.equal(diagnose(text, ["integration-timeout-range"]), [{ code: "integration-timeout-range", line: 8, column: 54 }]);
});

test("duplicate route keys are the loader's duplicate-key, at the second key", () => {
  const text = spec(`
routes:
  $default: { lambda: chat }
  sendMessage: { lambda: chat }
  sendMessage: { mock: {} }
`);
  const result = build(createMemoryHost({ "api.yaml": text }), "api.yaml", { out: "out" });
  const found = result.diagnostics.filter((d) => d.code === "duplicate-key").map((d) => ({ ...result.locate(d), message: d.message }));
  assert.equal(found.map((f) => [f.line, f.column]), [[10, 7]]);
  assert.match(found[0]?.message ?? "", /sendMessage/);
});

const SCHEMAS = `{
        Send: { type: object, required: [action, text], properties: { action: { type: string, enum: [send] }, text: { type: string } } },
        Loose: { type: object, properties: { action: { type: string } } },
        Typo: { allOf: [{ $ref: '#/components/schemas/Loose' }, { required: [action], properties: { action: { enum: [sned] } } }] },
        Text: { type: string }
      }`;

test("websocket-message-schema-invalid: not an object, no selection key, key not required, key never the route key", () => {
  const text = spec(
    `
routes:
  $default: { lambda: chat, message: { $ref: '#/components/schemas/Text' } }
  send: { lambda: chat, message: { $ref: '#/components/schemas/Send' } }
  text: { lambda: chat, message: { $ref: '#/components/schemas/Text' } }
  other: { lambda: chat, message: { type: object, properties: { text: { type: string } } } }
  loose: { lambda: chat, message: { $ref: '#/components/schemas/Loose' } }
  typo: { lambda: chat, message: { $ref: '#/components/schemas/Typo' } }
`,
    SCHEMAS,
  );
  assert.equal(diagnose(text, ["websocket-message-schema-invalid"]), [
    { code: "websocket-message-schema-invalid", line: 10, column: 38 },
    { code: "websocket-message-schema-invalid", line: 11, column: 39 },
    { code: "websocket-message-schema-invalid", line: 12, column: 39 },
    { code: "websocket-message-schema-invalid", line: 13, column: 38 },
  ]);
  const result = build(createMemoryHost({ "api.yaml": text }), "api.yaml", { out: "out" });
  const messages = result.diagnostics.filter((d) => d.code === "websocket-message-schema-invalid").map((d) => d.message);
  assert.match(messages[0] ?? "", /^Message schema of route text: it is not an object \(type string\);/);
  assert.match(messages[1] ?? "", /route other: it has no property action/);
  assert.match(messages[2] ?? "", /route loose: it does not require action/);
  assert.match(messages[3] ?? "", /route typo: action may only be "sned", never "typo"; .* \$request\.body\.action evaluates to typo\.$/);
});

test("websocket-model-too-large at the message whose model passes 32,768 characters", () => {
  const properties = Array.from({ length: 1200 }, (_, i) => `p${i}: { type: string, maxLength: ${i + 1} }`).join(", ");
  const text = spec(`
routes:
  $default: { lambda: chat }
  big: { lambda: chat, message: { type: object, required: [action], properties: { action: { type: string }, ${properties} } } }
`);
  assert.equal(diagnose(text, ["websocket-model-too-large"]), [{ code: "websocket-model-too-large", line: 9, column: 37 }]);
  const result = build(createMemoryHost({ "api.yaml": text }), "api.yaml", { out: "out" });
  assert.match(result.diagnostics.find((d) => d.code === "websocket-model-too-large")?.message ?? "", /The message model of route big is [\d,]+ characters; .* at most 32,768/);
});

test("function-unknown for a manageConnections entry that names no function", () => {
  const text = spec(`
routes:
  $default: { lambda: chat }
manageConnections: [chat, caht]
`);
  assert.equal(diagnose(text, ["function-unknown"]), [{ code: "function-unknown", line: 9, column: 31 }]);
});

test("not-emitted: an AWS action without a built request or mapping, keys on $connect without usage plans, the @connections policy of a function by arn", () => {
  const text = spec(`
routes:
  $connect: { lambda: chat, apiKeyRequired: true }
  $default: { lambda: chat }
  report: { sqs: { queue: { config: queueUrl } } }
  shaped: { lambda: { function: chat, proxy: false, request: { id: $request.body.id } } }
  other: { aws: { service: lambda, action: ListFunctions } }
  mapped: { aws: { service: lambda, action: ListFunctions, request: { template: "{}" } } }
manageConnections: [chat]
`);
  const result = build(createMemoryHost({ "api.yaml": text }), "api.yaml", { out: "out" });
  const notEmitted = result.diagnostics.filter((d) => d.code === "not-emitted");
  assert.equal(
    notEmitted.map((d) => d.origin.pointer),
    ["/x-gateway/websocket/routes/$connect", "/x-gateway/websocket/routes/other/aws", "/x-gateway/websocket/manageConnections/0"],
    notEmitted.map((d) => d.message).join("\n"),
  );
  assert.match(notEmitted[0]?.message ?? "", /usage plan for the API keys \$connect requires .*: no key can connect/);
  assert.match(notEmitted[1]?.message ?? "", /an action Portico builds no request for .* the route is left out/);
  assert.match(notEmitted[2]?.message ?? "", /@connections policy of a function referenced by arn/);
  assert.not.match(fileOf(result.files, "pulumi/index.ts"), /"other"/);
  assert.match(fileOf(result.files, "pulumi/index.ts"), /routeKey: "mapped"/);
});

test("mapping-invalid at a request shape a WebSocket integration cannot use, at its place", () => {
  const text = spec(`
routes:
  $default: { lambda: chat }
  proxied: { lambda: { function: chat, request: { id: $request.body.id } } }
  broken: { lambda: { function: chat, proxy: false, request: { id: $request.nowhere.id } } }
`);
  const result = build(createMemoryHost({ "api.yaml": text }), "api.yaml", { out: "out" });
  const invalid = result.diagnostics.filter((d) => d.code === "mapping-invalid");
  assert.equal(invalid.map((d) => d.origin.pointer), ["/x-gateway/websocket/routes/proxied/lambda/request", "/x-gateway/websocket/routes/broken/lambda/request/id"]);
  assert.match(invalid[0]?.message ?? "", /proxy integration passes the message through untouched/);
});

test.run();
