/**
 * Each security check over small resource graphs: a secure graph passes every check (the one deliberately public
 * route is reported as suppressed), and each insecure variant fails exactly its check, naming the resource.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SecurityCheckId, SecurityContext } from "../../compiler/security/check.js";
import { isModernTlsPolicy } from "../../compiler/security/checks/domain-tls.js";
import type { GraphResource, ResourceGraph } from "../../compiler/security/graph.js";
import { runChecks, securityChecks } from "../../compiler/security/index.js";

const EXEC = "arn:aws:execute-api:us-east-1:123456789012:api-id";
const STAGE_ARN = "arn:aws:apigateway:us-east-1::/restapis/api-id/stages/prod";
const T = {
  api: "aws:apigateway/restApi:RestApi",
  stage: "aws:apigateway/stage:Stage",
  settings: "aws:apigateway/methodSettings:MethodSettings",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  permission: "aws:lambda/permission:Permission",
  domain: "aws:apigateway/domainName:DomainName",
  waf: "aws:wafv2/webAclAssociation:WebAclAssociation",
};

type Json = Record<string, unknown>;

const BODY = {
  openapi: "3.0.1",
  security: [{ sigv4: [] }],
  "x-amazon-apigateway-request-validators": {
    all: { validateRequestBody: true, validateRequestParameters: true },
    parameters: { validateRequestBody: false, validateRequestParameters: true },
  },
  "x-amazon-apigateway-request-validator": "all",
  "x-amazon-apigateway-policy": {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
      { Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*", Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } } },
    ],
  },
  components: {
    securitySchemes: {
      sigv4: { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "awsSigv4" },
      partners: {
        type: "apiKey",
        name: "Authorization",
        in: "header",
        "x-amazon-apigateway-authtype": "custom",
        "x-amazon-apigateway-authorizer": { type: "token", authorizerUri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations" },
      },
      apiKey: { type: "apiKey", name: "x-api-key", in: "header" },
      users: { type: "oauth2", flows: { implicit: { authorizationUrl: "https://example.com/auth", scopes: {} } } },
    },
  },
  paths: {
    "/pets": {
      get: { security: [{ partners: [] }] },
      post: { requestBody: { content: { "application/json": { schema: { type: "object" } } } } },
      options: { security: [] },
    },
    "/pets/{petId}": { parameters: [{ name: "petId", in: "path", required: true }], get: {} },
    "/pets/{petId}/photo": {
      parameters: [{ name: "petId", in: "path", required: true }],
      put: { "x-amazon-apigateway-request-validator": "parameters" },
    },
    "/files/{proxy+}": { "x-amazon-apigateway-any-method": { security: [{ apiKey: [] }] } },
    "/status": { get: { security: [] } },
  },
};

const CONTEXT: SecurityContext = {
  publicRoutes: new Set(["GET /status"]),
  routesWithBody: new Set(["PUT /pets/{petId}/photo"]),
  foldedPermissions: new Set(),
  webAcl: true,
};

function r(type: string, name: string, inputs: Json, outputs?: Json): GraphResource {
  return { type, name, inputs, id: `${name}-id`, ...(outputs ? { outputs } : {}) };
}

function permission(name: string, sourceArn: string): GraphResource {
  return r(T.permission, name, { action: "lambda:InvokeFunction", function: "fn-pets", principal: "apigateway.amazonaws.com", sourceArn });
}

const SECURE: ResourceGraph = [
  r(T.api, "api", { body: JSON.stringify(BODY), policy: JSON.stringify(BODY["x-amazon-apigateway-policy"]) }, { executionArn: EXEC }),
  r(T.logGroup, "api-access-logs", { retentionInDays: 365 }),
  r(
    T.stage,
    "api",
    {
      restApi: "api-id",
      stageName: "prod",
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:api-access-logs", format: '{"requestId":"$context.requestId"}' },
    },
    { arn: STAGE_ARN },
  ),
  r(T.settings, "api-all-methods", {
    restApi: "api-id",
    stageName: "prod",
    methodPath: "*/*",
    settings: { loggingLevel: "ERROR", metricsEnabled: true, dataTraceEnabled: false, throttlingRateLimit: 100, throttlingBurstLimit: 50, cachingEnabled: false, cacheDataEncrypted: true },
  }),
  r(T.settings, "api-method-get-pets", {
    restApi: "api-id",
    stageName: "prod",
    methodPath: "~1pets/GET",
    settings: { loggingLevel: "INFO", metricsEnabled: true, dataTraceEnabled: false, throttlingRateLimit: 10, throttlingBurstLimit: 5, cachingEnabled: true, cacheDataEncrypted: true },
  }),
  r(T.logGroup, "fn-pets", { retentionInDays: 30 }),
  permission("perm-pets-get-pets", `${EXEC}/prod/GET/pets`),
  permission("perm-pets-get-pets-pet-id", `${EXEC}/prod/GET/pets/*`),
  permission("perm-pets-any-files", `${EXEC}/prod/*/files/*`),
  permission("perm-pets-put-files", `${EXEC}/prod/PUT/files/*`),
  permission("perm-auth-authorizers", `${EXEC}/authorizers/abc123`),
  r(T.domain, "api-domain", { domainName: "api.example.com", securityPolicy: "TLS_1_2" }),
  r(T.waf, "api-waf", { resourceArn: STAGE_ARN, webAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/pets/1" }),
];

/** `graph` with the inputs of resource `type`/`name` replaced by `change(copy of its inputs)`. */
function mutate(graph: ResourceGraph, type: string, name: string, change: (inputs: Json) => Json | void): ResourceGraph {
  let found = false;
  const out = graph.map((res) => {
    if (res.type !== type || res.name !== name) return res;
    found = true;
    const inputs = structuredClone(res.inputs) as Json;
    return { ...res, inputs: change(inputs) ?? inputs };
  });
  if (!found) throw new Error(`No ${type} ${name} in the graph.`);
  return out;
}

function withBody(change: (body: typeof BODY & Json) => void): ResourceGraph {
  return mutate(SECURE, T.api, "api", (inputs) => {
    const body = JSON.parse(String(inputs.body));
    change(body);
    inputs.body = JSON.stringify(body);
  });
}

/** The findings of check `id` over `graph`: `[resource name, message, suppressed reason]`. */
function findings(id: SecurityCheckId, graph: ResourceGraph, context: SecurityContext = CONTEXT): [string, string, string | undefined][] {
  const check = securityChecks.find((c) => c.id === id);
  if (!check) throw new Error(`No check ${id}.`);
  return check.run(graph, context).map((f) => [f.resource.name, f.message, f.suppressed]);
}

test("the list: thirteen REST checks with kebab-case ids, titles and rule ids, frozen; six also for HTTP APIs", () => {
  assert.is(securityChecks.length, 13);
  assert.ok(Object.isFrozen(securityChecks));
  assert.is(new Set(securityChecks.map((c) => c.id)).size, securityChecks.length);
  const http = ["access-logging", "log-retention", "throttling", "authorization", "domain-tls", "lambda-permission"];
  for (const check of securityChecks) {
    assert.match(check.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(check.title.length > 0 && check.rules.length > 0, check.id);
    assert.equal(check.kinds, http.includes(check.id) ? ["rest", "http"] : ["rest"], check.id);
  }
});

test("a secure graph passes every check; the public route's open method is suppressed with its reason", () => {
  const all = runChecks(securityChecks, SECURE, CONTEXT).map(({ check, finding }) => [check.id, finding.message, finding.suppressed]);
  assert.equal(all, [["authorization", "GET /status has no security requirement", "x-gateway.public: true"]]);
});

test("access-logging: a stage without destination or format", () => {
  const none = mutate(SECURE, T.stage, "api", (i) => void delete i.accessLogSettings);
  assert.equal(findings("access-logging", none), [
    ["api", "writes no access logs: no destination (accessLogSettings.destinationArn) and no format (accessLogSettings.format)", undefined],
  ]);
  const noFormat = mutate(SECURE, T.stage, "api", (i) => void ((i.accessLogSettings as Json).format = ""));
  assert.equal(findings("access-logging", noFormat).map((f) => f[1]), ["writes no access logs: no format (accessLogSettings.format)"]);
});

test("log-retention: a log group that keeps its logs forever", () => {
  const graph = mutate(SECURE, T.logGroup, "fn-pets", (i) => void delete i.retentionInDays);
  assert.equal(findings("log-retention", graph), [["fn-pets", "keeps its logs forever: retentionInDays is not set", undefined]]);
  assert.equal(findings("log-retention", mutate(SECURE, T.logGroup, "api-access-logs", (i) => void (i.retentionInDays = 0))).length, 1);
});

test("execution-logging: logging OFF, metrics off, or no stage-wide method settings", () => {
  const off = mutate(SECURE, T.settings, "api-all-methods", (i) => {
    (i.settings as Json).loggingLevel = "OFF";
    (i.settings as Json).metricsEnabled = false;
  });
  assert.equal(findings("execution-logging", off), [["api-all-methods", 'loggingLevel is "OFF", not ERROR or INFO; metricsEnabled is not true for */*', undefined]]);
  const override = mutate(SECURE, T.settings, "api-method-get-pets", (i) => void delete (i.settings as Json).loggingLevel);
  assert.equal(findings("execution-logging", override), [["api-method-get-pets", 'loggingLevel is "unset", not ERROR or INFO for ~1pets/GET', undefined]], "an override logs on its own");
  const info = mutate(SECURE, T.settings, "api-all-methods", (i) => void ((i.settings as Json).loggingLevel = "INFO"));
  assert.equal(findings("execution-logging", info), []);
  const otherStage = mutate(SECURE, T.settings, "api-all-methods", (i) => void (i.stageName = "dev"));
  assert.equal(findings("execution-logging", otherStage).map((f) => f[0]), ["api"]);
  assert.equal(findings("throttling", otherStage).map((f) => f[0]), ["api"]);
});

test("data-trace: any method settings that log full requests", () => {
  const graph = mutate(SECURE, T.settings, "api-method-get-pets", (i) => void ((i.settings as Json).dataTraceEnabled = true));
  assert.equal(findings("data-trace", graph), [["api-method-get-pets", "logs full request and response bodies (dataTraceEnabled) for ~1pets/GET", undefined]]);
});

test("throttling: unset or disabled (-1) limits on */* or on a method's override", () => {
  const graph = mutate(SECURE, T.settings, "api-all-methods", (i) => {
    delete (i.settings as Json).throttlingBurstLimit;
    (i.settings as Json).throttlingRateLimit = -1;
  });
  assert.equal(findings("throttling", graph), [["api-all-methods", "does not throttle */*: throttlingRateLimit and throttlingBurstLimit not set", undefined]]);
  const override = mutate(SECURE, T.settings, "api-method-get-pets", (i) => void delete (i.settings as Json).throttlingRateLimit);
  assert.equal(findings("throttling", override), [["api-method-get-pets", "does not throttle ~1pets/GET: throttlingRateLimit not set", undefined]]);
});

test("tracing: a stage without X-Ray", () => {
  const graph = mutate(SECURE, T.stage, "api", (i) => void (i.xrayTracingEnabled = false));
  assert.equal(findings("tracing", graph), [["api", "does not trace requests with X-Ray (xrayTracingEnabled)", undefined]]);
});

test("cache-encryption: caching without encryption, on any method settings", () => {
  const graph = mutate(SECURE, T.settings, "api-method-get-pets", (i) => void ((i.settings as Json).cacheDataEncrypted = false));
  assert.equal(findings("cache-encryption", graph), [["api-method-get-pets", "caches responses of ~1pets/GET unencrypted (cacheDataEncrypted is not true)", undefined]]);
});

test("authorization: no requirement, an empty alternative, unenforced schemes; OPTIONS exempt; operation IAM counts", () => {
  const graph = withBody((body) => {
    (body.paths["/pets"].post as Json).security = [{ users: [] }];
    (body.paths["/pets/{petId}"].get as Json).security = [{ sigv4: [] }, {}];
    (body.paths["/files/{proxy+}"]["x-amazon-apigateway-any-method"] as Json).security = [];
    (body.paths["/files/{proxy+}"]["x-amazon-apigateway-any-method"] as Json)["x-amazon-apigateway-auth"] = { type: "AWS_IAM" };
    body.security = [];
  });
  assert.equal(findings("authorization", graph), [
    ["api", "POST /pets names only security schemes API Gateway does not enforce (users): no authorizer, IAM or API key", undefined],
    ["api", "GET /pets/{petId} admits anonymous callers (an empty security requirement {})", undefined],
    ["api", "PUT /pets/{petId}/photo has no security requirement", undefined],
    ["api", "GET /status has no security requirement", "x-gateway.public: true"],
  ]);
});

test("request-validation: no validator, an undeclared one, one that checks none of the method's parts", () => {
  const graph = withBody((body) => {
    delete (body as Json)["x-amazon-apigateway-request-validator"];
    (body.paths["/pets/{petId}"].get as Json)["x-amazon-apigateway-request-validator"] = "missing";
    (body.paths["/pets"] as Json).post = { "x-amazon-apigateway-request-validator": "parameters", requestBody: {} };
  });
  assert.equal(findings("request-validation", graph), [
    ["api", "POST /pets has a body, which its request validator \"parameters\" does not check", undefined],
    ["api", 'GET /pets/{petId} names request validator "missing", which x-amazon-apigateway-request-validators does not declare', undefined],
  ]);
  const noDefault = withBody((body) => void delete (body as Json)["x-amazon-apigateway-request-validator"]);
  assert.equal(findings("request-validation", noDefault, { ...CONTEXT, routesWithBody: new Set() }).map((f) => f[1]), [
    "POST /pets has a body but no request validator",
    "GET /pets/{petId} has required parameters (petId) but no request validator",
  ]);
});

test("domain-tls: TLS_1_0, a missing policy, and a legacy policy on the default endpoint", () => {
  assert.equal(findings("domain-tls", mutate(SECURE, T.domain, "api-domain", (i) => void (i.securityPolicy = "TLS_1_0"))), [
    ["api-domain", 'allows TLS older than 1.2 (securityPolicy "TLS_1_0")', undefined],
  ]);
  assert.equal(findings("domain-tls", mutate(SECURE, T.domain, "api-domain", (i) => void delete i.securityPolicy)), [["api-domain", "sets no securityPolicy", undefined]]);
  assert.equal(findings("domain-tls", mutate(SECURE, T.api, "api", (i) => void (i.securityPolicy = "TLS_1_0"))).map((f) => f[0]), ["api"]);
  for (const policy of ["TLS_1_2", "SecurityPolicy_TLS13_1_3_2025_09", "SecurityPolicy_TLS12_PFS_2025_EDGE", "SecurityPolicy_TLS13_2025_EDGE"]) {
    assert.ok(isModernTlsPolicy(policy), policy);
  }
  assert.not.ok(isModernTlsPolicy("TLS_1_0"));
});

test("lambda-permission: wildcard principal, other actions, no or wide sourceArn", () => {
  const bad = (name: string, change: (i: Json) => void) => findings("lambda-permission", mutate(SECURE, T.permission, name, change));
  assert.equal(bad("perm-pets-get-pets", (i) => void (i.principal = "*")), [["perm-pets-get-pets", 'has principal "*", not apigateway.amazonaws.com', undefined]]);
  assert.equal(bad("perm-pets-get-pets", (i) => void (i.action = "lambda:*")).map((f) => f[1]), ['allows action "lambda:*", not only lambda:InvokeFunction']);
  assert.equal(bad("perm-pets-get-pets", (i) => void delete i.sourceArn).map((f) => f[1]), ["has no sourceArn, so any API Gateway API, in any account, may invoke the function"]);
  const arn = (sourceArn: string) => bad("perm-pets-get-pets", (i) => void (i.sourceArn = sourceArn)).map((f) => f[1]);
  assert.equal(arn(`${EXEC}/*`), [`has sourceArn ${EXEC}/*, which covers the whole API`]);
  assert.equal(arn(`${EXEC}/*/GET/pets`), [`has sourceArn ${EXEC}/*/GET/pets, which names every stage`]);
  assert.equal(arn(`${EXEC}/dev/GET/pets`), [`has sourceArn ${EXEC}/dev/GET/pets, which names stage dev, which this program does not deploy`]);
  const notARoute = "which is not the ARN of a route of the API (only path parameters, greedy paths and ANY methods are *)";
  assert.equal(arn(`${EXEC}/prod/*/pets`), [`has sourceArn ${EXEC}/prod/*/pets, ${notARoute}`], "GET /pets is no ANY route");
  assert.equal(arn(`${EXEC}/prod/GET/*`), [`has sourceArn ${EXEC}/prod/GET/*, ${notARoute}`]);
  assert.equal(arn("arn:aws:execute-api:us-east-1:123456789012:other-api/prod/GET/pets"), [
    "has sourceArn arn:aws:execute-api:us-east-1:123456789012:other-api/prod/GET/pets, which is not under the executionArn of this program's API",
  ]);
  const noAuthorizer = withBody((body) => void delete (body.components.securitySchemes.partners as Json)["x-amazon-apigateway-authorizer"]);
  assert.equal(findings("lambda-permission", noAuthorizer).map((f) => f[0]), ["perm-auth-authorizers"]);
});

test("lambda-permission: a pattern below a path passes only for a permission the build folded", () => {
  const folded = mutate(SECURE, T.permission, "perm-pets-get-pets", (i) => void (i.sourceArn = `${EXEC}/prod/*/pets/*`));
  assert.equal(findings("lambda-permission", folded).map((f) => f[0]), ["perm-pets-get-pets"]);
  assert.equal(findings("lambda-permission", folded, { ...CONTEXT, foldedPermissions: new Set(["perm-pets-get-pets"]) }), []);
  const nothing = mutate(SECURE, T.permission, "perm-pets-get-pets", (i) => void (i.sourceArn = `${EXEC}/prod/*/orders/*`));
  assert.equal(findings("lambda-permission", nothing, { ...CONTEXT, foldedPermissions: new Set(["perm-pets-get-pets"]) }).length, 1, "it must admit a route");
  const everyStage = mutate(SECURE, T.permission, "perm-pets-get-pets", (i) => void (i.sourceArn = `${EXEC}/*/*/pets/*`));
  assert.equal(findings("lambda-permission", everyStage, { ...CONTEXT, foldedPermissions: new Set(["perm-pets-get-pets"]) }).length, 1, "never across stages");
});

test("lambda-permission: a WebSocket API's permissions name one of its route keys on a deployed stage, or its authorizer", () => {
  const ws = "arn:aws:execute-api:us-east-1:123456789012:ws-id";
  const graph = (sourceArn: string): ResourceGraph => [
    ...SECURE,
    r("aws:apigatewayv2/api:Api", "ws", { protocolType: "WEBSOCKET", routeSelectionExpression: "$request.body.action" }, { executionArn: ws }),
    r("aws:apigatewayv2/route:Route", "ws-route-connect", { apiId: "ws-id", routeKey: "$connect" }),
    r("aws:apigatewayv2/route:Route", "ws-route-send", { apiId: "ws-id", routeKey: "sendMessage" }),
    r("aws:apigatewayv2/authorizer:Authorizer", "ws-authorizer", { apiId: "ws-id", authorizerType: "REQUEST" }),
    permission("perm-ws", sourceArn),
  ];
  const problems = (sourceArn: string) => findings("lambda-permission", graph(sourceArn)).map((f) => f[1]);
  assert.equal(problems(`${ws}/prod/$connect`), []);
  assert.equal(problems(`${ws}/prod/sendMessage`), []);
  assert.equal(problems(`${ws}/authorizers/ws-authorizer-id`), []);
  assert.equal(problems(`${ws}/prod/*`), [`has sourceArn ${ws}/prod/*, which is not the ARN of a route of the WebSocket API`]);
  assert.equal(problems(`${ws}/prod/other`), [`has sourceArn ${ws}/prod/other, which is not the ARN of a route of the WebSocket API`]);
  assert.equal(problems(`${ws}/*/sendMessage`), [`has sourceArn ${ws}/*/sendMessage, which names every stage`]);
  assert.equal(problems(`${ws}/*`), [`has sourceArn ${ws}/*, which covers the whole WebSocket API`]);
  assert.equal(problems(`${ws}/authorizers/*`), [`has sourceArn ${ws}/authorizers/*, which is not the ARN of an authorizer of the WebSocket API`]);
});

test("resource-policy: an unconditional Allow to * fails once per statement, unless a conditional Deny narrows it", () => {
  const open = { Version: "2012-10-17", Statement: [{ Sid: "open", Effect: "Allow", Principal: { AWS: ["*"] }, Action: ["execute-api:*"], Resource: ["execute-api:/*"] }] };
  const graph = mutate(SECURE, T.api, "api", (i) => {
    i.policy = JSON.stringify(open);
    const body = JSON.parse(String(i.body));
    body["x-amazon-apigateway-policy"] = open;
    i.body = JSON.stringify(body);
  });
  assert.equal(findings("resource-policy", graph), [
    ["api", 'statement "open" allows execute-api:Invoke to Principal "*" on execute-api:/* without a Condition, and no conditional Deny narrows it', undefined],
  ]);
  const narrowDeny = { ...open, Statement: [...open.Statement, { Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/prod/GET/pets", Condition: { Bool: { x: "y" } } }] };
  assert.equal(findings("resource-policy", mutate(SECURE, T.api, "api", (i) => void (i.policy = narrowDeny))).length, 1, "a Deny on fewer resources does not narrow it");
  const conditional = { Statement: { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } } };
  assert.equal(findings("resource-policy", mutate(SECURE, T.api, "api", (i) => void (i.policy = JSON.stringify(conditional)))), []);
});

test("waf: a named web ACL must be associated with every stage; none asked, none needed", () => {
  const wrongStage = mutate(SECURE, T.waf, "api-waf", (i) => void (i.resourceArn = "arn:aws:apigateway:us-east-1::/restapis/api-id/stages/dev"));
  assert.equal(findings("waf", wrongStage), [["api", "is not associated with the WAF web ACL (no WebAclAssociation with the stage's ARN)", undefined]]);
  const none = SECURE.filter((res) => res.type !== T.waf);
  assert.equal(findings("waf", none).length, 1);
  assert.equal(findings("waf", none, { ...CONTEXT, webAcl: false }), []);
});

test.run();
