/**
 * CORS in `openapi.aws.json`: preflight `options` methods, CORS headers on the responses of non-proxy
 * integrations and on gateway responses, the origin check for several origins (rendered with velocityjs), and
 * spec text escaped on its way into VTL.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import velocity from "velocityjs";
import { DiagnosticCollector, type Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { awsOpenApiEmitter } from "../../compiler/emit/aws-openapi/index.js";
import { vtlString } from "../../compiler/emit/aws-openapi/vtl.js";
import type { Cors, GatewayModel, GatewayResponse, Integration } from "../../compiler/model/types.js";
import { at, config, http, lambda, model, operation } from "./fixtures/build.js";
import { fileOf } from "./helpers/harness.js";

type Json = Record<string, any>;

function emit(spec: GatewayModel): { doc: Json; diagnostics: readonly Diagnostic[] } {
  const report = new DiagnosticCollector();
  const files = awsOpenApiEmitter.emit(spec, { specDirFromPulumi: "..", report });
  return { doc: JSON.parse(fileOf(files, "openapi.aws.json")) as Json, diagnostics: report.diagnostics };
}

function cors(parts: Partial<Cors>): Cors {
  return {
    origins: ["https://app.example.com"],
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
    headers: ["Content-Type", "Authorization"],
    exposeHeaders: [],
    credentials: false,
    origin: at("/x-gateway/cors"),
    ...parts,
  };
}

const mock: Extract<Integration, { kind: "mock" }> = { kind: "mock", status: 200, body: { ok: "$1" }, headers: { "Cache-Control": "no-store" }, origin: at("/m") };
const sqs: Extract<Integration, { kind: "aws" }> = {
  kind: "aws",
  service: "sqs",
  action: "SendMessage",
  resource: config("queue"),
  httpMethod: "POST",
  shorthand: "sqs",
  settings: {},
  origin: at("/sqs"),
};

/** One operation per integration kind, a spec-declared OPTIONS, an ANY method and a proxy resource. */
function api(corsSettings: Cors, gatewayResponses: GatewayModel["settings"]["gatewayResponses"] = []): GatewayModel {
  return model({
    cors: corsSettings,
    proxyResources: [{ prefix: "/repos", origin: at("/x-gateway/proxyResources/0") }],
    settings: { ...model({}).settings, gatewayResponses },
    operations: [
      operation("GET", "/custom", "getCustom", lambda("fn")),
      operation("OPTIONS", "/custom", "customPreflight", { ...mock, status: 200 }),
      operation("ANY", "/files/{proxy+}", "files", lambda("fn")),
      operation("GET", "/items", "listItems", lambda("fn")),
      operation("POST", "/items", "createItem", mock),
      operation("GET", "/legacy", "legacy", lambda("fn", { proxy: false })),
      operation("GET", "/photo", "photo", { ...sqs, action: "GetObject", service: "s3" }, { options: { binary: true, usagePlans: [] } }),
      operation("POST", "/queue", "enqueue", sqs),
      operation("GET", "/repos/{owner}", "getRepo", http("https://api.example.com/repos/{owner}")),
      operation("GET", "/upstream", "upstream", http("https://backend.example.com/upstream", { proxy: false })),
      operation("DELETE", "/upstream", "deleteUpstream", http("https://backend.example.com/upstream")),
    ],
  });
}

test("preflight: an options MOCK on every path that has none, with security [] and the path's allowed methods", () => {
  const { doc, diagnostics } = emit(api(cors({ methods: ["GET", "POST", "DELETE"], credentials: true, maxAge: 600, exposeHeaders: ["X-Request-Id"] })));
  assert.equal(diagnostics, []);
  for (const [path, item] of Object.entries(doc.paths as Json)) assert.ok(item.options, `${path} has an options method`);
  assert.is(doc.paths["/custom"].options.operationId, "customPreflight", "the spec's own OPTIONS stays");
  const preflight = doc.paths["/items"].options;
  assert.equal(preflight.security, []);
  const integration = preflight["x-amazon-apigateway-integration"];
  assert.is(integration.type, "mock");
  assert.equal(integration.requestTemplates, { "application/json": '{"statusCode": 200}' });
  assert.equal(integration.responses, {
    default: {
      statusCode: "204",
      responseParameters: {
        "method.response.header.Access-Control-Allow-Credentials": "'true'",
        "method.response.header.Access-Control-Allow-Headers": "'Content-Type,Authorization'",
        "method.response.header.Access-Control-Allow-Methods": "'GET,POST,OPTIONS'",
        "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
        "method.response.header.Access-Control-Expose-Headers": "'X-Request-Id'",
        "method.response.header.Access-Control-Max-Age": "'600'",
      },
    },
  });
  assert.equal(Object.keys(preflight.responses["204"].headers).sort(), [
    "Access-Control-Allow-Credentials",
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
    "Access-Control-Max-Age",
  ]);
  const methods = (path: string) => doc.paths[path].options["x-amazon-apigateway-integration"].responses.default.responseParameters["method.response.header.Access-Control-Allow-Methods"];
  assert.is(methods("/files/{proxy+}"), "'GET,POST,DELETE,OPTIONS'", "ANY serves every method");
  assert.is(methods("/repos/{proxy+}"), "'GET,POST,DELETE,OPTIONS'", "a proxy resource's greedy path");
  assert.is(methods("/repos"), "'GET,POST,DELETE,OPTIONS'", "a proxy resource's own path");
  assert.is(methods("/upstream"), "'GET,DELETE,OPTIONS'");
  assert.is(methods("/queue"), "'POST,OPTIONS'");
});

