/**
 * The smallest complete IR: a REST API with nothing configured. Test factories (rules, emitters) build on it, so
 * a field added to the IR is defaulted in one place.
 */
import type { GatewayModel, Origin } from "../../compiler/model/types.js";

/** The spec file every hand-built fixture claims to come from. */
export const FIXTURE_FILE = "api.yaml";

/** An origin in {@link FIXTURE_FILE}. */
export function at(pointer: string): Origin {
  return { file: FIXTURE_FILE, pointer };
}

/** A REST model with no operations, functions or settings, with `parts` overriding any field. */
export function emptyModel(parts: Partial<GatewayModel> = {}): GatewayModel {
  return {
    entry: FIXTURE_FILE,
    openapiVersion: "3.0.3",
    info: { title: "Fixture", version: "1.0.0" },
    kind: "rest",
    name: "fixture",
    endpoint: { type: "regional", vpcEndpointIds: [], disableExecuteApiEndpoint: false, origin: at("/x-gateway/endpoint") },
    operations: [],
    schemas: [],
    securitySchemes: [],
    functions: [],
    stages: [],
    usagePlans: [],
    proxyResources: [],
    settings: { binaryMediaTypes: [], apiKeySource: "HEADER", gatewayResponses: [], tags: {}, quotas: {} },
    sdk: {},
    servers: [],
    nativeExtensions: {},
    origin: at("/x-gateway"),
    ...parts,
  };
}
