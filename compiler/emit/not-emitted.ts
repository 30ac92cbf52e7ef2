/**
 * What `portico build` checks but does not deploy yet, said out loud: a build that silently left out CORS or a
 * custom domain would deploy something other than what the spec says. One warning per feature, at its first
 * place, with the number of places; an API kind with no emitter at all is an error, so nothing empty is written.
 */
import type { DiagnosticCollector } from "../diagnostics/diagnostic.js";
import type { GatewayModel, Origin } from "../model/types.js";

/** Reports `build-unsupported` and `not-emitted` for `model`. */
export function reportNotEmitted(model: GatewayModel, report: DiagnosticCollector): void {
  if (model.kind === "http") {
    report.report({ code: "build-unsupported", args: { what: "HTTP APIs (x-gateway.api: http)" }, origin: { file: model.entry, pointer: "/x-gateway/api" } });
    return;
  }
  const places = new Map<string, Origin[]>();
  const note = (feature: string, origin: Origin) => places.set(feature, [...(places.get(feature) ?? []), origin]);
  if (model.websocket) note("the WebSocket API (x-gateway.websocket)", model.websocket.origin);
  if (model.cors) note("CORS preflight methods and headers", model.cors.origin);
  if (model.domain) note("the custom domain", model.domain.origin);
  if (model.settings.validate) note("request validation", model.settings.validate.origin);
  for (const op of model.operations) {
    const o = op.options;
    if (o.throttle) note("per-operation throttling", o.throttle.origin);
    if (o.cache) note("per-operation caching", o.cache.origin);
    if (o.validate) note("request validation", { file: op.gatewayOrigin.file, pointer: `${op.gatewayOrigin.pointer}/validate` });
    const first = o.usagePlans[0];
    if (first) note("operation usage plans", first.origin);
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
