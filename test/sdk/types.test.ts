/**
 * The SDK's `types.ts` (compiler/emit/sdk/types): the printed type of each kind of schema, the names it declares,
 * and the types of operations' inline schemas. Type-checking the generated files of every sample and real spec is
 * in ./types-typecheck.test.ts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { schemaTypes } from "../../compiler/emit/sdk/types/index.js";
import { declaration, declarations, modelOf, specOf, typesOf } from "./helpers/types.js";

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ content: { "application/json": { schema } } });
const lines = (...text: string[]) => text.join("\n");

test("objects: properties by name, required and optional ones, docs from descriptions and formats, quoted names, date-time and binary", () => {
  const { text } = typesOf({
    Pet: {
      type: "object",
      description: "A pet.",
      required: ["id", "name"],
      properties: {
        id: { type: "integer", format: "int64" },
        name: { type: "string" },
        "x-tag": { type: "string" },
        born: { type: "string", format: "date-time", description: "When." },
        photo: { type: "string", format: "binary" },
        any: {},
        größe: { type: "number" },
        old: { type: "string", deprecated: true },
      },
    },
  });
  assert.is(
    declaration(text, "Pet"),
    lines(
      "/** A pet. */",
      "export interface Pet {",
      "    any?: unknown;",
      "    /**",
      "     * When.",
      "     * @format date-time",
      "     */",
      "    born?: string;",
      '    "größe"?: number;',
      "    /** @format int64 */",
      "    id: number;",
      "    name: string;",
      "    /** @deprecated */",
      "    old?: string;",
      "    /** @format binary */",
      "    photo?: Blob;",
      '    "x-tag"?: string;',
      "}",
    ),
  );
});

test("additionalProperties: index signatures that admit the properties' types (and undefined for optional ones)", () => {
  const { text } = typesOf({
    Labels: { type: "object", additionalProperties: { type: "string" } },
    Free: { type: "object" },
    Closed: { type: "object", additionalProperties: false },
    Open: { type: "object", properties: { a: { type: "string" } }, additionalProperties: true },
    Mixed: { type: "object", required: ["count"], properties: { count: { type: "integer" }, note: { type: "string" } }, additionalProperties: { type: "boolean" } },
    Nested: { type: "object", properties: { inner: { type: "object", properties: { x: { type: "string" } } } }, additionalProperties: { type: "string" } },
  });
  assert.is(declaration(text, "Labels"), "export interface Labels {\n    [key: string]: string;\n}");
  assert.is(declaration(text, "Free"), "export interface Free {\n    [key: string]: unknown;\n}");
  assert.is(declaration(text, "Closed"), "export interface Closed {\n    [key: string]: never;\n}");
  assert.is(declaration(text, "Open"), "export interface Open {\n    a?: string;\n    [key: string]: unknown;\n}");
  assert.is(declaration(text, "Mixed"), "export interface Mixed {\n    count: number;\n    note?: string;\n    [key: string]: boolean | number | string | undefined;\n}");
  // An inline object would be printed twice: the index signature admits anything instead.
  assert.match(declaration(text, "Nested"), /\n {4}\[key: string\]: unknown;\n\}$/);
});

