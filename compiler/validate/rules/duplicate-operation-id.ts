/**
 * Unique operation ids.
 *
 * Operation ids must be unique, and must stay unique once they become SDK method names (`toIdentifier` of
 * model/names.ts: `get-user` and `getUser` both give `getUser`) and generated file names (which case-insensitive
 * file systems compare without case).
 * Source: OpenAPI 3.1 §4.8.10 Operation Object, `operationId` ("MUST be unique among all operations").
 */
import { toIdentifier } from "../../model/names.js";
import type { Operation } from "../../model/types.js";
import { child } from "../origins.js";
import type { Rule } from "../rule.js";

const caseClash = (first: Operation): string =>
  `differs from ${first.id} only in letter case; their generated files would collide on case-insensitive ` +
  "file systems (macOS, Windows)";

/** The ways two ids clash, most specific first: what each compares, and how the message says it. */
const VIEWS: readonly { key(id: string): string; clash(id: string, first: Operation): string }[] = [
  { key: (id) => id, clash: () => "is used more than once" },
  { key: (id) => id.toLowerCase(), clash: (_, first) => caseClash(first) },
  { key: toIdentifier, clash: (id, first) => `becomes the identifier ${toIdentifier(id)}, as ${first.id} does` },
  { key: (id) => toIdentifier(id).toLowerCase(), clash: (_, first) => caseClash(first) },
];

/**
 * Reports each later operation whose id clashes with an earlier one in one of the {@link VIEWS} (the first that
 * applies). Written ids come first, so a clash with a derived id (the lowering derives `getPetsById` from
 * `GET /pets/{id}` without looking at other ids) is reported on the operation without an `operationId`, at its
 * method key: writing one is the fix.
 */
export const duplicateOperationId: Rule = {
  name: "duplicate-operation-id",
  codes: ["duplicate-operation-id"],
  check(model, report) {
    const views = VIEWS.map((view) => ({ ...view, seen: new Map<string, Operation>() }));
    const written = model.operations.filter((op) => !op.idDerived);
    const derived = model.operations.filter((op) => op.idDerived);
    for (const op of [...written, ...derived]) {
      let found: { first: Operation; clash: string } | undefined;
      for (const view of views) {
        const key = view.key(op.id);
        const first = view.seen.get(key);
        if (!first) view.seen.set(key, op);
        else found ??= { first, clash: view.clash(op.id, first) };
      }
      if (!found) continue;
      const { first, clash } = found;
      const id = op.idDerived ? `${op.id} (derived from ${op.method} ${op.path}; add an operationId)` : op.id;
      report({
        code: "duplicate-operation-id",
        args: { id, clash, other: `${first.method} ${first.path}` },
        ...(op.idDerived ? { origin: op.origin, part: "key" as const } : { origin: child(op.origin, "operationId") }),
        related: [first.idDerived ? first.origin : child(first.origin, "operationId")],
      });
    }
  },
};
