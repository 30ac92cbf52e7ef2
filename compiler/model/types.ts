/**
 * The intermediate model (IR) that every emitter reads.
 *
 * Plain, readonly, JSON-serialisable data: unions are discriminated by `kind`, tables are sorted arrays or
 * records built with sorted keys, and every node keeps the {@link Origin} of the text it was lowered from, so a
 * rule or an emitter can report at the right `file:line:col`. `portico check --print-model` prints it as JSON.
 *
 * Vocabulary: OpenAPI's (operation, parameter, schema, security scheme) and API Gateway's (stage, authorizer,
 * integration, route, usage plan). See schemas/x-gateway.schema.json for the user-facing `x-gateway` keys.
 */
import type { Origin } from "../diagnostics/diagnostic.js";

export type { Origin };

/** API Gateway's three kinds of API. `paths` are served by a REST or an HTTP API; WebSocket sits beside them. */
export type ApiKind = "rest" | "http" | "websocket";

/** HTTP methods of OpenAPI path items, plus API Gateway's catch-all `ANY`. Upper case. */
export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE" | "ANY";

/**
 * A value that is known at deploy time rather than compile time.
 * - `literal`: a string, number or boolean written in the spec;
 * - `config`: a Pulumi config key (`{ config: key, secret?: true }`), read by the generated program;
 * - `stageVariable`: `${stageVariables.name}`, resolved by API Gateway per stage.
 */
export type Value =
  | { readonly kind: "literal"; readonly value: string | number | boolean; readonly origin: Origin }
  | { readonly kind: "config"; readonly key: string; readonly secret: boolean; readonly origin: Origin }
  | { readonly kind: "stageVariable"; readonly name: string; readonly origin: Origin };

/** The whole API as Portico understands it. */
export interface GatewayModel {
  /** The entry file, as given. */
  readonly entry: string;
  readonly openapiVersion: string;
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  /** The kind that serves `paths` (`x-gateway.api`, default `rest`). */
  readonly kind: "rest" | "http";
  /** API name (`x-gateway.name`, default `info.title`). */
  readonly name: string;
  readonly endpoint: Endpoint;
  /** Every operation of `paths`, sorted by path then method. */
  readonly operations: readonly Operation[];
  /** `components.schemas`, by name (sorted). Schemas stay as written; emitters resolve `$ref`s by name. */
  readonly schemas: readonly NamedSchema[];
  /** `components.securitySchemes` with what implements each on API Gateway, sorted by name. */
  readonly securitySchemes: readonly SecurityScheme[];
  /** `x-gateway.functions`, sorted by name. */
  readonly functions: readonly LambdaFunction[];
  /** `x-gateway.stages`; one Pulumi stack deploys one of them, chosen by stack name. Sorted by name. */
  readonly stages: readonly Stage[];
  readonly usagePlans: readonly UsagePlan[];
  readonly cors?: Cors;
  readonly domain?: Domain;
  /** REST only. */
  readonly waf?: Waf;
  /** Path prefixes served through one greedy `{proxy+}` resource each (`x-gateway.proxyResources`). */
  readonly proxyResources: readonly ProxyResource[];
  readonly settings: ApiSettings;
  readonly websocket?: WebSocketApi;
  readonly sdk: { readonly packageName?: string; readonly version?: string };
  /** The document's `servers`, in spec order (the SDK's default base URL is the first). */
  readonly servers: readonly Server[];
  /** Native `x-amazon-apigateway-*` extensions at the document root, passed through as written. */
  readonly nativeExtensions: Readonly<Record<string, unknown>>;
  /** Where the root `x-gateway` is (or would be). */
  readonly origin: Origin;
}

/** REST endpoint type and options. HTTP and WebSocket APIs are always regional. */
export interface Endpoint {
  readonly type: "edge" | "regional" | "private";
  readonly vpcEndpointIds: readonly Value[];
  readonly disableExecuteApiEndpoint: boolean;
  readonly origin: Origin;
}