test("enums as literal unions, 3.0 nullable, 3.1 type arrays, const and prefixItems, true and {} as unknown", () => {
  const v30 = typesOf({
    Color: { type: "string", enum: ["red", "green", 'it\'s "q"'] },
    Num: { type: "integer", enum: [1, -2, 3.5] },
    Maybe: { type: "string", enum: ["a", null], nullable: true },
    N: { type: "string", nullable: true },
    Flag: { type: "boolean", enum: [true] },
    Anything: {},
    List: { type: "array", items: { type: "string", nullable: true } },
  }).text;
  assert.is(declaration(v30, "Color"), 'export type Color = "red" | "green" | "it\'s \\"q\\"";');
  assert.is(declaration(v30, "Num"), "export type Num = 1 | -2 | 3.5;");
  assert.is(declaration(v30, "Maybe"), 'export type Maybe = "a" | null;');
  assert.is(declaration(v30, "N"), "export type N = string | null;");
  assert.is(declaration(v30, "Flag"), "export type Flag = true;");
  assert.is(declaration(v30, "Anything"), "export type Anything = unknown;");
  assert.is(declaration(v30, "List"), "export type List = (string | null)[];");
  const v31 = typesOf(
    {
      T: { type: ["string", "null"] },
      C: { const: "fixed" },
      Tuple: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], minItems: 1, items: false },
      Open: { type: "array", prefixItems: [{ type: "string" }] },
      O: { type: ["object", "null"], properties: { a: { type: "string" } } },
      Never: { not: {} },
    },
    {},
    "3.1.0",
  ).text;
  assert.is(declaration(v31, "T"), "export type T = string | null;");
  assert.is(declaration(v31, "C"), 'export type C = "fixed";');
  assert.is(declaration(v31, "Tuple"), "export type Tuple = [string, number?];");
  assert.is(declaration(v31, "Open"), "export type Open = [string?, ...unknown[]];");
  assert.is(declaration(v31, "O"), "export type O = {\n    a?: string;\n} | null;");
  assert.is(declaration(v31, "Never"), "export type Never = unknown;");
});

test("oneOf/anyOf with a discriminator: members narrowed to their mapping values, or to their names when the tag is open", () => {
  const { text } = typesOf({
    Pet: {
      oneOf: [ref("Cat"), ref("Dog"), ref("Bird")],
      discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat", kitty: "Cat", dog: "#/components/schemas/Dog" } },
    },
    Cat: { type: "object", required: ["kind"], properties: { kind: { type: "string" }, lives: { type: "integer" } } },
    Dog: { type: "object", required: ["kind"], properties: { kind: { type: "string", enum: ["dog"] } } },
    Bird: { type: "object", required: ["kind"], properties: { kind: { type: "string" } } },
    // The tags are pinned by enums that differ from the schema names: no narrowing (it would make them `never`).
    Shape: { anyOf: [ref("Square"), ref("Circle")], discriminator: { propertyName: "type" } },
    Square: { type: "object", properties: { type: { type: "string", enum: ["square"] } } },
    Circle: { type: "object", properties: { type: { type: "string", enum: ["circle"] } } },
  });
  // Cat: two mapping keys; Dog: already pinned to its one value; Bird: no mapping entry, so its schema name.
  assert.is(
    declaration(text, "Pet"),
    lines("export type Pet = (Cat & {", '    kind: "cat" | "kitty";', "}) | Dog | (Bird & {", '    kind: "Bird";', "});"),
  );
  assert.is(declaration(text, "Shape"), "export type Shape = Square | Circle;");
});

test("allOf: readable intersections; a child of a discriminated parent has its tag narrowed", () => {
  const { text } = typesOf({
    Animal: { type: "object", required: ["petType"], properties: { petType: { type: "string" }, name: { type: "string" } }, discriminator: { propertyName: "petType" } },
    Lizard: { allOf: [ref("Animal"), { type: "object", properties: { scales: { type: "integer" } } }] },
    Action: { type: "object", properties: { type: { type: "string" } }, discriminator: { propertyName: "type", mapping: { go: "#/components/schemas/Go" } } },
    Go: { allOf: [ref("Action"), { type: "object" }, { type: "object", required: ["to"], properties: { to: { type: "string" } } }] },
    Stamped: { allOf: [ref("Animal"), { properties: { at: { type: "string" } } }], nullable: true },
  });
  assert.is(declaration(text, "Lizard"), lines("export type Lizard = Animal & {", "    scales?: number;", '    petType: "Lizard";', "};"));
  // `{ type: object }` alone adds nothing to the intersection.
  assert.is(declaration(text, "Go"), lines("export type Go = Action & {", "    to: string;", '    type: "go";', "};"));
  assert.is(declaration(text, "Stamped"), lines("export type Stamped = (Animal & {", "    at?: string;", '    petType: "Stamped";', "}) | null;"));
});

