/**
 * The table of every diagnostic Portico reports.
 *
 * Codes are kebab-case, stable and never reused for another meaning. Each entry gives the default severity
 * and the message template; its parameters are checked at compile time by `createDiagnostic`. Codes that only
 * matter for what is deployed say `whenNotDeploying` (see {@link WhenNotDeploying}).
 * Sections follow the pipeline: loading, structure, semantics, build.
 */
import { msg } from "./message.js";

export const codes = {
  // ── Loading: files, YAML/JSON, limits ────────────────────────────────────────────────────────────────
  "file-not-found": { severity: "error", message: msg`Cannot read ${"path"}: the file does not exist.` },
  "file-unreadable": { severity: "error", message: msg`Cannot read ${"path"}: ${"reason"}.` },
  "file-too-large": {
    severity: "error",
    message: msg`${"path"} is ${"size"} bytes; the limit is ${"limit"} bytes (raise it with --max-file-size).`,
  },
  "file-empty": { severity: "error", message: msg`${"path"} is empty; expected an OpenAPI 3.x document.` },
  "syntax-error": { severity: "error", message: msg`${"language"} syntax error: ${"detail"}.` },
  "duplicate-key": {
    severity: "error",
    message: msg`Key ${"key"} appears twice in the same object; the second value would silently win.`,
  },
  "multiple-documents": {
    severity: "error",
    message: msg`The file holds several YAML documents; an OpenAPI file must hold exactly one.`,
  },
  "key-not-text": {
    severity: "error",
    message: msg`This mapping key is a mapping or a list; OpenAPI keys are plain text.`,
  },
  "merge-key": {
    severity: "error",
    message: msg`YAML merge keys (<<) are not part of YAML 1.2, and OpenAPI tools disagree on them; write the keys out.`,
  },
  "unknown-tag": {
    severity: "error",
    message: msg`Unknown YAML tag ${"tag"}; OpenAPI files use plain YAML values (CloudFormation tags such as !Ref are not expanded).`,
  },
  "alias-limit": {
    severity: "error",
    message: msg`The document expands to more than ${"limit"} nodes through YAML aliases (an alias bomb?).`,
  },
  "nesting-too-deep": {
    severity: "error",
    message: msg`The document nests deeper than ${"limit"} levels.`,
  },
  "not-openapi": {
    severity: "error",
    message: msg`This is not an OpenAPI 3.x document: ${"reason"}.`,
  },
  "unsupported-openapi-version": {
    severity: "error",
    message: msg`OpenAPI version ${"version"} is not supported; Portico reads OpenAPI 3.0.x and 3.1.x.`,
  },

  // ── $ref resolution ─────────────────────────────────────────────────────────────────────────────────
  "ref-remote": {
    severity: "error",
    message: msg`Remote reference ${"ref"} refused: Portico never reaches the network; copy the file next to the spec.`,
  },
  "ref-outside-root": {
    severity: "error",
    message: msg`Reference ${"ref"} leaves the spec's folder ${"root"}; references must stay inside it.`,
  },
  "ref-file-type": {
    severity: "error",
    message: msg`Reference ${"ref"} names a file that is not .yaml, .yml or .json.`,
  },
  "ref-not-found": { severity: "error", message: msg`Reference ${"ref"} does not resolve: ${"reason"}.` },
  "ref-cycle": {
    severity: "error",
    message: msg`Reference cycle with no structure in between: ${"cycle"}.`,
  },
  "ref-invalid": { severity: "error", message: msg`Invalid reference ${"ref"}: ${"reason"}.` },

  // ── Overlays ────────────────────────────────────────────────────────────────────────────────────────
  "overlay-invalid": { severity: "error", message: msg`Invalid overlay: ${"reason"}.` },
  "overlay-target-invalid": { severity: "error", message: msg`Invalid JSONPath target ${"target"}: ${"reason"}.` },
  "overlay-target-unmatched": {
    severity: "warning",
    message: msg`Overlay target ${"target"} matches nothing in the document.`,
  },

  // ── Structure: the OpenAPI schema, x-gateway and x-amazon-apigateway-* schemas ──────────────────────
  "unknown-property": { severity: "error", message: msg`Unknown property ${"name"} in ${"where"}.${"hint"}` },
  "missing-property": { severity: "error", message: msg`${"where"} requires property ${"name"}.` },
  "invalid-type": { severity: "error", message: msg`${"where"} must be ${"expected"}.` },
  "invalid-value": { severity: "error", message: msg`${"where"}: ${"detail"}.` },

  // ── Semantics (one rule each, see compiler/validate/rules/) ─────────────────────────────────────────
  "duplicate-operation-id": {
    severity: "error",
    whenNotDeploying: "warning",
    message: msg`Operation id ${"id"} ${"clash"} (also at ${"other"}).`,
  },
  "path-param-undeclared": {
    severity: "error",
    whenNotDeploying: "warning",
    message: msg`Path ${"path"} uses {${"name"}} but the operation declares no path parameter ${"name"}.`,
  },
  "path-param-unused": {
    severity: "error",
    whenNotDeploying: "warning",
    message: msg`Path parameter ${"name"} is declared but ${"path"} has no {${"name"}} segment.`,
  },
  "greedy-path-not-last": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Greedy path variable {${"name"}+} must be the last segment of ${"path"}.`,
  },
  "sibling-path-variables": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`${"path"} names its variable {${"name"}} where ${"other"} names the same position {${"otherName"}}; a REST API allows one variable name per parent resource. ${"fix"}`,
  },
  "path-segment-mixed": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Segment ${"segment"} of ${"path"} mixes variables and text; ${"kind"} APIs need each variable to be a whole segment. ${"fix"}`,
  },
  "path-segment-invalid": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Segment ${"segment"} of ${"path"} has characters API Gateway does not accept (letters, digits, _ - . , : and {} only).`,
  },
  "function-unknown": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Function ${"name"} is not defined in x-gateway.functions.${"hint"}`,
  },
  "security-scheme-unknown": {
    severity: "error",
    whenNotDeploying: "warning",
    message: msg`Security scheme ${"name"} is not defined in components.securitySchemes.${"hint"}`,
  },
  "usage-plan-unknown": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Usage plan ${"name"} is not defined in x-gateway.usagePlans.${"hint"}`,
  },
  "usage-plan-without-api-key": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Operation ${"operation"} lists usage plans, but its security names no API-key scheme, so API Gateway asks no key and the plans neither meter nor throttle it; add an apiKey security scheme (in: header, name: x-api-key) to its security.`,
  },
  "security-scheme-unimplemented": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Security scheme ${"name"} (${"type"}) is used but nothing implements it on API Gateway: ${"fix"}.`,
  },
  "integration-missing": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`${"subject"} has no integration: ${"fix"}.`,
  },
  "integration-multiple": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`${"subject"} names several integrations (${"kinds"}); keep exactly one.`,
  },
  "api-kind-unsupported": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Not available on ${"kind"} APIs: ${"feature"}. ${"fix"}`,
  },
  "websocket-auth-not-connect": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Route ${"route"} sets authorization, but WebSocket APIs authorize only on $connect.`,
  },
  "integration-timeout-range": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Integration timeout ${"value"} ms is outside ${"min"}–${"max"} ms for ${"kind"} APIs.${"hint"}`,
  },
  "integration-source-invalid": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`${"setting"} ${"value"} cannot be read from the request: ${"reason"}.`,
  },
  "quota-exceeded": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`${"what"}: ${"count"} exceeds API Gateway's limit of ${"limit"} (${"source"}).`,
  },
  "quota-soft-limit": {
    severity: "warning",
    whenNotDeploying: "skip",
    message: msg`${"what"}: ${"count"} exceeds API Gateway's default quota of ${"limit"}; request an increase before deploying (${"source"}).`,
  },
  "cors-wildcard-credentials": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`CORS allows any origin (*) together with credentials; browsers reject this. List the origins instead.`,
  },
  "invalid-header-name": {
    severity: "error",
    message: msg`Header name ${"name"} is not a valid HTTP token (RFC 9110 §5.6.2).`,
  },
  "invisible-characters": {
    severity: "error",
    message: msg`${"what"} ${"name"} contains invisible or bidirectional characters (${"chars"}).`,
  },
  "operation-unauthenticated": {
    severity: "warning",
    whenNotDeploying: "skip",
    message: msg`Operation ${"operation"} has no security requirement; add one, or x-gateway.public: true if it is meant to be open.`,
  },
  "reserved-name": {
    severity: "warning",
    message: msg`${"what"} ${"name"} is a reserved JavaScript name; generated code uses ${"renamed"}.`,
  },
  "stage-name-invalid": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Stage name ${"name"} must be 1–128 letters, digits, - or _.${"hint"}`,
  },
  "websocket-route-key-invalid": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Route key ${"key"}: ${"reason"}.`,
  },
  "websocket-route-selection-invalid": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Route selection expression ${"expression"} reads no message field: write $request.body.<path> (e.g. $request.body.action), or a template of \${request.body.<path>} variables and text (e.g. \${request.body.service}/\${request.body.action}).`,
  },
  "websocket-default-route-missing": {
    severity: "warning",
    whenNotDeploying: "skip",
    message: msg`The WebSocket API has no $default route: a message that is not JSON, or whose ${"expression"} matches no route key, is answered with an error and reaches no backend. Add a $default route.`,
  },
  "websocket-message-schema-invalid": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Message schema of route ${"route"}: ${"problem"}; API Gateway sends a message to this route only when ${"expression"} evaluates to ${"route"}.`,
  },
  "websocket-model-too-large": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`The ${"what"} model of route ${"route"} is ${"size"} characters; a WebSocket API model holds at most ${"limit"} (apigatewayv2 Model schema). Split the schema, or drop constraints API Gateway need not check.`,
  },
  "proxy-resource-conflict": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Operation ${"operation"} under proxy resource ${"prefix"} cannot be served through it: ${"reason"}.`,
  },
  "domain-tls-legacy": {
    severity: "warning",
    whenNotDeploying: "skip",
    message: msg`The custom domain accepts TLS 1.0 and 1.1 clients (securityPolicy: TLS_1_0); use TLS_1_2 or an enhanced TLS 1.3 policy (checkov CKV_AWS_206, Trivy AWS-0005).`,
  },
  "domain-setting-conflict": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`API Gateway refuses this custom domain: ${"problem"}. ${"fix"}`,
  },
  "mutual-tls-bypass": {
    severity: "warning",
    whenNotDeploying: "skip",
    message: msg`Mutual TLS on the custom domain can be bypassed through the API's default execute-api endpoint; set x-gateway.endpoint.disableExecuteApiEndpoint: true so every client must present a certificate.`,
  },
  "private-api-no-policy": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`API Gateway refuses to deploy a private API without a resource policy: list the VPC endpoints in x-gateway.endpoint.vpcEndpointIds (a policy admitting only them is generated) or write x-gateway.policy.`,
  },
  "policy-allows-everyone": {
    severity: "warning",
    whenNotDeploying: "skip",
    message: msg`This statement lets anyone (Principal *) invoke the API with no Condition, and no Deny with a Condition narrows it; add a Condition (aws:SourceVpce, aws:SourceIp, aws:PrincipalOrgID) or name the principals (checkov CKV2_AWS_70).`,
  },
  "too-many-errors": {
    severity: "info",
    message: msg`Validation stopped after ${"limit"} errors; fix these and run again to see the rest.`,
  },

  // ── Build ───────────────────────────────────────────────────────────────────────────────────────────
  "body-too-large": {
    severity: "error",
    message: msg`The deployed OpenAPI body is ${"size"} bytes; API Gateway imports at most ${"limit"} bytes (limits.html, PutRestApi).`,
  },
  "cache-without-cluster": {
    severity: "warning",
    message: msg`Operation ${"operation"} asks for caching, but no stage has a cache cluster, so its responses are never cached; give the stages that should cache one (x-gateway.stages.<stage>.cache).`,
  },
  "cache-key-unknown": {
    severity: "error",
    message: msg`Cache key ${"name"} of operation ${"operation"} is no path, query or header parameter of it; API Gateway keys its cache only on declared parameters, so requests differing in ${"name"} would get one another's cached responses. Declare the parameter or remove the key.`,
  },
  "cors-value-invalid": {
    severity: "error",
    message: msg`CORS ${"field"} entry ${"value"} cannot be sent: ${"reason"}.`,
  },
  "mapping-template-error": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Mapping template: ${"message"}`,
  },
  "mapping-template-warning": {
    severity: "warning",
    whenNotDeploying: "skip",
    message: msg`Mapping template: ${"message"}`,
  },
  "mapping-invalid": {
    severity: "error",
    message: msg`This part of the mapping cannot be compiled into a mapping template: ${"reason"}. See docs/x-gateway.md "Mappings".`,
  },
  "http-subtype-parameter-missing": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Integration subtype ${"subtype"} needs ${"parameter"}, and nothing gives it: ${"fix"}.`,
  },
  "http-subtype-parameter-unknown": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`${"name"} is not a parameter of integration subtype ${"subtype"}, which takes ${"parameters"}; remove it or fix its spelling (names are case-sensitive).`,
  },
  "http-mapping-unsupported": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`HTTP API parameter mapping cannot express ${"what"}: ${"reason"}. ${"fix"}`,
  },
  "http-mapping-reserved-header": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Header ${"name"} is reserved: HTTP API parameter mapping cannot change it, and API Gateway rejects the mapping. Remove the mapping, or set the header in the backend.`,
  },
  "request-schema-unresolved": {
    severity: "warning",
    message: msg`The request model cannot hold the reference ${"ref"} (only references into components.schemas of the entry file can be imported); API Gateway accepts any value in its place.`,
  },
  "not-emitted": {
    severity: "warning",
    message: msg`Not deployed yet by this version of portico build: ${"feature"} (${"count"}); it is checked, but the deployed API will not have it.`,
  },
  "lambda-policy-folded": {
    severity: "warning",
    message: msg`Function ${"name"}: one invoke permission per route (${"routes"} routes) would make a resource-based policy of about ${"size"} bytes, over Lambda's limit of ${"limit"}; the routes are folded into ${"patterns"} (${"statements"} in all), which also admit other routes of this API and stage. Serve fewer routes from one function to keep every route's own permission.`,
  },
  "output-unsafe": { severity: "error", message: msg`Cannot write ${"path"}: ${"reason"}.` },
  "code-folder-missing": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Function ${"name"}: code folder ${"path"} ${"problem"}.`,
  },
  "code-folder-outside-root": {
    severity: "error",
    whenNotDeploying: "skip",
    message: msg`Function ${"name"}: code folder ${"path"} leaves the spec's folder ${"root"} (after following symlinks); the build archives only what is inside it.`,
  },

  // ── Security checks (portico build --strict, compiler/security/) ────────────────────────────────────
  "security-access-logging": { severity: "error", message: msg`Access logging: ${"detail"} (${"rules"}).` },
  "security-log-retention": { severity: "error", message: msg`Log retention: ${"detail"} (${"rules"}).` },
  "security-execution-logging": { severity: "error", message: msg`Execution logging: ${"detail"} (${"rules"}).` },
  "security-data-trace": { severity: "error", message: msg`Data trace: ${"detail"} (${"rules"}).` },
  "security-throttling": { severity: "error", message: msg`Throttling: ${"detail"} (${"rules"}).` },
  "security-tracing": { severity: "error", message: msg`X-Ray tracing: ${"detail"} (${"rules"}).` },
  "security-cache-encryption": { severity: "error", message: msg`Cache encryption: ${"detail"} (${"rules"}).` },
  "security-authorization": {
    severity: "error",
    message: msg`Authorization: ${"detail"}; secure it with an authorizer, IAM or an API key, or mark it x-gateway.public: true (${"rules"}).`,
  },
  "security-request-validation": { severity: "error", message: msg`Request validation: ${"detail"} (${"rules"}).` },
  "security-domain-tls": { severity: "error", message: msg`TLS policy: ${"detail"}; use TLS_1_2 or newer (${"rules"}).` },
  "security-lambda-permission": { severity: "error", message: msg`Lambda permission: ${"detail"} (${"rules"}).` },
  "security-resource-policy": {
    severity: "error",
    message: msg`Resource policy: ${"detail"}; add a Condition, or name the principals (${"rules"}).`,
  },
  "security-waf": { severity: "error", message: msg`WAF: ${"detail"} (${"rules"}).` },
  "strict-pulumi-missing": {
    severity: "error",
    message: msg`--strict runs the Pulumi program under mocks and needs @pulumi/pulumi and @pulumi/aws, found neither from ${"dir"} nor next to Portico; run npm install in ${"dir"}, or ${"command"} where Portico is installed.`,
  },
  "strict-run-failed": {
    severity: "error",
    message: msg`--strict could not run the Pulumi program as stack ${"stack"} under mocks: ${"reason"}.`,
  },
} as const;

/** A diagnostic code: a key of {@link codes}. */
export type DiagnosticCode = keyof typeof codes;

/**
 * How a build that deploys nothing (`portico build --emit sdk`, which must work for any valid OpenAPI file) treats
 * a code: `skip` for what only concerns the deployed API (integrations, functions, API Gateway's path and quota
 * rules, stages, authorizers), `warning` for spec slips the SDK works around (it still generates the client).
 * Codes without it are reported as usual.
 */
export type WhenNotDeploying = "skip" | "warning";

/** The {@link WhenNotDeploying} of `code`; undefined when the code matters to every build. */
export function whenNotDeploying(code: DiagnosticCode): WhenNotDeploying | undefined {
  const entry: { readonly severity: string; readonly whenNotDeploying?: WhenNotDeploying } = codes[code];
  return entry.whenNotDeploying;
}

/** The message parameters that the code `C` requires. */
export type DiagnosticArgs<C extends DiagnosticCode> =
  (typeof codes)[C]["message"] extends { format(args: infer A): string } ? A : never;
