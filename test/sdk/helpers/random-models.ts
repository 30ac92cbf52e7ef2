/**
 * Random models for the SDK types: component names that are globals, reserved words, digits, dashes, Unicode or
 * colliding spellings; schemas mixing every keyword the types read (type lists, enums of all kinds, nullable,
 * allOf/oneOf/anyOf with discriminators, readOnly/writeOnly, additionalProperties beside properties, tuples), with
 * `$ref`s between them in any shape, cycles included (also the pure alias cycles `check` would reject); and a few
 * operations whose inline schemas use them, one with an id that is a reserved word, a runtime name or a hazard
 * (`then`, `constructor`), an undeclared path variable and security schemes with hostile names. Built as IR
 * directly, so nothing upstream filters them.
 */
import * as fc from "fast-check";
import type { GatewayModel, Operation, Schema, SecurityScheme } from "../../../compiler/model/types.js";
import { at, emptyModel } from "../../helpers/model.js";

const NAMES = [
  "Pet", "pet", "pet-store", "PetStore", "pet_store", "Error", "Blob", "Response", "Record", "Promise", "Date", "class",
  "default", "2fa", "Größe", "€", "名前", "a*/b", "ListPetsResponse200", "PetWritable", "$defs", "__proto__", "Event",
];

const PROPERTY_NAMES = ["id", "name", "kind", "x-tag", "class", "__proto__", "constructor", "2x", "a b", "é", "*/", '"q"', "\u2028", ""];

const OPERATION_IDS = ["constructor", "then", "delete", "settle", "ApiError", "GetPet", "Credentials", "$runtime", "x/y z", "__proto__"];

/** Security schemes named like object internals and with spaces; the hostile operation requires them. */
const SCHEMES: SecurityScheme[] = [
  { name: "__proto__", type: "apiKey", in: "header", paramName: "x-key", origin: at("/s/0") },
  { name: "a b", type: "http", scheme: "bearer", origin: at("/s/1") },
  { name: "constructor", type: "http", scheme: "digest", origin: at("/s/2") },
];

const TEXT = fc.constantFrom("plain", "ends */ here", "line\u2028sep\u2029end", "cr\rlf\r\nend", "@deprecated inside", "/* open");

type Json = Record<string, unknown>;

/** A schema whose `$ref`s name components among `names`. */
function schemaArb(names: readonly string[]): fc.Arbitrary<Json> {
  const ref = fc.constantFrom(...names).map((n) => ({ $ref: `#/components/schemas/${encodeURIComponent(n.replace(/~/g, "~0").replace(/\//g, "~1"))}` }));
  const leaf: fc.Arbitrary<Json> = fc.oneof(
    fc.constantFrom<Json>(
      { type: "string" },
      { type: "string", format: "binary" },
      { type: "string", format: "date-time" },
      { type: "integer" },
      { type: "number", nullable: true },
      { type: "boolean" },
      { type: "null" },
      { type: ["string", "null"] },
      { type: [] },
      {},
      { not: {} },
      { type: "object" },
      { type: "object", additionalProperties: false },
      { const: "c" },
      { const: { a: 1 } },
      { enum: ["a", 1, -2.5, true, null, "*/"] },
      { enum: [] },
      { enum: [{ a: 1 }], type: "object" },
      { type: "string", enum: ["x"], nullable: true },
    ),
    ref,
    ref.map((r) => ({ ...r, nullable: true })),
  );
  const { tree } = fc.letrec<{ tree: Json }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.record(
        {
          type: fc.constantFrom("object", undefined),
          properties: fc.dictionary(fc.constantFrom(...PROPERTY_NAMES), fc.oneof(tie("tree"), tie("tree").map((s) => ({ ...s, readOnly: true })), tie("tree").map((s) => ({ ...s, writeOnly: true }))), { maxKeys: 4 }),
          required: fc.subarray(PROPERTY_NAMES),
          additionalProperties: fc.oneof(fc.constant(undefined), fc.boolean(), tie("tree")),
          description: fc.option(TEXT, { nil: undefined }),
          deprecated: fc.option(fc.boolean(), { nil: undefined }),
        },
        { requiredKeys: ["properties"] },
      ),
      fc.record({ type: fc.constant("array"), items: tie("tree") }),
      fc.record({ type: fc.constant("array"), prefixItems: fc.array(tie("tree"), { maxLength: 3 }), items: fc.oneof(fc.constant(false), tie("tree")), minItems: fc.nat(3) }),
      fc.record({ allOf: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }), nullable: fc.option(fc.boolean(), { nil: undefined }) }),
      fc.record({
        oneOf: fc.array(fc.oneof(ref, tie("tree")), { minLength: 1, maxLength: 3 }),
        discriminator: fc.option(
          fc.record({ propertyName: fc.constantFrom("kind", "type", "x-tag"), mapping: fc.option(fc.dictionary(fc.constantFrom("a", "b", "*/"), ref.map((r) => r.$ref)), { nil: undefined }) }),
          { nil: undefined },
        ),
      }),
      fc.record({ anyOf: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }), type: fc.constantFrom("object", "string", undefined) }),
    ),
  }));
  return tree;
}

