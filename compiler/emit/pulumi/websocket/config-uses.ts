/**
 * The `{ config: key }` values the WebSocket part of the program reads, for the config table (../config.ts):
 * those of its custom domain. Function ARNs and environments, and stage variables, are the paths API's too.
 */
import type { GatewayModel, Value } from "../../../model/types.js";

/** Each value with what it is, in words. */
export function websocketValueUses(model: GatewayModel): { readonly value: Value; readonly what: string }[] {
  const domain = model.websocket?.domain;
  if (domain === undefined) return [];
  return [
    { value: domain.name, what: "custom domain name of the WebSocket API" },
    { value: domain.certificate, what: "ACM certificate ARN of the WebSocket API's custom domain (in the API's Region)" },
    ...(domain.hostedZoneId ? [{ value: domain.hostedZoneId, what: "Route 53 hosted zone of the WebSocket API's custom domain" }] : []),
  ];
}
