/**
 * One schema (OpenAPI 3.0 Schema Object / 3.1 JSON Schema 2020-12) → one TypeScript type node.
 *
 * - `$ref` → the referenced declaration by name (the request variant in a request); a `$ref` that reaches nothing
 *   is `unknown`.
 * - `type` (3.1: an array of types, `"null"` among them) → `string` (`format: binary` → `Blob`; `date-time` and
 *   every other format stay `string`), `number` (also `integer`), `boolean`, `null`, arrays (`prefixItems`
 *   → tuples) and objects; no `type` → inferred from `properties`/`items`, else `unknown`.
 * - Objects: properties in code-unit order of their names (the output never depends on how the spec orders its
 *   keys), `required` ones plain, the others `?`; `readOnly` properties left out of requests and
 *   `writeOnly` ones out of responses; `additionalProperties` / `patternProperties` → an index signature whose type
 *   also admits every property's type (TypeScript requires it), `unknown` when those are too large to repeat; a
 *   bare `type: object` → `{ [key: string]: unknown }`.
 * - `enum` → a union of literals, `const` → a literal; 3.0 `nullable: true` → `| null`.
 * - `allOf` → an intersection; `oneOf`/`anyOf` → a union, each member narrowed to its tag value(s) when the
 *   schema has a discriminator (./discriminator.ts); properties beside them join the intersection.
 * - `true`, `{}` and keywords types cannot express (`not`, `pattern`, …) → `unknown`; `false` → `never`.
 *
 * While building, the builder records which declarations the type references at "direct" positions (not inside
 * an object type or an array), which is where TypeScript resolves a type alias eagerly: a cycle of such references
 * is a "circularly references itself" error, which ./declarations.ts breaks with {@link Scope.inlineBases} and
 * {@link Scope.cut}.
 */
import { ts } from "ts-morph";
import { compareStrings } from "../../../order.js";
import { schemaDoc, withDoc } from "./jsdoc.js";
import { discriminatorOf, tagValues, type Discriminator } from "./discriminator.js";
import { propertyName } from "./names.js";
import { isMarked, type Target, type Targets } from "./targets.js";
import {
  BLOB, BOOLEAN, intersectionOf, isSimple, literalType, NEVER, NULL, NUMBER, OPEN_OBJECT, STRING, UNDEFINED, unionOf, UNKNOWN,
} from "./type-nodes.js";

const f = ts.factory;

/** Responses are read, requests (bodies and parameters) are written. */
export type Direction = "read" | "write";

/**
 * Where a schema sits in the declaration being built: its root, a member of a union or intersection reached
 * from the root without entering an object type or array (`direct`, `allOf`), or anywhere deeper (`nested`).
 */
type Position = "root" | "direct" | "allOf" | "nested";

/** The state of building one declaration. */
export interface Scope {
  readonly direction: Direction;
  /** The target the declaration is for (components and targets inside them); undefined for operations' schemas. */
  readonly owner?: Target;
  /** Declarations whose `$ref`s in `allOf` are replaced by the target's own schema without `oneOf`/`anyOf`. */
  readonly inlineBases: ReadonlySet<string>;
  /** Declarations whose direct `$ref`s are cut: `never` as a union member, `unknown` elsewhere. */
  readonly cut: ReadonlySet<string>;
  /** Filled while building: declarations referenced at direct positions. */
  readonly direct: Set<string>;
  /** Targets whose schema is being inlined (to stop an inlining cycle). */
  readonly inlining: Set<string>;
}

/** A new scope for a declaration. */
export function newScope(direction: Direction, owner?: Target, inlineBases: ReadonlySet<string> = new Set(), cut: ReadonlySet<string> = new Set()): Scope {
  return { direction, ...(owner ? { owner } : {}), inlineBases, cut, direct: new Set(), inlining: new Set() };
}

type Obj = Readonly<Record<string, unknown>>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const OBJECT_KEYWORDS = ["properties", "additionalProperties", "patternProperties"] as const;

const hasObjectKeywords = (s: Obj): boolean => OBJECT_KEYWORDS.some((k) => s[k] !== undefined);

/** Builds type nodes for schemas; `nameOf` gives the declared name of a target in a direction. */
export class SchemaTypeBuilder {
  private readonly discriminators = new WeakMap<Obj, Discriminator | null>();

  constructor(
    private readonly targets: Targets,
    private readonly nameOf: (target: Target, direction: Direction) => string,
  ) {}

  /** The type of `schema` as the root of a declaration (or of an operation's inline schema). */
  root(schema: unknown, scope: Scope): ts.TypeNode {
    return this.type(schema, scope, "root");
  }

