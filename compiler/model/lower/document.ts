/**
 * Lowers a loaded, structurally valid OpenAPI 3.0/3.1 document to the {@link GatewayModel}.
 * Lowering is total: it reports nothing and never throws; the semantic rules judge the result.
 */
import type { LoadResult } from "../../parse/types.js";
import type { GatewayModel, NamedSchema, Origin, Server } from "../types.js";
import type { LowerContext } from "./context.js";
import {
  lowerCors, lowerDomain, lowerEndpoint, lowerFunctions, lowerProxyResources, lowerSettings, lowerStages, lowerUsagePlans,
  lowerWaf,
} from "./gateway.js";
import { lowerOperations, nativeExtensions } from "./operation.js";
import { asArray, asObj, child, prop, sortedKeys, str } from "./read.js";
import { lowerSecurity, lowerSecuritySchemes } from "./security.js";
import { lowerWebSocket } from "./websocket.js";

/** Lowers `load.document` (the entry document after overlays). */
export function lowerDocument(load: Pick<LoadResult, "document" | "resolveRef">, entry: string): GatewayModel {
  const ctx: LowerContext = { resolveRef: load.resolveRef };
  const doc = asObj(load.document);
  const root: Origin = { file: entry, pointer: "" };
  const gateway = asObj(prop(doc, "x-gateway"));
  const gatewayOrigin = child(root, "x-gateway");
  const info = asObj(prop(doc, "info"));
  const title = str(info, "title") ?? "api";
  const kind = str(gateway, "api") === "http" ? "http" : "rest";
  const name = str(gateway, "name") ?? title;
  const components = asObj(prop(doc, "components"));
  const defaults = asObj(prop(gateway, "defaults"));
  const rootSecurity = prop(doc, "security");
  const description = str(info, "description");
  const sdk = asObj(prop(gateway, "sdk"));
  const packageName = str(sdk, "packageName");
  const sdkVersion = str(sdk, "version");
  const cors = lowerCors(prop(gateway, "cors"), child(gatewayOrigin, "cors"));
  const domain = lowerDomain(prop(gateway, "domain"), child(gatewayOrigin, "domain"));
  const waf = lowerWaf(prop(gateway, "waf"), child(gatewayOrigin, "waf"));
  const websocket = lowerWebSocket(prop(gateway, "websocket"), child(gatewayOrigin, "websocket"), name);
  return {
    entry,
    openapiVersion: str(doc, "openapi") ?? "",
    info: { title, version: str(info, "version") ?? "", ...(description !== undefined ? { description } : {}) },
    kind,
    name,
    endpoint: lowerEndpoint(prop(gateway, "endpoint"), child(gatewayOrigin, "endpoint")),
    operations: lowerOperations(ctx, prop(doc, "paths"), child(root, "paths"), {
      security: rootSecurity !== undefined ? lowerSecurity(rootSecurity, child(root, "security")) : undefined,
      gateway: defaults,
      gatewayOrigin: child(gatewayOrigin, "defaults"),
    }),
    schemas: lowerSchemas(prop(components, "schemas"), child(root, "components", "schemas")),
    securitySchemes: lowerSecuritySchemes(ctx, prop(components, "securitySchemes"), child(root, "components", "securitySchemes"), kind),
    functions: lowerFunctions(prop(gateway, "functions"), child(gatewayOrigin, "functions")),
    stages: lowerStages(prop(gateway, "stages"), child(gatewayOrigin, "stages"), kind),
    usagePlans: lowerUsagePlans(prop(gateway, "usagePlans"), child(gatewayOrigin, "usagePlans")),
    ...(cors ? { cors } : {}),
    ...(domain ? { domain } : {}),
    ...(waf ? { waf } : {}),
    proxyResources: lowerProxyResources(prop(gateway, "proxyResources"), child(gatewayOrigin, "proxyResources")),
    settings: lowerSettings(gateway, gatewayOrigin),
    ...(websocket ? { websocket } : {}),
    sdk: { ...(packageName !== undefined ? { packageName } : {}), ...(sdkVersion !== undefined ? { version: sdkVersion } : {}) },
    servers: lowerServers(prop(doc, "servers"), child(root, "servers")),
    nativeExtensions: nativeExtensions(doc),
    origin: gateway ? gatewayOrigin : root,
  };
}

function lowerSchemas(raw: unknown, origin: Origin): NamedSchema[] {
  const obj = asObj(raw);
  return sortedKeys(obj).map((name) => ({ name, schema: asObj(obj?.[name]) ?? {}, origin: child(origin, name) }));
}

/** `servers` (OpenAPI 3.x §4.8.5 Server Object): each URL with the default of each of its variables. */
function lowerServers(raw: unknown, origin: Origin): Server[] {
  const out: Server[] = [];
  asArray(raw).forEach((item, i) => {
    const server = asObj(item);
    const url = str(server, "url");
    if (url === undefined) return;
    const description = str(server, "description");
    const vars = asObj(prop(server, "variables"));
    const variables: Record<string, string> = {};
    for (const name of sortedKeys(vars)) {
      const value = str(asObj(vars?.[name]), "default");
      if (value !== undefined) variables[name] = value;
    }
    out.push({ url, ...(description !== undefined ? { description } : {}), variables, origin: child(origin, i) });
  });
  return out;
}