/** API-wide REST settings. */
export interface ApiSettings {
  readonly binaryMediaTypes: readonly string[];
  /** Bytes; undefined = compression off. */
  readonly minimumCompressionSize?: number;
  readonly apiKeySource: "HEADER" | "AUTHORIZER";
  /** Request validation default for operations that do not say (`x-gateway.validate`); absent = on (REST). */
  readonly validate?: { readonly body: boolean; readonly parameters: boolean; readonly origin: Origin };
  /** Resource policy document, as written (`x-gateway.policy`). */
  readonly policy?: unknown;
  readonly gatewayResponses: readonly GatewayResponse[];
  readonly tags: Readonly<Record<string, string>>;
  /** Quota thresholds the user has raised with AWS (`x-gateway.quotas`), e.g. `{ resources: 600 }`. */
  readonly quotas: Readonly<Record<string, number>>;
}

export interface GatewayResponse {
  /** API Gateway response type, e.g. `DEFAULT_4XX`, `UNAUTHORIZED`. */
  readonly type: string;
  readonly status?: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly origin: Origin;
}

/** One OpenAPI operation (or a path item's `x-gateway.any`, with method `ANY`). */
export interface Operation {
  readonly kind: "operation";
  /** `operationId`, or one derived from method and path when the spec has none. */
  readonly id: string;
  /** True when `id` was derived, not written. */
  readonly idDerived: boolean;
  readonly method: HttpMethod;
  /** The OpenAPI path template, e.g. `/pets/{id}`. */
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly tags: readonly string[];
  /** Path-item and operation parameters merged (operation wins), in spec order. */
  readonly parameters: readonly Parameter[];
  readonly requestBody?: RequestBody;
  readonly responses: readonly Response[];
  /**
   * The effective security: the operation's `security`, else the document's. Each entry is one alternative
   * (OR); each alternative lists schemes that must all pass (AND). Empty = no requirement.
   */
  readonly security: readonly SecurityRequirement[];
  /** True when the operation or document wrote `security` at all (an explicit `[]` counts). */
  readonly securityDeclared: boolean;
  /** `x-gateway.public: true`: deliberately unauthenticated. */
  readonly public: boolean;
  /** The integration; undefined only when the spec names none (reported as `integration-missing`). */
  readonly integration?: Integration;
  /** Every integration key written on the operation (more than one is `integration-multiple`). */
  readonly integrationKeys: readonly string[];
  readonly options: OperationOptions;
  /** Native `x-amazon-apigateway-*` extensions on the operation, passed through as written. */
  readonly nativeExtensions: Readonly<Record<string, unknown>>;
  /** The operation object (`/paths/~1pets/get`). */
  readonly origin: Origin;
  /** The operation's `x-gateway`, or the operation itself when it has none. */
  readonly gatewayOrigin: Origin;
}

/** Per-operation options from `x-gateway`. */
export interface OperationOptions {
  readonly throttle?: Throttle;
  readonly cache?: { readonly ttl: number; readonly keys: readonly string[]; readonly origin: Origin };
  /** Integration timeout, ms. */
  readonly timeout?: { readonly ms: number; readonly origin: Origin };
  readonly validate?: { readonly body: boolean; readonly parameters: boolean };
  readonly binary: boolean;
  readonly usagePlans: readonly { readonly name: string; readonly origin: Origin }[];
}

export interface Parameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  readonly schema?: Schema;
  readonly description?: string;
  readonly style?: string;
  readonly explode?: boolean;
  readonly deprecated: boolean;
  readonly origin: Origin;
}

export interface RequestBody {
  readonly required: boolean;
  readonly description?: string;
  /** Media type → schema, sorted by media type. */
  readonly content: readonly MediaType[];
  readonly origin: Origin;
}

export interface MediaType {
  readonly mediaType: string;
  readonly schema?: Schema;
  /**
   * How each property of a form body is serialised (OpenAPI 3.x §4.8.15 Encoding Object, for
   * `application/x-www-form-urlencoded` and `multipart/form-data`), by property name; absent when the spec says nothing.
   */
  readonly encoding?: Readonly<Record<string, Encoding>>;
  readonly origin: Origin;
}

/** One property's Encoding Object: its `style` and `explode` (form bodies) and its `contentType` (multipart parts). */
export interface Encoding {
  readonly contentType?: string;
  readonly style?: string;
  readonly explode?: boolean;
}

/** A Server Object (OpenAPI 3.x §4.8.5): a URL template and the variables it may hold (`{scheme}://api.example.com`). */
export interface Server {
  readonly url: string;
  readonly description?: string;
  /** Variable name → its default value (what the URL is built with when nothing else is said). */
  readonly variables: Readonly<Record<string, string>>;
  readonly origin: Origin;
}