test("responses of non-proxy integrations carry the CORS headers; proxy integrations are left to the backend", () => {
  const { doc } = emit(api(cors({ credentials: true, exposeHeaders: ["X-Request-Id"] })));
  const expected = {
    "method.response.header.Access-Control-Allow-Credentials": "'true'",
    "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
    "method.response.header.Access-Control-Expose-Headers": "'X-Request-Id'",
  };
  for (const [path, method] of [["/items", "post"], ["/legacy", "get"], ["/queue", "post"], ["/upstream", "get"], ["/photo", "get"]] as const) {
    const operation = doc.paths[path][method];
    const response = operation["x-amazon-apigateway-integration"].responses.default;
    for (const [name, value] of Object.entries(expected)) assert.is(response.responseParameters[name], value, `${path} ${method} ${name}`);
    const declared = Object.keys(operation.responses[response.statusCode].headers);
    for (const name of Object.keys(expected)) assert.ok(declared.includes(name.replace("method.response.header.", "")), `${path} declares ${name}`);
  }
  const mockResponse = doc.paths["/items"].post["x-amazon-apigateway-integration"].responses.default;
  assert.is(mockResponse.responseParameters["method.response.header.Cache-Control"], "'no-store'", "the spec's own headers stay");
  assert.equal(mockResponse.responseTemplates, { "application/json": '#[[{"ok":"$1"}]]#' }, "one origin needs no template");
  for (const [path, method] of [["/items", "get"], ["/upstream", "delete"], ["/files/{proxy+}", "x-amazon-apigateway-any-method"]] as const) {
    const integration = doc.paths[path][method]["x-amazon-apigateway-integration"];
    assert.is(integration.responses, undefined, `${path}: a proxy integration has no integration responses`);
  }
});

test("several origins: the origin is echoed only when allowed, with Vary: Origin; templates are kept after the check", () => {
  const origins = ["https://app.example.com", "https://admin.example.com:8443"];
  const { doc } = emit(api(cors({ origins, credentials: true })));
  const preflight = doc.paths["/items"].options["x-amazon-apigateway-integration"].responses.default;
  assert.is(preflight.responseParameters["method.response.header.Access-Control-Allow-Origin"], undefined);
  assert.is(preflight.responseParameters["method.response.header.Vary"], "'Origin'");
  const check = preflight.responseTemplates["application/json"] as string;
  assert.ok(check.includes("$input.params().header.get('Origin')"));
  assert.ok(check.includes("#set($context.responseOverride.header.Access-Control-Allow-Origin = $corsOrigin)"));
  const mockTemplate = doc.paths["/items"].post["x-amazon-apigateway-integration"].responses.default.responseTemplates["application/json"];
  assert.is(mockTemplate, `${check}#[[{"ok":"$1"}]]#`);
  const legacyTemplate = doc.paths["/legacy"].get["x-amazon-apigateway-integration"].responses.default.responseTemplates["application/json"];
  assert.is(legacyTemplate, `${check}$input.body`, "a response without a template passes the body on");
  const sqsTemplate = doc.paths["/queue"].post["x-amazon-apigateway-integration"].responses.default.responseTemplates["application/json"];
  assert.ok(sqsTemplate.startsWith(check) && sqsTemplate.length > check.length, "a service's own response template is kept after the check");
  const photo = doc.paths["/photo"].get["x-amazon-apigateway-integration"].responses.default;
  assert.is(photo.responseTemplates, undefined, "a binary response is not re-encoded by a template");
  for (const name of ["Access-Control-Allow-Origin", "Vary"]) assert.ok(doc.paths["/items"].post.responses["200"].headers[name], name);

  const render = (template: string, header: Record<string, string>) => {
    const set: Record<string, string> = {};
    const context = { responseOverride: { header: set } };
    const body = velocity.render(template, { input: { params: () => ({ header: new Map(Object.entries(header)) }), body: "{}" }, context, util: { urlDecode: decodeURIComponent } });
    return { body, origin: set["Access-Control-Allow-Origin"] };
  };
  assert.equal(render(check, { Origin: "https://admin.example.com:8443" }), { body: "", origin: "https://admin.example.com:8443" });
  assert.equal(render(check, { origin: "https://app.example.com" }), { body: "", origin: "https://app.example.com" }, "HTTP/2 lower-case header");
  assert.equal(render(check, { Origin: "https://evil.example.com" }), { body: "", origin: undefined });
  assert.equal(render(check, {}), { body: "", origin: undefined });
  assert.equal(render(mockTemplate, { Origin: "https://app.example.com" }), { body: '{"ok":"$1"}', origin: "https://app.example.com" });
});

