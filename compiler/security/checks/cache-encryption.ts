/**
 * Cache encryption: method settings that cache responses also encrypt the cache at rest (`cacheDataEncrypted`).
 * Caching itself is a cost decision and stays opt-in (security.md §1.3); encryption when it is on is not.
 * Checkov CKV_AWS_308, cfn-nag W87, Trivy AWS-0002, KICS b7c9a40c, AWS Security Hub APIGateway.5
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html).
 */
import type { SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf } from "../graph.js";

/** Reports each MethodSettings that caches without encryption. */
export const cacheEncryption: SecurityCheck = {
  id: "cache-encryption",
  title: "Cached responses encrypted at rest",
  rules: ["CKV_AWS_308", "cfn-nag W87", "Trivy AWS-0002", "KICS b7c9a40c", "Security Hub APIGateway.5"],
  kinds: ["rest"],
  run(graph) {
    return resourcesOf(graph, RESOURCE_TYPES.methodSettings).flatMap((m) => {
      const settings = record(m.inputs["settings"]);
      return settings?.["cachingEnabled"] === true && settings["cacheDataEncrypted"] !== true
        ? [{ resource: m, message: `caches responses of ${String(m.inputs["methodPath"])} unencrypted (cacheDataEncrypted is not true)` }]
        : [];
    });
  },
};
