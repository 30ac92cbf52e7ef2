/**
 * Method settings of the stage (`aws.apigateway.MethodSettings`).
 *
 * - `*\/*`, every method: the stage's throttle, detailed metrics, execution logging and payload logging
 *   (checkov CKV2_AWS_4, CKV_AWS_276). It never turns caching on: with the cache keys of no operation, callers
 *   would get each other's responses.
 * - One override per method whose operation asks for its own `throttle` (or inherits `x-gateway.defaults.throttle`)
 *   or `cache`. An override is a whole method setting, not a patch of `*\/*`: it repeats the stage's metrics and
 *   logging, and the stage's throttle when the operation has none (a method setting without a throttle is not
 *   throttled). Caching needs the stage's cache cluster; it is then always encrypted (CKV_AWS_308), and a client's
 *   `Cache-Control: max-age=0` must be authorized or is refused with 403. An override that would equal `*\/*` is
 *   left out (cfn-lint W3705 drops method settings that set nothing).
 *
 * The method path is the one the stage keys its settings by: the resource path with every `/` written `~1`, then
 * the HTTP method (`~1pets~1{petId}/GET`; the root is `~1/GET`). API Gateway refuses `ANY` there ("Invalid method
 * setting path"), so an ANY method gets one setting per method it serves (its cache only for GET), except methods
 * the same path declares itself. A proxy resource (`x-gateway.proxyResources`) takes the throttle of the
 * operation its integration comes from, on both its ANY methods; it is never cached (its cache key would not hold
 * the path, so every path below it would share one response).
 * Resource names: `api-all-methods`, `api-method-<method>-<path>`.
 *
 * Limits (api-gateway-execution-service-limits-table.html): a method throttle is bounded by the account's
 * (10,000 requests per second, burst 5,000 by default), not by the stage's `*\/*`; cache TTL 0–3600 s.
 */
import { pathSlug, uniqueSlugs } from "../../model/names.js";
import type { GatewayModel, HttpMethod, Throttle } from "../../model/types.js";
import { compareStrings } from "../../order.js";
import { escapeToken } from "../../parse/pointer.js";
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import { directOperations } from "../aws-openapi/document.js";
import { planProxyResources, proxyFor } from "../aws-openapi/proxy-resources.js";
import { ACCOUNT_VARIABLE } from "./account.js";
import type { ProgramContext, Section } from "./context.js";
import { call, indentLines, member, raw, render, resource, type Fields } from "./ts.js";

/** The methods an ANY method serves, each of which gets its own setting. */
const ANY_METHODS: readonly HttpMethod[] = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/** What one method asks for beyond the stage-wide settings. */
export interface MethodOverride {
  /** Pulumi logical name: `api-method-get-pets-pet-id`. */
  readonly name: string;
  /** The stage's key for the method: `~1pets~1{petId}/GET`. */
  readonly methodPath: string;
  /** Requests per second and burst; absent = the stage's. */
  readonly throttle?: { readonly rate: number; readonly burst: number };
  /** Cache TTL, seconds; absent = no caching. */
  readonly cacheTtl?: number;
}

/** `{resource path, every / as ~1}/{METHOD}`: `/` → `~1/GET`, `/pets/{id}` → `~1pets~1{id}/GET`. */
export function methodPath(path: string, method: HttpMethod): string {
  return `${escapeToken(path)}/${method}`;
}

interface Wanted {
  readonly path: string;
  readonly method: HttpMethod;
  readonly throttle?: Throttle;
  readonly cacheTtl?: number;
}

/** Every method override of `model`, sorted by method path. */
export function methodOverrides(model: GatewayModel): readonly MethodOverride[] {
  const wanted = new Map<string, Wanted>();
  const add = (entry: Wanted): void => {
    if (entry.throttle === undefined && entry.cacheTtl === undefined) return;
    wanted.set(methodPath(entry.path, entry.method), entry);
  };
  const direct = directOperations(model);
  // A method the path declares itself is served by it, not by the path's ANY method.
  const declared = new Set(direct.filter((op) => op.method !== "ANY").map((op) => methodPath(op.path, op.method)));
  for (const op of direct) {
    const { throttle, cache } = op.options;
    if (op.method !== "ANY") add({ path: op.path, method: op.method, throttle, cacheTtl: cache?.ttl });
    else {
      for (const method of ANY_METHODS) {
        if (declared.has(methodPath(op.path, method))) continue;
        add({ path: op.path, method, throttle, cacheTtl: method === "GET" ? cache?.ttl : undefined });
      }
    }
  }
  for (const plan of planProxyResources(model)) {
    for (const path of [plan.prefixPath, plan.greedyPath]) {
      for (const method of ANY_METHODS) add({ path, method, throttle: plan.model.options.throttle });
    }
  }
  const keys = [...wanted.keys()].sort(compareStrings);
  const entry = (key: string): Wanted => wanted.get(key) as Wanted;
  const slugs = uniqueSlugs(keys, (key) => `${entry(key).method.toLowerCase()}-${pathSlug(entry(key).path)}`);
  return keys.map((key) => {
    const { throttle, cacheTtl } = entry(key);
    return {
      name: `api-method-${slugs.get(key) as string}`,
      methodPath: key,
      ...(throttle === undefined ? {} : { throttle: { rate: throttle.rate, burst: throttle.burst } }),
      ...(cacheTtl === undefined ? {} : { cacheTtl }),
    };
  });
}