test("gateway responses: static CORS headers on every declared one and on DEFAULT_4XX/5XX; none with several origins", () => {
  const declared: GatewayResponse[] = [
    { type: "UNAUTHORIZED", status: 401, headers: { "Access-Control-Allow-Origin": "'https://other.example.com'" }, origin: at("/g/u") },
    { type: "THROTTLED", headers: {}, body: '{"message":"slow down"}', origin: at("/g/t") },
  ];
  const one = emit(api(cors({ credentials: true }), declared)).doc["x-amazon-apigateway-gateway-responses"];
  assert.equal(Object.keys(one).sort(), ["DEFAULT_4XX", "DEFAULT_5XX", "THROTTLED", "UNAUTHORIZED"]);
  assert.equal(one.DEFAULT_4XX, {
    responseParameters: {
      "gatewayresponse.header.Access-Control-Allow-Credentials": "'true'",
      "gatewayresponse.header.Access-Control-Allow-Origin": "'https://app.example.com'",
    },
  });
  assert.equal(one.THROTTLED.responseParameters["gatewayresponse.header.Access-Control-Allow-Origin"], "'https://app.example.com'");
  assert.is(one.UNAUTHORIZED.responseParameters["gatewayresponse.header.Access-Control-Allow-Origin"], "'https://other.example.com'", "the spec's header wins");
  const any = emit(api(cors({ origins: ["*"] }))).doc["x-amazon-apigateway-gateway-responses"];
  assert.equal(any.DEFAULT_5XX, { responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" } });
  const several = emit(api(cors({ origins: ["https://a.example.com", "https://b.example.com"], credentials: true }), declared)).doc;
  const responses = several["x-amazon-apigateway-gateway-responses"];
  assert.equal(Object.keys(responses).sort(), ["THROTTLED", "UNAUTHORIZED"], "no defaults are added");
  assert.is(responses.THROTTLED.responseParameters, undefined, "no header can check the origin, and reflecting it would allow any site");
  assert.is(emit(api(cors({ origins: ["https://a.example.com", "https://b.example.com"] }))).doc["x-amazon-apigateway-gateway-responses"], undefined);
});

test("a wildcard origin is static '*'; a negative maxAge is sent as 0", () => {
  const { doc } = emit(api(cors({ origins: ["*", "https://app.example.com"], maxAge: -1 })));
  const parameters = doc.paths["/items"].options["x-amazon-apigateway-integration"].responses.default.responseParameters;
  assert.is(parameters["method.response.header.Access-Control-Allow-Origin"], "'*'");
  assert.is(parameters["method.response.header.Access-Control-Max-Age"], "'0'");
  assert.is(parameters["method.response.header.Access-Control-Allow-Credentials"], undefined);
});

test("cors-value-invalid: origins that browsers never send and headers a quoted value cannot hold are reported and left out", () => {
  const { doc, diagnostics } = emit(
    api(
      cors({
        origins: ["https://*.example.com", "https://app.example.com/", "https://ok.example.com", "https://x.example.com'#set($a=1)", "https://ok2.example.com", "https://App.example.com"],
        headers: ["Content-Type", "it's"],
        exposeHeaders: ["X-Id\u0000"],
      }),
    ),
  );
  assert.equal(
    diagnostics.map((d) => [d.code, d.severity, d.origin.pointer]),
    [
      ["cors-value-invalid", "error", "/x-gateway/cors/origins/0"],
      ["cors-value-invalid", "error", "/x-gateway/cors/origins/1"],
      ["cors-value-invalid", "error", "/x-gateway/cors/origins/3"],
      ["cors-value-invalid", "error", "/x-gateway/cors/origins/5"],
      ["cors-value-invalid", "error", "/x-gateway/cors/headers/1"],
      ["cors-value-invalid", "error", "/x-gateway/cors/exposeHeaders/0"],
    ],
  );
  assert.match(diagnostics[0]?.message ?? "", /^CORS origins entry "https:\/\/\*\.example\.com" cannot be sent: /);
  const preflight = doc.paths["/items"].options["x-amazon-apigateway-integration"].responses.default;
  assert.is(preflight.responseParameters["method.response.header.Access-Control-Allow-Headers"], "'Content-Type'");
  assert.not.match(preflight.responseTemplates["application/json"], /evil|#set\(\$a/);
});

test("vtlString: plain text stays a quoted literal, anything else is percent-encoded and decoded at request time", () => {
  assert.is(vtlString("https://app.example.com:8443"), "'https://app.example.com:8443'");
  for (const text of ["it's", "a$b#c", "#set($x = 1)", "back\\slash \"quote\"", "line\nbreak\u2028", "é ü 👍", "50%+x", "lone \ud800"]) {
    const expression = vtlString(text);
    assert.match(expression, /^\$util\.urlDecode\('[A-Za-z0-9%_.!~*()-]*'\)$/, text);
    const decoded = velocity.render(`#set($v = ${expression})$v`, { util: { urlDecode: decodeURIComponent } });
    assert.is(decoded, text.replace("\ud800", "\ufffd"), text);
  }
});

test.run();