test("recursion: self and mutual references through properties and arrays stay named", () => {
  const { text } = typesOf({
    Tree: { type: "object", properties: { children: { type: "array", items: ref("Tree") }, parent: ref("Tree") } },
    Json: { oneOf: [{ type: "string" }, { type: "array", items: ref("Json") }, { type: "object", additionalProperties: ref("Json") }] },
    A: { type: "object", properties: { b: ref("B") } },
    B: { type: "object", properties: { a: ref("A") } },
  });
  assert.is(declaration(text, "Tree"), "export interface Tree {\n    children?: Tree[];\n    parent?: Tree;\n}");
  assert.is(declaration(text, "Json"), "export type Json = string | Json[] | {\n    [key: string]: Json;\n};");
  assert.is(declaration(text, "A"), "export interface A {\n    b?: B;\n}");
  assert.is(declaration(text, "B"), "export interface B {\n    a?: A;\n}");
});

test("alias cycles: a oneOf parent whose children extend it inherits inline; other cycles are cut", () => {
  const { text } = typesOf({
    Node: {
      type: "object",
      required: ["kind"],
      properties: { kind: { type: "string" } },
      oneOf: [ref("Leaf"), ref("Branch")],
      discriminator: { propertyName: "kind", mapping: { leaf: "#/components/schemas/Leaf", branch: "#/components/schemas/Branch" } },
    },
    Leaf: { allOf: [ref("Node"), { type: "object", properties: { value: { type: "string" } } }] },
    Branch: { allOf: [ref("Node"), { type: "object", properties: { children: { type: "array", items: ref("Node") } } }] },
    C: { oneOf: [ref("D"), { type: "string" }] },
    D: { anyOf: [ref("C"), { type: "number" }] },
    Self: { allOf: [ref("Self"), { type: "object", properties: { x: { type: "string" } } }] },
  });
  // Leaf = Node & … would make Node = … (Leaf & …) | … circular: Leaf inherits Node's own members instead.
  assert.is(declaration(text, "Leaf"), lines("export type Leaf = {", "    kind: string;", "    value?: string;", "} & {", '    kind: "leaf";', "};"));
  assert.is(
    declaration(text, "Node"),
    lines("export type Node = {", "    kind: string;", "} & ((Leaf & {", '    kind: "leaf";', "}) | (Branch & {", '    kind: "branch";', "}));"),
  );
  // C = D | string and D = C | number: D's reference back to C is cut (a union member that is the union adds nothing).
  assert.is(declaration(text, "C"), "export type C = D | string;");
  assert.is(declaration(text, "D"), "export type D = number;");
  assert.is(declaration(text, "Self"), "export interface Self {\n    x?: string;\n}");
});

test("readOnly/writeOnly: a writable variant only for schemas that have such properties (or reach one) and that requests use", () => {
  const types = typesOf(
    {
      Pet: {
        type: "object",
        required: ["id", "name"],
        properties: { id: { type: "integer", readOnly: true }, name: { type: "string" }, secret: { type: "string", writeOnly: true }, created: ref("Stamp") },
      },
      // Read-only wherever it is a property.
      Stamp: { type: "string", format: "date-time", readOnly: true },
      Owner: { type: "object", properties: { pets: { type: "array", items: ref("Pet") } } },
      Report: { type: "object", properties: { top: ref("Pet") } },
      Plain: { type: "object", properties: { x: { type: "string" } } },
    },
    {
      "/pets": { post: { operationId: "createPet", requestBody: json(ref("Pet")), responses: { "201": { description: "Created", ...json(ref("Pet")) } } } },
      "/owners": { put: { operationId: "putOwner", requestBody: json({ type: "object", properties: { owner: ref("Owner"), plain: ref("Plain") } }), responses: { "204": { description: "Done" } } } },
    },
  );
  const { text, names } = types;
  assert.is(declaration(text, "Pet"), "export interface Pet {\n    created?: Stamp;\n    id: number;\n    name: string;\n}");
  assert.is(declaration(text, "PetWritable"), "export interface PetWritable {\n    name: string;\n    secret?: string;\n}");
  assert.is(declaration(text, "OwnerWritable"), "export interface OwnerWritable {\n    pets?: PetWritable[];\n}");
  assert.is(declaration(text, "PutOwnerRequest"), "export interface PutOwnerRequest {\n    owner?: OwnerWritable;\n    plain?: Plain;\n}");
  assert.equal([...declarations(text).keys()], ["Owner", "OwnerWritable", "Pet", "PetWritable", "Plain", "Report", "Stamp", "PutOwnerRequest"]);
  assert.equal(Object.fromEntries(names.schemas), {
    Owner: { read: "Owner", write: "OwnerWritable" },
    Pet: { read: "Pet", write: "PetWritable" },
    Plain: { read: "Plain", write: "Plain" },
    Report: { read: "Report", write: "Report" },
    Stamp: { read: "Stamp", write: "Stamp" },
  });
  const createPet = names.operations.find((o) => o.operationId === "createPet");
  assert.equal(createPet?.requestBody, [{ mediaType: "application/json", type: { kind: "declared", name: "PetWritable" } }]);
  assert.equal(createPet?.responses, [{ status: "201", mediaType: "application/json", type: { kind: "declared", name: "Pet" } }]);
});