  private type(schema: unknown, scope: Scope, position: Position): ts.TypeNode {
    if (schema === false) return NEVER;
    if (!isObj(schema)) return UNKNOWN;
    const node = typeof schema["$ref"] === "string" ? this.ref(schema["$ref"], scope, position) : this.core(schema, scope, position);
    return schema["nullable"] === true ? unionOf([node, NULL]) : node;
  }

  private ref(ref: string, scope: Scope, position: Position): ts.TypeNode {
    const target = this.targets.resolve(ref);
    if (!target) return UNKNOWN;
    const name = this.nameOf(target, scope.direction);
    if (position !== "nested") {
      // A union that contains itself adds nothing through that member; anywhere else the reference says nothing.
      if (scope.cut.has(name)) return position === "direct" ? NEVER : UNKNOWN;
      if (position === "allOf" && scope.inlineBases.has(name)) return this.inlineBase(target, scope);
      scope.direct.add(name);
    }
    return f.createTypeReferenceNode(name);
  }

  /**
   * `target`'s schema without its `oneOf`/`anyOf`, written in place (cycle breaking in `allOf`); nothing when it is
   * the declaration itself (its members are written already) or already being inlined.
   */
  private inlineBase(target: Target, scope: Scope): ts.TypeNode {
    if (!isObj(target.schema) || target.key === scope.owner?.key || scope.inlining.has(target.key)) return UNKNOWN;
    scope.inlining.add(target.key);
    const { oneOf: _oneOf, anyOf: _anyOf, discriminator: _discriminator, ...base } = target.schema;
    const node = this.type(base, scope, "allOf");
    scope.inlining.delete(target.key);
    return node;
  }

  private core(s: Obj, scope: Scope, position: Position): ts.TypeNode {
    if (Object.hasOwn(s, "const")) return literalType(s["const"]) ?? UNKNOWN;
    if (Array.isArray(s["enum"])) {
      const literals = s["enum"].map(literalType);
      if (literals.every((l) => l !== undefined)) return literals.length === 0 ? UNKNOWN : unionOf(literals as ts.TypeNode[]);
    }
    const inner: Position = position === "nested" ? "nested" : "direct";
    const parts: ts.TypeNode[] = [];
    if (Array.isArray(s["allOf"])) {
      const members = s["allOf"];
      for (const member of members) parts.push(this.type(member, scope, position === "nested" ? "nested" : "allOf"));
      if (position === "root") parts.push(...this.childTags(members, scope));
    }
    const unions = (["oneOf", "anyOf"] as const).filter((k) => Array.isArray(s[k]));
    if (parts.length === 0 && unions.length === 0) return this.byType(s, scope);
    if (s["type"] !== undefined && (s["type"] !== "object" || hasObjectKeywords(s))) parts.push(this.byType(s, scope));
    else if (hasObjectKeywords(s)) parts.push(this.objectType(s, scope));
    for (const key of unions) parts.push(this.union(s[key] as readonly unknown[], s, scope, inner));
    return intersectionOf(parts);
  }

  /** A union of `members`, each narrowed to its tag when `owner` has a discriminator. */
  private union(members: readonly unknown[], owner: Obj, scope: Scope, position: Position): ts.TypeNode {
    const discriminator = this.discriminator(owner);
    return unionOf(
      members.map((member) => {
        const node = this.type(member, scope, position);
        if (!discriminator || node === NEVER || !isObj(member) || typeof member["$ref"] !== "string") return node;
        const target = this.targets.resolve(member["$ref"]);
        const values = target && tagValues(discriminator, target, this.targets, true);
        return values ? f.createParenthesizedType(intersectionOf([node, tagType(discriminator.propertyName, values)])) : node;
      }),
    );
  }

  /**
   * For a declaration that extends a discriminated parent (`allOf: [{ $ref: Parent }, …]`), the tag narrowed to
   * the declaration's value(s). The implicit value (the schema name) applies only to a parent without
   * `oneOf`/`anyOf`: in a union parent the tag comes from the union's members.
   */
  private childTags(members: readonly unknown[], scope: Scope): ts.TypeNode[] {
    const owner = scope.owner;
    if (!owner) return [];
    const tags: ts.TypeNode[] = [];
    for (const member of members) {
      if (!isObj(member) || typeof member["$ref"] !== "string") continue;
      const parent = this.targets.resolve(member["$ref"]);
      if (!parent || !isObj(parent.schema)) continue;
      const discriminator = this.discriminator(parent.schema);
      if (!discriminator) continue;
      const implicit = parent.schema["oneOf"] === undefined && parent.schema["anyOf"] === undefined;
      const values = tagValues(discriminator, owner, this.targets, implicit);
      if (values) tags.push(tagType(discriminator.propertyName, values));
    }
    return tags;
  }

  private discriminator(schema: Obj): Discriminator | undefined {
    let found = this.discriminators.get(schema);
    if (found === undefined) {
      found = discriminatorOf(schema, this.targets) ?? null;
      this.discriminators.set(schema, found);
    }
    return found ?? undefined;
  }

