/**
 * Builders of IR objects for rule tests: every field has a default, each test overrides what it is about.
 * Origins follow the lowering's conventions (an operation at `/paths/<path>/<method>`, its integration at
 * `<operation>/x-gateway/<key>`), so tests can assert exact pointers.
 */
import { createDiagnostic, type Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import type {
  Authorizer, GatewayModel, HttpMethod, Integration, Operation, Origin, Parameter, SecurityRequirement, SecurityScheme,
  WebSocketRoute,
} from "../../../compiler/model/types.js";
import type { Rule } from "../../../compiler/validate/rule.js";
import { escapeToken } from "../../../compiler/parse/pointer.js";
import { at, emptyModel, FIXTURE_FILE } from "../../helpers/model.js";

export const FILE = FIXTURE_FILE;
export { at };


/** `/paths/<escaped path>/<method>`. */
export function operationPointer(method: HttpMethod, path: string): string {
  return `/paths/${escapeToken(path)}/${method.toLowerCase()}`;
}

/** A Lambda proxy integration of `fn`, at `origin`. */
export function lambda(fn: string, origin: Origin, overrides: Partial<Extract<Integration, { kind: "lambda" }>> = {}): Integration {
  return { kind: "lambda", function: fn, functionOrigin: origin, proxy: true, origin, ...overrides };
}

/** An HTTP proxy integration to `url`, at `origin`. */
export function http(url: string, origin: Origin, overrides: Partial<Extract<Integration, { kind: "http" }>> = {}): Integration {
  return { kind: "http", url, proxy: true, origin, ...overrides };
}

/** A mock integration answering 200, at `origin`. */
export function mock(origin: Origin, overrides: Partial<Extract<Integration, { kind: "mock" }>> = {}): Integration {
  return { kind: "mock", status: 200, headers: {}, origin, ...overrides };
}

/**
 * An operation `GET /pets` with id `op<Method><n>`, a Lambda integration of `pets` and no security, unless
 * overridden. Its origin follows method and path.
 */
export function operation(init: Partial<Operation> = {}): Operation {
  const method = init.method ?? "GET";
  const path = init.path ?? "/pets";
  const origin = init.origin ?? at(operationPointer(method, path));
  const gatewayOrigin = init.gatewayOrigin ?? at(`${origin.pointer}/x-gateway`);
  return {
    kind: "operation",
    id: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]/g, "")}`,
    idDerived: false,
    method,
    path,
    deprecated: false,
    tags: [],
    parameters: [],
    responses: [],
    security: [],
    securityDeclared: false,
    public: false,
    integration: lambda("pets", at(`${gatewayOrigin.pointer}/lambda`)),
    integrationKeys: ["lambda"],
    options: { binary: false, usagePlans: [] },
    nativeExtensions: {},
    origin,
    gatewayOrigin,
    ...init,
  };
}

/** A parameter of the operation at `opPointer`, `index`-th in its `parameters`. */
export function parameter(opPointer: string, index: number, name: string, location: Parameter["in"] = "path"): Parameter {
  return { name, in: location, required: location === "path", deprecated: false, origin: at(`${opPointer}/parameters/${index}`) };
}

/** A requirement alternative `{ name: scopes, … }` at `pointer`. */
export function requirement(pointer: string, schemes: Readonly<Record<string, readonly string[]>>): SecurityRequirement {
  return { schemes: Object.entries(schemes).map(([name, scopes]) => ({ name, scopes })), origin: at(pointer) };
}

/** A security scheme at `/components/securitySchemes/<name>`. */
export function scheme(name: string, type: string, extra: Partial<SecurityScheme> = {}): SecurityScheme {
  return { name, type, origin: at(`/components/securitySchemes/${escapeToken(name)}`), ...extra };
}

/** A Lambda authorizer of `fn` for the scheme `name`, at its `x-gateway/lambda`. */
export function lambdaAuthorizer(name: string, fn: string, overrides: Partial<Extract<Authorizer, { kind: "lambda" }>> = {}): Authorizer {
  return {
    kind: "lambda",
    function: fn,
    type: "request",
    identitySources: ["$request.header.Authorization"],
    ttl: 300,
    simpleResponses: false,
    origin: at(`/components/securitySchemes/${escapeToken(name)}/x-gateway/lambda`),
    ...overrides,
  };
}

/** A WebSocket route at `/x-gateway/websocket/routes/<key>` with a Lambda integration of `chat`. */
export function route(key: string, init: Partial<WebSocketRoute> = {}): WebSocketRoute {
  const origin = at(`/x-gateway/websocket/routes/${escapeToken(key)}`);
  return {
    key,
    integration: lambda("chat", at(`${origin.pointer}/lambda`)),
    integrationKeys: ["lambda"],
    apiKeyRequired: false,
    parameters: [],
    origin,
    ...init,
  };
}

/** A REST API named Pets with one function (`pets`) and nothing else configured, unless overridden. */
export function model(init: Partial<GatewayModel> = {}): GatewayModel {
  return emptyModel({
    info: { title: "Pets", version: "1.0.0" },
    name: "Pets",
    functions: [{ kind: "arn", name: "pets", arn: { kind: "literal", value: "arn:aws:lambda:eu-west-1:1:function:pets", origin: at("/x-gateway/functions/pets/arn") }, origin: at("/x-gateway/functions/pets") }],
    ...init,
  });
}

/** What a test compares: code, pointer and part, plus severity and related pointers when asked. */
export interface Found {
  readonly code: string;
  readonly pointer: string;
  readonly part: "key" | "value";
}

/** Runs one rule the way `runRules` does (asserting declared codes) and returns its diagnostics. */
export function run(rule: Rule, m: GatewayModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  rule.check(m, (init) => {
    if (!rule.codes.includes(init.code)) throw new Error(`undeclared code ${init.code}`);
    out.push(createDiagnostic(init));
  });
  return out;
}

/** `run`, reduced to code, pointer and part. */
export function found(rule: Rule, m: GatewayModel): Found[] {
  return run(rule, m).map((d) => ({ code: d.code, pointer: d.origin.pointer, part: d.part }));
}
