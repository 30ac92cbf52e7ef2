/**
 * Validators for Portico's own schemas, `schemas/x-gateway.schema.json` and `schemas/x-amazon-apigateway.schema.json`
 * (JSON Schema draft-07), one per definition, compiled on first use and kept for the life of the process.
 * The schema files ship with the package and are read relative to this module (`compiler/parse/` in the sources,
 * `dist/parse/` once built; both are two levels below the package root).
 */
import { createRequire } from "node:module";
import AjvModule from "ajv";
import type { AnySchemaObject } from "ajv";
import { fastCompile, type SchemaValidator } from "./openapi-validators.js";

/** The definitions of x-gateway.schema.json that attach to a document node. */
export type GatewayDefinition = "Root" | "PathItem" | "Operation" | "SecurityScheme";

const require = createRequire(import.meta.url);
const GATEWAY_ID = "https://portico.dev/schemas/x-gateway.schema.json";
const NATIVE_ID = "https://portico.dev/schemas/x-amazon-apigateway.schema.json";

interface Loaded {
  readonly ajv: InstanceType<typeof AjvModule.default>;
  readonly gateway: AnySchemaObject;
  readonly native: AnySchemaObject;
}

let state: Loaded | undefined;
const compiled = new Map<string, SchemaValidator>();

function load(): Loaded {
  if (!state) {
    const gateway = structuredClone(require("../../schemas/x-gateway.schema.json")) as AnySchemaObject;
    const native = structuredClone(require("../../schemas/x-amazon-apigateway.schema.json")) as AnySchemaObject;
    const ajv = new AjvModule.default({
      allErrors: true,
      verbose: true,
      strict: true,
      allowUnionTypes: true,
      logger: false,
      ...fastCompile,
    });
    ajv.addSchema(gateway);
    ajv.addSchema(native);
    state = { ajv, gateway, native };
  }
  return state;
}

function validatorFor(id: string, root: "gateway" | "native", definition: string): SchemaValidator | undefined {
  const key = `${id}#/definitions/${definition}`;
  let entry = compiled.get(key);
  if (!entry) {
    const loaded = load();
    const schemaRoot = loaded[root];
    if (!Object.hasOwn(schemaRoot["definitions"] as object, definition)) return undefined;
    const validate = loaded.ajv.getSchema(key);
    if (!validate) return undefined;
    entry = { validate, root: schemaRoot };
    compiled.set(key, entry);
  }
  return entry;
}

/** The validator of an `x-gateway` attachment point. */
export function gatewayValidator(definition: GatewayDefinition): SchemaValidator {
  const entry = validatorFor(GATEWAY_ID, "gateway", definition);
  if (!entry) throw new Error(`x-gateway.schema.json has no definition ${definition}`);
  return entry;
}

/** The validator of a native extension by its name (`x-amazon-apigateway-cors`), or undefined for an unknown name. */
export function nativeValidator(extension: string): SchemaValidator | undefined {
  return validatorFor(NATIVE_ID, "native", extension);
}
