/**
 * The resource-based policy each Lambda function gets from this API, kept under Lambda's size limit.
 *
 * API Gateway may invoke a function through each route that uses it, one statement per route scoped by the
 * execute-api ARN after the API: `/{stage}/{METHOD}/{path}`, `ANY` written `*` and every path variable (a greedy
 * `{proxy+}` too) written `*`; and as each Lambda authorizer it backs that an operation uses,
 * `/authorizers/{authorizerId}`.
 *
 * A function's resource-based policy holds at most 20 KB, 20,480 bytes (Lambda quotas; "The final policy size … is
 * bigger than the limit", https://repost.aws/knowledge-center/lambda-resource-based-policy-size-error). The size of
 * each statement is estimated from the JSON Lambda stores for an `aws.lambda.Permission`:
 * `{"Sid","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction",
 * "Resource": function ARN,"Condition":{"ArnLike":{"AWS:SourceArn": …}}}` inside
 * `{"Version":"2012-10-17","Id":"default","Statement":[…]}`, with upper bounds ({@link ARN_BOUNDS}) for what only
 * the deployment knows. When a function's statements would not fit, its routes are folded into patterns that admit
 * any method on a path (`/{stage}/*\/pets`) or below it (`/{stage}/*\/pets/*`, at the root `/{stage}/*\/*`): deepest
 * paths first and, at one depth, the fold that saves the most first, only until the policy fits. The result is
 * deterministic; `build` reports it as `lambda-policy-folded` (warning) at the function.
 *
 * The estimate covers this program's statements for one stack: a function given by ARN that other stacks or
 * services also grant statements to shares the limit with them.
 */
import type { DiagnosticCollector } from "../../diagnostics/diagnostic.js";
import { MAX_SLUG_LENGTH, slug, uniqueSlugs, type ModelNames } from "../../model/names.js";
import type { GatewayModel, LambdaFunction, Operation } from "../../model/types.js";
import { compareStrings } from "../../order.js";
import { directOperations } from "../aws-openapi/document.js";
import { planProxyResources } from "../aws-openapi/proxy-resources.js";

/** Lambda's limit for one function's resource-based policy, bytes. */
export const LAMBDA_POLICY_LIMIT = 20_480;

/**
 * Upper bounds (characters) of the parts of the two ARNs in a statement that only the deployment knows.
 * `stage` is the least a stage name is assumed to take; a longer stage of the spec raises it. `statementId` is the
 * most Lambda allows; Pulumi names a statement after its logical name plus `-` and 7 characters.
 */
export const ARN_BOUNDS = {
  /** `aws-us-gov` is the longest partition in use. */
  partition: 10,
  /** The longest Region names have 14 characters (`ap-southeast-5`). */
  region: 20,
  account: 12,
  /** REST API ids have 10 characters. */
  apiId: 10,
  /** Authorizer ids have 6 characters. */
  authorizerId: 10,
  /** Lambda function names have at most 64 characters. */
  functionName: 64,
  stage: 32,
  statementId: 100,
} as const;

/** What a `/{stage}`-relative execute-api ARN pattern admits. */
interface Pattern {
  /** An HTTP method, or `*` for any. */
  readonly method: string;
  /** Path segments, each variable as `*`. */
  readonly segments: readonly string[];
  /** True: every path below `segments` (at the root: every path). False: `segments` itself. */
  readonly below: boolean;
  /** The logical name of the route whose own statement this is; absent for a folded pattern. */
  readonly route?: string;
}

/** One route of a function, as its own statement would admit it. */
interface Route {
  readonly name: string;
  readonly method: string;
  readonly segments: readonly string[];
}

/** One statement of a function's policy, as the program writes it. */
export type InvokeStatement =
  /** A route or a folded pattern: `sourceArn` is `{api.executionArn}/{stage}` followed by `suffix`. */
  | { readonly kind: "route"; readonly name: string; readonly suffix: string; readonly folded: boolean }
  /** A Lambda authorizer: `sourceArn` is `{api.executionArn}/authorizers/{id of the authorizer named scheme}`. */
  | { readonly kind: "authorizer"; readonly name: string; readonly scheme: string };