test("names: identifiers whatever the spec says, globals never shadowed, collisions numbered", () => {
  const { text, names } = typesOf(
    {
      Error: { type: "object", properties: { message: { type: "string" } } },
      Blob: { type: "object", properties: { data: { type: "string", format: "binary" } } },
      Response: { type: "string" },
      Record: { type: "string" },
      "2fa": { type: "string" },
      class: { type: "string" },
      "pet-store": { type: "string" },
      PetStore: { type: "number" },
      pet_store: { type: "boolean" },
      Größe: { type: "integer" },
      "€uro": { type: "string" },
      "Fancy.Name+v2": { type: "string" },
      ListPetsResponse200: { type: "string" },
    },
    { "/pets": { get: { operationId: "list-pets", responses: { "200": { description: "ok", ...json({ type: "array", items: { type: "string" } }) } } } } },
  );
  assert.equal(Object.fromEntries([...names.schemas].map(([k, v]) => [k, v.read])), {
    "2fa": "_2fa",
    Blob: "BlobModel",
    Error: "ErrorModel",
    "Fancy.Name+v2": "FancyNameV2",
    Größe: "Größe",
    ListPetsResponse200: "ListPetsResponse200",
    PetStore: "PetStore",
    Record: "RecordModel",
    Response: "ResponseModel",
    class: "Class",
    "pet-store": "PetStore2",
    pet_store: "PetStore3",
    "€uro": "Uro",
  });
  // `format: binary` still means the global Blob.
  assert.is(declaration(text, "BlobModel"), "export interface BlobModel {\n    /** @format binary */\n    data?: Blob;\n}");
  // A generated name never takes a component's: it is numbered, after a `_` since it ends with a digit.
  assert.is(declaration(text, "ListPetsResponse200_2"), "/** ok */\nexport type ListPetsResponse200_2 = string[];");
});

test("names stay the same when unrelated schemas and operations are added", () => {
  const schemas: Json = {
    Pet: { type: "object", properties: { id: { type: "integer", readOnly: true }, tag: ref("Tag") } },
    Tag: { type: "string" },
    "pet-tag": { type: "number" },
  };
  const paths: Json = { "/pets": { post: { operationId: "addPet", requestBody: json({ type: "object", properties: { pet: ref("Pet") } }), responses: { "200": { description: "ok", ...json({ type: "string" }) } } } } };
  const before = typesOf(schemas, paths).text;
  const after = typesOf(
    { Aardvark: { type: "object", properties: { pet: ref("Pet") } }, ...schemas, Zebra: { type: "string" }, "Pet-Tag2": { type: "string" } },
    { "/a": { get: { operationId: "getA", responses: { "200": { description: "ok", ...json({ type: "object" }) } } } }, ...paths },
  ).text;
  const later = declarations(after);
  for (const [name, text] of declarations(before)) assert.is(later.get(name), text, name);
});

test("docs: descriptions cannot close the comment, every line terminator starts a new line, deprecated is marked", () => {
  const { text } = typesOf({ D: { type: "string", description: "Ends */ early\r\nsecond\u2028third\u2029fourth\rfifth /* x */", deprecated: true } });
  assert.is(
    declaration(text, "D"),
    lines("/**", " * Ends *\\/ early", " * second", " * third", " * fourth", " * fifth /* x *\\/", " * @deprecated", " */", "export type D = string;"),
  );
});

