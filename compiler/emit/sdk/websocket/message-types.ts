/**
 * The types of the WebSocket messages, through the HTTP SDK's schema machinery (../types/): a schema that is only a
 * `$ref` to a component is that component's type in `types.ts` (its request variant in a client message, as in a
 * request body), so one schema has one name in the whole package; any other schema is declared in
 * `websocket.ts`, built by the same {@link SchemaTypeBuilder} and named after its route or server message
 * (`ReportMessageMessage`, `PingReply`, `NewMessageServerMessage`), claimed from the allocator that named the types.
 * A `$ref` into a component (not to it) that `types.ts` does not declare on its own is `unknown`.
 */
import { ts } from "ts-morph";
import type { GatewayModel, Schema } from "../../../model/types.js";
import { statementOf, type TargetNames } from "../types/declarations.js";
import { schemaDoc } from "../types/jsdoc.js";
import { typeName, type NameAllocator } from "../types/names.js";
import { newScope, SchemaTypeBuilder, type Direction } from "../types/schema-type.js";
import { Targets } from "../types/targets.js";
import { pureRef } from "./plan.js";

/** Type names of message schemas, and the declarations and imports they need. */
export class MessageTypes {
  private readonly targets: Targets;
  private readonly builder: SchemaTypeBuilder;
  private readonly imported = new Set<string>();
  private readonly declared: ts.Statement[] = [];
  private readonly local = new Set<string>();
  private readonly cache = new Map<Schema, Map<Direction, string>>();

  constructor(
    model: GatewayModel,
    private readonly schemas: ReadonlyMap<string, TargetNames>,
    private readonly names: NameAllocator,
  ) {
    this.targets = new Targets(model);
    this.builder = new SchemaTypeBuilder(this.targets, (target, direction) => {
      const n = target.path.length === 0 ? this.schemas.get(target.component) : undefined;
      if (!n) return "unknown";
      const name = direction === "write" ? n.write : n.read;
      this.imported.add(name);
      return name;
    });
  }

  /** The type of `schema` (a declared name, or `unknown`); an inline schema is declared as `words` (PascalCase). */
  typeOf(schema: Schema, direction: Direction, words: string): string {
    const known = this.cache.get(schema)?.get(direction);
    if (known !== undefined) return known;
    const name = this.nameOf(schema, direction, words);
    const byDirection = this.cache.get(schema) ?? new Map<Direction, string>();
    this.cache.set(schema, byDirection.set(direction, name));
    return name;
  }

  private nameOf(schema: Schema, direction: Direction, words: string): string {
    const ref = pureRef(schema);
    const target = ref === undefined ? undefined : this.targets.resolve(ref);
    const n = target && target.path.length === 0 ? this.schemas.get(target.component) : undefined;
    if (n) {
      const name = direction === "write" ? n.write : n.read;
      this.imported.add(name);
      return name;
    }
    if (ref !== undefined) return "unknown";
    const name = this.names.claim(typeName(words, "Message"));
    this.local.add(name);
    this.declared.push(statementOf({ name, doc: schemaDoc(schema), node: this.builder.root(schema, newScope(direction)) }));
    return name;
  }

  /** Names to import from `types.ts`, sorted. */
  imports(): string[] {
    return [...this.imported].sort();
  }

  /** Whether `websocket.ts` declares `name`. */
  declares(name: string): boolean {
    return this.local.has(name);
  }

  /** The declarations of inline schemas, in the order they were asked for. */
  declarations(): readonly ts.Statement[] {
    return this.declared;
  }
}
