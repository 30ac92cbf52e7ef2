/**
 * What `portico build` checks but does not deploy yet, said out loud: a build that silently left out CORS or
 * request validation would deploy something other than what the spec says. One warning per feature, at its first
 * place, with the number of places.
 */
import type { DiagnosticCollector } from "../diagnostics/diagnostic.js";
import type { GatewayModel, Integration, Origin } from "../model/types.js";
import { planProxyResources, proxyFor } from "./aws-openapi/proxy-resources.js";
import { isPlannedService } from "./aws-openapi/services/index.js";
import { websocketGaps } from "./pulumi/websocket/gaps.js";

/** What of `i` a REST API does not deploy yet: `[feature, place]` pairs. */
function restIntegrationGaps(i: Integration): [string, Origin][] {
  const gaps: [string, Origin][] = [];
  // Portico builds the service request of the actions it knows (./aws-openapi/services/); for any other action the
  // request body is passed on as it is, which is the service's request only if the client sends one.
  if (i.kind === "aws" && i.request === undefined && !isPlannedService(i)) {
    gaps.push(["the service request of an AWS-service integration Portico builds none for (another action, or no resource; docs/x-gateway.md) and that has no request mapping", i.origin]);
  }
  return gaps;
}

/** Reports `not-emitted` for `model`. */
export function reportNotEmitted(model: GatewayModel, report: DiagnosticCollector): void {
  const places = new Map<string, Origin[]>();
  const note = (feature: string, origin: Origin) => places.set(feature, [...(places.get(feature) ?? []), origin]);
  for (const [feature, origin] of websocketGaps(model)) note(feature, origin);
  const plans = planProxyResources(model);
  for (const op of model.operations) {
    const o = op.options;
    // Operations under a proxy resource share its methods, which take the throttle of its source operation.
    const proxy = proxyFor(op, plans);
    const proxyThrottle = proxy?.model.options.throttle;
    if (proxy && o.throttle && (o.throttle.rate !== proxyThrottle?.rate || o.throttle.burst !== proxyThrottle.burst)) {
      note("a throttle of its own for an operation under a proxy resource", o.throttle.origin);
    }
    if (proxy && o.cache) note("caching of an operation under a proxy resource", o.cache.origin);
    const proxyValidate = proxy?.model.options.validate;
    if (proxy && o.validate && (o.validate.body !== proxyValidate?.body || o.validate.parameters !== proxyValidate.parameters)) {
      note("request validation of its own for an operation under a proxy resource", { file: op.gatewayOrigin.file, pointer: `${op.gatewayOrigin.pointer}/validate` });
    }
    const i = op.integration;
    // HTTP APIs deploy every integration they can have (the others are validation errors there).
    const gaps = i === undefined || model.kind === "http" ? [] : restIntegrationGaps(i);
    for (const [feature, origin] of gaps) note(feature, origin);
  }
  for (const [feature, origins] of places) {
    const count = origins.length === 1 ? "1 place" : `${origins.length} places`;
    report.report({ code: "not-emitted", args: { feature, count }, origin: origins[0] as Origin, part: "key" });
  }
}