/** The statements this program grants one function. */
export interface FunctionPolicy {
  readonly function: string;
  /** Route statements in operation order (a folded pattern where its first route was), then authorizers by scheme. */
  readonly statements: readonly InvokeStatement[];
  /** Present when the routes were folded: how many, and the estimated size (bytes) of the policy with one statement each. */
  readonly folded?: { readonly routes: number; readonly bytes: number };
}

/** The segments of a path template, each variable (`{id}`, `{proxy+}`) as `*`. */
function routeSegments(path: string): string[] {
  return path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => (s.includes("{") ? "*" : s));
}

/** The pattern as ARN text after the stage: `/GET/pets/*`, `/*\/pets/*`, `/GET/` for the root. */
function suffixOf(p: Pattern): string {
  const path = p.segments.join("/");
  if (!p.below) return `/${p.method}/${path}`;
  return path === "" ? `/${p.method}/*` : `/${p.method}/${path}/*`;
}

const filler = (length: number): string => "x".repeat(length);

/** Bytes of one statement as Lambda stores it. */
function statementBytes(sidLength: number, resourceLength: number, sourceArn: string): number {
  const statement = {
    Sid: filler(Math.min(sidLength, ARN_BOUNDS.statementId)),
    Effect: "Allow",
    Principal: { Service: "apigateway.amazonaws.com" },
    Action: "lambda:InvokeFunction",
    Resource: filler(resourceLength),
    Condition: { ArnLike: { "AWS:SourceArn": sourceArn } },
  };
  return Buffer.byteLength(JSON.stringify(statement), "utf8");
}

/** Bytes of the policy around its statements, and of the comma between two of them. */
const POLICY_OVERHEAD = Buffer.byteLength(JSON.stringify({ Version: "2012-10-17", Id: "default", Statement: [] }), "utf8");

/** Bytes of a policy whose statements take `sizes` bytes. */
function policyBytes(sizes: readonly number[]): number {
  return POLICY_OVERHEAD + sizes.reduce((sum, size) => sum + size, 0) + Math.max(0, sizes.length - 1);
}

/** `arn:<partition>:execute-api:<region>:<account>:<api id>` at its longest. */
const EXECUTION_ARN = `arn:${filler(ARN_BOUNDS.partition)}:execute-api:${filler(ARN_BOUNDS.region)}:${filler(ARN_BOUNDS.account)}:${filler(ARN_BOUNDS.apiId)}`;

/** The longest the function's ARN can be in `Resource`. */
function functionArnLength(fn: LambdaFunction | undefined): number {
  const bound = `arn:${filler(ARN_BOUNDS.partition)}:lambda:${filler(ARN_BOUNDS.region)}:${filler(ARN_BOUNDS.account)}:function:${filler(ARN_BOUNDS.functionName)}`.length;
  return fn?.kind === "arn" && fn.arn.kind === "literal" ? Math.max(bound, String(fn.arn.value).length) : bound;
}

/** The patterns that admit `routes` when the nodes `isFolded` says (keys: segments joined by `/`) are folded. */
function patternsOf(routes: readonly Route[], isFolded: (key: string) => boolean): Pattern[] {
  const patterns = new Map<string, Pattern>();
  for (const route of routes) {
    let pattern: Pattern = { method: route.method, segments: route.segments, below: false, route: route.name };
    for (let depth = 0; depth <= route.segments.length; depth++) {
      const prefix = route.segments.slice(0, depth);
      if (!isFolded(prefix.join("/"))) continue;
      // `/{stage}/*/*` admits the root's own ARN (`/{stage}/GET/`) too.
      pattern = { method: "*", segments: prefix, below: depth === 0 || depth < route.segments.length };
      break;
    }
    const suffix = suffixOf(pattern);
    if (!patterns.has(suffix)) patterns.set(suffix, pattern);
  }
  return [...patterns.values()];
}

/**
 * The logical name a folded pattern's statement gets before it is made unique: `perm-pets--under-pets`. The `--`
 * (which no slug holds) keeps these names apart from the routes' own (`perm-pets-get-pets`); two slugs keep it
 * within 87 characters, so Pulumi's statement id (the name, `-` and 7 characters) stays within Lambda's 100.
 */
