/**
 * What `portico build` checks but does not deploy yet, said out loud: a build that silently left out CORS or
 * request validation would deploy something other than what the spec says. One warning per feature, at its first
 * place, with the number of places.
 */
import type { DiagnosticCollector } from "../diagnostics/diagnostic.js";
import type { GatewayModel, Integration, Origin } from "../model/types.js";
import { planProxyResources, proxyFor } from "./aws-openapi/proxy-resources.js";
import { isPlannedService } from "./aws-openapi/services/index.js";

/** What of `i` a REST API does not deploy yet: `[feature, place]` pairs. */
function restIntegrationGaps(i: Integration): [string, Origin][] {
  const gaps: [string, Origin][] = [];
  if (i.kind !== "mock" && i.request && !(i.kind === "stepfunctions" || i.request.kind === "template")) {
    gaps.push(["request mappings (request shapes and templateFile)", i.request.origin]);
  }
  // Portico builds the service request of the actions it knows (./aws-openapi/services/); for any other action the
  // request body is passed on as it is, which is the service's request only if the client sends one.
  if (i.kind === "aws" && i.request?.kind !== "template" && !isPlannedService(i)) {
    gaps.push(["the service request of an AWS-service integration Portico builds none for (another action, or no resource; docs/x-gateway.md) and that has no request template", i.origin]);
  }
  if (i.response) gaps.push(["response mappings (response and errors)", i.response.origin]);
  return gaps;
}

/** What of `i` an HTTP API does not deploy yet (mock integrations and VTL templates are validation errors there). */
function httpIntegrationGaps(i: Integration): [string, Origin][] {
  if (i.kind === "stepfunctions" || i.kind === "aws") {
    return [["AWS-service integrations (integration subtypes) of HTTP APIs: the route is left out", i.origin]];
  }
  const gaps: [string, Origin][] = [];
  if (i.request?.kind === "shape") gaps.push(["parameter mapping (request and response maps) of HTTP APIs", i.request.origin]);
  if (i.response) gaps.push(["parameter mapping (request and response maps) of HTTP APIs", i.response.origin]);
  return gaps;
}

/** Reports `not-emitted` for `model`. */
export function reportNotEmitted(model: GatewayModel, report: DiagnosticCollector): void {
  const places = new Map<string, Origin[]>();
  const note = (feature: string, origin: Origin) => places.set(feature, [...(places.get(feature) ?? []), origin]);
  if (model.websocket) note("the WebSocket API (x-gateway.websocket)", model.websocket.origin);
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
    const gaps = i === undefined ? [] : model.kind === "http" ? httpIntegrationGaps(i) : restIntegrationGaps(i);
    for (const [feature, origin] of gaps) note(feature, origin);
  }
  for (const [feature, origins] of places) {
    const count = origins.length === 1 ? "1 place" : `${origins.length} places`;
    report.report({ code: "not-emitted", args: { feature, count }, origin: origins[0] as Origin, part: "key" });
  }
}