/** The type of the generated `methodOverrides` table (fixed program text). */
const OVERRIDE_TYPE =
  "readonly { readonly name: string; readonly methodPath: string; readonly throttle?: { readonly rate: number; readonly burst: number }; readonly cacheTtl?: number }[]";

/** The settings written for one override, over the stage's (program text; `method`, `throttle`, `caching` in scope). */
const OVERRIDE_SETTINGS: Fields = {
  throttlingRateLimit: raw("throttle.rate"),
  throttlingBurstLimit: raw("throttle.burst"),
  metricsEnabled: raw("settings.metrics"),
  loggingLevel: raw("settings.logging.level"),
  dataTraceEnabled: raw("settings.logging.dataTrace"),
  cachingEnabled: raw("caching"),
  cacheDataEncrypted: true,
  cacheTtlInSeconds: raw("caching ? method.cacheTtl : undefined"),
  requireAuthorizationForCacheControl: raw("caching ? true : undefined"),
  unauthorizedCacheControlHeaderStrategy: raw('caching ? "FAIL_WITH_403" : undefined'),
};

/** `api-all-methods`, the `methodOverrides` table and the overrides this stack's stage needs. */
export function methodSettingsSection(ctx: ProgramContext): Section {
  const options = { dependsOn: raw(ACCOUNT_VARIABLE) };
  const common = { restApi: member("api", "id"), stageName: member("apiStage", "stageName") };
  const allMethods = resource(
    "aws.apigateway.MethodSettings",
    "api-all-methods",
    {
      ...common,
      methodPath: "*/*",
      settings: {
        throttlingRateLimit: raw("settings.throttle.rate"),
        throttlingBurstLimit: raw("settings.throttle.burst"),
        metricsEnabled: raw("settings.metrics"),
        loggingLevel: raw("settings.logging.level"),
        dataTraceEnabled: raw("settings.logging.dataTrace"),
        cachingEnabled: false,
        cacheDataEncrypted: true,
        cacheTtlInSeconds: raw("settings.cache?.ttl"),
      },
    },
    options,
  );
  const overrides = methodOverrides(ctx.model);
  const table = overrides.map((o): Fields => ({
    name: o.name,
    methodPath: o.methodPath,
    throttle: o.throttle === undefined ? undefined : { rate: o.throttle.rate, burst: o.throttle.burst },
    cacheTtl: o.cacheTtl,
  }));
  // The logical name comes from the table.
  const args = { ...common, methodPath: raw("method.methodPath"), settings: OVERRIDE_SETTINGS };
  const construct = render(call("new aws.apigateway.MethodSettings", raw("method.name"), args, options));
  const statements = [
    "const throttle = method.throttle ?? settings.throttle;",
    "// Caching needs the stage's cache cluster (build warns about stages of the spec without one).",
    "const caching = method.cacheTtl !== undefined && settings.cache !== undefined;",
    "if (!caching && throttle.rate === settings.throttle.rate && throttle.burst === settings.throttle.burst) return;",
    `${construct};`,
  ];
  const body = `(method) => {\n${indentLines(statements.join("\n"))}\n}`;
  return {
    title: "Method settings",
    statements: [
      { comment: "Every method: the stage's throttle, metrics and logging; caching only per method.", expr: allMethods },
      ...(overrides.length === 0
        ? []
        : [
            {
              comment: "Methods with their own throttle or cache (x-gateway); ANY is set per method it serves.",
              declare: { name: "methodOverrides", type: OVERRIDE_TYPE },
              expr: table,
            },
            {
              comment: "A whole method setting per override, with what it keeps of the stage's; none equal to */*.",
              expr: raw(`methodOverrides.forEach(${body})`),
            },
          ]),
    ],
  };
}

/**
 * Reports `cache-without-cluster` at the `cache` key of every operation served one by one (not through a proxy
 * resource) that asks for caching while no stage of the spec has a cache cluster: then the method setting can cache
 * nowhere. A spec that gives only some stages a cluster (production, not development) is the common case and is
 * not reported; the program leaves caching off on the stages without one.
 */
export function reportCacheWithoutCluster(model: GatewayModel, report: DiagnosticCollector): void {
  if (model.stages.some((s) => s.cache !== undefined)) return;
  const plans = planProxyResources(model);
  for (const op of model.operations) {
    const cache = op.options.cache;
    if (cache === undefined || proxyFor(op, plans) !== undefined) continue;
    report.report({ code: "cache-without-cluster", args: { operation: op.id }, origin: cache.origin, part: "key" });
  }
}