/** An operation `id` whose body, responses and one parameter use `schemas` arbitraries. */
function operationArb(id: string, path: string, schema: fc.Arbitrary<Json>): fc.Arbitrary<Operation> {
  return fc.record({ body: schema, ok: schema, error: schema, param: schema, binary: fc.boolean() }).map(({ body, ok, error, param, binary }) => ({
    kind: "operation",
    id,
    idDerived: false,
    method: "POST",
    path,
    deprecated: false,
    tags: [],
    parameters: [{ name: "q", in: "query", required: false, schema: param, deprecated: false, origin: at("/p") }],
    requestBody: {
      required: true,
      content: [
        { mediaType: "application/json", schema: body, origin: at("/b") },
        { mediaType: binary ? "application/octet-stream" : "application/xml", schema: binary ? { type: "string", format: "binary" } : body, origin: at("/b") },
      ],
      origin: at("/b"),
    },
    responses: [
      { status: "200", description: "ok */", content: [{ mediaType: "application/json", schema: ok, origin: at("/r") }], headers: [], origin: at("/r") },
      { status: "4XX", description: "error", content: [{ mediaType: "application/json", schema: error, origin: at("/r") }], headers: [], origin: at("/r") },
    ],
    security: [],
    securityDeclared: false,
    public: false,
    integrationKeys: [],
    options: { binary: false, usagePlans: [] },
    nativeExtensions: {},
    origin: at("/o"),
    gatewayOrigin: at("/o"),
  }));
}

/** A random model: up to 8 components named from {@link NAMES} and three operations. */
export const randomModel: fc.Arbitrary<GatewayModel> = fc.subarray(NAMES, { minLength: 1, maxLength: 8 }).chain((names) => {
  const schema = schemaArb(names);
  const security = [
    { schemes: [{ name: "__proto__", scopes: [] }, { name: "a b", scopes: [] }], origin: at("/sec/0") },
    { schemes: [{ name: "constructor", scopes: [] }], origin: at("/sec/1") },
  ];
  return fc
    .record({
      schemas: fc.tuple(...names.map(() => schema)),
      create: operationArb("create-pet", "/pets", schema),
      list: operationArb("2list", "/pets/{id}", schema),
      hostile: fc.constantFrom(...OPERATION_IDS).chain((id) => operationArb(id, "/things/{a b}/{__proto__}", schema)),
    })
    .map(({ schemas, create, list, hostile }) =>
      emptyModel({
        schemas: [...names].sort().map((name, i) => ({ name, schema: schemas[i] as Schema, origin: at(`/components/schemas/${i}`) })),
        operations: [create, list, { ...hostile, security }],
        securitySchemes: SCHEMES,
      }),
    );
});
