/**
 * The SDK's default base URL: the first of the spec's `servers` (OpenAPI 3.x §4.8.5), its `{variables}` replaced
 * by their defaults; else the API's custom domain (`x-gateway.domain`, when its name is written in the spec) and
 * base path; else empty, and callers give `baseUrl` (for a deployed stage: `stageUrl(apiId, region, stage)`).
 */
import type { GatewayModel } from "../../model/types.js";

/** The default base URL of `model` (see the module comment). */
export function defaultBaseUrl(model: GatewayModel): string {
  const server = model.servers[0];
  if (server) return server.url.replace(/\{([^{}]+)\}/g, (whole, name: string) => (Object.hasOwn(server.variables, name) ? (server.variables[name] as string) : whole));
  const domain = model.domain;
  if (domain?.name.kind === "literal") return `https://${String(domain.name.value)}${domain.basePath ? `/${domain.basePath}` : ""}`;
  return "";
}
