/**
 * The custom domain, WAF association, endpoint configuration and resource policy of the generated program, run
 * under Pulumi mocks: resource types, counts and inputs, the stack outputs, and that every case type-checks.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { build, nodeHost } from "../../compiler/index.js";
import { configUses } from "../../compiler/emit/pulumi/config.js";
import { createNames } from "../../compiler/model/names.js";
import type { Domain, Endpoint, GatewayModel } from "../../compiler/model/types.js";
import { at, config, http, literal, model, operation } from "./fixtures/build.js";
import { emitAll, fileOf, resourceOf, runUnderMocks, startTypeCheck, writeCase, type RecordedResource } from "./helpers/harness.js";

const T = {
  api: "aws:apigateway/restApi:RestApi",
  stage: "aws:apigateway/stage:Stage",
  domain: "aws:apigateway/domainName:DomainName",
  basePath: "aws:apigateway/basePathMapping:BasePathMapping",
  apiMapping: "aws:apigatewayv2/apiMapping:ApiMapping",
  record: "aws:route53/record:Record",
  waf: "aws:wafv2/webAclAssociation:WebAclAssociation",
};
const DOMAIN_TYPES = new Set([T.domain, T.basePath, T.apiMapping, T.record, T.waf]);

const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/regional";
const EDGE_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/edge";
const ACL = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/pets/0f1e2d";

function domain(parts: Partial<Domain>): Domain {
  return {
    name: literal("api.example.com"),
    endpoint: "regional",
    certificate: literal(CERT),
    securityPolicy: "TLS_1_2",
    origin: at("/x-gateway/domain"),
    ...parts,
  };
}

function endpoint(parts: Partial<Endpoint>): Endpoint {
  return { type: "regional", vpcEndpointIds: [], disableExecuteApiEndpoint: false, origin: at("/x-gateway/endpoint"), ...parts };
}

/** A REST model with one HTTP proxy operation and `parts`. */
function api(parts: Partial<GatewayModel>): GatewayModel {
  return model({
    name: "pets",
    operations: [operation("GET", "/pets", "listPets", http("https://backend.example.com/pets"))],
    ...parts,
  });
}

const OWN_POLICY = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "execute-api:Invoke", Resource: "execute-api:/*" },
  ],
};

