/**
 * Custom domain settings API Gateway refuses, and the one that weakens TLS.
 *
 * - `securityPolicy: TLS_1_0` lets TLS 1.0 and 1.1 clients in: a warning on REST domains (checkov CKV_AWS_206,
 *   Trivy AWS-0005, KICS 4e1cc5d3 / 8275fab0). HTTP and WebSocket domains take TLS_1_2 only.
 * - The enhanced `SecurityPolicy_*` policies exist per endpoint type: the `…_EDGE` ones for edge-optimized
 *   domains, the others for regional ones.
 * - An edge-optimized domain is served by CloudFront, so its ACM certificate must be in us-east-1 (checked when the
 *   ARN is written in the spec).
 * - Mutual TLS needs a regional domain with the legacy `TLS_1_2` policy (not an enhanced one), and is bypassed
 *   through the default execute-api endpoint unless that is disabled (a warning).
 * - A multi-level base path (`orders/v1`) needs a regional domain with TLS 1.2 or newer.
 * - A public (regional or edge-optimized) domain cannot serve a private API.
 * - HTTP and WebSocket APIs have regional domains only; WebSocket domains have no mutual TLS.
 * Source: API Gateway Developer Guide, "Choose a security policy for your custom domain"
 * (apigateway-custom-domain-tls-version.html), "Mutual TLS authentication for REST APIs" (rest-api-mutual-tls.html),
 * "API mappings for REST APIs" (rest-api-mappings.html), "Set up an edge-optimized custom domain name"
 * (how-to-edge-optimized-custom-domain-name.html); API model `SecurityPolicy`.
 */
import type { Domain, GatewayModel, Origin } from "../../model/types.js";
import { child } from "../origins.js";
import type { Report, Rule } from "../rule.js";

/** Enhanced security policies of regional (and private) custom domains, API model `SecurityPolicy`. */
const REGIONAL_POLICIES = [
  "SecurityPolicy_TLS13_1_3_2025_09",
  "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
  "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
  "SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
  "SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
  "SecurityPolicy_TLS13_1_2_PQ_2025_09",
  "SecurityPolicy_TLS13_1_2_2021_06",
];

/** Enhanced security policies of edge-optimized custom domains. */
const EDGE_POLICIES = ["SecurityPolicy_TLS13_2025_EDGE", "SecurityPolicy_TLS12_PFS_2025_EDGE", "SecurityPolicy_TLS12_2018_EDGE"];

/** Where an ACM certificate ARN says it lives: `arn:aws:acm:<region>:…`. */
const ACM_REGION = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):/;

type Conflict = (problem: string, fix: string, origin: Origin, part?: "key" | "value") => void;

/** The checks of a REST API's domain. */
function checkRestDomain(model: GatewayModel, domain: Domain, report: Report, conflict: Conflict): void {
  const edge = domain.endpoint === "edge";
  const policy = domain.securityPolicy;
  const policyAt = child(domain.origin, "securityPolicy");
  if (policy === "TLS_1_0") report({ code: "domain-tls-legacy", origin: policyAt });
  const wrongFamily = edge ? REGIONAL_POLICIES : EDGE_POLICIES;
  if (wrongFamily.includes(policy)) {
    const [is, other, list] = edge ? ["edge-optimized", "regional", EDGE_POLICIES] : ["regional", "edge-optimized", REGIONAL_POLICIES];
    conflict(`security policy ${policy} is for ${other} domains, and this one is ${is}`, `Use TLS_1_2 or one of ${list.join(", ")}.`, policyAt);
  }
  const certificate = domain.certificate;
  const region = certificate.kind === "literal" ? ACM_REGION.exec(String(certificate.value))?.[1] : undefined;
  if (edge && region !== undefined && region !== "us-east-1") {
    conflict(
      `an edge-optimized domain needs an ACM certificate in us-east-1 (CloudFront serves it), and this one is in ${region}`,
      "Request or import the certificate in us-east-1, or make the domain regional.",
      certificate.origin,
    );
  }
  if (domain.basePath?.includes("/")) {
    const at = child(domain.origin, "basePath");
    if (edge) conflict("a multi-level base path needs a regional domain", "Use a one-segment basePath, or a regional domain.", at);
    else if (policy === "TLS_1_0") conflict("a multi-level base path needs TLS 1.2 or newer", "Set securityPolicy: TLS_1_2.", at);
  }
  const mtls = domain.mutualTls;
  if (mtls) {
    if (edge) {
      conflict("mutual TLS works on regional domains only, and this one is edge-optimized", "Remove endpoint: edge, or mutualTls.", mtls.origin, "key");
    } else if (policy !== "TLS_1_2") {
      conflict(`mutual TLS needs securityPolicy TLS_1_2, not ${policy}`, "Set securityPolicy: TLS_1_2.", policyAt);
    }
    if (!model.endpoint.disableExecuteApiEndpoint) report({ code: "mutual-tls-bypass", origin: mtls.origin, part: "key" });
  }
  if (model.endpoint.type === "private") {
    conflict(
      "a public (regional or edge-optimized) custom domain cannot serve a private API",
      "Remove x-gateway.domain, or make the endpoint regional.",
      domain.origin,
      "key",
    );
  }
}

/** The checks of an HTTP or WebSocket API's domain (API Gateway v2: regional, TLS_1_2). */
function checkV2Domain(domain: Domain, kind: "HTTP" | "WebSocket", report: Report): void {
  const flag = (feature: string, fix: string, origin: Origin): void =>
    report({ code: "api-kind-unsupported", args: { kind, feature, fix }, origin, part: "key" });
  if (domain.endpoint === "edge") {
    flag("edge-optimized custom domains", `${kind} API domains are regional; remove endpoint: edge.`, child(domain.origin, "endpoint"));
  }
  if (domain.securityPolicy !== "TLS_1_2") {
    flag(`security policy ${domain.securityPolicy}`, `${kind} API domains use TLS_1_2; remove securityPolicy.`, child(domain.origin, "securityPolicy"));
  }
  if (kind === "WebSocket" && domain.mutualTls) {
    flag("mutual TLS", "Authenticate clients in a $connect authorizer instead; remove mutualTls.", domain.mutualTls.origin);
  }
}

/** Checks `x-gateway.domain` (for the API kind that serves `paths`) and `websocket.domain`. */
export const domainSettings: Rule = {
  name: "domain-settings",
  codes: ["domain-tls-legacy", "domain-setting-conflict", "mutual-tls-bypass", "api-kind-unsupported"],
  check(model, report) {
    const conflict: Conflict = (problem, fix, origin, part = "value") =>
      report({ code: "domain-setting-conflict", args: { problem, fix }, origin, part });
    const domain = model.domain;
    if (domain && model.kind === "rest") checkRestDomain(model, domain, report, conflict);
    if (domain && model.kind === "http") {
      checkV2Domain(domain, "HTTP", report);
      if (domain.mutualTls && !model.endpoint.disableExecuteApiEndpoint) {
        report({ code: "mutual-tls-bypass", origin: domain.mutualTls.origin, part: "key" });
      }
    }
    const ws = model.websocket?.domain;
    if (ws) checkV2Domain(ws, "WebSocket", report);
  },
};
