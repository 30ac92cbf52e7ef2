/**
 * The Java values a mapping template works with, as the evaluator represents them in JavaScript.
 *
 * | Java (API Gateway)                         | here                                                         |
 * |--------------------------------------------|--------------------------------------------------------------|
 * | `null`                                     | `null`                                                       |
 * | `String`, `Character`                      | `string`                                                     |
 * | `Boolean`                                  | `boolean`                                                    |
 * | `Integer`, `Long`                          | `number` (a safe integer)                                    |
 * | `Long`, `BigInteger` past 2^53             | `bigint`                                                     |
 * | `Double`                                   | {@link JavaDouble}                                           |
 * | `LinkedHashMap` (map literals, JSON)       | `Map` (insertion order)                                      |
 * | `ArrayList` (list literals, ranges)        | an array                                                     |
 * | json-smart `JSONArray` (arrays from JSON)  | an array marked with {@link markList} `"json"`                |
 * | `Set` / `Collection` views of a map        | an array marked `"set"` / `"collection"`                     |
 * | `String[]` (from `split`)                  | an array marked `"array"`                                    |
 * | `Map.Entry`                                | {@link JavaEntry}                                            |
 *
 * JSON arrays are kept apart because they print as JSON (`["a","b"]`) where every other list prints like
 * `ArrayList.toString()` (`[a, b]`); see `vtl-and-emulators.md` §1.2.
 */

/** A Java `Double`: kept apart from integers because `5.0` prints `5.0` and division does not truncate. */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** A `Map.Entry` from `entrySet()`; `setValue` writes through to `owner`. */
export class JavaEntry {
  constructor(
    readonly key: unknown,
    public value: unknown,
    readonly owner: Map<unknown, unknown> | null = null,
  ) {}
}

/**
 * A map under `$context.requestOverride` / `$context.responseOverride`. It remembers which of its keys the template
 * assigned, because API Gateway answers 5XX when a template sets the same override twice
 * (`apigateway-override-request-response-parameters.html`); `counts` says which keys are overrides.
 */
export class OverrideMap extends Map<unknown, unknown> {
  readonly assigned = new Set<unknown>();
  constructor(
    readonly label: string,
    readonly counts: (key: unknown) => boolean = () => true,
  ) {
    super();
  }
}

/**
 * The kind of Java collection an array stands for: `list` an `ArrayList`, `json` a json-smart `JSONArray`, `set` a
 * `keySet()`/`entrySet()` view, `collection` a `values()` view, `array` a Java array (`String[]`).
 */
export type ListKind = "list" | "json" | "set" | "collection" | "array";

const listKinds = new WeakMap<unknown[], ListKind>();

/** Marks `items` as a collection of `kind` and returns it. */
export function markList<T extends unknown[]>(items: T, kind: ListKind): T {
  if (kind !== "list") listKinds.set(items, kind);
  return items;
}

const viewOwners = new WeakMap<unknown[], Map<unknown, unknown>>();

/** Marks `items` as a view (`keySet()`, `values()`, `entrySet()`) of `owner`, and returns it. */
export function markView<T extends unknown[]>(items: T, kind: "set" | "collection", owner: Map<unknown, unknown>): T {
  viewOwners.set(items, owner);
  return markList(items, kind);
}

/** The map `items` is a view of, if it is one. */
export function viewOwner(items: unknown[]): Map<unknown, unknown> | undefined {
  return viewOwners.get(items);
}

/** The kind of collection `items` stands for (`list` unless marked). */
export function listKind(items: unknown[]): ListKind {
  return listKinds.get(items) ?? "list";
}

/**
 * An object API Gateway puts in the template context (`$input`, `$util`): properties and methods of its own.
 * `invoke` answers {@link NO_METHOD} for a method it does not have (Velocity then yields null).
 */
export interface HostObject {
  /** How the object prints when a template renders it directly. */
  readonly printed: string;
  property(name: string): unknown;
  invoke(name: string, args: readonly unknown[]): unknown;
}

/** What a method lookup answers when the target has no method of that name taking those arguments. */
export const NO_METHOD: unique symbol = Symbol("no-method");

/** The `$foreach` scope of a running `#foreach`. */
export class ForeachScope {
  constructor(
    readonly index: number,
    readonly size: number,
    readonly parent: ForeachScope | null,
  ) {}
  get count(): number {
    return this.index + 1;
  }
  get hasNext(): boolean {
    return this.index + 1 < this.size;
  }
}

/** True for `$input`, `$util` and other {@link HostObject}s. */
export function isHostObject(value: unknown): value is HostObject {
  return typeof value === "object" && value !== null && typeof (value as Partial<HostObject>).invoke === "function" && "printed" in value;
}

/** True for Java numbers: integers (`number`, `bigint`) and doubles. */
export function isJavaNumber(value: unknown): value is number | bigint | JavaDouble {
  return typeof value === "number" || typeof value === "bigint" || value instanceof JavaDouble;
}

/** True for Java integers (`Integer`, `Long`, `BigInteger`). */
export function isJavaInteger(value: unknown): value is number | bigint {
  return typeof value === "number" || typeof value === "bigint";
}

/** A Java `int` argument: an integer within 32 bits. */
export function isJavaInt(value: unknown): value is number {
  return typeof value === "number" && value >= -2147483648 && value <= 2147483647;
}

/** An integer value from a `bigint`: a `number` when it is safe, else the `bigint`. */
export function integer(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
