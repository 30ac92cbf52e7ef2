/**
 * `x-gateway.proxyResources`: every operation at or under a path prefix is served by two resources with the ANY
 * method and an HTTP proxy integration: the prefix itself, to `{baseUrl}{prefix}`, and one greedy resource
 * `{prefix}/{proxy+}` below it, to `{baseUrl}{prefix}/{proxy}`. This keeps very large APIs (GitHub's has over a
 * thousand operations) within API Gateway's 300-resource quota, and serves path shapes a REST API cannot hold.
 * A path is under a prefix when it equals it or continues it after a `/`; with nested prefixes the outermost one
 * serves it (as validation's `proxyResourceLookup` decides).
 *
 * The base URL is read back from the operations: an operation under the prefix whose HTTP integration URL ends
 * with its own path (as `defaults.integration.http.baseUrl` builds them) gives `url` minus `path`. The first such
 * operation (by path, then method) also gives the security and the timeout; validation (`proxy-resource-conflict`)
 * reports operations whose backend or auth the proxy would not reproduce.
 */
import type { GatewayModel, Operation } from "../../model/types.js";

/** A proxy resource and what it replaces. */
export interface ProxyPlan {
  /** The prefix without a trailing `/` (`""` for the root). */
  readonly prefix: string;
  /** The prefix's own path (`/` for the root) and its backend URL `{baseUrl}{prefix}`. */
  readonly prefixPath: string;
  readonly prefixUrl: string;
  /** `{prefix}/{proxy+}` and its backend URL `{baseUrl}{prefix}/{proxy}`. */
  readonly greedyPath: string;
  readonly greedyUrl: string;
  /** The operation whose integration, security and timeout the proxy takes. */
  readonly model: Operation;
}

function normalize(prefix: string): string {
  return prefix.replace(/\/+$/, "");
}

/** True when `path` is `prefix` or lies below it (`/repos` and `/repos/{owner}` are under `/repos`). */
export function isUnder(path: string, prefix: string): boolean {
  const p = normalize(prefix);
  return p === "" || path === p || path.startsWith(`${p}/`);
}

/** The proxy resource that serves `op`: the outermost (shortest) prefix it is under, if any. */
export function proxyFor(op: Operation, plans: readonly ProxyPlan[]): ProxyPlan | undefined {
  let found: ProxyPlan | undefined;
  for (const plan of plans) {
    if (isUnder(op.path, plan.prefix) && (found === undefined || plan.prefix.length < found.prefix.length)) found = plan;
  }
  return found;
}

/**
 * Plans each proxy resource of the model: the first entry of a prefix written twice, and none for a prefix under
 * another one (the outer one serves it).
 * @throws Error (a compiler bug: validation guarantees it) when no operation under a prefix has an HTTP
 * integration whose URL ends with the operation's path.
 */
export function planProxyResources(model: GatewayModel): readonly ProxyPlan[] {
  const plans = new Map<string, ProxyPlan>();
  for (const resource of model.proxyResources) {
    const prefix = normalize(resource.prefix);
    if (plans.has(prefix)) continue;
    const source = model.operations.find(
      (op) => isUnder(op.path, prefix) && op.integration?.kind === "http" && op.integration.url.endsWith(op.path),
    );
    if (source === undefined || source.integration?.kind !== "http") {
      throw new Error(`Proxy resource ${prefix || "/"}: no operation under it has an HTTP integration to {baseUrl}{path}.`);
    }
    const baseUrl = source.integration.url.slice(0, source.integration.url.length - source.path.length);
    plans.set(prefix, {
      prefix,
      prefixPath: prefix || "/",
      prefixUrl: `${baseUrl}${prefix || "/"}`,
      greedyPath: `${prefix}/{proxy+}`,
      greedyUrl: `${baseUrl}${prefix}/{proxy}`,
      model: source,
    });
  }
  const all = [...plans.values()];
  return all.filter((plan) => !all.some((outer) => outer.prefix.length < plan.prefix.length && isUnder(plan.prefix, outer.prefix)));
}
