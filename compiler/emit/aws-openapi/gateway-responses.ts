/**
 * `x-amazon-apigateway-gateway-responses`: the responses API Gateway itself sends (authorizer denials, throttling,
 * validation failures, missing routes), by response type (developer guide, "Gateway responses for REST APIs").
 *
 * Each response of `x-gateway.gatewayResponses` keeps its status, headers and `application/json` template. With
 * CORS, the static CORS headers (./cors.ts, `gatewayResponseHeaders`) are added to every declared response and to
 * `DEFAULT_4XX` and `DEFAULT_5XX`, added when the spec does not declare them, so a browser app can read the errors
 * of every type; headers the spec sets itself win.
 */
import type { GatewayResponse } from "../../model/types.js";
import { table } from "../json.js";

/** The two response types every other type falls back to. */
const DEFAULTS = ["DEFAULT_4XX", "DEFAULT_5XX"];

/** A gateway response header value: a mapping expression as written, any other text as a quoted literal. */
function headerMapping(value: string): string {
  return /^'.*'$|^(method\.request\.|stageVariables\.|context\.)/.test(value) ? value : `'${value}'`;
}

/**
 * The extension's value for `responses`, with `corsHeaders` (header name → static value) on each; undefined when
 * there is nothing to write.
 */
export function gatewayResponsesObject(
  responses: readonly GatewayResponse[],
  corsHeaders: Readonly<Record<string, string>>,
): Record<string, unknown> | undefined {
  const withCors = Object.keys(corsHeaders).length > 0;
  const all: readonly Pick<GatewayResponse, "type" | "status" | "headers" | "body">[] = [
    ...responses,
    ...(withCors ? DEFAULTS.filter((type) => !responses.some((r) => r.type === type)).map((type) => ({ type, headers: {} })) : []),
  ];
  if (all.length === 0) return undefined;
  const result = table();
  for (const response of all) {
    const headers = table<string>();
    for (const [name, value] of Object.entries(corsHeaders)) headers[`gatewayresponse.header.${name}`] = value;
    for (const [name, value] of Object.entries(response.headers)) headers[`gatewayresponse.header.${name}`] = headerMapping(value);
    result[response.type] = {
      statusCode: response.status === undefined ? undefined : String(response.status),
      responseParameters: Object.keys(headers).length === 0 ? undefined : headers,
      responseTemplates: response.body === undefined ? undefined : { "application/json": response.body },
    };
  }
  return result;
}
