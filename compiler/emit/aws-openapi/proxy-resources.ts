/**
 * `x-gateway.proxyResources`: every operation under a path prefix is served by one greedy resource
 * `{prefix}/{proxy+}` with the ANY method and an HTTP proxy integration to `{baseUrl}{prefix}/{proxy}`. This keeps
 * very large APIs (GitHub's has about a thousand operations) within API Gateway's 300-resource quota.
 *
 * The base URL is read back from the operations: an operation under the prefix whose HTTP integration URL ends
 * with its own path (as `defaults.integration.http.baseUrl` builds them) gives `url` minus `path`. The first such
 * operation (by path, then method) also gives the security and the timeout; validation (`proxy-resource-conflict`)
 * reports operations whose backend or auth the proxy would not reproduce.
 */
import type { GatewayModel, Operation, ProxyResource } from "../../model/types.js";

/** A proxy resource and what it replaces. */
export interface ProxyPlan {
  readonly prefix: string;
  /** `{prefix}/{proxy+}`. */
  readonly path: string;
  /** The backend URL `{baseUrl}{prefix}/{proxy}`. */
  readonly url: string;
  /** The operation whose integration, security and timeout the proxy takes. */
  readonly model: Operation;
  readonly resource: ProxyResource;
}

/** True when `path` lies strictly below `prefix` (`/repos/{owner}` is under `/repos`; `/repos` itself is not). */
export function isUnder(path: string, prefix: string): boolean {
  return path.startsWith(`${prefix.replace(/\/+$/, "")}/`);
}

/** The proxy resource that serves `op`, if any. */
export function proxyFor(op: Operation, plans: readonly ProxyPlan[]): ProxyPlan | undefined {
  return plans.find((plan) => isUnder(op.path, plan.prefix));
}

/**
 * Plans each proxy resource of the model.
 * @throws Error (a compiler bug: validation guarantees it) when no operation under a prefix has an HTTP
 * integration whose URL ends with the operation's path.
 */
export function planProxyResources(model: GatewayModel): readonly ProxyPlan[] {
  return model.proxyResources.map((resource) => {
    const prefix = resource.prefix.replace(/\/+$/, "");
    const source = model.operations.find(
      (op) => isUnder(op.path, prefix) && op.integration?.kind === "http" && op.integration.url.endsWith(op.path),
    );
    if (source === undefined || source.integration?.kind !== "http") {
      throw new Error(`Proxy resource ${prefix}: no operation under it has an HTTP integration to {baseUrl}{path}.`);
    }
    const baseUrl = source.integration.url.slice(0, source.integration.url.length - source.path.length);
    return { prefix, path: `${prefix}/{proxy+}`, url: `${baseUrl}${prefix}/{proxy}`, model: source, resource };
  });
}
