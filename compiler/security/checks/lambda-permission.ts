/**
 * Lambda permissions: API Gateway may invoke a function only through this API, and only through the routes that
 * use it. Every `aws.lambda.Permission` has principal `apigateway.amazonaws.com` (never `*`), action
 * `lambda:InvokeFunction`, and a `sourceArn` under the API's `executionArn`. Checkov CKV_AWS_364 (service
 * principals scoped by SourceArn), cfn-nag F13 (no wildcard principal) and W24 (InvokeFunction only),
 * KICS 1d6e16f1 (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).
 *
 * A route's ARN is `{executionArn}/{stage}/{METHOD}/{path}`. What it may fold into `*` is what API Gateway cannot
 * name in an ARN:
 * - a path parameter or a greedy `{proxy+}` segment (the value is only known per request);
 * - the method of an `ANY` route (`x-amazon-apigateway-any-method`);
 * - the authorizer id in `{executionArn}/authorizers/{id}`, for an API with a Lambda authorizer, on an HTTP API
 *   only (its imported authorizers' ids cannot be read back by the program; a REST API's can, so there it must be
 *   the id).
 * Beyond that, only a permission the build folded on purpose to fit Lambda's 20 KB policy limit
 * ({@link SecurityContext.foldedPermissions}) may admit any method below a path (`/{stage}/*\/pets/*`), and it
 * must still admit a route of the document. Every ARN names a stage this program deploys: `{executionArn}/*`, a
 * `*` stage or a `*` that widens a literal path segment fail.
 *
 * A WebSocket API's route ARN is `{executionArn}/{stage}/{routeKey}`, with the route key of one of its `Route`s
 * (`$connect`, `sendMessage`), and its `$connect` authorizer's is `{executionArn}/authorizers/{id}`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-control-access-iam.html).
 */
import { apiBodies, type ApiBody, type BodyMethod } from "../body.js";
import type { Finding, SecurityCheck, SecurityContext } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf, text, type GraphResource, type ResourceGraph } from "../graph.js";

/** The ARN path of a route: `pets/*` for `/pets/{petId}`. */
function arnPath(m: BodyMethod): string {
  return m.path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => (s.includes("{") ? "*" : s))
    .join("/");
}

