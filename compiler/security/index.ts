/**
 * The security checks, in the order their findings are listed: stage logging and limits first, then methods,
 * then what surrounds the API (domains, permissions, policy, WAF). `portico build --strict` runs every check
 * whose kinds include the API's over the resource graph of each stage (strict.ts); the tests run them over every
 * REST sample.
 */
import type { ApiKind } from "../model/types.js";
import type { Finding, SecurityCheck, SecurityContext } from "./check.js";
import { accessLogging } from "./checks/access-logging.js";
import { authorization } from "./checks/authorization.js";
import { cacheEncryption } from "./checks/cache-encryption.js";
import { dataTrace } from "./checks/data-trace.js";
import { domainTls } from "./checks/domain-tls.js";
import { executionLogging } from "./checks/execution-logging.js";
import { lambdaPermission } from "./checks/lambda-permission.js";
import { logRetention } from "./checks/log-retention.js";
import { requestValidation } from "./checks/request-validation.js";
import { resourcePolicy } from "./checks/resource-policy.js";
import { throttling } from "./checks/throttling.js";
import { tracing } from "./checks/tracing.js";
import { waf } from "./checks/waf.js";
import type { ResourceGraph } from "./graph.js";

/** Every security check. */
export const securityChecks: readonly SecurityCheck[] = Object.freeze([
  accessLogging,
  logRetention,
  executionLogging,
  dataTrace,
  throttling,
  tracing,
  cacheEncryption,
  authorization,
  requestValidation,
  domainTls,
  lambdaPermission,
  resourcePolicy,
  waf,
]);

/** The checks that apply to an API of `kind`. */
export function checksFor(kind: ApiKind): readonly SecurityCheck[] {
  return securityChecks.filter((c) => c.kinds.includes(kind));
}

/** A finding and the check that made it. */
export interface CheckedFinding {
  readonly check: SecurityCheck;
  readonly finding: Finding;
}

/** Runs `checks` over one stack's graph. */
export function runChecks(checks: readonly SecurityCheck[], graph: ResourceGraph, context: SecurityContext): readonly CheckedFinding[] {
  return checks.flatMap((check) => check.run(graph, context).map((finding) => ({ check, finding })));
}