export interface Response {
  /** `200`, `4XX`, `default`, … as written. */
  readonly status: string;
  readonly description: string;
  readonly content: readonly MediaType[];
  readonly headers: readonly { readonly name: string; readonly schema?: Schema; readonly origin: Origin }[];
  readonly origin: Origin;
}

/**
 * A schema as written in the spec (JSON Schema / OpenAPI Schema Object), with `$ref`s to `components/schemas`
 * kept as `{ $ref }` (never expanded, so recursive schemas stay finite). `$ref`s into other files are resolved
 * to the component name they were bundled under.
 */
export type Schema = Readonly<Record<string, unknown>>;

export interface NamedSchema {
  readonly name: string;
  readonly schema: Schema;
  readonly origin: Origin;
}

/** One alternative of a security requirement: scheme name → scopes. */
export interface SecurityRequirement {
  readonly schemes: readonly { readonly name: string; readonly scopes: readonly string[] }[];
  readonly origin: Origin;
}

/** A `components.securitySchemes` entry and the API Gateway mechanism behind it. */
export interface SecurityScheme {
  readonly name: string;
  /** OpenAPI `type`: apiKey, http, oauth2, openIdConnect, mutualTLS. */
  readonly type: string;
  /** For `apiKey`: where and under which name the key travels. */
  readonly in?: "header" | "query" | "cookie";
  readonly paramName?: string;
  /** For `http`: `bearer`, `basic`, … */
  readonly scheme?: string;
  readonly openIdConnectUrl?: string;
  readonly authorizer?: Authorizer;
  readonly origin: Origin;
}

/** What API Gateway runs to authorize a request for a security scheme (`securitySchemes.<name>.x-gateway`). */
export type Authorizer =
  | {
      readonly kind: "lambda";
      /** Name in `x-gateway.functions`. */
      readonly function: string;
      /** REST: TOKEN reads one header; REQUEST reads several identity sources. HTTP and WebSocket: always request. */
      readonly type: "token" | "request";
      /** API Gateway identity sources, e.g. `method.request.header.Authorization` (REST) or `$request.header.Authorization` (HTTP). */
      readonly identitySources: readonly string[];
      /** Result cache TTL, seconds (0–3600; 0 = no cache). */
      readonly ttl: number;
      /** TOKEN authorizers: a regex the token must match before the function is invoked. */
      readonly validation?: string;
      /** HTTP APIs: answer `{ isAuthorized }` (simple responses) instead of an IAM policy. */
      readonly simpleResponses: boolean;
      readonly origin: Origin;
    }
  | { readonly kind: "cognito"; readonly userPools: readonly Value[]; readonly origin: Origin }
  | {
      readonly kind: "jwt";
      readonly issuer: Value;
      readonly audiences: readonly Value[];
      readonly identitySource: string;
      readonly origin: Origin;
    }
  | { readonly kind: "iam"; readonly origin: Origin }
  /** API Gateway API keys (`x-api-key`), with usage plans. */
  | { readonly kind: "apiKey"; readonly origin: Origin };

/** A request or response mapping: declarative shape, inline VTL or a VTL file. */
export type Mapping =
  | { readonly kind: "shape"; readonly shape: unknown; readonly origin: Origin }
  | { readonly kind: "template"; readonly template: string; readonly origin: Origin }
  | {
      readonly kind: "templateFile";
      /** The path as written, relative to the spec's folder. */
      readonly file: string;
      /** The file's text, once read (compiler/model/lower/template-files.ts); absent before. */
      readonly text?: string;
      readonly origin: Origin;
    };

/** How a backend error becomes a method response (`response.errors[]`). */
export interface ErrorMapping {
  /** A selection pattern (regex on a Lambda error message or backend status) or a JSONPath condition. */
  readonly when: string;
  readonly status: number;
  readonly body?: Mapping;
  /** Response headers of this error: name → literal text or `$.jsonpath` of the integration response. */
  readonly headers: Readonly<Record<string, string>>;
  readonly origin: Origin;
}

export interface ResponseMapping {
  readonly status?: number;
  readonly body?: Mapping;
  readonly headers: Readonly<Record<string, string>>;
  readonly errors: readonly ErrorMapping[];
  readonly origin: Origin;
}

