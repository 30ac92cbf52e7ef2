/**
 * One pass over every schema before any type is built: which targets exist (`$ref`s into components), which need
 * a request ("writable") variant, and which schemas an operation's request reaches.
 *
 * A schema has a writable variant when it, or a schema it references (transitively), has a property marked
 * `readOnly` or `writeOnly` (OpenAPI 3.x Schema Object: read-only properties are not sent in requests, write-only
 * ones not returned in responses), and a request (body or parameter) reaches it. Everything is linear in the size
 * of the schemas: each is walked once, and the variant and reachability closures visit each reference edge once.
 */
import type { GatewayModel, Schema } from "../../../model/types.js";
import { compareStrings } from "../../../order.js";
import { isMarked, type Target, type Targets } from "./targets.js";

/** Keys whose values are data, not schemas. */
const DATA_KEYS = new Set(["enum", "const", "default", "example", "examples", "discriminator", "xml", "externalDocs"]);
/** Keys whose values are maps of name → schema. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/** What {@link walk} reports. */
interface Visitor {
  readonly targets: Targets;
  /** Every `$ref` string. */
  readonly onRef: (ref: string) => void;
  /** A property marked `readOnly` or `writeOnly`. */
  readonly onFlag: () => void;
}

/** Walks `schema`, reporting to `visitor`; keys in code-unit order, so what is found first never depends on how the spec orders them. */
function walk(schema: unknown, visitor: Visitor): void {
  if (Array.isArray(schema)) {
    for (const item of schema) walk(item, visitor);
    return;
  }
  if (typeof schema !== "object" || schema === null) return;
  const obj = schema as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(obj).sort(compareStrings)) {
    const value = obj[key];
    if (key === "$ref") {
      if (typeof value === "string") visitor.onRef(value);
    } else if (SCHEMA_MAPS.has(key)) {
      if (typeof value !== "object" || value === null) continue;
      const map = value as Readonly<Record<string, unknown>>;
      for (const name of Object.keys(map).sort(compareStrings)) {
        const member = map[name];
        if (key === "properties" && (isMarked(member, "readOnly", visitor.targets) || isMarked(member, "writeOnly", visitor.targets))) visitor.onFlag();
        walk(member, visitor);
      }
    } else if (!DATA_KEYS.has(key) && !key.startsWith("x-")) {
      walk(value, visitor);
    }
  }
}

/** The result of {@link analyse}. */
export interface Analysis {
  /** Every target: the components in model order, then those reached inside components, in discovery order. */
  readonly targets: readonly Target[];
  /** Keys of the targets that get a writable variant. */
  readonly writable: ReadonlySet<string>;
}

/** The schemas of `model`'s operations: what requests send (bodies, parameters) and what responses return. */
function operationSchemas(model: GatewayModel): { requests: Schema[]; responses: Schema[] } {
  const requests: Schema[] = [];
  const responses: Schema[] = [];
  for (const op of model.operations) {
    for (const p of op.parameters) if (p.schema) requests.push(p.schema);
    for (const c of op.requestBody?.content ?? []) if (c.schema) requests.push(c.schema);
    for (const r of op.responses) for (const c of r.content) if (c.schema) responses.push(c.schema);
  }
  return { requests, responses };
}

/**
 * Walks every component, the operations' schemas, and every target inside a component that a `$ref` reaches
 * (from a component or from an operation).
 */
export function analyse(model: GatewayModel, targets: Targets): Analysis {
  const list = targets.componentTargets();
  const seen = new Set(list.map((t) => t.key));
  const edges = new Map<string, Set<string>>();
  const flagged = new Set<string>();
  const resolveInto = (into: Set<string>) => (ref: string) => {
    const target = targets.resolve(ref);
    if (!target) return;
    into.add(target.key);
    if (!seen.has(target.key)) {
      seen.add(target.key);
      list.push(target);
    }
  };
  /** Walks the targets of `list` not walked yet, including those their walks add. */
  const walkTargets = () => {
    for (let i = 0; i < list.length; i++) {
      const target = list[i] as Target;
      if (edges.has(target.key)) continue;
      const out = new Set<string>();
      edges.set(target.key, out);
      walk(target.schema, { targets, onRef: resolveInto(out), onFlag: () => flagged.add(target.key) });
    }
  };
  walkTargets();
  const roots = new Set<string>();
  const { requests, responses } = operationSchemas(model);
  const ignore = () => undefined;
  for (const schema of requests) walk(schema, { targets, onRef: resolveInto(roots), onFlag: ignore });
  for (const schema of responses) walk(schema, { targets, onRef: resolveInto(new Set()), onFlag: ignore });
  walkTargets();
  return { targets: list, writable: intersect(withVariants(edges, flagged), reachable(edges, roots)) };
}

/** `flagged` and every target that references one of them, transitively (over reversed edges). */
function withVariants(edges: ReadonlyMap<string, ReadonlySet<string>>, flagged: ReadonlySet<string>): Set<string> {
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of edges) {
    for (const to of tos) {
      const list = reverse.get(to);
      if (list) list.push(from);
      else reverse.set(to, [from]);
    }
  }
  return closure(flagged, (key) => reverse.get(key) ?? []);
}

function reachable(edges: ReadonlyMap<string, ReadonlySet<string>>, roots: ReadonlySet<string>): Set<string> {
  return closure(roots, (key) => edges.get(key) ?? []);
}

function closure(start: Iterable<string>, next: (key: string) => Iterable<string>): Set<string> {
  const done = new Set<string>(start);
  const stack = [...done];
  while (stack.length > 0) {
    for (const n of next(stack.pop() as string)) {
      if (!done.has(n)) {
        done.add(n);
        stack.push(n);
      }
    }
  }
  return done;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((k) => b.has(k)));
}
