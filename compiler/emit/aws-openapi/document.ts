/**
 * The OpenAPI 3.0.1 document API Gateway imports for a REST API (`openapi.aws.json`): `info`, `paths` with each
 * operation's integration, the security schemes with their authorizers, and the API-wide `x-amazon-apigateway-*`
 * settings. Native `x-amazon-apigateway-*` extensions of the input are passed through and win over derived ones.
 * Values known only at deploy time are placeholders (see ../placeholders.ts).
 */
import type { GatewayModel, Operation } from "../../model/types.js";
import type { ModelNames } from "../../model/names.js";
import { stableJson, table } from "../json.js";
import { httpIntegration } from "./integration.js";
import { methodKey, operationObject } from "./operation.js";
import { planProxyResources, proxyFor, type ProxyPlan } from "./proxy-resources.js";
import { securityRequirement, securitySchemesObject } from "./security.js";

/** The ANY method of a proxy resource: HTTP proxy to `{baseUrl}{prefix}/{proxy}`, security of its model operation. */
function proxyMethod(plan: ProxyPlan, schemes: ReadonlyMap<string, GatewayModel["securitySchemes"][number]>): Record<string, unknown> {
  const source = plan.model.integration;
  if (source?.kind !== "http") throw new Error(`Proxy resource ${plan.prefix} lost its HTTP integration.`);
  return {
    parameters: [{ name: "proxy", in: "path", required: true, schema: { type: "string" } }],
    responses: { "200": { description: "OK" } },
    security: securityRequirement(plan.model, schemes),
    "x-amazon-apigateway-integration": {
      ...httpIntegration(plan.path, "ANY", { ...source, url: plan.url, method: "ANY", proxy: true }),
      ...(source.timeout === undefined ? {} : { timeoutInMillis: source.timeout }),
    },
  };
}

/** The `paths` object: every operation not served by a proxy resource, and one path item per proxy resource. */
function pathsObject(model: GatewayModel, names: ModelNames): Record<string, unknown> {
  const schemes = new Map(model.securitySchemes.map((s) => [s.name, s]));
  const plans = planProxyResources(model);
  const paths = table<Record<string, unknown>>();
  const item = (path: string): Record<string, unknown> => (paths[path] ??= table());
  for (const op of model.operations) {
    if (proxyFor(op, plans) !== undefined) continue;
    item(op.path)[methodKey(op)] = operationObject(op, schemes, names.operationSlug(op));
  }
  for (const plan of plans) item(plan.path)["x-amazon-apigateway-any-method"] = proxyMethod(plan, schemes);
  return paths;
}

/** The import document of a REST model, as data. */
export function buildAwsOpenApi(model: GatewayModel, names: ModelNames): Record<string, unknown> {
  const { settings } = model;
  const schemes = securitySchemesObject(model.securitySchemes);
  const doc = table();
  doc.openapi = "3.0.1";
  doc.info = { title: model.name, version: model.info.version };
  doc.paths = pathsObject(model, names);
  if (Object.keys(schemes).length > 0) doc.components = { securitySchemes: schemes };
  doc["x-amazon-apigateway-api-key-source"] = settings.apiKeySource;
  if (settings.binaryMediaTypes.length > 0) doc["x-amazon-apigateway-binary-media-types"] = settings.binaryMediaTypes;
  if (settings.minimumCompressionSize !== undefined) {
    doc["x-amazon-apigateway-minimum-compression-size"] = settings.minimumCompressionSize;
  }
  if (settings.policy !== undefined) doc["x-amazon-apigateway-policy"] = settings.policy;
  for (const [key, value] of Object.entries(model.nativeExtensions)) doc[key] = value;
  return doc;
}

/** `openapi.aws.json` as text: sorted keys, two-space indentation, trailing newline. */
export function awsOpenApiText(model: GatewayModel, names: ModelNames): string {
  return `${stableJson(buildAwsOpenApi(model, names))}\n`;
}

/** Operations served by the REST API one by one (not through a proxy resource), in model order. */
export function directOperations(model: GatewayModel): readonly Operation[] {
  const plans = planProxyResources(model);
  return model.operations.filter((op) => proxyFor(op, plans) === undefined);
}
