/**
 * Random damage to a spec, for the robustness properties: mutations of the parsed value (dropped keys, values of
 * the wrong type, hostile strings, deep nesting, duplicate operation ids, random `$ref`s, added keys such as
 * `__proto__`) and edits of the raw text. Every mutation addresses its target by a natural number taken modulo
 * the number of candidates, so any generated value applies to any document.
 */
import * as fc from "fast-check";

/** A JSON value, as the parsers produce it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Container = Json[] | { [key: string]: Json };

/** Pieces of strings that have a meaning somewhere in the compiler or in what it generates. */
const FRAGMENTS = [
  "$", "#", "${", "}", "{", "${stageVariables.x}", "$request.body.x", "$context.identity.sourceIp", "#set($x = 1)",
  "{id}", "{proxy+}", "/", "~0", "~1", "%2F", "%ZZ", "\u200B", "\u202E", "\uFEFF", "\r\n", "\n", "\t", "\u0000",
  "\u2028", "\u0085", "é", "e\u0301", "😀", "__proto__", "constructor", "prototype", "'", '"', "*/", "\\", ": ",
  "- ", "&a", "*a", "!Ref", "null", "3.0.3", "x-gateway", "#/components/schemas/",
];

/** Strings built from {@link FRAGMENTS} and arbitrary code points. */
export const nastyString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ unit: "binary", maxLength: 6 }),
      fc.string({ unit: "grapheme", maxLength: 8 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""));

const scalarOrEmpty: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, 2 ** 53 + 1, "", [], {}, ["x"], { a: 1 }),
  nastyString,
  fc.integer(),
);

/** `$ref` values: local pointers that exist or not, sibling and outside files, remote and odd forms. */
const refValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "#", "#/", "#/paths", "#/info", "#/components/schemas/Missing", "#/components", "#/x-gateway", "#/__proto__/polluted",
    "#/constructor/prototype", "#/paths/~1pets", "#/paths/~2", "#/%ZZ", "other.yaml", "other.yaml#/Thing", "./other.yaml#/",
    "missing.yaml", "../outside.yaml", "link.yaml", "/etc/passwd", "file:///etc/passwd", "http://169.254.169.254/latest/",
    "https://example.com/s.yaml", "notes.txt", "", "\u0000", "folder.yaml",
  ),
  nastyString.map((s) => `#/${s}`),
  nastyString,
);

const keyName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "__proto__", "constructor", "prototype", "x-gateway", "$ref", "x-amazon-apigateway-integration", "lambda", "public",
    "responses", "operationId", "paths", "<<",
  ),
  nastyString,
);

/** One change to a parsed document. `at` and `other` pick targets modulo the number of candidates. */
export type Mutation =
  | { readonly kind: "drop"; readonly at: number }
  | { readonly kind: "replace"; readonly at: number; readonly value: Json }
  | { readonly kind: "nest"; readonly at: number; readonly depth: number; readonly arrays: boolean }
  | { readonly kind: "duplicate-operation-id"; readonly at: number; readonly other: number; readonly variant: number }
  | { readonly kind: "ref"; readonly at: number; readonly ref: string }
  | { readonly kind: "add-key"; readonly at: number; readonly key: string; readonly value: Json };

const at = fc.nat();

/** One random {@link Mutation}; nesting goes up to 300 levels, past the loader's depth limit. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), at }),
  fc.record({ kind: fc.constant("replace" as const), at, value: scalarOrEmpty }),
  fc.record({ kind: fc.constant("nest" as const), at, depth: fc.integer({ min: 1, max: 300 }), arrays: fc.boolean() }),
  fc.record({ kind: fc.constant("duplicate-operation-id" as const), at, other: fc.nat(), variant: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("ref" as const), at, ref: refValue }),
  fc.record({ kind: fc.constant("add-key" as const), at, key: keyName, value: scalarOrEmpty }),
);

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);

/** Sets `key` as an own property, even `__proto__`. */
function put(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every non-root node as (container, key), in document order, without recursion. */
function slots(root: Json): { parent: Container; key: string | number }[] {
  const out: { parent: Container; key: string | number }[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Json;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : isObject(node) ? Object.keys(node) : [];
    for (const key of keys) {
      out.push({ parent: node as Container, key });
      stack.push((node as Record<string | number, Json>)[key] as Json);
    }
  }
  return out;
}

function set(parent: Container, key: string | number, value: Json): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else put(parent, key as string, value);
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** The operation objects under `paths`. */
function operations(doc: Json): { [key: string]: Json }[] {
  const paths = isObject(doc) ? doc["paths"] : undefined;
  if (!isObject(paths)) return [];
  return Object.values(paths).flatMap((item) =>
    isObject(item) ? Object.entries(item).flatMap(([m, op]) => (METHODS.has(m) && isObject(op) ? [op] : [])) : [],
  );
}

/** Ways an id can repeat another: exactly, in other letter case, with a separator, after a zero-width space. */
const VARIANTS: readonly ((id: string) => string)[] = [
  (id) => id,
  (id) => id.charAt(0).toUpperCase() + id.slice(1),
  (id) => id.replace(/([a-z])([A-Z])/, "$1-$2"),
  (id) => `${id}\u200B`,
];

function applyOne(doc: Json, m: Mutation): Json {
  if (m.kind === "duplicate-operation-id") {
    const ops = operations(doc);
    const source = ops[m.at % Math.max(ops.length, 1)];
    const target = ops[m.other % Math.max(ops.length, 1)];
    if (!source || !target) return doc;
    const id = typeof source["operationId"] === "string" ? source["operationId"] : "duplicated";
    put(source, "operationId", id);
    put(target, "operationId", (VARIANTS[m.variant] as (id: string) => string)(id));
    return doc;
  }
  const all = slots(doc);
  const slot = all[m.at % Math.max(all.length, 1)];
  if (!slot) return m.kind === "replace" ? m.value : doc;
  const { parent, key } = slot;
  const current = (parent as Record<string | number, Json>)[key] as Json;
  switch (m.kind) {
    case "drop":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case "replace":
      set(parent, key, m.value);
      break;
    case "nest": {
      let value = current;
      for (let i = 0; i < m.depth; i++) value = m.arrays ? [value] : { a: value };
      set(parent, key, value);
      break;
    }
    case "ref":
      set(parent, key, { $ref: m.ref });
      break;
    case "add-key": {
      const target = isObject(current) ? current : isObject(parent) ? parent : undefined;
      if (target) put(target, m.key, m.value);
      break;
    }
  }
  return doc;
}

/** `doc` with `mutations` applied in order, on a copy. */
export function applyMutations(doc: Json, mutations: readonly Mutation[]): Json {
  let copy = JSON.parse(JSON.stringify(doc)) as Json;
  for (const m of mutations) copy = applyOne(copy, m);
  return copy;
}

/** An edit of raw text: delete `remove` characters at `at` (modulo the length) and insert `insert` there. */
export interface TextEdit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** Characters that change the meaning of YAML and JSON text, plus arbitrary ones. */
const SYNTAX = [
  ":", "-", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", '"', "#", "%", "@", "`", "?", "\n", "\r", "\t", " ", "  ",
  "\\", "\u0000", "\uFEFF", "---", "...", "<<: ",
];

/** One random {@link TextEdit}. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 8 }),
  insert: fc.oneof(fc.constant(""), fc.constantFrom(...SYNTAX), nastyString),
});

/** `text` with `edits` applied in order. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}
