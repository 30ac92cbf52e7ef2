/**
 * `x-amazon-apigateway-integration` of an HTTP API route. HTTP APIs have proxy integrations only (API Gateway
 * Developer Guide, "Working with integrations for HTTP APIs", http-api-develop-integrations.html):
 * - Lambda proxy (`aws_proxy`, always `POST` to the function's invocation URI) with the payload format the spec
 *   asks for, `2.0` by default (`1.0` is the REST-compatible event);
 * - HTTP proxy (`http_proxy`) to a URL, whose `{name}` path variables (a greedy `{proxy}` too) and
 *   `${stageVariables.x}` API Gateway fills in per request; over a VPC link (`connectionType: VPC_LINK`) the URL is
 *   an ALB or NLB listener ARN or a Cloud Map service ARN, and `tls.serverName` becomes `tlsConfig.serverNameToVerify`
 *   (TLS to the target is used only when it is set). HTTP proxies use payload format `1.0`, the only one they take;
 * - `timeoutInMillis` when the spec sets one (50–30,000 ms, checked by `integration-timeout-range`).
 * Other integration kinds have no HTTP API form here (`undefined`): mock integrations and non-proxy ones are
 * validation errors on HTTP APIs, and AWS-service integrations are reported by `build` as `not-emitted`.
 */
import type { HttpMethod, Integration } from "../../../model/types.js";
import { functionArnToken, lambdaInvocationUri, valueText } from "../../placeholders.js";

/** The integration object of a route served by `integration` for `method` requests, or undefined (see above). */
export function httpApiIntegration(integration: Integration, method: HttpMethod): Record<string, unknown> | undefined {
  const timeout = integration.timeout === undefined ? {} : { timeoutInMillis: integration.timeout };
  switch (integration.kind) {
    case "lambda":
      return {
        type: "aws_proxy",
        httpMethod: "POST",
        uri: lambdaInvocationUri(functionArnToken(integration.function)),
        payloadFormatVersion: integration.payloadFormat ?? "2.0",
        ...timeout,
      };
    case "http": {
      const vpcLink = integration.vpcLink;
      const serverName = integration.tls?.serverName;
      return {
        type: "http_proxy",
        httpMethod: integration.method ?? method,
        uri: integration.url,
        payloadFormatVersion: "1.0",
        ...(vpcLink === undefined ? {} : { connectionType: "VPC_LINK", connectionId: valueText(vpcLink.id) }),
        ...(vpcLink !== undefined && serverName !== undefined ? { tlsConfig: { serverNameToVerify: serverName } } : {}),
        ...timeout,
      };
    }
    default:
      return undefined;
  }
}
