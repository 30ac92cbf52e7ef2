/**
 * Lowers the document-level `x-gateway` (docs/x-gateway.md "Document root"): functions, stages, usage plans,
 * CORS, the custom domain and API-wide settings. Defaults are the secure ones API Gateway guidance asks for
 * (TLS 1.2 domains, error-level execution logs and detailed metrics, X-Ray tracing, one-year log retention,
 * request validation on; security.md §1.4, checkov CKV_AWS_73, CKV_AWS_338, CKV2_AWS_4).
 */
import type {
  ApiSettings, Cors, Domain, Endpoint, GatewayResponse, LambdaFunction, MutualTls, Origin, ProxyResource, Stage, UsagePlan, Value,
  Waf,
} from "../types.js";
import { stringRecord } from "./integration.js";
import { lowerThrottle, lowerValidate } from "./operation.js";
import { asArray, asObj, bool, child, isObj, num, prop, sortedKeys, str, strings, type Obj } from "./read.js";
import { lowerValue, lowerValues } from "./value.js";

export function lowerFunctions(raw: unknown, origin: Origin): LambdaFunction[] {
  const obj = asObj(raw);
  return sortedKeys(obj).flatMap((name): LambdaFunction[] => {
    const fn = asObj(obj?.[name]);
    const at = child(origin, name);
    if (!fn) return [];
    const arn = lowerValue(prop(fn, "arn"), child(at, "arn"));
    if (arn) return [{ kind: "arn", name, arn, origin: at }];
    const description = str(fn, "description");
    return [
      {
        kind: "code",
        name,
        code: (str(fn, "code") ?? ".").replace(/\\/g, "/"),
        handler: str(fn, "handler") ?? "index.handler",
        runtime: str(fn, "runtime") ?? "nodejs20.x",
        memory: num(fn, "memory") ?? 256,
        timeout: num(fn, "timeout") ?? 10,
        architecture: str(fn, "architecture") === "arm64" ? "arm64" : "x86_64",
        environment: valueRecord(prop(fn, "environment"), child(at, "environment")),
        ...(description !== undefined ? { description } : {}),
        origin: at,
      },
    ];
  });
}

/** `x-gateway.stages`, sorted by name; X-Ray tracing defaults to on where API Gateway offers it (REST). */
export function lowerStages(raw: unknown, origin: Origin, kind: "rest" | "http"): Stage[] {
  const obj = asObj(raw);
  return sortedKeys(obj).map((name) => {
    const stage = asObj(obj?.[name]);
    const at = child(origin, name);
    const logging = asObj(prop(stage, "logging"));
    const cache = asObj(prop(stage, "cache"));
    const throttle = lowerThrottle(prop(stage, "throttle"), child(at, "throttle"));
    const description = str(stage, "description");
    const level = str(logging, "level");
    const size = prop(cache, "size");
    const executionOrigins = (["level", "dataTrace"] as const).filter((key) => prop(logging, key) !== undefined).map((key) => child(at, "logging", key));
    return {
      name,
      ...(description !== undefined ? { description } : {}),
      ...(throttle ? { throttle } : {}),
      logging: {
        level: level === "off" || level === "info" ? level : "error",
        retentionDays: num(logging, "retentionDays") ?? 365,
        dataTrace: bool(logging, "dataTrace") ?? false,
        ...(executionOrigins.length > 0 ? { executionOrigins } : {}),
      },
      tracing: bool(stage, "tracing") ?? kind === "rest",
      metrics: bool(stage, "metrics") ?? true,
      ...(cache ? { cache: { size: size === undefined ? "0.5" : String(size), ttl: num(cache, "ttl") ?? 300, origin: child(at, "cache") } } : {}),
      variables: valueRecord(prop(stage, "variables"), child(at, "variables")),
      origin: at,
    };
  });
}

export function lowerUsagePlans(raw: unknown, origin: Origin): UsagePlan[] {
  const obj = asObj(raw);
  return sortedKeys(obj).map((name) => {
    const plan = asObj(obj?.[name]);
    const at = child(origin, name);
    const quota = asObj(prop(plan, "quota"));
    const throttle = lowerThrottle(prop(plan, "throttle"), child(at, "throttle"));
    const period = str(quota, "period");
    const description = str(plan, "description");
    return {
      name,
      ...(description !== undefined ? { description } : {}),
      ...(quota
        ? { quota: { limit: num(quota, "limit") ?? 0, period: period === "WEEK" || period === "MONTH" ? period : "DAY", offset: num(quota, "offset") ?? 0 } }
        : {}),
      ...(throttle ? { throttle } : {}),
      apiKeys: strings(prop(plan, "apiKeys")),
      origin: at,
    };
  });
}

const DEFAULT_CORS_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const DEFAULT_CORS_HEADERS = ["Authorization", "Content-Type", "X-Amz-Date", "X-Amz-Security-Token", "X-Api-Key"];

