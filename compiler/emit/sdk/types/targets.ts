/**
 * What a schema `$ref` can point at: a component schema (`#/components/schemas/Pet`) or a node inside one
 * (`#/components/schemas/Pet/properties/tag`, `…/Pet/$defs/Tag`). Each distinct target becomes one declaration.
 */
import type { GatewayModel, Schema } from "../../../model/types.js";
import { getAtPointer, parsePointer, pointerFrom } from "../../../parse/pointer.js";

/** A declaration-worthy schema: a component, or a node a `$ref` reaches inside one. */
export interface Target {
  /** The component name, or the component name, a NUL and the pointer inside it (`Pet\u0000/$defs/Tag`). */
  readonly key: string;
  /** The component's name. */
  readonly component: string;
  /** Pointer tokens inside the component; empty for the component itself. */
  readonly path: readonly string[];
  readonly schema: unknown;
}

const PREFIX = ["components", "schemas"];

/** The components of a model and every target reached by a `$ref`, with a cache of resolved `$ref` strings. */
export class Targets {
  private readonly components = new Map<string, Schema>();
  private readonly byKey = new Map<string, Target>();
  private readonly byRef = new Map<string, Target | null>();

  constructor(model: GatewayModel) {
    for (const named of model.schemas) {
      this.components.set(named.name, named.schema);
      this.byKey.set(named.name, { key: named.name, component: named.name, path: [], schema: named.schema });
    }
  }

  /** The component schemas, in model order (sorted by name). */
  componentTargets(): Target[] {
    return [...this.components.keys()].map((name) => this.byKey.get(name) as Target);
  }

  /** The target of `ref`; undefined when it does not point into `components.schemas` or reaches nothing. */
  resolve(ref: string): Target | undefined {
    const cached = this.byRef.get(ref);
    if (cached !== undefined) return cached ?? undefined;
    const target = this.lookup(ref);
    this.byRef.set(ref, target ?? null);
    return target;
  }

  private lookup(ref: string): Target | undefined {
    if (!ref.startsWith("#")) return undefined;
    let tokens: string[] | undefined;
    try {
      tokens = parsePointer(decodeURIComponent(ref.slice(1)));
    } catch {
      return undefined;
    }
    if (tokens === undefined || tokens.length < 3 || tokens[0] !== PREFIX[0] || tokens[1] !== PREFIX[1]) return undefined;
    const component = tokens[2] as string;
    const schema = this.components.get(component);
    if (schema === undefined) return undefined;
    const path = tokens.slice(3);
    const key = path.length === 0 ? component : `${component}\u0000${pointerFrom(path)}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const found = getAtPointer(schema, path);
    if (!found.found) return undefined;
    const target: Target = { key, component, path, schema: found.value };
    this.byKey.set(key, target);
    return target;
  }
}

/**
 * Whether a property schema is marked `readOnly` (or `writeOnly`): itself, or the root of the schema its `$ref`
 * reaches (`id: { $ref: Id }` with `Id: { type: integer, readOnly: true }`).
 */
export function isMarked(schema: unknown, key: "readOnly" | "writeOnly", targets: Targets): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  const s = schema as Readonly<Record<string, unknown>>;
  if (s[key] === true) return true;
  const target = typeof s["$ref"] === "string" ? targets.resolve(s["$ref"]) : undefined;
  const root = target?.schema;
  return typeof root === "object" && root !== null && (root as Readonly<Record<string, unknown>>)[key] === true;
}
