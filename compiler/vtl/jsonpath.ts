/**
 * JSONPath for `$input.path(x)` and `$input.json(x)` with Jayway's result shapes (`vtl-and-emulators.md` §1.6): a
 * definite path (`$.a.b[0]`) selects one value, or nothing; an indefinite one (`..`, `*`, filters, unions,
 * slices) a json-smart `JSONArray` of every match, in document order; where Jayway finds nothing or refuses the
 * path before selecting, `jayway.ts` says so. Queries go through the project's checked
 * JSONPath layer (`parse/jsonpath.ts`): no script or function ever runs. Every call answers fresh values, as if the
 * payload were read again: a template that changes a map it got from `$input.path` does not change the payload.
 */
import { JSONPath } from "jsonpath-plus";
import { parseQuery, selectNodes } from "../parse/jsonpath.js";
import { parsePointer } from "../parse/pointer.js";
import { JavaException } from "./errors.js";
import { jaywayCheck } from "./jayway.js";
import { toPlain } from "./json.js";
import { listKind, markList } from "./values.js";

/** What a path selects: `found` false for a definite path that matches nothing. */
export type PathResult = { readonly found: true; readonly value: unknown } | { readonly found: false };

/** A parsed document with the plain copy the JSONPath library reads, made once. */
export class JsonDocument {
  private plain: unknown;
  private plainReady = false;
  constructor(readonly root: unknown) {}

  /** Evaluates `path` (which starts with `$`); throws a {@link JavaException} for a path that is not valid. */
  select(path: string): PathResult {
    const query = parseQuery(path);
    if (!query.ok) throw new JavaException(`com.jayway.jsonpath.InvalidPathException: ${query.reason} in ${JSON.stringify(path)}`);
    const check = jaywayCheck(this.root, path);
    if (check.kind === "invalid") throw new JavaException(`com.jayway.jsonpath.InvalidPathException: ${check.message}`);
    if (check.kind === "not-found") return { found: false };
    if (!this.plainReady) {
      this.plain = toPlain(this.root);
      this.plainReady = true;
    }
    const selected = selectNodes(this.plain, query.value);
    if (!selected.ok) throw new JavaException(`com.jayway.jsonpath.InvalidPathException: ${selected.reason} in ${JSON.stringify(path)}`);
    const values = selected.value.map((node) => this.at(node.pointer));
    if (!isDefinite(query.value)) return { found: true, value: markList(values, "json") };
    return values.length > 0 ? { found: true, value: values[0] } : { found: false };
  }

  /** The Java value at a pointer of the plain copy (the same shape as the typed tree). */
  private at(pointer: string): unknown {
    let node = this.root;
    for (const token of parsePointer(pointer) ?? []) {
      if (node instanceof Map) node = node.get(token);
      else if (Array.isArray(node)) node = node[Number(token)];
      else return null;
    }
    return copy(node ?? null);
  }
}

/** A deep copy of a parsed JSON value. */
function copy(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, copy(v)]));
  if (Array.isArray(value)) return markList(value.map(copy), listKind(value));
  return value;
}

/** Jayway's `isDefinite`: no deep scan, wildcard, filter, union or slice. */
function isDefinite(query: string): boolean {
  return JSONPath.toPathArray(query)
    .slice(1)
    .every((part) => part !== ".." && part !== "*" && !part.startsWith("?(") && !part.includes(",") && !part.includes(":"));
}
