/**
 * API Gateway's per-API quotas.
 *
 * Resources per REST API (300), routes per HTTP API (300), routes per WebSocket API (300), stages per API (10)
 * and authorizers per API (10) are soft quotas: over them the deploy fails until AWS raises them. A quota the
 * user has raised is given in `x-gateway.quotas` (`resources`, `routes`, `websocketRoutes`, `stages`,
 * `authorizers`) and is honoured.
 * Source: api-gateway-execution-service-limits-table.html, http-api-quotas.html and
 * apigateway-execution-service-websocket-limits-table.html (API Gateway Developer Guide).
 */
import type { GatewayModel } from "../../model/types.js";
import { pathSegments, proxyResourceLookup } from "../paths.js";
import type { Rule } from "../rule.js";
import { formatCount } from "../text.js";

const GUIDE = "https://docs.aws.amazon.com/apigateway/latest/developerguide/";
const PAGES = {
  rest: `${GUIDE}api-gateway-execution-service-limits-table.html`,
  http: `${GUIDE}http-api-quotas.html`,
  websocket: `${GUIDE}apigateway-execution-service-websocket-limits-table.html`,
};
const AUTHORIZER_KINDS = new Set(["lambda", "cognito", "jwt"]);

/**
 * The resources a REST API creates: the root and every prefix of every path, except that a `proxyResources`
 * prefix replaces its subtree by itself and `prefix/{proxy+}`.
 */
function countRestResources(model: GatewayModel): number {
  const proxyOf = proxyResourceLookup(model.proxyResources);
  const resources = new Set<string>(["/"]);
  const addPrefixes = (path: string): void => {
    let prefix = "";
    for (const segment of pathSegments(path)) resources.add((prefix += `/${segment}`));
  };
  for (const { path } of model.operations) if (!proxyOf(path)) addPrefixes(path);
  for (const { prefix } of model.proxyResources) addPrefixes(`${prefix}/{proxy+}`);
  return resources.size;
}

/** HTTP routes: one per operation outside `proxyResources`, two (`ANY prefix`, `ANY prefix/{proxy+}`) per prefix. */
function countHttpRoutes(model: GatewayModel): number {
  const proxyOf = proxyResourceLookup(model.proxyResources);
  return model.operations.filter((op) => !proxyOf(op.path)).length + 2 * model.proxyResources.length;
}

/** Authorizers API Gateway creates for the schemes named in `names`. */
function countAuthorizers(model: GatewayModel, names: ReadonlySet<string>): number {
  return model.securitySchemes.filter((s) => names.has(s.name) && AUTHORIZER_KINDS.has(s.authorizer?.kind ?? "")).length;
}

/** Reports each quota over its (possibly raised) limit once: resources and routes at `paths`, the rest at the root `x-gateway`. */
export const apiQuotas: Rule = {
  name: "api-quotas",
  codes: ["quota-soft-limit"],
  check(model, report) {
    const quotas = model.settings.quotas;
    const soft = (what: string, count: number, key: string, limit: number, source: string, origin = model.origin): void => {
      const raised = Object.hasOwn(quotas, key) ? quotas[key] : undefined;
      if (count <= (raised ?? limit)) return;
      const shown = raised === undefined ? formatCount(limit) : `${formatCount(raised)} (raised in x-gateway.quotas.${key})`;
      report({
        code: "quota-soft-limit",
        args: { what, count: formatCount(count), limit: shown, source },
        origin,
        part: "key",
      });
    };
    const page = PAGES[model.kind];
    // Resources and routes come from `paths`: the warning sits on its key.
    const paths = { file: model.entry, pointer: "/paths" };
    if (model.kind === "rest") soft("Resources of the REST API", countRestResources(model), "resources", 300, page, paths);
    else soft("Routes of the HTTP API", countHttpRoutes(model), "routes", 300, page, paths);
    soft("Stages", model.stages.length, "stages", 10, page);
    const used = new Set(model.operations.flatMap((op) => op.security.flatMap((alt) => alt.schemes.map((s) => s.name))));
    const kind = model.kind === "rest" ? "REST" : "HTTP";
    soft(`Authorizers of the ${kind} API`, countAuthorizers(model, used), "authorizers", 10, page);
    const ws = model.websocket;
    if (ws) {
      soft("Routes of the WebSocket API", ws.routes.length, "websocketRoutes", 300, PAGES.websocket);
      const auth = new Set(ws.routes.flatMap((r) => (r.auth ? [r.auth.scheme] : [])));
      soft("Authorizers of the WebSocket API", countAuthorizers(model, auth), "authorizers", 10, PAGES.websocket);
    }
  },
};
