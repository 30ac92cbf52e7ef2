/**
 * The OpenAPI 3.0.1 document API Gateway imports for a REST API (`openapi.aws.json`): `info`, `paths` with each
 * operation's integration, the security schemes with their authorizers, and the API-wide `x-amazon-apigateway-*`
 * settings (key source, binary media types, compression, resource policy, gateway responses). Native `x-amazon-apigateway-*` extensions of the input are passed through and win over derived ones.
 * Values known only at deploy time are placeholders (see ../placeholders.ts).
 */
import type { GatewayModel, GatewayResponse, Operation, SecurityScheme } from "../../model/types.js";
import type { ModelNames } from "../../model/names.js";
import { stableJson, table } from "../json.js";
import { httpIntegration, pathVariables } from "./integration.js";
import { methodKey, operationObject } from "./operation.js";
import { planProxyResources, proxyFor, type ProxyPlan } from "./proxy-resources.js";
import { securityRequirement, securitySchemesObject } from "./security.js";

/**
 * The ANY method of one of a proxy resource's two paths: HTTP proxy to `url`, every path variable declared and
 * mapped, the security and timeout of the plan's model operation.
 */
function proxyMethod(
  plan: ProxyPlan,
  path: string,
  url: string,
  schemes: ReadonlyMap<string, SecurityScheme>,
): Record<string, unknown> {
  const source = plan.model.integration;
  if (source?.kind !== "http") throw new Error(`Proxy resource ${plan.prefixPath} lost its HTTP integration.`);
  const parameters = pathVariables(path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  return {
    parameters: parameters.length === 0 ? undefined : parameters,
    responses: { "200": { description: "OK" } },
    security: securityRequirement(plan.model, schemes),
    "x-amazon-apigateway-integration": {
      ...httpIntegration(path, "ANY", { ...source, url, method: "ANY", proxy: true }),
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
  for (const plan of plans) {
    item(plan.prefixPath)["x-amazon-apigateway-any-method"] = proxyMethod(plan, plan.prefixPath, plan.prefixUrl, schemes);
    item(plan.greedyPath)["x-amazon-apigateway-any-method"] = proxyMethod(plan, plan.greedyPath, plan.greedyUrl, schemes);
  }
  return paths;
}

/** A gateway response header value: a mapping expression as written, any other text as a quoted literal. */
function headerMapping(value: string): string {
  return /^'.*'$|^(method\.request\.|stageVariables\.|context\.)/.test(value) ? value : `'${value}'`;
}

/** `x-amazon-apigateway-gateway-responses`: status, headers and the `application/json` template per response type. */
function gatewayResponsesObject(responses: readonly GatewayResponse[]): Record<string, unknown> {
  const result = table();
  for (const response of responses) {
    const headers = table<string>();
    for (const [name, value] of Object.entries(response.headers)) headers[`gatewayresponse.header.${name}`] = headerMapping(value);
    result[response.type] = {
      statusCode: response.status === undefined ? undefined : String(response.status),
      responseParameters: Object.keys(headers).length === 0 ? undefined : headers,
      responseTemplates: response.body === undefined ? undefined : { "application/json": response.body },
    };
  }
  return result;
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
  if (settings.gatewayResponses.length > 0) {
    doc["x-amazon-apigateway-gateway-responses"] = gatewayResponsesObject(settings.gatewayResponses);
  }
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
