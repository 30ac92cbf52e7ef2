/**
 * Reduces ajv's errors for `oneOf`/`anyOf` to the errors of the one alternative the author most likely meant.
 *
 * With `allErrors`, ajv reports every failing alternative's errors followed by "must match exactly one schema".
 * For `parameters: [{ name: a, in: body }]` under OpenAPI 3.0 that is a `required: $ref` from the Reference branch,
 * four `enum` errors from the four `in` alternatives and two combinator errors. Here each error is attributed to
 * the branches whose subschemas apply at its instance location (via {@link SchemaIndex}); the branch that fits
 * best wins:
 * 1. branches that do not fit at all rank last: wrong type at the combinator's location, or a Reference branch
 *    when the object has no `$ref` (and the other way round);
 * 2. then fewer errors at the combinator's own location, deeper errors, fewer errors, earlier branch.
 * Where the alternatives differ only in an allowed value, the values are merged (`in` must be one of path, query,
 * header, cookie), and where each alternative only requires a property, one "requires a or b" error remains.
 * `if` errors ("must match then schema") are dropped: the failing `then`/`else` errors say what is wrong.
 */
import type { ErrorObject } from "ajv";
import { parsePointer } from "./pointer.js";
import type { SchemaIndex } from "./schema-index.js";

/** Errors as ajv reported them (with `verbose`), reduced as described above. Order is kept. */
export function reduceBranches(errors: readonly ErrorObject[], index: SchemaIndex): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === "if") continue;
    if (e.keyword !== "oneOf" && e.keyword !== "anyOf") {
      out.push(e);
      continue;
    }
    let start = out.length;
    while (start > 0 && isWithin((out[start - 1] as ErrorObject).instancePath, e.instancePath)) start--;
    const block = out.splice(start);
    const branches: readonly unknown[] = Array.isArray(e.schema) ? e.schema : [];
    const groups: ErrorObject[][] = branches.map(() => []);
    const outside: ErrorObject[] = [];
    for (const b of block) {
      const rel = parsePointer(b.instancePath.slice(e.instancePath.length)) ?? [];
      let owned = false;
      branches.forEach((branch, i) => {
        if (branch !== null && typeof branch === "object" && index.schemasAt(branch, rel).has(b.parentSchema as object)) {
          (groups[i] as ErrorObject[]).push(b);
          owned = true;
        }
      });
      if (!owned) outside.push(b);
    }
    out.push(...outside, ...chooseBranch(e, groups, outside));
  }
  return out;
}

function isWithin(path: string, base: string): boolean {
  return path === base || path.startsWith(base + "/");
}

interface Ranked {
  readonly errors: readonly ErrorObject[];
  readonly index: number;
  readonly misfitByType: boolean;
  readonly misfit: boolean;
  readonly shallow: number;
  readonly depth: number;
}

function chooseBranch(e: ErrorObject, groups: readonly ErrorObject[][], outside: readonly ErrorObject[]): ErrorObject[] {
  const here = e.instancePath;
  const alsoHere = outside.some((o) => o.instancePath === here);
  // oneOf that several alternatives satisfy: nothing is wrong inside any of them.
  if (e.params["passingSchemas"]) return alsoHere ? [] : [e];
  const data = e.data;
  const hasRef = data !== null && typeof data === "object" && Object.hasOwn(data, "$ref");
  const ranked: Ranked[] = groups
    .map((errors, i) => {
      const atHere = errors.filter((x) => x.instancePath === here);
      const misfitByType = atHere.some((x) => x.keyword === "type");
      const misfit =
        misfitByType ||
        atHere.some((x) => x.keyword === "required" && x.params["missingProperty"] === "$ref" && !hasRef) ||
        atHere.some((x) => unknownName(x) === "$ref" && hasRef);
      const depth = Math.max(0, ...errors.map((x) => depthOf(x)));
      return { errors, index: i, misfitByType, misfit, shallow: atHere.length, depth };
    })
    .filter((r) => r.errors.length > 0)
    .sort(
      (a, b) =>
        Number(a.misfit) - Number(b.misfit) ||
        a.shallow - b.shallow ||
        b.depth - a.depth ||
        a.errors.length - b.errors.length ||
        a.index - b.index,
    );
  const best = ranked[0];
  if (!best) return alsoHere ? [] : [e];
  if (best.misfitByType && ranked.every((r) => r.misfitByType)) return [mergeTypes(ranked, here)];
  const fitting = ranked.filter((r) => r.misfit === best.misfit);
  if (fitting.length > 1 && fitting.every((r) => r.errors.every((x) => x.keyword === "required" && x.instancePath === here))) {
    return [mergeRequired(fitting)];
  }
  return best.errors.map((x) => (x.keyword === "enum" || x.keyword === "const" ? mergeAllowed(x, ranked) : x));
}

function unknownName(x: ErrorObject): unknown {
  return x.params["additionalProperty"] ?? x.params["unevaluatedProperty"];
}

/** How deep in the instance an error sits; an unknown key counts one level below its object. */
function depthOf(x: ErrorObject): number {
  const tokens = x.instancePath === "" ? 0 : x.instancePath.split("/").length - 1;
  return tokens + (unknownName(x) !== undefined ? 1 : 0);
}

function mergeTypes(ranked: readonly Ranked[], here: string): ErrorObject {
  const types: string[] = [];
  let first: ErrorObject | undefined;
  for (const r of ranked) {
    for (const x of r.errors) {
      if (x.keyword !== "type" || x.instancePath !== here) continue;
      first ??= x;
      const t = x.params["type"];
      for (const name of Array.isArray(t) ? t : String(t).split(",")) if (!types.includes(name)) types.push(name);
    }
  }
  const base = first as ErrorObject;
  return { ...base, params: { ...base.params, type: types } };
}

function mergeRequired(ranked: readonly Ranked[]): ErrorObject {
  const alternatives = [...ranked]
    .sort((a, b) => a.index - b.index)
    .map((r) => r.errors.map((x) => String(x.params["missingProperty"])).join(" and "));
  const base = (ranked[0] as Ranked).errors[0] as ErrorObject;
  return { ...base, params: { ...base.params, missingProperty: [...new Set(alternatives)].join(" or ") } };
}

function mergeAllowed(x: ErrorObject, ranked: readonly Ranked[]): ErrorObject {
  const values: unknown[] = [];
  const add = (v: unknown) => {
    if (!values.some((w) => JSON.stringify(w) === JSON.stringify(v))) values.push(v);
  };
  for (const r of [...ranked].sort((a, b) => a.index - b.index)) {
    for (const y of r.errors) {
      if (y.instancePath !== x.instancePath) continue;
      if (y.keyword === "enum") (y.params["allowedValues"] as unknown[]).forEach(add);
      if (y.keyword === "const") add(y.params["allowedValue"]);
    }
  }
  return { ...x, keyword: "enum", params: { allowedValues: values } };
}
