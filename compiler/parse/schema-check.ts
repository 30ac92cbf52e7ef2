/**
 * Structural checks of the document after overlays, before anything is lowered:
 * 1. the version gate (an object with `openapi: 3.0.x | 3.1.x`), which stops here when it fails;
 * 2. the document against the official OpenAPI 3.0 or 3.1 JSON Schema, as written (no `$ref` is followed);
 * 3. each `x-gateway` against its definition in `schemas/x-gateway.schema.json`: the document's (`Root`), each path
 *    item's (`PathItem`), each operation's (`Operation`) and each security scheme's (`SecurityScheme`);
 * 4. each `x-amazon-apigateway-*` key against `schemas/x-amazon-apigateway.schema.json`, and unknown or misplaced
 *    native extensions and misspelled `x-gateway` keys (see extension-keys.ts).
 * `x-gateway` and `x-amazon-apigateway-*` nodes inside files reached through `$ref` are not checked here.
 *
 * ajv errors become `unknown-property` (on the key, with "Did you mean"), `missing-property` (on the object),
 * `invalid-type` and `invalid-value`, worded with the place in the author's terms ("x-gateway of operation GET /pets").
 * One diagnostic per place and problem, in a fixed order (OpenAPI schema, x-gateway, native extensions).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { reduceBranches } from "./ajv-branches.js";
import { toProblems, type SchemaProblem } from "./ajv-errors.js";
import { gatewayValidator, type GatewayDefinition } from "./extension-validators.js";
import { checkExtensionKeys } from "./extension-keys.js";
import { openApiValidator, type SchemaValidator } from "./openapi-validators.js";
import { checkOpenApiVersion } from "./openapi-version.js";
import { childPointer } from "./pointer.js";
import { problemsToDiagnostics } from "./schema-diagnostics.js";
import { SchemaIndex } from "./schema-index.js";

type Obj = Readonly<Record<string, unknown>>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const indexes = new WeakMap<object, SchemaIndex>();

/**
 * Structural checks of the document (after overlays). Pure: the same document always gives the same diagnostics.
 * Diagnostics: `not-openapi`, `unsupported-openapi-version`, `unknown-property`, `missing-property`,
 * `invalid-type`, `invalid-value`.
 * @param file the displayed path of the entry file, used in every diagnostic's origin.
 */
export function checkStructure(document: unknown, file: string): Diagnostic[] {
  const gate = checkOpenApiVersion(document, file);
  if ("diagnostics" in gate) return [...gate.diagnostics];
  const root = document as Obj;
  const problems: SchemaProblem[] = validate(openApiValidator(gate.line), root, "");
  for (const { definition, value, pointer } of gatewayNodes(root)) {
    problems.push(...validate(gatewayValidator(definition), value, pointer));
  }
  const extensions = checkExtensionKeys(root);
  problems.push(...extensions.problems);
  for (const target of extensions.targets) problems.push(...validate(target.validator, target.value, target.pointer));
  return problemsToDiagnostics(problems, root, file);
}

function validate(validator: SchemaValidator, value: unknown, pointer: string): SchemaProblem[] {
  if (validator.validate(value)) return [];
  let index = indexes.get(validator.root);
  if (!index) {
    index = new SchemaIndex(validator.root);
    indexes.set(validator.root, index);
  }
  return toProblems(reduceBranches(validator.validate.errors ?? [], index), pointer, index);
}

function own(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === "object" && !Array.isArray(obj) && Object.hasOwn(obj, key)
    ? (obj as Obj)[key]
    : undefined;
}

/** An `x-gateway` node, where it is and the definition of x-gateway.schema.json that describes it. */
interface GatewayNode {
  readonly definition: GatewayDefinition;
  readonly value: unknown;
  readonly pointer: string;
}

/** Every `x-gateway` of the document where Portico reads it: root, path items, operations, security schemes. */
function* gatewayNodes(root: Obj): Generator<GatewayNode> {
  if (Object.hasOwn(root, "x-gateway")) yield { definition: "Root", value: root["x-gateway"], pointer: "/x-gateway" };
  const paths = own(root, "paths");
  for (const path of paths !== null && typeof paths === "object" && !Array.isArray(paths) ? Object.keys(paths) : []) {
    const item = own(paths, path);
    const itemPointer = childPointer("/paths", path);
    const itemGateway = own(item, "x-gateway");
    if (itemGateway !== undefined) yield { definition: "PathItem", value: itemGateway, pointer: `${itemPointer}/x-gateway` };
    for (const method of METHODS) {
      const gateway = own(own(item, method), "x-gateway");
      if (gateway !== undefined) yield { definition: "Operation", value: gateway, pointer: `${itemPointer}/${method}/x-gateway` };
    }
  }
  const schemes = own(own(root, "components"), "securitySchemes");
  for (const name of schemes !== null && typeof schemes === "object" && !Array.isArray(schemes) ? Object.keys(schemes) : []) {
    const gateway = own(own(schemes, name), "x-gateway");
    const pointer = `${childPointer("/components/securitySchemes", name)}/x-gateway`;
    if (gateway !== undefined) yield { definition: "SecurityScheme", value: gateway, pointer };
  }
}