  /** The type from `type` (or what the keywords imply when there is none). */
  private byType(s: Obj, scope: Scope): ts.TypeNode {
    const type = s["type"];
    if (Array.isArray(type)) return type.length === 0 ? UNKNOWN : unionOf(type.map((t) => this.single(t, s, scope)));
    if (type !== undefined) return this.single(type, s, scope);
    if (hasObjectKeywords(s)) return this.objectType(s, scope);
    if (s["items"] !== undefined || s["prefixItems"] !== undefined) return this.arrayType(s, scope);
    return UNKNOWN;
  }

  private single(type: unknown, s: Obj, scope: Scope): ts.TypeNode {
    switch (type) {
      case "string":
        return s["format"] === "binary" ? BLOB : STRING;
      case "number":
      case "integer":
        return NUMBER;
      case "boolean":
        return BOOLEAN;
      case "null":
        return NULL;
      case "array":
        return this.arrayType(s, scope);
      case "object":
        return this.objectType(s, scope);
      default:
        return UNKNOWN;
    }
  }

  /** `T[]`, or a tuple for `prefixItems` (3.1) / an `items` array (older drafts); elements past `minItems` optional. */
  private arrayType(s: Obj, scope: Scope): ts.TypeNode {
    const prefix = Array.isArray(s["prefixItems"]) ? s["prefixItems"] : Array.isArray(s["items"]) ? s["items"] : undefined;
    if (!prefix) return f.createArrayTypeNode(this.type(s["items"], scope, "nested"));
    const rest = Array.isArray(s["prefixItems"]) ? s["items"] : s["additionalItems"];
    const minItems = typeof s["minItems"] === "number" ? s["minItems"] : 0;
    const elements: ts.TypeNode[] = prefix.map((item, i) => {
      const node = this.type(item, scope, "nested");
      return i < minItems ? node : f.createOptionalTypeNode(node);
    });
    if (rest !== false) elements.push(f.createRestTypeNode(f.createArrayTypeNode(this.type(rest, scope, "nested"))));
    return ts.setEmitFlags(f.createTupleTypeNode(elements), ts.EmitFlags.SingleLine);
  }

  private objectType(s: Obj, scope: Scope): ts.TypeNode {
    if (!isObj(s["properties"]) && s["additionalProperties"] === undefined && s["patternProperties"] === undefined) return OPEN_OBJECT;
    const members: ts.TypeElement[] = [];
    const propertyTypes: ts.TypeNode[] = [];
    let optional = false;
    const properties = isObj(s["properties"]) ? s["properties"] : {};
    const required = new Set(Array.isArray(s["required"]) ? s["required"].filter((r) => typeof r === "string") : []);
    for (const name of Object.keys(properties).sort(compareStrings)) {
      const property = properties[name];
      if (isMarked(property, scope.direction === "write" ? "readOnly" : "writeOnly", this.targets)) continue;
      const type = this.type(property, scope, "nested");
      const isOptional = !required.has(name);
      optional ||= isOptional;
      propertyTypes.push(type);
      const question = isOptional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined;
      members.push(withDoc(f.createPropertySignature(undefined, propertyName(name), question, type), schemaDoc(property)));
    }
    const index = this.indexType(s, scope, members.length === 0);
    if (index) {
      const admitted = index === UNKNOWN || !propertyTypes.every(isSimple) ? UNKNOWN : unionOf([index, ...propertyTypes, ...(optional ? [UNDEFINED] : [])]);
      members.push(f.createIndexSignature(undefined, [f.createParameterDeclaration(undefined, undefined, "key", undefined, STRING)], admitted));
    }
    return f.createTypeLiteralNode(members);
  }

  /**
   * The value type of the index signature: `additionalProperties` and `patternProperties` together; `unknown` for
   * an object that says nothing about its members; undefined when there is no index signature.
   */
  private indexType(s: Obj, scope: Scope, empty: boolean): ts.TypeNode | undefined {
    const additional = s["additionalProperties"];
    const patternMap = isObj(s["patternProperties"]) ? s["patternProperties"] : {};
    const patterns = Object.keys(patternMap).sort(compareStrings).map((k) => patternMap[k]);
    const values: unknown[] = [...(additional === undefined || additional === false ? [] : [additional]), ...patterns];
    if (values.length > 0) return unionOf(values.map((v) => this.type(v, scope, "nested")));
    if (!empty) return undefined;
    return additional === false ? NEVER : UNKNOWN;
  }
}

/** `{ tag: "a" | "b" }`. */
function tagType(property: string, values: readonly string[]): ts.TypeNode {
  const literal = unionOf(values.map((v) => literalType(v) as ts.TypeNode));
  return f.createTypeLiteralNode([f.createPropertySignature(undefined, propertyName(property), undefined, literal)]);
}
