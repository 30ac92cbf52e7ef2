/**
 * `x-amazon-apigateway-integration` of an HTTP API route. HTTP APIs have proxy integrations only (API Gateway
 * Developer Guide, "Working with integrations for HTTP APIs", http-api-develop-integrations.html):
 * - Lambda proxy (`aws_proxy`, always `POST` to the function's invocation URI) with the payload format the spec
 *   asks for, `2.0` by default (`1.0` is the REST-compatible event);
 * - HTTP proxy (`http_proxy`) to a URL, whose `{name}` path variables (a greedy `{proxy}` too) and
 *   `${stageVariables.x}` API Gateway fills in per request; over a VPC link (`connectionType: VPC_LINK`) the URL is
 *   an ALB or NLB listener ARN or a Cloud Map service ARN, and `tls.serverName` becomes `tlsConfig.serverNameToVerify`
 *   (TLS to the target is used only when it is set). HTTP proxies use payload format `1.0`, the only one they take;
 * - AWS-service integrations (Step Functions, and the SQS, Kinesis, EventBridge and AppConfig actions HTTP APIs
 *   call directly) as integration subtypes (./subtypes.ts);
 * - `timeoutInMillis` when the spec sets one (50–30,000 ms, checked by `integration-timeout-range`);
 * - parameter mapping from the `request` and `response` maps (./parameter-mapping.ts): `requestParameters` of
 *   Lambda and HTTP proxies, `responseParameters` of every integration.
 * Other integration kinds have no HTTP API form (`undefined`): mock integrations, non-proxy ones and service actions
 * without a subtype are validation errors on HTTP APIs.
 */
import type { Report } from "../../../validate/rule.js";
import type { HttpMethod, Integration, Operation } from "../../../model/types.js";
import { functionArnToken, lambdaInvocationUri, valueText } from "../../placeholders.js";
import { requestParameterMapping, responseParameterMapping } from "./parameter-mapping.js";
import { subtypeCall, subtypeIntegration } from "./subtypes.js";

/** The route an integration serves: its operation (for response statuses) and the operation's slug (role names). */
export interface IntegrationSite {
  readonly operation: Operation;
  readonly operationSlug: string;
}

/**
 * The integration object of a route of `site` served by `integration` for `method` requests, or undefined (see
 * above). What its maps cannot express is reported to `report`.
 */
export function httpApiIntegration(
  integration: Integration,
  method: HttpMethod,
  site: IntegrationSite,
  report?: Report,
): Record<string, unknown> | undefined {
  const call = subtypeCall(integration);
  if (call !== undefined) return subtypeIntegration(site.operation, integration, call, site.operationSlug, report);
  const proxy = proxyIntegration(integration, method);
  if (proxy === undefined) return undefined;
  const requestParameters = requestParameterMapping(integration, report);
  const responseParameters = responseParameterMapping(site.operation, integration, report);
  return {
    ...proxy,
    ...(requestParameters === undefined ? {} : { requestParameters }),
    ...(responseParameters === undefined ? {} : { responseParameters }),
  };
}

/**
 * Reports what the `request` and `response` maps of `op`'s integration (on an HTTP API) cannot express, and the
 * subtype parameters it misses, without building anything (the `http-integration-parameters` validation rule).
 */
export function reportHttpIntegration(op: Operation, integration: Integration, report: Report): void {
  httpApiIntegration(integration, op.method, { operation: op, operationSlug: op.id }, report);
}

/** A Lambda or HTTP proxy integration, without parameter mapping. */
function proxyIntegration(integration: Integration, method: HttpMethod): Record<string, unknown> | undefined {
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
