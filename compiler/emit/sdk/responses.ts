/**
 * The result and error types of an operation, from its Responses Object (OpenAPI 3.x §4.8.16): each a union
 * discriminated by `status`, so that checking the status narrows the body.
 *
 * - Result: `ApiResponse<200, Pet> | …` for each declared 2xx status; a `2XX` range covers the 2xx statuses not
 *   declared one by one (`Exclude<Status2XX, 200>`). Without any, `default` is the result; without that either,
 *   `ApiResponse<Status2XX, unknown>`.
 * - Error: `ApiError<404, NotFound> | …` for each declared 3xx–5xx status and range, and one member for every
 *   other status: `default`'s body, else `unknown` (`ApiError<Status3XX | Exclude<Status4XX, 404> | Status5XX,
 *   unknown>`; `ErrorStatus` when nothing is declared). Statuses are
 *   literal types, never `number`, so a member for the other statuses never swallows a declared one.
 * - The body of a status is the union of its media types' types, `undefined` when it has no content.
 * - The headers a response declares (§4.8.17, `Content-Type` aside, which the spec says to ignore) become the
 *   member's third argument, their lower-case names (`ApiResponse<201, Pet, "location">`), so `headers` is typed
 *   for them; a member without declared headers keeps the default (any name).
 */
import type { Operation, Response } from "../../model/types.js";
import type { OperationTypes, TypeRef } from "./types/index.js";

/** One response status of an operation: a code, a range (`4XX`) or `default`. */
type Status = { readonly kind: "code"; readonly code: number } | { readonly kind: "range"; readonly digit: number } | { readonly kind: "default" };

function parseStatus(status: string): Status | undefined {
  if (/^[1-5][0-9][0-9]$/.test(status)) return { kind: "code", code: Number(status) };
  if (/^[1-5]XX$/i.test(status)) return { kind: "range", digit: Number(status[0]) };
  return status === "default" ? { kind: "default" } : undefined;
}

const refText = (ref: TypeRef): string => (ref.kind === "declared" ? ref.name : ref.text);

/** `, "location" | "x-rate-limit"`: the names of the headers `response` declares, lower case and sorted; "" for none. */
function headerNames(response: Response): string {
  const names = [...new Set(response.headers.map((h) => h.name.toLowerCase()).filter((n) => n !== "content-type"))].sort();
  return names.length === 0 ? "" : `, ${names.map((n) => JSON.stringify(n)).join(" | ")}`;
}

/** The member texts of an operation's result and error unions, and the names they use. */
export interface ResponseTypes {
  readonly result: readonly string[];
  readonly error: readonly string[];
  /** Runtime types the members use (`ApiResponse`, `Status4XX`, …), imported by name into `operations.ts`. */
  readonly runtimeTypes: ReadonlySet<string>;
  /** Declarations of `types.ts` the members use. */
  readonly declared: ReadonlySet<string>;
}

/** The result and error members of `op`, whose types are `types`. */
export function responseTypes(op: Operation, types: OperationTypes): ResponseTypes {
  const runtimeTypes = new Set<string>();
  const use = (name: string): string => {
    runtimeTypes.add(name);
    return name;
  };
  /** `Exclude<a | b, 404 | 409>`, or `a | b` when nothing is excluded. */
  const statuses = (bases: readonly string[], codes: readonly number[]): string => {
    const base = bases.map(use).join(" | ");
    return codes.length === 0 ? base : `Exclude<${base}, ${codes.join(" | ")}>`;
  };
  const bodies = new Map<string, string[]>();
  for (const r of types.responses) bodies.set(r.status, [...(bodies.get(r.status) ?? []), refText(r.type)]);
  const bodyOf = (status: string): string => {
    const texts = [...new Set(bodies.get(status) ?? [])];
    if (texts.length === 0) return op.responses.find((r) => r.status === status)?.content.length ? "unknown" : "undefined";
    return texts.join(" | ");
  };
  // The type arguments after the status: the body, and the declared headers' names when there are.
  const codes: { code: number; args: string }[] = [];
  const ranges: { digit: number; args: string }[] = [];
  let fallback: string | undefined;
  for (const response of op.responses) {
    const status = parseStatus(response.status);
    const args = bodyOf(response.status) + headerNames(response);
    if (status?.kind === "code" && status.code >= 200) codes.push({ code: status.code, args });
    else if (status?.kind === "range" && status.digit >= 2) ranges.push({ digit: status.digit, args });
    else if (status?.kind === "default") fallback = args;
  }
  codes.sort((a, b) => a.code - b.code);
  const codesIn = (digit: number) => codes.filter((c) => Math.floor(c.code / 100) === digit).map((c) => c.code);
  const ok = (status: string, args: string) => `${use("ApiResponse")}<${status}, ${args}>`;
  const fail = (status: string, args: string) => `${use("ApiError")}<${status}, ${args}>`;
  const successRange = ranges.find((r) => r.digit === 2);
  const result = [
    ...codes.filter((c) => c.code < 300).map((c) => ok(String(c.code), c.args)),
    ...(successRange ? [ok(statuses(["Status2XX"], codesIn(2)), successRange.args)] : []),
  ];
  if (result.length === 0) result.push(ok(statuses(["Status2XX"], []), fallback ?? "unknown"));
  const error = [
    ...codes.filter((c) => c.code >= 300).map((c) => fail(String(c.code), c.args)),
    ...ranges.filter((r) => r.digit > 2).map((r) => fail(statuses([`Status${r.digit}XX`], codesIn(r.digit)), r.args)),
  ];
  const open = [3, 4, 5].filter((digit) => !ranges.some((r) => r.digit === digit));
  if (open.length === 3 && open.every((d) => codesIn(d).length === 0)) error.push(fail(statuses(["ErrorStatus"], []), fallback ?? "unknown"));
  else if (open.length > 0) {
    // Excluded class by class: TypeScript then distributes over 100 literals, not all 300 of ErrorStatus.
    error.push(fail(open.map((d) => statuses([`Status${d}XX`], codesIn(d))).join(" | "), fallback ?? "unknown"));
  }
  const declared = new Set(types.responses.flatMap((r) => (r.type.kind === "declared" ? [r.type.name] : [])));
  return { result, error, runtimeTypes, declared };
}