function foldedBaseName(fnSlug: string, p: Pattern): string {
  const path = p.segments.length === 0 ? "root" : p.segments.map((s) => (s === "*" ? "var" : s)).join("/");
  return `perm-${fnSlug}--${slug(`${p.below ? "under" : "any"}/${path}`)}`;
}

/** The length of the statement id Pulumi derives from a logical name of `nameLength`: the name, `-` and 7 characters. */
function statementIdLength(nameLength: number): number {
  return nameLength + 8;
}

/** `table.get(key)`. @throws Error (a compiler bug) when it is missing. */
function get(table: ReadonlyMap<string, string>, key: string): string {
  const value = table.get(key);
  if (value === undefined) throw new Error(`No permission name for ${JSON.stringify(key)}.`);
  return value;
}

/**
 * The nodes to fold so that the policy fits: deepest first; at one depth, the node whose fold saves the most
 * bytes first (then by path); none when it fits as it is. Nodes of one depth hold disjoint sets of routes, so their
 * savings add up: each depth costs one pass over the routes.
 */
function foldNodes(routes: readonly Route[], size: (p: Pattern) => number, fixed: readonly number[]): Set<string> {
  const folded = new Set<string>();
  const isFolded = (key: string): boolean => folded.has(key);
  const bytesOf = (patterns: readonly Pattern[]): number => patterns.reduce((sum, p) => sum + size(p) + 1, 0);
  let total = policyBytes([...patternsOf(routes, isFolded).map(size), ...fixed]);
  if (total <= LAMBDA_POLICY_LIMIT) return folded;
  const maxDepth = Math.max(0, ...routes.map((r) => r.segments.length));
  for (let depth = maxDepth; depth >= 0; depth--) {
    const nodes = new Map<string, Route[]>();
    for (const route of routes) {
      if (route.segments.length < depth) continue;
      const key = route.segments.slice(0, depth).join("/");
      const under = nodes.get(key);
      if (under === undefined) nodes.set(key, [route]);
      else under.push(route);
    }
    const savings = [...nodes]
      .map(([key, under]) => {
        const after = patternsOf(under, (k) => k === key || folded.has(k));
        return { key, saving: bytesOf(patternsOf(under, isFolded)) - bytesOf(after) };
      })
      .filter((c) => c.saving > 0)
      .sort((a, b) => b.saving - a.saving || compareStrings(a.key, b.key));
    for (const { key, saving } of savings) {
      folded.add(key);
      total -= saving;
      if (total <= LAMBDA_POLICY_LIMIT) return folded;
    }
  }
  return folded;
}

/** Lambda authorizer schemes that an operation of the import document uses (only the first alternative is written). */
function usedLambdaSchemes(model: GatewayModel): Map<string, string[]> {
  const written: readonly Operation[] = [...directOperations(model), ...planProxyResources(model).map((plan) => plan.model)];
  const used = new Set(written.flatMap((op) => op.security[0]?.schemes.map((s) => s.name) ?? []));
  const byFunction = new Map<string, string[]>();
  for (const scheme of model.securitySchemes) {
    if (scheme.authorizer?.kind !== "lambda" || !used.has(scheme.name)) continue;
    byFunction.set(scheme.authorizer.function, [...(byFunction.get(scheme.authorizer.function) ?? []), scheme.name]);
  }
  return byFunction;
}

