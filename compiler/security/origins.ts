/**
 * From a finding to the place in the spec that decides it, so `--strict` reports at `file:line:col` like every
 * other diagnostic: the operation for a method of the imported document, the stage (and the stage setting the
 * check is about) for stage resources, the function for its log group, the operation or security scheme for a
 * Lambda permission, `x-gateway.domain`, `x-gateway.policy`, `x-gateway.waf`. A setting the spec leaves out
 * points at its nearest written parent when printed (parse/locate.ts); the root `x-gateway` is the fallback.
 */
import type { Origin, TargetPart } from "../diagnostics/diagnostic.js";
import { directOperations } from "../emit/aws-openapi/document.js";
import { planProxyResources } from "../emit/aws-openapi/proxy-resources.js";
import { DEFAULT_STAGE } from "../emit/pulumi/http/stage-settings.js";
import { planFunctionPolicies } from "../emit/pulumi/invoke-policy.js";
import { createNames } from "../model/names.js";
import type { GatewayModel } from "../model/types.js";
import { childPointer } from "../parse/pointer.js";
import { routeKey } from "./body.js";
import type { Finding, SecurityCheckId } from "./check.js";
import { RESOURCE_TYPES } from "./graph.js";

/** Where a finding is reported, and which part of the `key: value` pair is underlined. */
export interface FindingPlace {
  readonly origin: Origin;
  readonly part: TargetPart;
}

/** The stage setting (under `x-gateway.stages.<name>`) each stage-level check is about. */
const STAGE_SETTING: Partial<Record<SecurityCheckId, readonly string[]>> = {
  "access-logging": ["logging"],
  "log-retention": ["logging", "retentionDays"],
  "execution-logging": ["logging", "level"],
  "data-trace": ["logging", "dataTrace"],
  throttling: ["throttle"],
  tracing: ["tracing"],
  "cache-encryption": ["cache"],
};

function below(origin: Origin, ...tokens: readonly string[]): Origin {
  return { file: origin.file, pointer: tokens.reduce((p, t) => childPointer(p, t), origin.pointer) };
}

/** Maps the findings of `model`'s program, run as stack `stack`, to places in the spec. */
export function createFindingPlaces(model: GatewayModel, stack: string): (checkId: SecurityCheckId, finding: Finding) => FindingPlace {
  const names = createNames(model);
  const root = model.origin;
  // A stack that is no stage of the spec deploys the secure defaults (an HTTP API's `$default` stage, with the
  // spec's settings for it when it lists one): its findings go to `x-gateway.stages`.
  const own = model.stages.find((s) => s.name === stack);
  const stage = (own ?? (model.kind === "http" ? model.stages.find((s) => s.name === DEFAULT_STAGE) : undefined))?.origin;
  const routes = new Map<string, Origin>();
  const resources = new Map<string, Origin>();
  for (const op of directOperations(model)) {
    routes.set(routeKey(op.method, op.path), op.origin);
    if (op.integration?.kind === "lambda") resources.set(names.permissionResource(op.integration.function, op.method, op.path), op.gatewayOrigin);
  }
  for (const plan of planProxyResources(model)) {
    const origin = model.proxyResources.find((p) => p.prefix.replace(/\/+$/, "") === plan.prefix)?.origin ?? plan.model.origin;
    routes.set(routeKey("ANY", plan.prefixPath), origin);
    routes.set(routeKey("ANY", plan.greedyPath), origin);
  }
  for (const fn of model.functions) resources.set(names.functionResource(fn.name), fn.origin);
  // Authorizer permissions at their authorizer; folded route permissions at their function.
  for (const policy of planFunctionPolicies(model, names)) {
    const fn = model.functions.find((f) => f.name === policy.function);
    for (const statement of policy.statements) {
      if (resources.has(statement.name)) continue;
      const origin = statement.kind === "authorizer" ? model.securitySchemes.find((s) => s.name === statement.scheme)?.authorizer?.origin : fn?.origin;
      if (origin) resources.set(statement.name, origin);
    }
  }

  return (checkId, finding) => {
    const { type, name } = finding.resource;
    const route = finding.route && routes.get(routeKey(finding.route.method, finding.route.path));
    if (route) return { origin: route, part: "key" };
    if (checkId === "waf") return { origin: model.waf?.origin ?? below(root, "waf"), part: "key" };
    if (checkId === "resource-policy") return { origin: below(root, "policy"), part: "key" };
    if (type === RESOURCE_TYPES.domainName || type === RESOURCE_TYPES.httpDomainName) return { origin: model.domain ? below(model.domain.origin, "securityPolicy") : below(root, "domain"), part: "value" };
    const own = resources.get(name);
    if (own && type !== RESOURCE_TYPES.stage && type !== RESOURCE_TYPES.httpStage && type !== RESOURCE_TYPES.methodSettings) return { origin: own, part: "key" };
    const setting = STAGE_SETTING[checkId];
    if (setting) return { origin: stage ? below(stage, ...setting) : below(root, "stages"), part: "key" };
    return { origin: root, part: "key" };
  };
}