/** True when the IAM pattern `pattern` (`*` any run of characters) admits `arn`. */
function admits(pattern: string, arn: string): boolean {
  const source = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`, "s").test(arn);
}

function hasLambdaAuthorizer(body: ApiBody): boolean {
  const schemes = record(record(body.document["components"])?.["securitySchemes"]) ?? {};
  return Object.values(schemes).some((s) => text(record(record(s)?.["x-amazon-apigateway-authorizer"])?.["authorizerUri"]) !== undefined);
}

/** A WebSocket API of the program: its `executionArn`, route keys and authorizer ids. */
interface WebSocketApi {
  readonly executionArn: string;
  readonly routeKeys: ReadonlySet<string>;
  readonly authorizerIds: ReadonlySet<string>;
}

function webSocketApis(graph: ResourceGraph): readonly WebSocketApi[] {
  return resourcesOf(graph, RESOURCE_TYPES.httpApi)
    .filter((api) => api.inputs["protocolType"] === "WEBSOCKET")
    .flatMap((api) => {
      const executionArn = text(api.outputs?.["executionArn"]);
      if (executionArn === undefined) return [];
      const ofApi = (type: string) => resourcesOf(graph, type).filter((r) => r.inputs["apiId"] === api.id);
      const routeKeys = ofApi(RESOURCE_TYPES.route).map((r) => text(r.inputs["routeKey"]));
      const authorizerIds = ofApi(RESOURCE_TYPES.authorizer).map((a) => a.id);
      return [{
        executionArn,
        routeKeys: new Set(routeKeys.filter((key): key is string => key !== undefined)),
        authorizerIds: new Set(authorizerIds.filter((id): id is string => id !== undefined)),
      }];
    });
}

/** What is wrong with a sourceArn under WebSocket API `api`, or undefined when it names one of its routes. */
function webSocketScopeProblem(arn: string, api: WebSocketApi, stages: ReadonlySet<string>): string | undefined {
  const rest = arn.slice(api.executionArn.length + 1);
  if (rest.startsWith("authorizers/")) {
    return api.authorizerIds.has(rest.slice("authorizers/".length)) ? undefined : `has sourceArn ${arn}, which is not the ARN of an authorizer of the WebSocket API`;
  }
  const slash = rest.indexOf("/");
  if (slash < 0) return `has sourceArn ${arn}, which covers the whole WebSocket API`;
  const stage = rest.slice(0, slash);
  if (!stages.has(stage)) return `has sourceArn ${arn}, which names ${stage.includes("*") ? "every stage" : `stage ${stage}, which this program does not deploy`}`;
  return api.routeKeys.has(rest.slice(slash + 1)) ? undefined : `has sourceArn ${arn}, which is not the ARN of a route of the WebSocket API`;
}

/** What is wrong with the scope of `permission`'s sourceArn, or undefined when it names routes of this API. */
function scopeProblem(permission: GraphResource, bodies: readonly ApiBody[], webSockets: readonly WebSocketApi[], stages: ReadonlySet<string>, folded: boolean): string | undefined {
  const arn = text(permission.inputs["sourceArn"]);
  if (arn === undefined) return "has no sourceArn, so any API Gateway API, in any account, may invoke the function";
  const webSocket = webSockets.find((api) => arn.startsWith(`${api.executionArn}/`));
  if (webSocket) return webSocketScopeProblem(arn, webSocket, stages);
  const body = bodies.find((b) => {
    const executionArn = text(b.api.outputs?.["executionArn"]);
    return executionArn !== undefined && arn.startsWith(`${executionArn}/`);
  });
  if (!body) return `has sourceArn ${arn}, which is not under the executionArn of this program's API`;
  const rest = arn.slice(String(body.api.outputs?.["executionArn"]).length + 1);
  if (/^authorizers\/[^/*]+$/.test(rest) || (body.kind === "http" && rest === "authorizers/*")) {
    return hasLambdaAuthorizer(body) ? undefined : `has sourceArn ${arn} for an authorizer, but the API has no Lambda authorizer`;
  }
  const slash = rest.indexOf("/");
  const stage = slash < 0 ? rest : rest.slice(0, slash);
  if (slash < 0) return `has sourceArn ${arn}, which covers the whole API`;
  if (!stages.has(stage)) return `has sourceArn ${arn}, which names ${stage.includes("*") ? "every stage" : `stage ${stage}, which this program does not deploy`}`;
  const route = rest.slice(slash + 1);
  const [method = "", ...segments] = route.split("/");
  const path = segments.join("/");
  // An ANY route may be granted as `*` or method by method; any other route by its own method.
  if (body.methods.some((m) => arnPath(m) === path && (m.method === "ANY" || m.method === method))) return undefined;
  if (folded && body.methods.some((m) => admits(route, `${m.method === "ANY" ? "*" : m.method}/${arnPath(m)}`))) return undefined;
  return `has sourceArn ${arn}, which is not the ARN of a route of the API (only path parameters, greedy paths and ANY methods are *)`;
}

function permissionProblems(
  permission: GraphResource,
  bodies: readonly ApiBody[],
  webSockets: readonly WebSocketApi[],
  stages: ReadonlySet<string>,
  context: SecurityContext,
): string[] {
  const principal = permission.inputs["principal"];
  const action = permission.inputs["action"];
  const scope = scopeProblem(permission, bodies, webSockets, stages, context.foldedPermissions.has(permission.name));
  return [
    ...(principal === "apigateway.amazonaws.com" ? [] : [`has principal ${JSON.stringify(principal ?? "unset")}, not apigateway.amazonaws.com`]),
    ...(action === "lambda:InvokeFunction" ? [] : [`allows action ${JSON.stringify(action ?? "unset")}, not only lambda:InvokeFunction`]),
    ...(scope === undefined ? [] : [scope]),
  ];
}

/** The stages the program deploys: REST stages' `stageName`, HTTP and WebSocket stages' `name` (`$default` included). */
function stageNames(graph: ResourceGraph): ReadonlySet<string> {
  const names = [
    ...resourcesOf(graph, RESOURCE_TYPES.stage).map((s) => s.inputs["stageName"]),
    ...resourcesOf(graph, RESOURCE_TYPES.httpStage).map((s) => s.inputs["name"]),
  ];
  return new Set(names.filter((name): name is string => typeof name === "string"));
}

/** Reports each Permission with another principal or action, or a sourceArn wider than its routes. */
export const lambdaPermission: SecurityCheck = {
  id: "lambda-permission",
  title: "Lambda permissions scoped to this API's routes",
  rules: ["CKV_AWS_364", "cfn-nag F13", "cfn-nag W24", "KICS 1d6e16f1"],
  kinds: ["rest", "http"],
  run(graph, context) {
    const bodies = apiBodies(graph);
    const webSockets = webSocketApis(graph);
    const stages = stageNames(graph);
    return resourcesOf(graph, RESOURCE_TYPES.permission).flatMap((permission): Finding[] => {
      const problems = permissionProblems(permission, bodies, webSockets, stages, context);
      return problems.length === 0 ? [] : [{ resource: permission, message: problems.join("; ") }];
    });
  },
};
