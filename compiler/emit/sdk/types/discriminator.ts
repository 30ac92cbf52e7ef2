/**
 * Discriminators (OpenAPI 3.x Discriminator Object): which tag value(s) a member schema of a `oneOf`/`anyOf`, or a
 * schema that extends a discriminated parent through `allOf`, is known by, so its type can narrow the tag property
 * to those literals.
 *
 * A mapping entry names its schema explicitly; without one, the value is the schema's component name (the
 * spec's implicit mapping). The implicit name is used only when the member declares the tag property without
 * literals of its own: real specs often pin the tag with `enum`/`const` instead of using their schema names
 * (OpenAI's `type: { enum: [file_citation] }` under `FileCitationBody`), and narrowing those to the name would
 * make the member `never`.
 */
import type { Target, Targets } from "./targets.js";
import { escapeToken } from "../../../parse/pointer.js";
import { compareStrings } from "../../../order.js";

/** A discriminator as the types use it: the tag property and the explicit values of each target. */
export interface Discriminator {
  readonly propertyName: string;
  /** Target key → the mapping values that name it, in mapping order. */
  readonly mapping: ReadonlyMap<string, readonly string[]>;
}

type Obj = Readonly<Record<string, unknown>>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The discriminator of `schema`, with its mapping resolved to targets; undefined when it has none. */
export function discriminatorOf(schema: Obj, targets: Targets): Discriminator | undefined {
  const raw = schema["discriminator"];
  if (!isObj(raw) || typeof raw["propertyName"] !== "string") return undefined;
  const mapping = new Map<string, string[]>();
  if (isObj(raw["mapping"])) {
    const entries = raw["mapping"];
    for (const value of Object.keys(entries).sort(compareStrings)) {
      const ref = entries[value];
      if (typeof ref !== "string") continue;
      const target = targets.resolve(ref.startsWith("#") ? ref : `#/components/schemas/${encodeURIComponent(escapeToken(ref))}`);
      if (!target) continue;
      const values = mapping.get(target.key);
      if (values) values.push(value);
      else mapping.set(target.key, [value]);
    }
  }
  return { propertyName: raw["propertyName"], mapping };
}

/** What a schema says about its tag property: the string literals it pins it to, or `open` (declared without). */
type TagShape = { readonly kind: "literals"; readonly values: readonly string[] } | { readonly kind: "open" };

/** Shapes found so far, by schema object and property name (`null`: not declared, or being looked at). */
const shapes = new WeakMap<object, Map<string, TagShape | null>>();

/**
 * What `schema` says about property `name`; undefined when it does not declare it at all. Looks through `$ref`s,
 * `allOf` members, and `oneOf`/`anyOf` members (literals only when every member pins them). Each schema is looked
 * at once per name, so shared and recursive schemas cost nothing more.
 */
function tagShape(schema: unknown, name: string, targets: Targets): TagShape | undefined {
  if (!isObj(schema)) return undefined;
  let byName = shapes.get(schema);
  if (!byName) shapes.set(schema, (byName = new Map()));
  const known = byName.get(name);
  if (known !== undefined) return known ?? undefined;
  byName.set(name, null);
  const shape = findTagShape(schema, name, targets);
  byName.set(name, shape ?? null);
  return shape;
}

function findTagShape(schema: Obj, name: string, targets: Targets): TagShape | undefined {
  if (typeof schema["$ref"] === "string") return tagShape(targets.resolve(schema["$ref"])?.schema, name, targets);
  const props = schema["properties"];
  if (isObj(props) && Object.hasOwn(props, name)) return propertyShape(props[name], targets);
  let open = false;
  for (const member of Array.isArray(schema["allOf"]) ? schema["allOf"] : []) {
    const shape = tagShape(member, name, targets);
    if (shape?.kind === "literals") return shape;
    open ||= shape !== undefined;
  }
  for (const key of ["oneOf", "anyOf"]) {
    const members = schema[key];
    if (!Array.isArray(members) || members.length === 0) continue;
    const found = members.map((m) => tagShape(m, name, targets));
    if (found.every((sh) => sh?.kind === "literals")) return { kind: "literals", values: found.flatMap((sh) => (sh?.kind === "literals" ? sh.values : [])) };
    open ||= found.some((sh) => sh !== undefined);
  }
  return open ? { kind: "open" } : undefined;
}

/** The shape of a property schema: its string literals (`enum`/`const`, through `$ref`s), else `open`. */
function propertyShape(schema: unknown, targets: Targets, depth = 0): TagShape {
  if (!isObj(schema) || depth > 4) return { kind: "open" };
  if (typeof schema["$ref"] === "string") return propertyShape(targets.resolve(schema["$ref"])?.schema, targets, depth + 1);
  if (typeof schema["const"] === "string") return { kind: "literals", values: [schema["const"]] };
  const values = schema["enum"];
  if (Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === "string")) return { kind: "literals", values };
  return { kind: "open" };
}

/** True for a schema that may describe an object (only objects carry a tag property). */
function isObjectLike(schema: unknown): boolean {
  if (!isObj(schema)) return false;
  const type = schema["type"];
  return type === undefined || type === "object" || (Array.isArray(type) && type.includes("object"));
}

/**
 * The tag values `member` is narrowed to in a union (or as a child of a discriminated parent) with `discriminator`;
 * undefined when no narrowing applies (`implicit` says whether the schema name may stand for the value).
 */
export function tagValues(discriminator: Discriminator, member: Target, targets: Targets, implicit: boolean): readonly string[] | undefined {
  if (!isObjectLike(member.schema)) return undefined;
  const own = tagShape(member.schema, discriminator.propertyName, targets);
  const explicit = discriminator.mapping.get(member.key);
  if (explicit) return own?.kind === "literals" && own.values.every((v) => explicit.includes(v)) ? undefined : explicit;
  if (!implicit || own?.kind !== "open" || member.path.length > 0) return undefined;
  return [member.component];
}