/** The policy of every function this API invokes, sorted by function name. */
export function planFunctionPolicies(model: GatewayModel, names: ModelNames): readonly FunctionPolicy[] {
  const routesByFunction = new Map<string, Route[]>();
  for (const op of directOperations(model)) {
    const integration = op.integration;
    if (integration?.kind !== "lambda") continue;
    const route = {
      name: names.permissionResource(integration.function, op.method, op.path),
      method: op.method === "ANY" ? "*" : op.method,
      segments: routeSegments(op.path),
    };
    routesByFunction.set(integration.function, [...(routesByFunction.get(integration.function) ?? []), route]);
  }
  const schemesByFunction = usedLambdaSchemes(model);
  const stageLength = Math.max(ARN_BOUNDS.stage, ...model.stages.map((s) => s.name.length));
  const functionNames = [...new Set([...routesByFunction.keys(), ...schemesByFunction.keys()])].sort(compareStrings);
  const authorizerNames = uniqueSlugs(
    [...schemesByFunction].flatMap(([fn, schemes]) => (schemes.length > 1 ? schemes.map((s) => `${fn}\u0000${s}`) : [])),
    (text) => {
      const [fn = "", scheme = ""] = text.split("\u0000");
      return `perm-${names.functionSlug(fn)}--${slug(`authorizer ${scheme}`)}`;
    },
  );
  const planned = functionNames.map((fn) => {
    const resourceLength = functionArnLength(model.functions.find((f) => f.name === fn));
    const schemes = [...(schemesByFunction.get(fn) ?? [])].sort(compareStrings);
    const authorizers = schemes.map((scheme) => ({
      kind: "authorizer" as const,
      name: schemes.length > 1 ? get(authorizerNames, `${fn}\u0000${scheme}`) : names.authorizerPermissionResource(fn),
      scheme,
    }));
    const authorizerSizes = authorizers.map((a) =>
      statementBytes(statementIdLength(a.name.length), resourceLength, `${EXECUTION_ARN}/authorizers/${filler(ARN_BOUNDS.authorizerId)}`),
    );
    const fnSlug = names.functionSlug(fn);
    // A folded pattern's final name is its base name, or at most MAX_SLUG_LENGTH characters when made unique.
    const sizes = new Map<string, number>();
    const size = (p: Pattern): number => {
      const key = `${p.route ?? ""}\u0000${suffixOf(p)}`;
      const known = sizes.get(key);
      if (known !== undefined) return known;
      const sid = p.route === undefined ? Math.max(foldedBaseName(fnSlug, p).length, MAX_SLUG_LENGTH) : p.route.length;
      const bytes = statementBytes(statementIdLength(sid), resourceLength, `${EXECUTION_ARN}/${filler(stageLength)}${suffixOf(p)}`);
      sizes.set(key, bytes);
      return bytes;
    };
    const routes = routesByFunction.get(fn) ?? [];
    const foldedNodes = foldNodes(routes, size, authorizerSizes);
    const patterns = patternsOf(routes, (key) => foldedNodes.has(key));
    const folded = patterns.some((p) => p.route === undefined)
      ? { routes: routes.length, bytes: policyBytes([...patternsOf(routes, () => false).map(size), ...authorizerSizes]) }
      : undefined;
    return { fn, fnSlug, patterns, authorizers, folded };
  });
  const baseNames = new Map(
    planned.flatMap(({ fn, fnSlug, patterns }) =>
      patterns.filter((p) => p.route === undefined).map((p) => [`${fn}\u0000${suffixOf(p)}`, foldedBaseName(fnSlug, p)] as const),
    ),
  );
  const foldedNames = uniqueSlugs(baseNames.keys(), (text) => get(baseNames, text));
  return planned.map(({ fn, patterns, authorizers, folded }) => {
    const routes: InvokeStatement[] = patterns.map((p) => ({
      kind: "route",
      name: p.route ?? get(foldedNames, `${fn}\u0000${suffixOf(p)}`),
      suffix: suffixOf(p),
      folded: p.route === undefined,
    }));
    return { function: fn, statements: [...routes, ...authorizers], ...(folded === undefined ? {} : { folded }) };
  });
}

/**
 * Reports `lambda-policy-folded` (warning) at each function whose route permissions were folded to fit Lambda's
 * policy limit, with the number of routes and the patterns that now admit them.
 */
export function reportFoldedPolicies(model: GatewayModel, names: ModelNames, report: DiagnosticCollector): void {
  for (const policy of planFunctionPolicies(model, names)) {
    if (policy.folded === undefined) continue;
    const fn = model.functions.find((f) => f.name === policy.function);
    if (fn === undefined) continue;
    const patterns = policy.statements.flatMap((s) => (s.kind === "route" && s.folded ? [`{stage}${s.suffix}`] : []));
    report.report({
      code: "lambda-policy-folded",
      args: {
        name: fn.name,
        routes: String(policy.folded.routes),
        size: String(policy.folded.bytes),
        limit: String(LAMBDA_POLICY_LIMIT),
        patterns: patterns.join(", "),
        statements: policy.statements.length === 1 ? "1 statement" : `${policy.statements.length} statements`,
      },
      origin: fn.origin,
      part: "key",
    });
  }
}