/** Fields every integration carries. */
interface IntegrationBase {
  /** Integration timeout, ms (from the integration or the operation's `timeout`). */
  readonly timeout?: number;
  readonly request?: Mapping;
  readonly response?: ResponseMapping;
  readonly origin: Origin;
}

/** The backend of an operation or WebSocket route (one of `x-gateway`'s integration keys). */
export type Integration =
  | (IntegrationBase & {
      readonly kind: "lambda";
      readonly function: string;
      /** Where the function name is written (`lambda: pets`, or `lambda.function`). */
      readonly functionOrigin: Origin;
      /** Proxy (AWS_PROXY, the default) or non-proxy (AWS with mapping templates). */
      readonly proxy: boolean;
      /** HTTP APIs: Lambda payload format as written; absent = `2.0`. */
      readonly payloadFormat?: "1.0" | "2.0";
    })
  | (IntegrationBase & {
      readonly kind: "http";
      /** Backend URL, may hold `{param}` placeholders for path parameters. */
      readonly url: string;
      /** Backend method; undefined = the operation's method. */
      readonly method?: HttpMethod;
      readonly proxy: boolean;
      readonly vpcLink?: { readonly id: Value; readonly origin: Origin };
      readonly tls?: { readonly insecureSkipVerification?: boolean; readonly serverName?: string };
    })
  | (IntegrationBase & {
      readonly kind: "mock";
      readonly status: number;
      readonly body?: unknown;
      readonly headers: Readonly<Record<string, string>>;
    })
  | (IntegrationBase & {
      readonly kind: "stepfunctions";
      readonly stateMachine: Value;
      /** `async` = StartExecution (202 + execution ARN), `sync` = StartSyncExecution (Express only). */
      readonly mode: "async" | "sync";
    })
  | (IntegrationBase & {
      readonly kind: "aws";
      /** AWS service: dynamodb, sqs, sns, events, kinesis, s3, states, lambda or any other. */
      readonly service: string;
      /** Service action, e.g. `GetItem`, `SendMessage`. */
      readonly action: string;
      /** The resource the action applies to (table, queue, topic, bus, stream, bucket), for least-privilege IAM. */
      readonly resource?: Value;
      /** A role to assume instead of the generated least-privilege one. */
      readonly role?: Value;
      readonly httpMethod: HttpMethod;
      /** Where the integration was written: `dynamodb`, `sqs`, … or the generic `aws`. */
      readonly shorthand: string;
      /** The shorthand's own settings, as written (keys sorted). */
      readonly settings: Readonly<Record<string, unknown>>;
    });

export type IntegrationKind = Integration["kind"];

export interface Throttle {
  /** Steady-state requests per second. */
  readonly rate: number;
  /** Burst capacity, requests. */
  readonly burst: number;
  readonly origin: Origin;
}

/** A Lambda function Portico deploys (`code`) or references (`arn`). */
export type LambdaFunction =
  | {
      readonly kind: "code";
      readonly name: string;
      /** Folder next to the spec, relative to the spec's folder, POSIX separators. */
      readonly code: string;
      readonly handler: string;
      readonly runtime: string;
      /** MB. */
      readonly memory: number;
      /** Seconds. */
      readonly timeout: number;
      readonly architecture: "x86_64" | "arm64";
      readonly environment: Readonly<Record<string, Value>>;
      readonly description?: string;
      readonly origin: Origin;
    }
  | { readonly kind: "arn"; readonly name: string; readonly arn: Value; readonly origin: Origin };

/** Access logging, execution logging and log retention of a stage. */
export interface StageLogging {
  /** Execution logging level (REST, WebSocket). */
  readonly level: "off" | "error" | "info";
  /** Log retention, days. */
  readonly retentionDays: number;
  /** Full request/response logging; off by default (it logs payloads). */
  readonly dataTrace: boolean;
  /** Where `level` and `dataTrace` are written, when they are (execution logging that HTTP APIs do not have). */
  readonly executionOrigins?: readonly Origin[];
}

export interface Stage {
  readonly name: string;
  readonly description?: string;
  readonly throttle?: Throttle;
  readonly logging: StageLogging;
  /** X-Ray tracing (REST). */
  readonly tracing: boolean;
  /** CloudWatch detailed metrics. */
  readonly metrics: boolean;
  /** REST cache cluster; always encrypted when on. */
  readonly cache?: { readonly size: string; readonly ttl: number; readonly origin: Origin };
  readonly variables: Readonly<Record<string, Value>>;
  readonly origin: Origin;
}

