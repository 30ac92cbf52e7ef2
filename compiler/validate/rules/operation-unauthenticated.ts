/**
 * Operations are authenticated unless they say they are public.
 *
 * An operation whose effective security has no requirement (no `security`, `security: []`, or an empty
 * alternative `{}`, which lets anonymous callers in) deploys with `authorization: NONE`. That must be a decision:
 * `x-gateway.public: true` records it. CORS preflights (OPTIONS) are exempt.
 * Source: OWASP API Security Top 10 2023 API2 (Spectral owasp:api2:2023-write-restricted / read-restricted);
 * Checkov CKV_AWS_59; OpenAPI 3.1 §4.8.10 (`security`, "an empty security requirement ({}) can be included").
 *
 * Severity: a warning for every method, writes included. Access can be restricted without a security
 * requirement (a private endpoint, a resource policy, a network in front), and an error would block compiling
 * third-party specs that are secured through an overlay step by step.
 */
import type { Rule } from "../rule.js";
import { operationLabel } from "../text.js";

/** Reports at the operation's method key. */
export const operationUnauthenticated: Rule = {
  name: "operation-unauthenticated",
  codes: ["operation-unauthenticated"],
  check(model, report) {
    for (const op of model.operations) {
      if (op.public || op.method === "OPTIONS") continue;
      const open = op.security.length === 0 || op.security.some((alternative) => alternative.schemes.length === 0);
      if (!open) continue;
      report({ code: "operation-unauthenticated", args: { operation: operationLabel(op) }, origin: op.origin, part: "key" });
    }
  },
};
