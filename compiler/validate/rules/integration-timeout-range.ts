/**
 * Integration timeouts within API Gateway's range.
 *
 * REST: 50–29,000 ms; regional and private REST APIs may wait up to 300,000 ms after a Service Quotas increase,
 * edge-optimized ones may not. HTTP: 50–30,000 ms. WebSocket: 50–29,000 ms. None of these can be exceeded at
 * deploy time without the increase.
 * Source: API Gateway quotas (api-gateway-execution-service-limits-table.html, http-api-quotas.html,
 * apigateway-execution-service-websocket-limits-table.html); "Integration timeout limit increase beyond 29
 * seconds" (aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds).
 */
import type { Severity } from "../../diagnostics/diagnostic.js";
import type { Integration, Origin } from "../../model/types.js";
import { child } from "../origins.js";
import { reportOnce, type Report, type Rule } from "../rule.js";
import { formatCount } from "../text.js";

const MIN = 50;
const DEFAULT_MAX = 29_000;
const RAISED_MAX = 300_000;

interface Verdict {
  readonly max: number;
  readonly severity: Severity;
  readonly hint: string;
}

const EDGE_HINT = " Edge-optimized endpoints cannot wait longer; use a regional endpoint for longer timeouts.";
const QUOTA_HINT =
  ` Regional and private REST APIs can wait up to ${formatCount(RAISED_MAX)} ms after a Service Quotas increase;` +
  " once it is granted, set x-gateway.quotas.integrationTimeout.";

/** The verdict on `ms` for a REST API with `endpoint`, honouring a raised `integrationTimeout` quota. */
function restVerdict(ms: number, endpoint: string, raised: number | undefined): Verdict | undefined {
  if (ms < MIN) return { max: DEFAULT_MAX, severity: "error", hint: "" };
  if (ms <= DEFAULT_MAX) return undefined;
  if (endpoint === "edge") return { max: DEFAULT_MAX, severity: "error", hint: EDGE_HINT };
  if (ms > RAISED_MAX) {
    return { max: RAISED_MAX, severity: "error", hint: ` ${formatCount(RAISED_MAX)} ms is the most a quota increase allows.` };
  }
  if (raised !== undefined && ms <= raised) return undefined;
  return { max: DEFAULT_MAX, severity: "warning", hint: QUOTA_HINT };
}

/** The verdict for a fixed range of `MIN`–`max` ms. */
const fixed = (max: number) => (ms: number): Verdict | undefined =>
  ms < MIN || ms > max ? { max, severity: "error", hint: "" } : undefined;

/** Reports the timeout of `i` when `verdict` finds fault with it, at `at` or else the integration's `timeout`. */
function checkTimeout(
  report: Report,
  kind: string,
  i: Integration | undefined,
  verdict: (ms: number) => Verdict | undefined,
  at?: Origin,
): void {
  if (i?.timeout === undefined) return;
  const v = verdict(i.timeout);
  if (!v) return;
  report({
    code: "integration-timeout-range",
    args: { value: formatCount(i.timeout), min: String(MIN), max: formatCount(v.max), kind, hint: v.hint },
    origin: at ?? child(i.origin, "timeout"),
    severity: v.severity,
  });
}

/**
 * Reports at the `timeout` that set the value: the operation's (or `defaults.timeout`) when the integration took
 * it from there, else the integration's own. A value shared through `defaults` is reported once.
 */
export const integrationTimeoutRange: Rule = {
  name: "integration-timeout-range",
  codes: ["integration-timeout-range"],
  check(model, report) {
    const once = reportOnce(report);
    const raised = model.settings.quotas["integrationTimeout"];
    const rest = model.kind === "rest";
    const verdict = rest ? (ms: number) => restVerdict(ms, model.endpoint.type, raised) : fixed(30_000);
    for (const op of model.operations) {
      const t = op.options.timeout;
      const at = t && t.ms === op.integration?.timeout ? t.origin : undefined;
      checkTimeout(once, rest ? "REST" : "HTTP", op.integration, verdict, at);
    }
    for (const route of model.websocket?.routes ?? []) checkTimeout(once, "WebSocket", route.integration, fixed(DEFAULT_MAX));
  },
};