export interface UsagePlan {
  readonly name: string;
  readonly description?: string;
  readonly quota?: { readonly limit: number; readonly period: "DAY" | "WEEK" | "MONTH"; readonly offset: number };
  readonly throttle?: Throttle;
  /** Names of API keys to create and attach. */
  readonly apiKeys: readonly string[];
  readonly origin: Origin;
}

export interface Cors {
  readonly origins: readonly string[];
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly credentials: boolean;
  /** Seconds. */
  readonly maxAge?: number;
  readonly origin: Origin;
}

/**
 * A custom domain name (`x-gateway.domain`, `websocket.domain`): the API Gateway DomainName, the mapping of the
 * API's stage under it, and the Route 53 alias records.
 */
export interface Domain {
  /** Host name: a literal, or a config value so that stacks of one spec can serve different names. */
  readonly name: Value;
  /** `regional` (the default; certificate in the API's Region) or `edge` (CloudFront; certificate in us-east-1). */
  readonly endpoint: "regional" | "edge";
  /** ACM certificate ARN. */
  readonly certificate: Value;
  /** Path under the domain that maps to the stage, e.g. `v1` or `orders/v1`; absent = the domain's root. */
  readonly basePath?: string;
  /** `TLS_1_2` unless asked: `TLS_1_0`, or one of the enhanced `SecurityPolicy_*` policies (REST). */
  readonly securityPolicy: string;
  /** Mutual TLS: clients must present a certificate that chains to the truststore (regional domains, TLS_1_2). */
  readonly mutualTls?: MutualTls;
  /** Route 53 hosted zone that gets the alias records. */
  readonly hostedZoneId?: Value;
  readonly origin: Origin;
}

/** `domain.mutualTls`: where the truststore (a PEM bundle of CA certificates) is. */
export interface MutualTls {
  /** `s3://bucket/key`. */
  readonly truststoreUri: Value;
  /** S3 object version of the truststore (the bucket must be versioned); absent = the latest. */
  readonly truststoreVersion?: Value;
  readonly origin: Origin;
}

/** `x-gateway.waf`: the AWS WAF web ACL associated with the REST API's stage. */
export interface Waf {
  /** ARN of a REGIONAL-scope WAFv2 web ACL (also for edge-optimized APIs). */
  readonly webAcl: Value;
  readonly origin: Origin;
}

/** `x-gateway.proxyResources[]`: every operation under `prefix` is served by `prefix/{proxy+}` (ANY). */
export interface ProxyResource {
  readonly prefix: string;
  readonly origin: Origin;
}

/** The WebSocket API beside the paths API (`x-gateway.websocket`). */
export interface WebSocketApi {
  readonly name: string;
  /** Route selection expression, e.g. `$request.body.action`. */
  readonly routeSelection: string;
  /**
   * The message paths `routeSelection` reads (`[["action"]]`); absent when it is not `$request.body.<path>` or a
   * template of `${request.body.<path>}` variables.
   */
  readonly routeSelectionPaths?: readonly (readonly string[])[];
  readonly apiKeySelection?: string;
  readonly routes: readonly WebSocketRoute[];
  /** Messages the backend pushes through `@connections`, by name. */
  readonly serverMessages: readonly { readonly name: string; readonly schema: Schema; readonly origin: Origin }[];
  /**
   * Functions that call the `@connections` API (`manageConnections`), in spec order, each with where it is named.
   * Absent = none.
   */
  readonly manageConnections?: readonly { readonly function: string; readonly origin: Origin }[];
  readonly domain?: Domain;
  readonly origin: Origin;
}

export interface WebSocketRoute {
  /** `$connect`, `$disconnect`, `$default` or a custom key. */
  readonly key: string;
  readonly integration?: Integration;
  readonly integrationKeys: readonly string[];
  /** Security scheme name authorizing the connection (`$connect` only). */
  readonly auth?: { readonly scheme: string; readonly origin: Origin };
  readonly apiKeyRequired: boolean;
  /** Schema of the message the client sends. */
  readonly message?: Schema;
  /** Schema of the reply on a two-way route. */
  readonly reply?: Schema;
  /** `$connect` only: required headers and query parameters. */
  readonly parameters: readonly { readonly in: "header" | "query"; readonly name: string; readonly required: boolean }[];
  readonly origin: Origin;
}
