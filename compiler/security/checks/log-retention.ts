/**
 * Log retention: every CloudWatch log group expires its events. Without `retentionInDays` CloudWatch keeps logs
 * forever, which keeps request data (caller IPs, identities) without end. Checkov CKV_AWS_66. The one-year minimum
 * of CKV_AWS_338 is a cost decision the spec makes per stage (`logging.retentionDays`), so it is not enforced.
 */
import type { SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, resourcesOf } from "../graph.js";

/** Reports each LogGroup without `retentionInDays`. */
export const logRetention: SecurityCheck = {
  id: "log-retention",
  title: "Retention on every log group",
  rules: ["CKV_AWS_66"],
  kinds: ["rest", "http"],
  run(graph) {
    return resourcesOf(graph, RESOURCE_TYPES.logGroup).flatMap((group) => {
      const days = group.inputs["retentionInDays"];
      return typeof days === "number" && days > 0 ? [] : [{ resource: group, message: "keeps its logs forever: retentionInDays is not set" }];
    });
  },
};
