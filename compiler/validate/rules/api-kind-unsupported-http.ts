/**
 * Features HTTP APIs do not have.
 *
 * HTTP APIs support only proxy-style integrations and none of REST's API keys, usage plans, request validation,
 * caching, Cognito or TOKEN authorizers, edge or private endpoints, binary media types, compression, gateway
 * responses, resource policies, AWS WAF, X-Ray or execution logs (access logs only); a route has one authorization type (so one security scheme per
 * requirement), backend certificates are always verified, and a private integration names its target (a listener
 * or Cloud Map service ARN), not a URL. Using one of these on `x-gateway.api: http` would be
 * silently lost.
 * Source: API Gateway Developer Guide, "Choose between REST APIs and HTTP APIs" (http-api-vs-rest.html) and
 * "AWS service integrations for HTTP APIs" (http-api-develop-integrations-aws-services-reference.html), "Configure
 * logging for HTTP APIs" (http-api-logging.html).
 */
import type { Integration, Origin } from "../../model/types.js";
import { child, parent } from "../origins.js";
import { reportOnce, type Rule } from "../rule.js";

/** AWS service actions an HTTP API can call directly (integration subtypes), as `service:Action`. */
const SUBTYPES = new Set([
  "events:PutEvents",
  "sqs:SendMessage",
  "sqs:ReceiveMessage",
  "sqs:DeleteMessage",
  "sqs:PurgeQueue",
  "appconfig:GetConfiguration",
  "kinesis:PutRecord",
  "states:StartExecution",
  "states:StartSyncExecution",
  "states:StopExecution",
]);

const REST = "or use a REST API (x-gateway.api: rest)";
const BASE64 = "Return base64 with isBase64Encoded from Lambda instead.";
const CACHE = `Cache in the backend or a CDN, ${REST}.`;
const COMBINED = `An HTTP route has one authorizer: check everything in one Lambda authorizer, ${REST}.`;
const EXECUTION_LOGS =
  "HTTP APIs write access logs only: remove logging.level and logging.dataTrace, and log $context.integrationErrorMessage in the access log format instead.";
const JWT_FOR_COGNITO =
  "Use x-gateway: { jwt: { issuer: https://cognito-idp.<region>.amazonaws.com/<userPoolId>, audiences: [<app client id>] } }.";

/** What an HTTP API cannot do with this integration: `[feature, fix, where]` triples. */
function integrationGaps(i: Integration): [string, string, Origin][] {
  const gaps: [string, string, Origin][] = [];
  if (i.kind === "mock") {
    gaps.push(["mock integrations", `Answer from a Lambda function or an HTTP backend, ${REST}.`, i.origin]);
  }
  if ((i.kind === "lambda" || i.kind === "http") && !i.proxy) {
    const fix = `Remove proxy: false (HTTP APIs pass requests through), ${REST}.`;
    gaps.push([`non-proxy ${i.kind} integrations`, fix, child(i.origin, "proxy")]);
  }
  if (i.kind === "http") {
    // A private integration names its target (a listener or Cloud Map service ARN), a public one a URL.
    const target = i.url.startsWith("arn:");
    if (i.vpcLink && !target) {
      const fix = "Give url the ARN of the ALB or NLB listener, or of the Cloud Map service, the VPC link reaches.";
      gaps.push(["private integrations to a URL", fix, child(i.origin, "url")]);
    }
    if (!i.vpcLink && target) {
      gaps.push(["a listener or Cloud Map target without a VPC link", "Add vpcLink: { id } to reach it, or give a public https URL.", child(i.origin, "url")]);
    }
  }
  if (i.kind === "http" && i.tls?.insecureSkipVerification === true) {
    const fix = "HTTP APIs always verify backend certificates; give a private integration tls.serverName instead.";
    gaps.push(["skipping TLS verification of the backend", fix, child(i.origin, "tls", "insecureSkipVerification")]);
  }
  if (i.kind === "aws" && !SUBTYPES.has(`${i.service}:${i.action}`)) {
    const fix =
      "HTTP APIs call only EventBridge PutEvents, SQS, Kinesis PutRecord, Step Functions and AppConfig directly; " +
      `call ${i.service} from a Lambda function, ${REST}.`;
    gaps.push([`the ${i.service} ${i.action} integration`, fix, i.origin]);
  }
  for (const mapping of [i.request, i.response?.body]) {
    if (mapping && mapping.kind !== "shape") {
      const fix = `Write a declarative map (compiled to parameter mapping) instead, ${REST}.`;
      gaps.push(["VTL mapping templates", fix, mapping.origin]);
    }
  }
  return gaps;
}

