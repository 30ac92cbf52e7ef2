/**
 * The semantic rules, in the order they run, and the runner that applies them to a model.
 *
 * Order: names and identity first (what every later message quotes), then paths, references, authorization,
 * integrations, API-kind features, limits and quotas, and the security warnings last.
 */
import { whenNotDeploying } from "../diagnostics/codes.js";
import { createDiagnostic, type DiagnosticCollector } from "../diagnostics/diagnostic.js";
import type { GatewayModel } from "../model/types.js";
import type { Report, Rule } from "./rule.js";
import { apiKindUnsupportedHttp } from "./rules/api-kind-unsupported-http.js";
import { apiKindUnsupportedRest } from "./rules/api-kind-unsupported-rest.js";
import { apiKindUnsupportedWebSocket } from "./rules/api-kind-unsupported-websocket.js";
import { apiQuotas } from "./rules/api-quotas.js";
import { authorizerLimits } from "./rules/authorizer-limits.js";
import { corsWildcardCredentials } from "./rules/cors-wildcard-credentials.js";
import { domainSettings } from "./rules/domain-settings.js";
import { duplicateOperationId } from "./rules/duplicate-operation-id.js";
import { functionUnknown } from "./rules/function-unknown.js";
import { greedyPathNotLast } from "./rules/greedy-path-not-last.js";
import { httpIntegrationParameters } from "./rules/http-integration-parameters.js";
import { integrationPresence } from "./rules/integration-presence.js";
import { integrationSourceInvalid } from "./rules/integration-source-invalid.js";
import { integrationTimeoutRange } from "./rules/integration-timeout-range.js";
import { invalidHeaderName } from "./rules/invalid-header-name.js";
import { invisibleCharacters } from "./rules/invisible-characters.js";
import { operationUnauthenticated } from "./rules/operation-unauthenticated.js";
import { pathParams } from "./rules/path-params.js";
import { pathSegmentRules } from "./rules/path-segments.js";
import { proxyResourceConflict } from "./rules/proxy-resource-conflict.js";
import { reservedName } from "./rules/reserved-name.js";
import { resourcePolicy } from "./rules/resource-policy.js";
import { securitySchemeUnimplemented } from "./rules/security-scheme-unimplemented.js";
import { securitySchemeUnknown } from "./rules/security-scheme-unknown.js";
import { siblingPathVariables } from "./rules/sibling-path-variables.js";
import { stageNameInvalid } from "./rules/stage-name-invalid.js";
import { usagePlanApiKey } from "./rules/usage-plan-api-key.js";
import { usagePlanUnknown } from "./rules/usage-plan-unknown.js";
import { websocketAuthNotConnect } from "./rules/websocket-auth-not-connect.js";
import { websocketDefaultRoute } from "./rules/websocket-default-route.js";
import { websocketMessageSchema } from "./rules/websocket-message-schema.js";
import { websocketModelSize } from "./rules/websocket-model-size.js";
import { websocketRouteKeyInvalid } from "./rules/websocket-route-key-invalid.js";
import { websocketRouteSelection } from "./rules/websocket-route-selection.js";

export type { Report, Rule } from "./rule.js";

/** Every semantic rule, in the order {@link runRules} runs them. */
export const rules: readonly Rule[] = Object.freeze([
  invisibleCharacters,
  reservedName,
  duplicateOperationId,
  stageNameInvalid,
  websocketRouteKeyInvalid,
  websocketRouteSelection,
  pathSegmentRules,
  greedyPathNotLast,
  pathParams,
  siblingPathVariables,
  functionUnknown,
  securitySchemeUnknown,
  usagePlanUnknown,
  usagePlanApiKey,
  securitySchemeUnimplemented,
  websocketAuthNotConnect,
  websocketDefaultRoute,
  websocketMessageSchema,
  integrationPresence,
  proxyResourceConflict,
  apiKindUnsupportedHttp,
  httpIntegrationParameters,
  apiKindUnsupportedRest,
  apiKindUnsupportedWebSocket,
  integrationTimeoutRange,
  integrationSourceInvalid,
  invalidHeaderName,
  corsWildcardCredentials,
  domainSettings,
  resourcePolicy,
  authorizerLimits,
  apiQuotas,
  websocketModelSize,
  operationUnauthenticated,
]);

/** Options of {@link runRules}. */
export interface RunRulesOptions {
  /**
   * Report at most this many errors (default: no limit). The first error over the limit stops the run: the rest
   * of that rule's diagnostics are dropped, later rules do not run, and an info `too-many-errors` says so.
   */
  readonly maxErrors?: number;
  /**
   * False when nothing will be deployed (an SDK-only build): codes marked `whenNotDeploying` are skipped or
   * reported as warnings (diagnostics/codes.ts). Default true.
   */
  readonly deploy?: boolean;
}

/**
 * Runs {@link rules} over `model` and adds what they report to `collector`.
 * @throws Error (a compiler bug) when a rule reports a code it does not declare in `codes`.
 */
export function runRules(model: GatewayModel, collector: DiagnosticCollector, options: RunRulesOptions = {}): void {
  const maxErrors = options.maxErrors ?? Infinity;
  let errors = 0;
  let stopped = false;
  for (const rule of rules) {
    const report: Report = (init) => {
      if (!rule.codes.includes(init.code)) {
        throw new Error(`Rule ${rule.name} reported ${init.code}, which is not among its codes (${rule.codes.join(", ")}).`);
      }
      if (stopped) return;
      const mode = options.deploy === false ? whenNotDeploying(init.code) : undefined;
      if (mode === "skip") return;
      const diagnostic = createDiagnostic(mode === "warning" ? { ...init, severity: "warning" } : init);
      if (diagnostic.severity === "error" && ++errors > maxErrors) {
        stopped = true;
        return;
      }
      collector.add(diagnostic);
    };
    rule.check(model, report);
    if (stopped) break;
  }
  if (stopped) collector.report({ code: "too-many-errors", args: { limit: String(maxErrors) }, origin: model.origin });
}
