/**
 * The `$context` variables API Gateway documents for mapping templates (REST and WebSocket), as a tree, and the
 * ones it fills only in access logs or gateway responses. Sources: `api-gateway-mapping-template-reference.html`,
 * `apigateway-websocket-api-mapping-template-reference.html`, `api-gateway-variables-for-access-logging.html`
 * (`apigw-features.md` §3.6–3.7).
 */

/** A node of the tree: `true` is a leaf, `"any"` accepts every name below (authorizer context, override names). */
export type ContextNode = true | "any" | { readonly [name: string]: ContextNode };

/** The variables a mapping template can read. */
export const CONTEXT_VARIABLES: { readonly [name: string]: ContextNode } = {
  accountId: true,
  apiId: true,
  authorizer: "any",
  awsEndpointRequestId: true,
  deploymentId: true,
  domainName: true,
  domainPrefix: true,
  error: { validationErrorString: true },
  extendedRequestId: true,
  httpMethod: true,
  identity: {
    accessKey: true,
    accountId: true,
    apiKey: true,
    apiKeyId: true,
    caller: true,
    clientCert: { clientCertPem: true, issuerDN: true, serialNumber: true, subjectDN: true, validity: { notAfter: true, notBefore: true } },
    cognitoAuthenticationProvider: true,
    cognitoAuthenticationType: true,
    cognitoIdentityId: true,
    cognitoIdentityPoolId: true,
    principalOrgId: true,
    sourceIp: true,
    user: true,
    userAgent: true,
    userArn: true,
    vpcId: true,
    vpceId: true,
  },
  isCanaryRequest: true,
  path: true,
  protocol: true,
  requestId: true,
  requestOverride: { header: "any", path: "any", querystring: "any" },
  requestTime: true,
  requestTimeEpoch: true,
  resourceId: true,
  resourcePath: true,
  responseOverride: { header: "any", status: true },
  stage: true,
  wafResponseCode: true,
  webaclArn: true,
  // WebSocket APIs
  connectedAt: true,
  connectionId: true,
  eventType: true,
  messageId: true,
  routeKey: true,
};

/** Variables API Gateway fills only in access logs or gateway responses; a mapping template reads them as empty. */
export const LOG_ONLY_CONTEXT_VARIABLES: { readonly [name: string]: ContextNode } = {
  authenticate: "any",
  authorize: "any",
  cipherSuite: true,
  customDomain: "any",
  error: { message: true, messageString: true, responseType: true },
  integration: "any",
  integrationErrorMessage: true,
  integrationLatency: true,
  integrationStatus: true,
  responseLatency: true,
  responseLength: true,
  status: true,
  tlsVersion: true,
  waf: "any",
  xrayTraceId: true,
};

/** How a `$context` property path reads: `known`, `log-only`, or `unknown` with the index of the first unknown name. */
export type ContextLookup = { readonly kind: "known" | "log-only" } | { readonly kind: "unknown"; readonly at: number };

function walk(tree: ContextNode, names: readonly string[]): number {
  let node: ContextNode = tree;
  for (let i = 0; i < names.length; i++) {
    if (node === "any") return -1;
    if (node === true) return i;
    const next: ContextNode | undefined = Object.hasOwn(node, names[i] as string) ? node[names[i] as string] : undefined;
    if (next === undefined) return i;
    node = next;
  }
  return -1;
}

/** Looks up `$context.<names…>` (property names only, up to the first method call or index). */
export function lookupContextVariable(names: readonly string[]): ContextLookup {
  const known = walk(CONTEXT_VARIABLES, names);
  if (known < 0) return { kind: "known" };
  if (walk(LOG_ONLY_CONTEXT_VARIABLES, names) < 0) return { kind: "log-only" };
  return { kind: "unknown", at: known };
}
