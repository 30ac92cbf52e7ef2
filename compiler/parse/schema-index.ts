/**
 * Questions about a JSON Schema document that error reporting needs: which subschemas apply to the same instance
 * as a given schema (through `$ref`, `allOf`/`anyOf`/`oneOf`, `not`, `if`/`then`/`else`, …), which apply to a
 * descendant of that instance, and which property names a schema declares. Only local `$ref`s (`#/…`) are
 * followed, which is all the schemas Portico compiles use. Answers are cached per schema object.
 */
import { getAtPointer, parsePointer } from "./pointer.js";

type SchemaNode = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Keywords whose subschemas apply to the instance itself (one schema each). */
const SAME_INSTANCE_ONE = ["not", "if", "then", "else", "propertyNames", "contains"] as const;
/** Keywords whose subschemas apply to the instance itself (a list each). */
const SAME_INSTANCE_LIST = ["allOf", "anyOf", "oneOf"] as const;
/** Keywords whose subschemas apply to the instance itself (a map each). */
const SAME_INSTANCE_MAP = ["dependencies", "dependentSchemas"] as const;

/** Structural queries over one schema document (its `$ref`s resolve against `root`). */
export class SchemaIndex {
  readonly #root: unknown;
  readonly #sameLevel = new WeakMap<object, ReadonlySet<object>>();
  readonly #patterns = new Map<string, RegExp | undefined>();

  constructor(root: unknown) {
    this.#root = root;
  }

  /** The schema a local `$ref` names, or undefined for remote or broken references. */
  resolve(ref: string): SchemaNode | undefined {
    if (!ref.startsWith("#")) return undefined;
    let fragment: string;
    try {
      fragment = decodeURIComponent(ref.slice(1));
    } catch {
      return undefined;
    }
    const tokens = parsePointer(fragment);
    if (!tokens) return undefined;
    const found = getAtPointer(this.#root, tokens);
    return found.found && isNode(found.value) ? found.value : undefined;
  }

  /** `schema` and every subschema that applies to the same instance. */
  sameLevel(schema: object): ReadonlySet<object> {
    const cached = this.#sameLevel.get(schema);
    if (cached) return cached;
    const seen = new Set<object>();
    const stack: unknown[] = [schema];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!isNode(node) || seen.has(node)) continue;
      seen.add(node);
      if (typeof node["$ref"] === "string") stack.push(this.resolve(node["$ref"]));
      for (const k of SAME_INSTANCE_ONE) stack.push(node[k]);
      for (const k of SAME_INSTANCE_LIST) if (Array.isArray(node[k])) stack.push(...(node[k] as unknown[]));
      for (const k of SAME_INSTANCE_MAP) if (isNode(node[k])) stack.push(...Object.values(node[k]));
    }
    this.#sameLevel.set(schema, seen);
    return seen;
  }

  /** Every subschema that applies to the descendant `tokens` (unescaped pointer tokens) of an instance of `schema`. */
  schemasAt(schema: object, tokens: readonly string[]): ReadonlySet<object> {
    let current = this.sameLevel(schema);
    for (const token of tokens) {
      const next = new Set<object>();
      for (const s of current) {
        for (const child of this.#children(s as SchemaNode, token)) for (const r of this.sameLevel(child)) next.add(r);
      }
      current = next;
      if (current.size === 0) break;
    }
    return current;
  }

  /** Property names declared for instances of `schema`: `properties` keys, and the words of `^(a|b)$` patterns. */
  propertyNames(schema: object): { readonly names: readonly string[]; readonly patterns: readonly string[] } {
    const names = new Set<string>();
    const patterns = new Set<string>();
    for (const s of this.sameLevel(schema) as ReadonlySet<SchemaNode>) {
      if (isNode(s["properties"])) for (const k of Object.keys(s["properties"])) names.add(k);
      if (!isNode(s["patternProperties"])) continue;
      for (const pattern of Object.keys(s["patternProperties"])) {
        const words = /^\^\(([A-Za-z0-9_|-]+)\)\$$/.exec(pattern)?.[1];
        if (words) for (const w of words.split("|")) names.add(w);
        else patterns.add(pattern);
      }
    }
    return { names: [...names].sort(), patterns: [...patterns] };
  }

  #children(s: SchemaNode, token: string): object[] {
    const out: object[] = [];
    let named = false;
    const properties = s["properties"];
    if (isNode(properties) && Object.hasOwn(properties, token) && isNode(properties[token])) {
      out.push(properties[token]);
      named = true;
    }
    const patternProperties = s["patternProperties"];
    if (isNode(patternProperties)) {
      for (const [pattern, sub] of Object.entries(patternProperties)) {
        if (isNode(sub) && this.#pattern(pattern)?.test(token)) {
          out.push(sub);
          named = true;
        }
      }
    }
    if (!named && isNode(s["additionalProperties"])) out.push(s["additionalProperties"]);
    if (!named && isNode(s["unevaluatedProperties"])) out.push(s["unevaluatedProperties"]);
    if (/^(0|[1-9]\d*)$/.test(token)) {
      const i = Number(token);
      const items = s["items"];
      const prefix = s["prefixItems"];
      if (isNode(items)) out.push(items);
      else if (Array.isArray(items) && isNode(items[i])) out.push(items[i] as object);
      if (Array.isArray(prefix) && isNode(prefix[i])) out.push(prefix[i] as object);
    }
    return out;
  }

  #pattern(source: string): RegExp | undefined {
    if (!this.#patterns.has(source)) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(source, "u");
      } catch {
        re = undefined;
      }
      this.#patterns.set(source, re);
    }
    return this.#patterns.get(source);
  }
}