const CASES: Record<string, GatewayModel> = {
  "domain-regional": api({
    endpoint: endpoint({ disableExecuteApiEndpoint: true }),
    domain: domain({
      name: config("apiDomain"),
      basePath: "v1",
      mutualTls: { truststoreUri: literal("s3://pets-trust/ca.pem"), truststoreVersion: config("truststoreVersion"), origin: at("/x-gateway/domain/mutualTls") },
      hostedZoneId: literal("Z0123456789ABC"),
    }),
    waf: { webAcl: literal(ACL), origin: at("/x-gateway/waf") },
    settings: { binaryMediaTypes: [], apiKeySource: "HEADER", gatewayResponses: [], tags: { team: "pets" }, quotas: {} },
  }),
  "domain-edge": api({
    endpoint: endpoint({ type: "edge" }),
    domain: domain({ endpoint: "edge", certificate: literal(EDGE_CERT), securityPolicy: "SecurityPolicy_TLS13_2025_EDGE", hostedZoneId: config("zoneId") }),
  }),
  "domain-multi-level": api({
    domain: domain({ basePath: "orders/v1", securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06" }),
    waf: { webAcl: config("webAclArn"), origin: at("/x-gateway/waf") },
  }),
  "domain-none": api({}),
  "private-generated-policy": api({ endpoint: endpoint({ type: "private", vpcEndpointIds: [literal("vpce-0a1b2c"), config("partnerVpce")] }) }),
  "private-own-policy": api({
    endpoint: endpoint({ type: "private", vpcEndpointIds: [literal("vpce-0a1b2c")] }),
    settings: { binaryMediaTypes: [], apiKeySource: "HEADER", gatewayResponses: [], tags: {}, quotas: {}, policy: OWN_POLICY },
  }),
};
const CONFIG = { apiDomain: "pets.example.com", truststoreVersion: "3HL4kqtJlcpXroDTDmJ", zoneId: "Z9EDGE", webAclArn: ACL, partnerVpce: "vpce-9z8y7x" };

const PETS = "domain-sample-pets";
const petsBuild = build(nodeHost, "samples/pets/openapi.yaml", { out: `test/.out/${PETS}` });
const emitted = new Map(Object.entries(CASES).map(([name, m]) => [name, emitAll(m).files]));
for (const [name, files] of emitted) writeCase(name, files);
writeCase(PETS, petsBuild.files);
const typeCheck = startTypeCheck([...emitted.keys(), PETS]);

async function run(caseName: string, outputs?: Record<string, unknown>): Promise<readonly RecordedResource[]> {
  return runUnderMocks(caseName, { project: "pets", stack: "prod", config: CONFIG, ...(outputs ? { outputs } : {}) });
}

const ofType = (resources: readonly RecordedResource[], type: string) => resources.filter((r) => r.type === type);

test("regional domain: certificate, TLS 1.2, mutual TLS, base path mapping to the stage, A and AAAA aliases", async () => {
  const outputs: Record<string, unknown> = {};
  const resources = await run("domain-regional", outputs);
  const d = resourceOf(resources, T.domain, "api-domain").inputs;
  assert.equal(d, {
    domainName: "pets.example.com",
    regionalCertificateArn: CERT,
    endpointConfiguration: { types: "REGIONAL", ipAddressType: "dualstack" },
    securityPolicy: "TLS_1_2",
    mutualTlsAuthentication: { truststoreUri: "s3://pets-trust/ca.pem", truststoreVersion: CONFIG.truststoreVersion },
    tags: { team: "pets" },
  });
  const mapping = resourceOf(resources, T.basePath, "api-domain-mapping").inputs;
  assert.equal(mapping, { domainName: "pets.example.com", restApi: "api-id", stageName: "prod", basePath: "v1" });
  const records = ofType(resources, T.record).map((r) => [r.name, r.inputs.type, r.inputs.zoneId, r.inputs.name, r.inputs.aliases]);
  const alias = [{ name: "d-api-domain-id.execute-api.us-east-1.amazonaws.com", zoneId: "Z1UJRXOUMOOFQ8", evaluateTargetHealth: false }];
  assert.equal(records, [
    ["api-domain-a", "A", "Z0123456789ABC", "pets.example.com", alias],
    ["api-domain-aaaa", "AAAA", "Z0123456789ABC", "pets.example.com", alias],
  ]);
  assert.is(resourceOf(resources, T.api, "api").inputs.disableExecuteApiEndpoint, true, "disabled because the spec says so");
  assert.equal(
    [outputs.domainTarget, outputs.domainZoneId, outputs.customUrl],
    ["d-api-domain-id.execute-api.us-east-1.amazonaws.com", "Z1UJRXOUMOOFQ8", "https://pets.example.com/v1"],
  );
});

test("WAF: the web ACL is associated with the stage's ARN", async () => {
  const resources = await run("domain-regional");
  const stageArn = "arn:aws:apigateway:us-east-1::/restapis/api-id/stages/prod";
  assert.equal(resourceOf(resources, T.waf, "api-waf").inputs, { resourceArn: stageArn, webAclArn: ACL });
  const fromConfig = await run("domain-multi-level");
  assert.equal(resourceOf(fromConfig, T.waf, "api-waf").inputs, { resourceArn: stageArn, webAclArn: CONFIG.webAclArn });
});

test("edge domain: certificateArn, EDGE, an enhanced policy with STRICT access mode, one A alias to CloudFront", async () => {
  const outputs: Record<string, unknown> = {};
  const resources = await run("domain-edge", outputs);
  assert.equal(resourceOf(resources, T.domain, "api-domain").inputs, {
    domainName: "api.example.com",
    certificateArn: EDGE_CERT,
    endpointConfiguration: { types: "EDGE" },
    securityPolicy: "SecurityPolicy_TLS13_2025_EDGE",
    endpointAccessMode: "STRICT",
  });
  assert.equal(resourceOf(resources, T.basePath, "api-domain-mapping").inputs, { domainName: "api.example.com", restApi: "api-id", stageName: "prod" });
  const records = ofType(resources, T.record);
  assert.equal(records.map((r) => [r.inputs.type, r.inputs.zoneId, r.inputs.aliases]), [
    ["A", "Z9EDGE", [{ name: "api-domain-id.cloudfront.net", zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }]],
  ]);
  assert.equal(resourceOf(resources, T.api, "api").inputs.endpointConfiguration, { types: "EDGE" });
  assert.is(resourceOf(resources, T.api, "api").inputs.disableExecuteApiEndpoint, undefined, "left on: the spec does not say");
  assert.equal([outputs.domainTarget, outputs.domainZoneId, outputs.customUrl], ["api-domain-id.cloudfront.net", "Z2FDTNDATAQYW2", "https://api.example.com/"]);
  assert.match(fileOf(emitted.get("domain-edge") ?? [], "pulumi/index.ts"), "// Edge-optimized: CloudFront serves the domain, so its ACM certificate must be in us-east-1.");
});

test("a multi-level base path is an API Gateway v2 API mapping; no zone, no records", async () => {
  const resources = await run("domain-multi-level");
  assert.equal(ofType(resources, T.basePath), []);
  assert.equal(resourceOf(resources, T.apiMapping, "api-domain-mapping").inputs, {
    domainName: "api.example.com",
    apiId: "api-id",
    stage: "prod",
    apiMappingKey: "orders/v1",
  });
  assert.equal(ofType(resources, T.record), []);
  const d = resourceOf(resources, T.domain, "api-domain").inputs;
  assert.equal([d.securityPolicy, d.endpointAccessMode], ["SecurityPolicy_TLS13_1_2_2021_06", "STRICT"]);
});

test("no domain and no WAF: none of their resources, and no domain outputs", async () => {
  const outputs: Record<string, unknown> = {};
  const resources = await run("domain-none", outputs);
  assert.equal(resources.filter((r) => DOMAIN_TYPES.has(r.type)), []);
  assert.equal(Object.keys(outputs).sort(), ["apiId", "invokeUrl", "stageName"]);
  const api = resourceOf(resources, T.api, "api").inputs;
  assert.equal(api.endpointConfiguration, { types: "REGIONAL" });
  assert.is(api.policy, undefined);
});

test("private API without a policy: one admitting only its VPC endpoints (aws:SourceVpce) and denying the rest", async () => {
  const api = resourceOf(await run("private-generated-policy"), T.api, "api").inputs;
  const vpce = ["vpce-0a1b2c", CONFIG.partnerVpce];
  assert.equal(api.endpointConfiguration, { types: "PRIVATE", vpcEndpointIds: vpce });
  // Overwrite removes what the spec no longer has; the imported body keeps the VPC endpoints itself.
  assert.is(api.putRestApiMode, "overwrite");
  const servers = (JSON.parse(api.body as string) as { servers: Record<string, unknown>[] }).servers;
  assert.equal(servers, [{ url: "/", "x-amazon-apigateway-endpoint-configuration": { vpcEndpointIds: vpce } }]);
  const target = { Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" };
  assert.equal(JSON.parse(api.policy as string), {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", ...target, Condition: { StringEquals: { "aws:SourceVpce": vpce } } },
      { Effect: "Deny", ...target, Condition: { StringNotEquals: { "aws:SourceVpce": vpce } } },
    ],
  });
});

test("a private API's own policy is deployed as written, not replaced", async () => {
  const api = resourceOf(await run("private-own-policy"), T.api, "api").inputs;
  assert.equal(JSON.parse(api.policy as string), OWN_POLICY);
  assert.equal(api.endpointConfiguration, { types: "PRIVATE", vpcEndpointIds: ["vpce-0a1b2c"] });
});

test("the config keys of the domain and the WAF are listed with what they are", () => {
  const uses = (name: string) => Object.fromEntries(configUses(CASES[name] as GatewayModel).map((u) => [u.key, u.uses]));
  assert.equal(uses("domain-regional"), {
    apiDomain: ["custom domain name"],
    truststoreVersion: ["S3 object version of the mutual TLS truststore"],
  });
  assert.equal(uses("domain-edge"), { zoneId: ["Route 53 hosted zone of the custom domain"] });
  assert.equal(uses("domain-multi-level"), { webAclArn: ["ARN of the AWS WAF web ACL (REGIONAL scope) of the stage"] });
});

test("samples/pets: its domain deploys under mocks with config values, with no not-emitted warning for it", async () => {
  assert.is(petsBuild.errorCount, 0);
  assert.not.ok(petsBuild.diagnostics.some((d) => d.code === "not-emitted" && d.message.includes("custom domain")));
  const spec = petsBuild.model;
  if (spec === undefined) throw new Error("samples/pets has no model");
  const config = Object.fromEntries(configUses(spec).map((u) => [u.key, `value-of-${u.key}`]));
  const outputs: Record<string, unknown> = {};
  const resources = await runUnderMocks(PETS, { project: createNames(spec).project, stack: "prod", config, outputs });
  const d = resourceOf(resources, T.domain, "api-domain").inputs;
  assert.equal([d.domainName, d.regionalCertificateArn, d.securityPolicy], ["api.pets.example.com", "value-of-certificateArn", "TLS_1_2"]);
  assert.equal(resourceOf(resources, T.basePath, "api-domain-mapping").inputs, {
    domainName: "api.pets.example.com",
    restApi: "api-id",
    stageName: "prod",
    basePath: "v1",
  });
  assert.equal(ofType(resources, T.record).map((r) => [r.inputs.type, r.inputs.zoneId]), [["A", "value-of-hostedZoneId"], ["AAAA", "value-of-hostedZoneId"]]);
  assert.is(outputs.customUrl, "https://api.pets.example.com/v1");
  assert.ok(fileOf(petsBuild.files, "pulumi/README.md").includes("pulumi config set hostedZoneId '<value>'   # Route 53 hosted zone of the custom domain"));
});

test("every case's program type-checks", async () => {
  const output = await typeCheck;
  assert.is(output, "", output);
});

test.run();
