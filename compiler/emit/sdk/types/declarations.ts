/**
 * The declarations of the schemas' types: one per target (component schema, or a node inside one that a `$ref`
 * reaches), plus its writable variant when it has one (./analysis.ts), and the statements they print as.
 *
 * Names: components whose name already is the identifier (`Pet`) are claimed first, then the other components
 * (`simple-user` → `SimpleUser`), then targets inside components (`Pet/$defs/Tag` → `PetDefsTag`), then writable
 * variants (`PetWritable`); each group in model order. A pure object type is declared as an `interface`, anything
 * else as a `type` alias.
 *
 * Cycles: aliases that reference each other at eagerly resolved positions (`A = B & {…}`, `B = A | C`) make
 * TypeScript report "circularly references itself". The classic case is a discriminated parent whose `oneOf`
 * lists children that extend it through `allOf`; there, each child's `allOf` reference to the parent is replaced
 * by the parent's own schema without its `oneOf`/`anyOf` (what the child really inherits). In cycles that remain
 * (unions of each other, a schema in its own `allOf`), the backward references are cut: `never` in a union (a
 * union member that is the union itself adds nothing), `unknown` elsewhere.
 */
import { ts } from "ts-morph";
import type { Analysis } from "./analysis.js";
import { cyclicGroups } from "./cycles.js";
import { schemaDoc, withDoc, type Doc } from "./jsdoc.js";
import { NameAllocator, typeName } from "./names.js";
import { newScope, type Direction, type SchemaTypeBuilder } from "./schema-type.js";
import type { Target } from "./targets.js";

const f = ts.factory;

/** One exported type of `types.ts`. */
export interface Declaration {
  readonly name: string;
  readonly doc: Doc;
  readonly node: ts.TypeNode;
}

/** The declared names of a target: `read` for responses, `write` for requests (the same when it has no variant). */
export interface TargetNames {
  readonly read: string;
  readonly write: string;
}

/** Claims the names of every target (see the module comment for the order). */
export function nameTargets(analysis: Analysis, names: NameAllocator): Map<string, TargetNames> {
  const read = new Map<string, string>();
  const components = analysis.targets.filter((t) => t.path.length === 0);
  for (const t of components) if (typeName(t.component, "Schema") === t.component) read.set(t.key, names.claim(t.component));
  for (const t of components) if (!read.has(t.key)) read.set(t.key, names.claim(typeName(t.component, "Schema")));
  for (const t of analysis.targets) if (!read.has(t.key)) read.set(t.key, names.claim(typeName([t.component, ...t.path].join(" "), "Schema")));
  const out = new Map<string, TargetNames>();
  for (const t of analysis.targets) {
    const name = read.get(t.key) as string;
    out.set(t.key, { read: name, write: analysis.writable.has(t.key) ? names.claim(`${name}Writable`) : name });
  }
  return out;
}

interface Pending {
  readonly target: Target;
  readonly direction: Direction;
  readonly name: string;
  readonly node: ts.TypeNode;
  readonly direct: ReadonlySet<string>;
  readonly inlineBases: ReadonlySet<string>;
  readonly cut: ReadonlySet<string>;
}

/** Builds the declarations of every target, with cycles broken; in target order, each writable variant after its target. */
export function targetDeclarations(analysis: Analysis, names: ReadonlyMap<string, TargetNames>, builder: SchemaTypeBuilder): Declaration[] {
  const pending: Pending[] = [];
  const none: ReadonlySet<string> = new Set();
  for (const target of analysis.targets) {
    const { read, write } = names.get(target.key) as TargetNames;
    pending.push(build(builder, { target, direction: "read", name: read, inlineBases: none, cut: none }));
    if (write !== read) pending.push(build(builder, { target, direction: "write", name: write, inlineBases: none, cut: none }));
  }
  breakCycles(pending, builder);
  return pending.map((p) => ({ name: p.name, doc: schemaDoc(p.target.schema), node: p.node }));
}

function build(builder: SchemaTypeBuilder, input: Omit<Pending, "node" | "direct">): Pending {
  const scope = newScope(input.direction, input.target, input.inlineBases, input.cut);
  const node = builder.root(input.target.schema, scope);
  // An interface resolves its members lazily: it never takes part in an alias cycle.
  return { ...input, node, direct: ts.isTypeLiteralNode(node) ? new Set() : scope.direct };
}

/** Most rounds of cycle breaking; each one only grows the sets, and a cutting round leaves no cycle in a group. */
const MAX_ROUNDS = 8;

/**
 * Rebuilds the declarations on alias cycles until none is left. The first round inlines `allOf` parents inside
 * each cycle; later rounds cut, in each declaration of a cycle, the references to itself and to the declarations
 * of the cycle that come before it (in declaration order): what remains only points forward, so no cycle is left.
 */
function breakCycles(pending: Pending[], builder: SchemaTypeBuilder): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const groups = cyclicGroups(new Map(pending.map((p) => [p.name, p.direct])));
    if (groups.length === 0) return;
    const byName = new Map(pending.map((p, i) => [p.name, i]));
    for (const group of groups) {
      const ordered = group.map((name) => byName.get(name) as number).sort((a, b) => a - b);
      ordered.forEach((i, k) => {
        const p = pending[i] as Pending;
        const inlineBases = new Set([...p.inlineBases, ...group]);
        const cut = round === 0 ? p.cut : new Set([...p.cut, ...ordered.slice(0, k + 1).map((j) => (pending[j] as Pending).name)]);
        pending[i] = build(builder, { target: p.target, direction: p.direction, name: p.name, inlineBases, cut });
      });
    }
  }
  throw new Error("Type alias cycles remain after cutting every backward reference inside them (a compiler bug).");
}

/** The `export interface` or `export type` statement of `declaration`, with its doc comment. */
export function statementOf(declaration: Declaration): ts.Statement {
  const modifiers = [f.createModifier(ts.SyntaxKind.ExportKeyword)];
  const { name, node } = declaration;
  const statement = ts.isTypeLiteralNode(node)
    ? f.createInterfaceDeclaration(modifiers, name, undefined, undefined, node.members)
    : f.createTypeAliasDeclaration(modifiers, name, undefined, node);
  return withDoc(statement, declaration.doc);
}