export function lowerCors(raw: unknown, origin: Origin): Cors | undefined {
  const obj = asObj(raw);
  if (!obj) return undefined;
  const methods = strings(prop(obj, "methods"));
  const headers = strings(prop(obj, "headers"));
  const maxAge = num(obj, "maxAge");
  return {
    origins: strings(prop(obj, "origins")),
    methods: methods.length > 0 ? methods : DEFAULT_CORS_METHODS,
    headers: headers.length > 0 ? headers : DEFAULT_CORS_HEADERS,
    exposeHeaders: strings(prop(obj, "exposeHeaders")),
    credentials: bool(obj, "credentials") ?? false,
    ...(maxAge !== undefined ? { maxAge } : {}),
    origin,
  };
}

/** `domain` (document root or `websocket`); undefined without a name. */
export function lowerDomain(raw: unknown, origin: Origin): Domain | undefined {
  const obj = asObj(raw);
  const name = lowerValue(prop(obj, "name"), child(origin, "name"));
  if (!obj || name === undefined) return undefined;
  const basePath = str(obj, "basePath");
  const zone = lowerValue(prop(obj, "hostedZoneId"), child(origin, "hostedZoneId"));
  const mutualTls = lowerMutualTls(prop(obj, "mutualTls"), child(origin, "mutualTls"));
  return {
    name,
    endpoint: str(obj, "endpoint") === "edge" ? "edge" : "regional",
    certificate: lowerValue(prop(obj, "certificate"), child(origin, "certificate")) ?? { kind: "literal", value: "", origin },
    ...(basePath !== undefined ? { basePath } : {}),
    securityPolicy: str(obj, "securityPolicy") ?? "TLS_1_2",
    ...(mutualTls ? { mutualTls } : {}),
    ...(zone ? { hostedZoneId: zone } : {}),
    origin,
  };
}

function lowerMutualTls(raw: unknown, origin: Origin): MutualTls | undefined {
  const obj = asObj(raw);
  const truststoreUri = lowerValue(prop(obj, "truststoreUri"), child(origin, "truststoreUri"));
  if (truststoreUri === undefined) return undefined;
  const truststoreVersion = lowerValue(prop(obj, "truststoreVersion"), child(origin, "truststoreVersion"));
  return { truststoreUri, ...(truststoreVersion ? { truststoreVersion } : {}), origin };
}

/** `x-gateway.waf`; undefined without a web ACL. */
export function lowerWaf(raw: unknown, origin: Origin): Waf | undefined {
  const webAcl = lowerValue(prop(asObj(raw), "webAcl"), child(origin, "webAcl"));
  return webAcl === undefined ? undefined : { webAcl, origin };
}

export function lowerEndpoint(raw: unknown, origin: Origin): Endpoint {
  const obj = asObj(raw);
  const type = typeof raw === "string" ? raw : str(obj, "type");
  return {
    type: type === "edge" || type === "private" ? type : "regional",
    vpcEndpointIds: lowerValues(prop(obj, "vpcEndpointIds"), child(origin, "vpcEndpointIds")),
    disableExecuteApiEndpoint: bool(obj, "disableExecuteApiEndpoint") ?? false,
    origin,
  };
}

export function lowerProxyResources(raw: unknown, origin: Origin): ProxyResource[] {
  const out: ProxyResource[] = [];
  asArray(raw).forEach((p, i) => {
    if (typeof p === "string") out.push({ prefix: p.replace(/\/+$/, ""), origin: child(origin, i) });
  });
  return out;
}

export function lowerSettings(gateway: Obj | undefined, origin: Origin): ApiSettings {
  const responses = asObj(prop(gateway, "gatewayResponses"));
  const gatewayResponses: GatewayResponse[] = sortedKeys(responses).map((type) => {
    const r = asObj(responses?.[type]);
    const status = num(r, "status");
    const body = str(r, "body");
    return {
      type,
      ...(status !== undefined ? { status } : {}),
      headers: stringRecord(prop(r, "headers")),
      ...(body !== undefined ? { body } : {}),
      origin: child(origin, "gatewayResponses", type),
    };
  });
  const quotas = asObj(prop(gateway, "quotas"));
  const compression = num(gateway, "minimumCompressionSize");
  const policy = prop(gateway, "policy");
  return {
    binaryMediaTypes: strings(prop(gateway, "binaryMediaTypes")),
    ...(compression !== undefined ? { minimumCompressionSize: compression } : {}),
    apiKeySource: str(gateway, "apiKeySource")?.toLowerCase() === "authorizer" ? "AUTHORIZER" : "HEADER",
    ...(prop(gateway, "validate") !== undefined
      ? { validate: { ...lowerValidate(prop(gateway, "validate")), origin: child(origin, "validate") } }
      : {}),
    ...(policy !== undefined ? { policy } : {}),
    gatewayResponses,
    tags: stringRecord(prop(gateway, "tags")),
    quotas: Object.fromEntries(sortedKeys(quotas).flatMap((k) => (typeof quotas?.[k] === "number" ? [[k, quotas[k] as number]] : []))),
  };
}

/** A map of Values (environment, stage variables), keys sorted. */
function valueRecord(raw: unknown, origin: Origin): Record<string, Value> {
  if (!isObj(raw)) return {};
  return Object.fromEntries(
    sortedKeys(raw).flatMap((k) => {
      const v = lowerValue(raw[k], child(origin, k));
      return v ? [[k, v]] : [];
    }),
  );
}