/** Each use is reported at its key; a feature shared by many operations (defaults) once. */
export const apiKindUnsupportedHttp: Rule = {
  name: "api-kind-unsupported-http",
  codes: ["api-kind-unsupported"],
  check(model, report) {
    if (model.kind !== "http") return;
    const once = reportOnce(report);
    const flag = (feature: string, fix: string, origin: Origin): void =>
      once({ code: "api-kind-unsupported", args: { feature, kind: "HTTP", fix }, origin, part: "key" });
    const used = new Set<string>();
    for (const op of model.operations) {
      for (const alternative of op.security) {
        for (const s of alternative.schemes) used.add(s.name);
        if (alternative.schemes.length > 1) flag("several security schemes required together", COMBINED, alternative.origin);
      }
      if (op.integration) for (const [feature, fix, at] of integrationGaps(op.integration)) flag(feature, fix, at);
      const o = op.options;
      const first = o.usagePlans[0];
      if (first) flag("usage plans", `Throttle per stage or route instead, ${REST}.`, parent(first.origin));
      if (o.validate && (o.validate.body || o.validate.parameters)) {
        flag("request validation", `Validate in the backend, ${REST}.`, child(op.gatewayOrigin, "validate"));
      }
      if (o.cache) flag("caching", CACHE, o.cache.origin);
      if (o.binary) flag("binary content handling", BASE64, child(op.gatewayOrigin, "binary"));
    }
    for (const scheme of model.securitySchemes) {
      const a = scheme.authorizer;
      if (!a || !used.has(scheme.name)) continue;
      if (a.kind === "apiKey") flag("API keys", `Check keys in a Lambda authorizer, ${REST}.`, a.origin);
      if (a.kind === "cognito") flag("Cognito user pool authorizers", JWT_FOR_COGNITO, a.origin);
      if (a.kind === "lambda" && a.type === "token") {
        flag("Lambda TOKEN authorizers", "Use type: request with identitySources: [$request.header.Authorization].", a.origin);
      }
    }
    const root = model.origin;
    const s = model.settings;
    const plan = model.usagePlans[0];
    const response = s.gatewayResponses[0];
    if (plan) flag("usage plans and API keys", `Remove x-gateway.usagePlans, ${REST}.`, parent(plan.origin));
    if (model.endpoint.type !== "regional") {
      flag(`${model.endpoint.type} endpoints`, "HTTP APIs are always regional; remove the endpoint type.", model.endpoint.origin);
    }
    if (s.binaryMediaTypes.length > 0) flag("binary media types", BASE64, child(root, "binaryMediaTypes"));
    if (s.minimumCompressionSize !== undefined) {
      flag("response compression", `Compress in the backend, ${REST}.`, child(root, "minimumCompressionSize"));
    }
    if (response) flag("gateway responses", `Remove x-gateway.gatewayResponses, ${REST}.`, parent(response.origin));
    if (model.waf) flag("AWS WAF", `Put a CloudFront distribution with AWS WAF in front, ${REST}.`, model.waf.origin);
    if (s.policy !== undefined) {
      flag("resource policies", `Use IAM authorization or a Lambda authorizer, ${REST}.`, child(root, "policy"));
    }
    if (s.validate && (s.validate.body || s.validate.parameters)) {
      flag("request validation", `Validate in the backend, ${REST}.`, s.validate.origin);
    }
    if (s.apiKeySource === "AUTHORIZER") {
      flag("API key source AUTHORIZER", `Remove x-gateway.apiKeySource, ${REST}.`, child(root, "apiKeySource"));
    }
    for (const stage of model.stages) {
      if (stage.tracing) flag("X-Ray tracing", `Trace in the backend, ${REST}.`, child(stage.origin, "tracing"));
      if (stage.cache) flag("stage caches", CACHE, stage.cache.origin);
      // A WebSocket API beside the HTTP API deploys its stage with these settings.
      const execution = model.websocket === undefined ? stage.logging.executionOrigins?.[0] : undefined;
      if (execution) flag("execution logging (logging.level, logging.dataTrace)", EXECUTION_LOGS, execution);
    }
  },
};
