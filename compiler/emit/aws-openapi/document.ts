/**
 * The OpenAPI 3.0.1 document API Gateway imports for a REST API (`openapi.aws.json`), whatever the input's
 * version (3.0 or 3.1): `info`; `paths` with each operation's parameters, request body, validator, integration
 * and CORS preflight; `components` with the request models (./models.ts) and the security schemes with their
 * authorizers; and the API-wide `x-amazon-apigateway-*` settings (key source, binary media types, compression,
 * resource policy, gateway responses, request validators). Native `x-amazon-apigateway-*` extensions of the input
 * are passed through and win over derived ones. Values known only at deploy time are placeholders
 * (see ../placeholders.ts).
 */
import { DiagnosticCollector, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { GatewayModel, Operation, SecurityScheme } from "../../model/types.js";
import { createNames, type ModelNames } from "../../model/names.js";
import { stableJson, table } from "../json.js";
import { valueText } from "../placeholders.js";
import { cacheKeys } from "./cache-keys.js";
import { corsPlan, gatewayResponseHeaders, preflightOperation, servedMethods, type CorsPlan } from "./cors.js";
import { gatewayResponsesObject } from "./gateway-responses.js";
import { httpIntegration } from "./integration.js";
import { pathVariables } from "./path-variables.js";
import { binaryMediaTypes } from "./media-types.js";
import { planModels, type ModelPlan } from "./models.js";
import { hasRequiredParameters, methodKey, operationObject } from "./operation.js";
import { planProxyResources, proxyFor, type ProxyPlan } from "./proxy-resources.js";
import { securityRequirement, securitySchemesObject } from "./security.js";
import { REQUEST_VALIDATOR, REQUEST_VALIDATORS, validatesBodies, validationChoice, ValidatorRegistry } from "./validators.js";

/** What building the document shares between its parts. */
interface DocumentContext {
  readonly model: GatewayModel;
  readonly names: ModelNames;
  readonly schemes: ReadonlyMap<string, SecurityScheme>;
  readonly validators: ValidatorRegistry;
  readonly models: ModelPlan;
  readonly cors?: CorsPlan;
  readonly report?: DiagnosticCollector;
}

/**
 * The ANY method of one of a proxy resource's two paths: HTTP proxy to `url`, every path variable declared and
 * mapped, the security, timeout and parameter validation of the plan's model operation.
 */
function proxyMethod(plan: ProxyPlan, path: string, url: string, ctx: DocumentContext): Record<string, unknown> {
  const source = plan.model.integration;
  if (source?.kind !== "http") throw new Error(`Proxy resource ${plan.prefixPath} lost its HTTP integration.`);
  const variables = pathVariables(path);
  const parameters = variables.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  const validator = ctx.validators.validatorFor(validationChoice(ctx.model, plan.model), false, variables.length > 0);
  return {
    parameters: parameters.length === 0 ? undefined : parameters,
    responses: { "200": { description: "OK" } },
    security: securityRequirement(plan.model, ctx.schemes),
    "x-amazon-apigateway-integration": {
      ...httpIntegration(path, "ANY", { ...source, url, method: "ANY", proxy: true }),
      ...(source.timeout === undefined ? {} : { timeoutInMillis: source.timeout }),
    },
    [REQUEST_VALIDATOR]: validator,
  };
}

/** The operation object of `op` with its request body, validator, cache keys and CORS headers. */
function directMethod(op: Operation, ctx: DocumentContext): Record<string, unknown> {
  const requestBody = ctx.models.requestBody(op);
  const ownValidator = op.nativeExtensions[REQUEST_VALIDATOR] !== undefined;
  const validator = ownValidator
    ? undefined
    : ctx.validators.validatorFor(validationChoice(ctx.model, op), requestBody !== undefined, hasRequiredParameters(op));
  const operationSlug = ctx.names.operationSlug(op);
  const keys = cacheKeys(op, operationSlug, ctx.report);
  return operationObject(op, {
    model: ctx.model,
    schemes: ctx.schemes,
    operationSlug,
    ...(requestBody === undefined ? {} : { requestBody }),
    ...(validator === undefined ? {} : { validator }),
    ...(keys === undefined ? {} : { cacheKeys: keys }),
    ...(ctx.cors === undefined ? {} : { cors: ctx.cors }),
    ...(ctx.report === undefined ? {} : { report: ctx.report }),
  });
}

/**
 * The `paths` object: every operation not served by a proxy resource, one path item per proxy resource, and with
 * CORS a preflight `options` method on every path that has none.
 */
function pathsObject(ctx: DocumentContext): Record<string, unknown> {
  const plans = planProxyResources(ctx.model);
  const paths = table<Record<string, unknown>>();
  const item = (path: string): Record<string, unknown> => (paths[path] ??= table());
  for (const op of ctx.model.operations) {
    if (proxyFor(op, plans) === undefined) item(op.path)[methodKey(op)] = directMethod(op, ctx);
  }
  for (const plan of plans) {
    item(plan.prefixPath)["x-amazon-apigateway-any-method"] = proxyMethod(plan, plan.prefixPath, plan.prefixUrl, ctx);
    item(plan.greedyPath)["x-amazon-apigateway-any-method"] = proxyMethod(plan, plan.greedyPath, plan.greedyUrl, ctx);
  }
  const cors = ctx.cors;
  if (cors !== undefined) {
    for (const pathItem of Object.values(paths)) pathItem["options"] ??= preflightOperation(cors, servedMethods(pathItem));
  }
  return paths;
}

/**
 * `servers` with `x-amazon-apigateway-endpoint-configuration`, for a private API's VPC endpoints and a disabled
 * execute-api endpoint: the program imports the body in `overwrite` mode, which resets what the body does not say,
 * so the body carries them (API Gateway extensions to OpenAPI, x-amazon-apigateway-endpoint-configuration).
 * The url is not read: import ignores server paths (`basepath=ignore`, the default).
 */
function serversArray(model: GatewayModel): readonly Record<string, unknown>[] | undefined {
  const { endpoint } = model;
  const vpcEndpointIds = endpoint.type === "private" ? endpoint.vpcEndpointIds.map(valueText) : [];
  if (vpcEndpointIds.length === 0 && !endpoint.disableExecuteApiEndpoint) return undefined;
  const configuration = table();
  if (vpcEndpointIds.length > 0) configuration.vpcEndpointIds = vpcEndpointIds;
  if (endpoint.disableExecuteApiEndpoint) configuration.disableExecuteApiEndpoint = true;
  return [{ url: "/", "x-amazon-apigateway-endpoint-configuration": configuration }];
}

/**
 * The import document of a REST model, as data. `report` receives the emit-time diagnostics
 * (`cors-value-invalid`, `cache-key-unknown`, `mapping-invalid`, `request-schema-unresolved`); without it they are not reported.
 */
export function buildAwsOpenApi(model: GatewayModel, names: ModelNames, report?: DiagnosticCollector): Record<string, unknown> {
  const { settings } = model;
  const cors = model.cors === undefined ? undefined : corsPlan(model.cors, report);
  const direct = directOperations(model);
  const ctx: DocumentContext = {
    model,
    names,
    schemes: new Map(model.securitySchemes.map((s) => [s.name, s])),
    validators: new ValidatorRegistry(model),
    models: planModels(model, direct, (op) => validatesBodies(validationChoice(model, op)), report),
    ...(cors === undefined ? {} : { cors }),
    ...(report === undefined ? {} : { report }),
  };
  const doc = table();
  doc.openapi = "3.0.1";
  doc.info = { title: model.name, version: model.info.version };
  const servers = serversArray(model);
  if (servers !== undefined) doc.servers = servers;
  doc.paths = pathsObject(ctx);
  const schemes = securitySchemesObject(model.securitySchemes);
  const components = table();
  if (Object.keys(ctx.models.schemas).length > 0) components.schemas = ctx.models.schemas;
  if (Object.keys(schemes).length > 0) components.securitySchemes = schemes;
  if (Object.keys(components).length > 0) doc.components = components;
  doc["x-amazon-apigateway-api-key-source"] = settings.apiKeySource;
  const binary = binaryMediaTypes(model);
  if (binary.length > 0) doc["x-amazon-apigateway-binary-media-types"] = binary;
  if (settings.minimumCompressionSize !== undefined) {
    doc["x-amazon-apigateway-minimum-compression-size"] = settings.minimumCompressionSize;
  }
  if (settings.policy !== undefined) doc["x-amazon-apigateway-policy"] = settings.policy;
  doc["x-amazon-apigateway-gateway-responses"] = gatewayResponsesObject(settings.gatewayResponses, cors ? gatewayResponseHeaders(cors) : {});
  doc[REQUEST_VALIDATORS] = ctx.validators.validators();
  for (const [key, value] of Object.entries(model.nativeExtensions)) {
    if (key !== REQUEST_VALIDATORS) doc[key] = value;
  }
  return doc;
}

/** A REST model's import document, its text, and what building it reported. */
export interface ImportDocument {
  readonly document: Record<string, unknown>;
  /** `openapi.aws.json`: sorted keys, two-space indentation, trailing newline. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

const importDocuments = new WeakMap<GatewayModel, ImportDocument>();

/**
 * The import document of `model`, built once per model: the openapi, pulumi and templates emitters of one build
 * all read it, and a large API's document takes a while to build. Only the openapi emitter reports `diagnostics`.
 */
export function importDocument(model: GatewayModel): ImportDocument {
  let built = importDocuments.get(model);
  if (built === undefined) {
    const report = new DiagnosticCollector();
    const document = buildAwsOpenApi(model, createNames(model), report);
    built = { document, text: `${stableJson(document)}\n`, diagnostics: report.diagnostics };
    importDocuments.set(model, built);
  }
  return built;
}

/** Operations served by the REST API one by one (not through a proxy resource), in model order. */
export function directOperations(model: GatewayModel): readonly Operation[] {
  const plans = planProxyResources(model);
  return model.operations.filter((op) => proxyFor(op, plans) === undefined);
}