test("operations: request bodies, responses and non-primitive parameters named after the operation; $refs used as they are", () => {
  const { text, names } = typesOf(
    { Pet: { type: "object", properties: { id: { type: "integer" } } } },
    {
      "/pets/{petId}": {
        parameters: [{ name: "petId", in: "path", required: true, schema: { type: "integer" } }],
        get: {
          operationId: "getPet",
          parameters: [
            { name: "fields", in: "query", schema: { type: "array", items: { type: "string", enum: ["a", "b"] } } },
            { name: "filter", in: "query", style: "deepObject", schema: { type: "object", properties: { q: { type: "string" } } } },
            { name: "X-Pet", in: "header", schema: ref("Pet") },
          ],
          responses: {
            "200": { description: "The pet", content: { "application/json": { schema: ref("Pet") }, "application/xml": { schema: ref("Pet") } } },
            "404": { description: "Not found", content: { "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } }, "text/plain": { schema: { type: "string" } } } },
            default: { description: "Error", ...json({ type: "object", nullable: true, properties: { code: { type: "integer" } } }) },
            "5XX": { description: "Boom" },
          },
        },
        put: {
          operationId: "putPet",
          requestBody: { description: "The new pet", required: true, content: { "multipart/form-data": { schema: { type: "object", properties: { photo: { type: "string", format: "binary" } } } } } },
          responses: { "200": { description: "ok", ...json(ref("Pet")) } },
        },
      },
    },
  );
  const [getPet, putPet] = names.operations;
  assert.equal(getPet?.parameters, [
    { in: "path", name: "petId", type: { kind: "inline", text: "number" } },
    { in: "query", name: "fields", type: { kind: "inline", text: '("a" | "b")[]' } },
    { in: "query", name: "filter", type: { kind: "declared", name: "GetPetQueryFilter" } },
    { in: "header", name: "X-Pet", type: { kind: "declared", name: "Pet" } },
  ]);
  assert.equal(getPet?.responses, [
    { status: "200", mediaType: "application/json", type: { kind: "declared", name: "Pet" } },
    { status: "200", mediaType: "application/xml", type: { kind: "declared", name: "Pet" } },
    { status: "404", mediaType: "application/json", type: { kind: "declared", name: "GetPetResponse404ApplicationJson" } },
    { status: "404", mediaType: "text/plain", type: { kind: "declared", name: "GetPetResponse404TextPlain" } },
    { status: "default", mediaType: "application/json", type: { kind: "declared", name: "GetPetResponseDefault" } },
  ]);
  assert.equal(putPet?.requestBody, [{ mediaType: "multipart/form-data", type: { kind: "declared", name: "PutPetRequest" } }]);
  assert.is(declaration(text, "GetPetQueryFilter"), "export interface GetPetQueryFilter {\n    q?: string;\n}");
  assert.is(declaration(text, "GetPetResponseDefault"), "/** Error */\nexport type GetPetResponseDefault = {\n    code?: number;\n} | null;");
  assert.is(declaration(text, "PutPetRequest"), "/** The new pet */\nexport interface PutPetRequest {\n    /** @format binary */\n    photo?: Blob;\n}");
});

test("a $ref into a component is declared on its own, named after its path", () => {
  const { text, names } = typesOf(
    { Pet: { type: "object", properties: { tags: { type: "array", items: { type: "string" } } } } },
    { "/tags": { get: { operationId: "listTags", responses: { "200": { description: "ok", ...json({ $ref: "#/components/schemas/Pet/properties/tags" }) } } } } },
  );
  assert.is(declaration(text, "PetPropertiesTags"), "export type PetPropertiesTags = string[];");
  assert.equal(names.operations[0]?.responses[0]?.type, { kind: "declared", name: "PetPropertiesTags" });
});

test("deterministic: the same model gives the same text; an empty spec gives an empty module", () => {
  const doc = specOf({ B: { type: "object", properties: { a: ref("A") } }, A: { type: "string", enum: ["x", "y"] } });
  assert.is(schemaTypes(modelOf(doc)).text, schemaTypes(modelOf(doc)).text);
  assert.match(typesOf({}).text, /\nexport \{\};\n$/);
});

test.run();
