import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Domain, Endpoint } from "../../compiler/model/types.js";
import { domainSettings } from "../../compiler/validate/rules/domain-settings.js";
import { at, found, model, run } from "./helpers/model.js";
import { diagnose, yaml } from "./helpers/check.js";

const CODES = [...domainSettings.codes];

/** A spec whose root `x-gateway` holds `gateway` (YAML lines, indented by two spaces) and one public operation. */
const spec = (gateway: string, api = "rest") => yaml`
  openapi: 3.0.3
  info: { title: Pets, version: 1.0.0 }
  x-gateway:
    api: ${api}
    functions:
      pets: { arn: arn:aws:lambda:eu-west-1:123456789012:function:pets }
${gateway}
  paths:
    /pets:
      get:
        x-gateway: { lambda: pets, public: true }
        responses: { "200": { description: ok } }
`;

const domain = (parts: Partial<Domain>): Domain => ({
  name: { kind: "literal", value: "api.example.com", origin: at("/x-gateway/domain/name") },
  endpoint: "regional",
  certificate: { kind: "literal", value: "arn:aws:acm:eu-west-1:123456789012:certificate/abc", origin: at("/x-gateway/domain/certificate") },
  securityPolicy: "TLS_1_2",
  origin: at("/x-gateway/domain"),
  ...parts,
});
const endpoint = (parts: Partial<Endpoint>): Endpoint => ({
  type: "regional",
  vpcEndpointIds: [],
  disableExecuteApiEndpoint: false,
  origin: at("/x-gateway/endpoint"),
  ...parts,
});

test("TLS_1_0 is a warning at the security policy; TLS_1_2 and the TLS 1.3 policies pass", () => {
  const d = run(domainSettings, model({ domain: domain({ securityPolicy: "TLS_1_0" }) }));
  assert.equal(d.map((x) => [x.code, x.severity, x.origin.pointer]), [["domain-tls-legacy", "warning", "/x-gateway/domain/securityPolicy"]]);
  for (const policy of ["TLS_1_2", "SecurityPolicy_TLS13_1_3_2025_09", "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09"]) {
    assert.equal(run(domainSettings, model({ domain: domain({ securityPolicy: policy }) })), [], policy);
  }
  const edge = domain({ endpoint: "edge", certificate: { kind: "literal", value: "arn:aws:acm:us-east-1:1:certificate/x", origin: at("/c") } });
  assert.equal(run(domainSettings, model({ domain: { ...edge, securityPolicy: "SecurityPolicy_TLS12_2018_EDGE" } })), []);
});

test("mutual TLS: regional with TLS_1_2 and the execute-api endpoint off passes; left on, a bypass warning", () => {
  const mutualTls = { truststoreUri: { kind: "literal" as const, value: "s3://b/ca.pem", origin: at("/t") }, origin: at("/x-gateway/domain/mutualTls") };
  assert.equal(run(domainSettings, model({ domain: domain({ mutualTls }), endpoint: endpoint({ disableExecuteApiEndpoint: true }) })), []);
  assert.equal(found(domainSettings, model({ domain: domain({ mutualTls }) })), [
    { code: "mutual-tls-bypass", pointer: "/x-gateway/domain/mutualTls", part: "key" },
  ]);
});

test("end to end: legacy TLS, wrong policy family, certificate Region, edge mutual TLS and multi-level base path", () => {
  const edge = spec(`
    endpoint: { type: edge, disableExecuteApiEndpoint: true }
    domain:
      name: api.example.com
      endpoint: edge
      certificate: arn:aws:acm:eu-west-1:123456789012:certificate/abc
      basePath: orders/v1
      securityPolicy: SecurityPolicy_TLS13_1_3_2025_09
      mutualTls: { truststoreUri: s3://pets-trust/ca.pem }`);
  assert.equal(diagnose(edge, CODES), [
    { code: "domain-setting-conflict", line: 12, column: 18 },
    { code: "domain-setting-conflict", line: 13, column: 15 },
    { code: "domain-setting-conflict", line: 14, column: 21 },
    { code: "domain-setting-conflict", line: 15, column: 5 },
  ]);
  const legacy = spec(`
    domain: { name: api.example.com, certificate: { config: cert }, basePath: orders/v1, securityPolicy: TLS_1_0 }`);
  assert.equal(diagnose(legacy, CODES), [
    { code: "domain-setting-conflict", line: 8, column: 77 },
    { code: "domain-tls-legacy", line: 8, column: 104 },
  ]);
});

test("end to end: mutual TLS with an enhanced policy, and a domain on a private API", () => {
  const enhanced = spec(`
    domain:
      name: { config: apiDomain }
      certificate: { config: cert }
      securityPolicy: SecurityPolicy_TLS13_1_2_2021_06
      mutualTls: { truststoreUri: { config: truststore } }`);
  assert.equal(diagnose(enhanced, CODES), [
    { code: "domain-setting-conflict", line: 11, column: 21 },
    { code: "mutual-tls-bypass", line: 12, column: 5 },
  ]);
  const privateApi = spec(`
    endpoint: { type: private, vpcEndpointIds: [vpce-0a1b2c] }
    domain: { name: api.example.com, certificate: { config: cert } }`);
  assert.equal(diagnose(privateApi, CODES), [{ code: "domain-setting-conflict", line: 9, column: 3 }]);
});

test("end to end: HTTP APIs have no edge domains, enhanced policies or WAF; WebSocket domains no mutual TLS", () => {
  const httpApi = spec(`
    domain: { name: api.example.com, endpoint: edge, certificate: { config: cert }, securityPolicy: SecurityPolicy_TLS13_1_3_2025_09 }
    waf: { webAcl: { config: webAclArn } }`, "http");
  assert.equal(diagnose(httpApi, ["api-kind-unsupported"]), [
    { code: "api-kind-unsupported", line: 8, column: 36 },
    { code: "api-kind-unsupported", line: 8, column: 83 },
    { code: "api-kind-unsupported", line: 9, column: 3 },
  ]);
  const ws = spec(`
    websocket:
      routeSelection: $request.body.action
      routes: { $default: { lambda: pets } }
      domain: { name: ws.example.com, certificate: { config: cert }, mutualTls: { truststoreUri: s3://chat-trust/ca.pem } }`);
  assert.equal(diagnose(ws, CODES), [{ code: "api-kind-unsupported", line: 11, column: 68 }]);
});

test("no domain, or a plain regional one with its name from config: nothing to report", () => {
  assert.equal(run(domainSettings, model()), []);
  const plain = spec(`
    domain: { name: { config: apiDomain }, certificate: { config: cert }, basePath: v1, hostedZoneId: { config: zone } }`);
  assert.equal(diagnose(plain, CODES), []);
});

test.run();
