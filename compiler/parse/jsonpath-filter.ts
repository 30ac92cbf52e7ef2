/**
 * Evaluation of JSONPath filter expressions (`?@.name == 'x'`) through `jsonpath-plus`'s safe evaluator, which
 * interprets the expression itself: no `eval`, no `Function`, no access to the host.
 */
import { JSONPath } from "jsonpath-plus";

/** Success with a value, or failure with a reason. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * The pointers (relative to `container`, such as `/0` or `/name`) of the children of `container` for which
 * `expression` holds. A child on which the expression fails at run time (a missing member) is not selected; an
 * expression that does not parse is a failure.
 */
export function runFilter(expression: string, container: object): Result<readonly string[]> {
  try {
    const pointers = JSONPath({ path: `$[?(${expression})]`, json: container, resultType: "pointer", wrap: true, eval: "safe", ignoreEvalErrors: true });
    return { ok: true, value: (pointers ?? []) as string[] };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
