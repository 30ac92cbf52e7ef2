/**
 * TLS 1.2 or newer: every custom domain name (REST `aws.apigateway.DomainName`, HTTP `aws.apigatewayv2.DomainName`
 * through its `domainNameConfiguration`), and the API's default endpoint when it sets a policy, uses `TLS_1_2` or
 * an enhanced `SecurityPolicy_TLS12_*` / `SecurityPolicy_TLS13_*` policy, never the legacy `TLS_1_0`. A domain
 * without a policy fails too: the policy should be stated, not left to a default.
 * Checkov CKV_AWS_206, cfn-nag W62, Trivy AWS-0005, KICS 4e1cc5d3
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html).
 */
import type { Finding, SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf } from "../graph.js";

/** True for `TLS_1_2` and the enhanced policies whose minimum is TLS 1.2 or 1.3. */
export function isModernTlsPolicy(policy: unknown): boolean {
  return typeof policy === "string" && (policy === "TLS_1_2" || /^SecurityPolicy_TLS1[23]_/.test(policy));
}

/** Reports each DomainName (and RestApi endpoint) that allows TLS older than 1.2. */
export const domainTls: SecurityCheck = {
  id: "domain-tls",
  title: "TLS 1.2 or newer on custom domains",
  rules: ["CKV_AWS_206", "cfn-nag W62", "Trivy AWS-0005", "KICS 4e1cc5d3"],
  kinds: ["rest", "http"],
  run(graph) {
    const findings: Finding[] = [];
    const domains = [
      ...resourcesOf(graph, RESOURCE_TYPES.domainName).map((domain) => ({ domain, policy: domain.inputs["securityPolicy"] })),
      ...resourcesOf(graph, RESOURCE_TYPES.httpDomainName).map((domain) => ({
        domain,
        policy: record(domain.inputs["domainNameConfiguration"])?.["securityPolicy"],
      })),
    ];
    for (const { domain, policy } of domains) {
      if (isModernTlsPolicy(policy)) continue;
      const what = policy === undefined ? "sets no securityPolicy" : `allows TLS older than 1.2 (securityPolicy ${JSON.stringify(policy)})`;
      findings.push({ resource: domain, message: what });
    }
    for (const api of resourcesOf(graph, RESOURCE_TYPES.restApi)) {
      const policy = api.inputs["securityPolicy"];
      if (policy !== undefined && !isModernTlsPolicy(policy)) {
        findings.push({ resource: api, message: `allows TLS older than 1.2 on its default endpoint (securityPolicy ${JSON.stringify(policy)})` });
      }
    }
    return findings;
  },
};
