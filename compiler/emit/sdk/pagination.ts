/**
 * Which operations page, read from the spec's shape alone (OpenAPI has no pagination keyword). The rules are
 * conservative: an operation that matches none gets no page iterator, and one that matches gets the runtime's
 * `pages` (templates/sdk/runtime.ts), which stops at the first page that gives no way on.
 *
 * An operation pages when it is a `GET`, its first 2xx status has a JSON body whose items are an array (the body
 * itself, or the only array property of an object body; `$ref`s and `allOf` are followed one level per step), and
 * its query parameters say how to ask for the next page:
 *
 * - `page` (integer) with a page size (`per_page`, `page_size`, `pageSize` or `limit`): pages `1, 2, …`; when the
 *   response carries a `Link` header (RFC 8288, as GitHub sends), its `rel="next"` URL gives the next page and
 *   its absence ends; otherwise the pages go on until one is empty or shorter than the page size asked for.
 * - `offset` with `limit`: the offset grows by the number of items, until a page is empty or shorter than `limit`.
 * - a cursor parameter (`cursor`, `page_token`, `pageToken`, `next_token`, `nextToken`, `continuation_token`, or a
 *   string `page`) and a string property of the body that holds the next one (`next`, `next_cursor`,
 *   `nextCursor`, `next_page`, `next_page_token`, `nextPageToken`, `next_token`, `nextToken`): the pages go on
 *   while it is neither absent, null nor empty (Stripe's search, the pets sample).
 * - `starting_after` or `after`, and a boolean `has_more` in the body: the next page starts after the body's
 *   `last_id` when it has one, else after the last item's `id`, while `has_more` is true (Stripe's and OpenAI's
 *   lists).
 */
import type { Operation, Parameter } from "../../model/types.js";
import { chooseBody } from "./request.js";
import type { Targets } from "./types/targets.js";

/** How an operation pages: the runtime's `Paging` (templates/sdk/runtime.ts), as plain data. */
export interface Paging {
  /** The query parameter that asks for a page. */
  readonly param: string;
  readonly kind: "page" | "offset" | "cursor" | "after";
  /** The body's property that holds the items; absent when the body is the array. */
  readonly items?: string;
  /** The body's property that holds the next page's value (`cursor`), or the last item's id (`after`: `last_id`). */
  readonly next?: string;
  /** The body's boolean property that says whether more pages follow (`after`). */
  readonly more?: string;
  /** The query parameter of the page size (`page`, `offset`). */
  readonly size?: string;
}

const PAGE_SIZES = ["per_page", "page_size", "pageSize", "limit"];
const CURSORS = ["cursor", "page_token", "pageToken", "next_token", "nextToken", "continuation_token"];
const NEXT_FIELDS = ["next", "next_cursor", "nextCursor", "next_page", "next_page_token", "nextPageToken", "next_token", "nextToken"];
const AFTER = ["starting_after", "after"];

type Node = Readonly<Record<string, unknown>>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether `schema` says `type: name` (3.0) or lists it among its types (3.1), or only `nullable`/`null` beside it. */
function hasType(schema: Node, name: string): boolean {
  const type = schema["type"];
  if (type === name) return true;
  return Array.isArray(type) && type.includes(name) && type.every((t) => t === name || t === "null");
}

/** How to look through a schema: its `$ref`s resolved, its `allOf` members' properties merged. */
class Shapes {
  constructor(private readonly targets: Targets) {}

  /** `schema`, through its `$ref`s (at most 8, so a cycle of references ends). */
  deref(schema: unknown): Node | undefined {
    let node = schema;
    for (let hops = 0; hops < 8 && isNode(node) && typeof node["$ref"] === "string"; hops++) node = this.targets.resolve(node["$ref"])?.schema;
    return isNode(node) && typeof node["$ref"] !== "string" ? node : undefined;
  }

  /** The properties of an object schema and of its `allOf` members, resolved; the first declaration of a name wins. */
  properties(schema: Node): Map<string, Node> {
    const out = new Map<string, Node>();
    const add = (node: Node | undefined, depth: number) => {
      if (!node || depth > 4) return;
      const props = node["properties"];
      if (isNode(props)) {
        for (const [name, value] of Object.entries(props)) {
          const p = out.has(name) ? undefined : this.deref(value);
          if (p) out.set(name, p);
        }
      }
      const all = node["allOf"];
      if (Array.isArray(all)) for (const member of all) add(this.deref(member), depth + 1);
    };
    add(schema, 0);
    return out;
  }
}

function queryParam(op: Operation, names: readonly string[], test: (p: Parameter) => boolean = () => true): Parameter | undefined {
  for (const name of names) {
    const found = op.parameters.find((p) => p.in === "query" && p.name === name && test(p));
    if (found) return found;
  }
  return undefined;
}

const typed = (name: string, shapes: Shapes) => (p: Parameter) => {
  const schema = shapes.deref(p.schema);
  return schema !== undefined && hasType(schema, name);
};

/** How `op` pages (see the module comment); undefined when its shape does not show it. */
export function pagingOf(op: Operation, targets: Targets): Paging | undefined {
  if (op.method !== "GET" || !op.parameters.some((p) => p.in === "query")) return undefined;
  const success = op.responses.find((r) => /^2\d\d$/.test(r.status));
  const media = success ? chooseBody(success.content) : undefined;
  if (!media || media.encoder !== "json") return undefined;
  const shapes = new Shapes(targets);
  const body = shapes.deref(media.media.schema);
  if (!body) return undefined;
  let items: string | undefined;
  let props = new Map<string, Node>();
  if (!hasType(body, "array")) {
    props = shapes.properties(body);
    const arrays = [...props].filter(([, p]) => hasType(p, "array"));
    if (arrays.length !== 1) return undefined;
    items = (arrays[0] as [string, Node])[0];
  }
  const withItems = <T extends object>(paging: T): T & { items?: string } => (items === undefined ? paging : { ...paging, items });
  const size = queryParam(op, PAGE_SIZES);
  const page = queryParam(op, ["page"], (p) => typed("integer", shapes)(p) || typed("number", shapes)(p));
  if (page && size) return withItems({ param: page.name, kind: "page" as const, size: size.name });
  const offset = queryParam(op, ["offset"]);
  const limit = queryParam(op, ["limit"]);
  if (offset && limit) return withItems({ param: offset.name, kind: "offset" as const, size: limit.name });
  if (items === undefined) return undefined;
  const cursor = queryParam(op, CURSORS) ?? queryParam(op, ["page"], typed("string", shapes));
  const next = NEXT_FIELDS.find((name) => {
    const p = props.get(name);
    return p !== undefined && hasType(p, "string");
  });
  if (cursor && next) return { param: cursor.name, kind: "cursor", items, next };
  const after = queryParam(op, AFTER);
  const more = props.get("has_more");
  if (after && more && hasType(more, "boolean")) {
    const last = props.get("last_id");
    return { param: after.name, kind: "after", items, ...(last && hasType(last, "string") ? { next: "last_id" } : {}), more: "has_more" };
  }
  return undefined;
}
