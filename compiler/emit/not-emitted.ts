/**
 * What `portico build` checks but does not deploy yet, said out loud: a build that silently left out CORS or
 * request validation would deploy something other than what the spec says. One warning per feature, at its first
 * place, with the number of places; an API kind with no emitter at all is an error, so nothing empty is written.
 */
import type { DiagnosticCollector } from "../diagnostics/diagnostic.js";
import type { GatewayModel, Origin } from "../model/types.js";
import { planProxyResources, proxyFor } from "./aws-openapi/proxy-resources.js";

/** Reports `build-unsupported` and `not-emitted` for `model`. */
export function reportNotEmitted(model: GatewayModel, report: DiagnosticCollector): void {
  if (model.kind === "http") {
    report.report({ code: "build-unsupported", args: { what: "HTTP APIs (x-gateway.api: http)" }, origin: { file: model.entry, pointer: "/x-gateway/api" } });
    return;
  }
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
    if (i && i.kind !== "mock" && i.request && !(i.kind === "stepfunctions" || i.request.kind === "template")) {
      note("request mappings (request shapes and templateFile)", i.request.origin);
    }
    if (i?.response) note("response mappings (response and errors)", i.response.origin);
  }
  for (const [feature, origins] of places) {
    const count = origins.length === 1 ? "1 place" : `${origins.length} places`;
    report.report({ code: "not-emitted", args: { feature, count }, origin: origins[0] as Origin, part: "key" });
  }
}
