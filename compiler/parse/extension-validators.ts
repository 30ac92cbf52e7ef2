/**
 * Validators for Portico's own schemas, `schemas/x-gateway.schema.json` and `schemas/x-amazon-apigateway.schema.json`
 * (JSON Schema draft-07): one per x-gateway definition a document node attaches to and one per native extension.
 * They are generated ahead of time (`schemas/validators/extensions.cjs`, see `scripts/generate-validators.ts`) and
 * loaded on first use.
 */
import type { AnySchemaObject, ValidateFunction } from "ajv";
import { loadGenerated, type GeneratedValidators, type SchemaValidator } from "./openapi-validators.js";

/** The definitions of x-gateway.schema.json that attach to a document node. */
export type GatewayDefinition = "Root" | "PathItem" | "Operation" | "SecurityScheme";

let generated: GeneratedValidators | undefined;
const wrapped = new Map<string, SchemaValidator>();

function validatorFor(root: "gateway" | "native", definition: string): SchemaValidator | undefined {
  const key = `${root}/${definition}`;
  let entry = wrapped.get(key);
  if (!entry) {
    generated ??= loadGenerated("extensions");
    if (!Object.hasOwn(generated, key)) return undefined;
    entry = { validate: generated[key] as ValidateFunction, root: generated.roots[root] as AnySchemaObject };
    wrapped.set(key, entry);
  }
  return entry;
}

/** The validator of an `x-gateway` attachment point. */
export function gatewayValidator(definition: GatewayDefinition): SchemaValidator {
  const entry = validatorFor("gateway", definition);
  if (!entry) throw new Error(`x-gateway.schema.json has no definition ${definition}`);
  return entry;
}

/** The validator of a native extension by its name (`x-amazon-apigateway-cors`), or undefined for an unknown name. */
export function nativeValidator(extension: string): SchemaValidator | undefined {
  return validatorFor("native", extension);
}
