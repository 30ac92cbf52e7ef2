/**
 * The types of each operation's inline schemas, named after its `operationId` (PascalCase):
 * - request body: `CreatePetRequest`;
 * - response: `ListPetsResponse200`, `ListPetsResponse4XX`, `ListPetsResponseDefault`;
 * - parameter whose type is not primitive: `ListPetsQueryFilter` (operation, location, name).
 * When a body or response has several media types with different schemas, each name ends with its media type
 * (`UploadRequestMultipartFormData`). A schema that is only a `$ref` gets no declaration of its own: the operation
 * uses the referenced type. Requests use the writable variants (./analysis.ts), responses the plain ones.
 */
import { ts } from "ts-morph";
import type { GatewayModel, MediaType, Operation, Parameter, Schema } from "../../../model/types.js";
import type { Declaration } from "./declarations.js";
import { schemaDoc, type Doc } from "./jsdoc.js";
import { typeName, type NameAllocator } from "./names.js";
import { newScope, type Direction, type SchemaTypeBuilder } from "./schema-type.js";
import { isSelfContained } from "./type-nodes.js";

/** A type an operation uses: a declaration of `types.ts` by name, or self-contained type text (`string`, `"a" | "b"`). */
export type TypeRef = { readonly kind: "declared"; readonly name: string } | { readonly kind: "inline"; readonly text: string };

/** The types of one operation's parameters, request body and responses. */
export interface OperationTypes {
  readonly operationId: string;
  readonly method: Operation["method"];
  readonly path: string;
  /** In the operation's parameter order. */
  readonly parameters: readonly { readonly in: Parameter["in"]; readonly name: string; readonly type: TypeRef }[];
  /** One entry per media type of the request body (none without a body). */
  readonly requestBody: readonly { readonly mediaType: string; readonly type: TypeRef }[];
  /** One entry per status and media type; a response without content has no entry. */
  readonly responses: readonly { readonly status: string; readonly mediaType: string; readonly type: TypeRef }[];
}

/** What building the operations' types needs from the rest of the emitter. */
export interface OperationContext {
  readonly builder: SchemaTypeBuilder;
  readonly names: NameAllocator;
  /** The declared name of the target of `ref` in `direction`; undefined when `ref` reaches nothing. */
  readonly refName: (ref: string, direction: Direction) => string | undefined;
  /** The text of a self-contained type node. */
  readonly print: (node: ts.TypeNode) => string;
}

const UNKNOWN_REF: TypeRef = { kind: "inline", text: "unknown" };

/** The `$ref` of a schema that is nothing but a reference (no `nullable`, no 3.1 type list beside it). */
function pureRef(schema: Schema): string | undefined {
  const ref = schema["$ref"];
  return typeof ref === "string" && schema["nullable"] !== true && schema["type"] === undefined ? ref : undefined;
}

/** `2xx` → `2XX`, `default` → `Default`; otherwise the status as written. */
function statusWord(status: string): string {
  return /^[1-5]xx$/i.test(status) ? status.toUpperCase() : status;
}

/** Builds the declarations and type references of every operation, in model order. */
export function operationTypes(model: GatewayModel, ctx: OperationContext): { declarations: Declaration[]; operations: OperationTypes[] } {
  const declarations: Declaration[] = [];
  const operations = model.operations.map((op) => {
    const declare: Declare = (words, schema, direction, fallbackDoc, built) => {
      const ref = pureRef(schema);
      if (ref !== undefined) {
        const name = ctx.refName(ref, direction);
        return name === undefined ? UNKNOWN_REF : { kind: "declared", name };
      }
      const node = built ?? ctx.builder.root(schema, newScope(direction));
      const name = ctx.names.claim(typeName(`${op.id} ${words}`, "Operation"));
      const doc = schemaDoc(schema);
      declarations.push({ name, doc: doc.description === undefined ? { ...doc, ...fallbackDoc } : doc, node });
      return { kind: "declared", name };
    };
    const parameters = op.parameters.map((p) => {
      if (!p.schema) return { in: p.in, name: p.name, type: UNKNOWN_REF };
      const node = pureRef(p.schema) === undefined ? ctx.builder.root(p.schema, newScope("write")) : undefined;
      if (node && isSelfContained(node)) return { in: p.in, name: p.name, type: { kind: "inline", text: ctx.print(node) } as TypeRef };
      return { in: p.in, name: p.name, type: declare(`${p.in} ${p.name}`, p.schema, "write", descriptionDoc(p.description), node) };
    });
    const body = op.requestBody;
    const requestBody = body ? bodies(body.content, "request", "write", descriptionDoc(body.description), declare) : [];
    const responses = op.responses.flatMap((r) =>
      bodies(r.content, `response ${statusWord(r.status)}`, "read", descriptionDoc(r.description), declare).map((b) => ({ status: r.status, ...b })),
    );
    return { operationId: op.id, method: op.method, path: op.path, parameters, requestBody, responses };
  });
  return { declarations, operations };
}

function descriptionDoc(description: string | undefined): Doc {
  return description !== undefined && description.trim() !== "" ? { description } : {};
}

/** Declares `schema` under the name made of the operation id and `words` (or refers to its `$ref`). */
type Declare = (words: string, schema: Schema, direction: Direction, fallbackDoc: Doc, built?: ts.TypeNode) => TypeRef;

/**
 * The types of a body's media types: media types with the same schema share one declaration, named `words`
 * alone when there is one schema, else `words` and the media type.
 */
function bodies(content: readonly MediaType[], words: string, direction: Direction, doc: Doc, declare: Declare): { mediaType: string; type: TypeRef }[] {
  const groups = new Map<string, { schema: Schema; mediaTypes: string[] }>();
  for (const c of content) {
    if (!c.schema) continue;
    // Only several media types need comparing; one schema needs no key.
    const key = content.length === 1 ? "" : JSON.stringify(c.schema);
    const group = groups.get(key);
    if (group) group.mediaTypes.push(c.mediaType);
    else groups.set(key, { schema: c.schema, mediaTypes: [c.mediaType] });
  }
  const types = new Map<string, TypeRef>();
  for (const { schema, mediaTypes } of groups.values()) {
    const type = declare(groups.size > 1 ? `${words} ${mediaTypes[0]}` : words, schema, direction, doc);
    for (const m of mediaTypes) types.set(m, type);
  }
  return content.map((c) => ({ mediaType: c.mediaType, type: types.get(c.mediaType) ?? UNKNOWN_REF }));
}
