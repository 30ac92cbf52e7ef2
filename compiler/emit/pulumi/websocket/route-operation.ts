/**
 * A WebSocket route seen as the operation the REST mapping and service builders read (../../aws-openapi/
 * mapping-request.ts, ../../aws-openapi/services/): a `POST /` whose JSON request body is the route's message and,
 * on a two-way route, whose `200` response is its reply; `$connect`'s query and header parameters as its
 * parameters. Only the fields those builders read carry meaning.
 *
 * The mapping template context is API Gateway's WebSocket one (apigateway-websocket-api-mapping-template-reference.html):
 * `$input.body`, `$input.json(…)`, `$util`, `$stageVariables` and `$context` with WebSocket variables
 * (`connectionId`, `routeKey`, `eventType`, `messageId`, …); a WebSocket message has no path, and headers and query
 * parameters exist only on `$connect`.
 */
import type { MediaType, Operation, Schema, WebSocketRoute } from "../../../model/types.js";

/** `route` as an operation (see the module comment). */
export function routeOperation(route: WebSocketRoute): Operation {
  const json = (schema: Schema | undefined): MediaType[] => [
    { mediaType: "application/json", ...(schema === undefined ? {} : { schema }), origin: route.origin },
  ];
  return {
    kind: "operation",
    id: route.key,
    idDerived: false,
    method: "POST",
    path: "/",
    deprecated: false,
    tags: [],
    parameters: route.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, deprecated: false, origin: route.origin })),
    requestBody: { required: true, content: json(route.message), origin: route.origin },
    responses:
      route.reply === undefined ? [] : [{ status: "200", description: "reply", content: json(route.reply), headers: [], origin: route.origin }],
    security: [],
    securityDeclared: false,
    public: false,
    ...(route.integration === undefined ? {} : { integration: route.integration }),
    integrationKeys: route.integrationKeys,
    options: { binary: false, usagePlans: [] },
    nativeExtensions: {},
    origin: route.origin,
    gatewayOrigin: route.origin,
  };
}
