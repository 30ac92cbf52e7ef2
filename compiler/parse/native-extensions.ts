/**
 * Amazon API Gateway's own OpenAPI extensions (`x-amazon-apigateway-*`): which ones exist, where in an OpenAPI 3
 * document each may appear, and which API kinds read it (AWS developer guide, api-gateway-swagger-extensions.html
 * and the page of each extension). Their shapes are the definitions of `schemas/x-amazon-apigateway.schema.json`,
 * each named after its extension.
 */

/** Where an extension may be written. `tag` is an entry of the root `tags` list; `server` an entry of `servers`. */
export type NativePlacement = "root" | "pathItem" | "operation" | "securityScheme" | "server" | "components" | "tag";

/** One native extension. */
export interface NativeExtension {
  /** The extension key, e.g. `x-amazon-apigateway-integration`; also its definition name in the schema. */
  readonly name: string;
  /** Where it may appear. */
  readonly placements: readonly NativePlacement[];
  /** The API kinds whose OpenAPI import reads it. */
  readonly apis: readonly ("rest" | "http")[];
}

/** Every extension prefix, lower case. Keys are compared case-insensitively against it to catch `X-Amazon-…`. */
export const NATIVE_PREFIX = "x-amazon-apigateway-";

const table: readonly NativeExtension[] = [
  { name: "x-amazon-apigateway-any-method", placements: ["pathItem"], apis: ["rest", "http"] },
  { name: "x-amazon-apigateway-api-key-source", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-auth", placements: ["operation"], apis: ["rest", "http"] },
  { name: "x-amazon-apigateway-authorizer", placements: ["securityScheme"], apis: ["rest", "http"] },
  { name: "x-amazon-apigateway-authtype", placements: ["securityScheme"], apis: ["rest", "http"] },
  { name: "x-amazon-apigateway-binary-media-types", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-cors", placements: ["root"], apis: ["http"] },
  { name: "x-amazon-apigateway-documentation", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-endpoint-access-mode", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-endpoint-configuration", placements: ["server"], apis: ["rest", "http"] },
  { name: "x-amazon-apigateway-gateway-responses", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-importexport-version", placements: ["root"], apis: ["http"] },
  { name: "x-amazon-apigateway-integration", placements: ["operation"], apis: ["rest", "http"] },
  { name: "x-amazon-apigateway-integrations", placements: ["components"], apis: ["http"] },
  { name: "x-amazon-apigateway-minimum-compression-size", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-policy", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-request-validator", placements: ["root", "operation"], apis: ["rest"] },
  { name: "x-amazon-apigateway-request-validators", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-security-policy", placements: ["root"], apis: ["rest"] },
  { name: "x-amazon-apigateway-tag-value", placements: ["tag"], apis: ["http"] },
];

/** Extension name → its entry, in name order. */
export const nativeExtensions: ReadonlyMap<string, NativeExtension> = new Map(table.map((e) => [e.name, e]));

/** True when `key` looks like a native extension, in any letter case (known or not). */
export function isNativeExtensionKey(key: string): boolean {
  return key.length > NATIVE_PREFIX.length && key.slice(0, NATIVE_PREFIX.length).toLowerCase() === NATIVE_PREFIX;
}

/** How a placement is named in messages. */
export const placementNames: Readonly<Record<NativePlacement, string>> = {
  root: "the document root",
  pathItem: "a path item",
  operation: "an operation",
  securityScheme: "a security scheme",
  server: "a server object",
  components: "components",
  tag: "a tag object",
};
