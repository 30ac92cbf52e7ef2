/**
 * JSONPath conditions of error mappings (`errors[].when` starting with `$`, docs/x-gateway.md "Mappings"): a test
 * on the integration response that a response template runs, since API Gateway's selection patterns only see a
 * Lambda error message or the backend's status code.
 *
 * Grammar: `<path> <operator> <value>`, where `<path>` is a JSONPath of names and indexes (./mapping-leaves.ts),
 * `<operator>` is `==`, `!=`, `<`, `<=`, `>` or `>=`, and `<value>` is `null`, `true`, `false`, a decimal number, or
 * a string in single or double quotes (no escapes); `<`, `<=`, `>`, `>=` compare with a number. `== null` holds when
 * the name is absent or JSON null; the others compare the value as API Gateway's Velocity compares
 * (`$input.path(path) == value`: numbers by value, anything else by its text) and fail (`!=` holds) when it is
 * absent or null.
 */
import { hasLastName, parseResponsePath, responsePathLiteral } from "./mapping-leaves.js";
import { vtl, vtlString, type Vtl } from "./vtl.js";

/** A condition as the `mapping-response-errors` template runs it: `flag` starts `initial`, and is `!initial` when `present` and `test` hold. */
export interface ConditionCode {
  readonly initial: boolean;
  readonly present: Vtl;
  readonly test: Vtl;
}

const CONDITION = /^(\$\S*?)\s*(==|!=|>=|<=|>|<)\s*(.+?)\s*$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const QUOTED = /^'([^']*)'$|^"([^"]*)"$/;

/** True when `when` is written as a JSONPath condition rather than a selection pattern. */
export function isCondition(when: string): boolean {
  return when.startsWith("$");
}

/** The VTL literal of a condition's value, or undefined when it is none. */
function valueLiteral(text: string): Vtl | "null" | undefined {
  if (text === "null") return "null";
  if (text === "true" || text === "false" || NUMBER.test(text)) return vtl(text);
  const quoted = QUOTED.exec(text);
  return quoted === null ? undefined : vtlString(quoted[1] ?? quoted[2] ?? "");
}

/** The code of the condition `when`, or the reason it is not one. */
export function parseCondition(when: string): ConditionCode | { readonly invalid: string } {
  const match = CONDITION.exec(when);
  const path = match === null ? undefined : parseResponsePath(match[1] as string);
  if (match === null || path === undefined || path.length === 0) {
    return { invalid: "a JSONPath condition is <path> <operator> <value>, the path made of names and indexes ($.a.b, $.a[0].b) and the operator ==, !=, <, <=, > or >=" };
  }
  const operator = match[2] as string;
  const value = valueLiteral(match[3] as string);
  if (value === undefined) return { invalid: "the value compared with is null, true, false, a number or a quoted string" };
  const ordering = operator !== "==" && operator !== "!=";
  if (ordering && !NUMBER.test(match[3] as string)) return { invalid: `${operator} compares with a number` };
  const present = hasLastName(path);
  const notNull = vtl(`$input.json(${responsePathLiteral(path)}) != 'null'`);
  if (value === "null") return { initial: operator === "==", present, test: notNull };
  const compared = vtl(`${notNull} && $input.path(${responsePathLiteral(path)}) ${ordering ? operator : "=="} ${value}`);
  return { initial: operator === "!=", present, test: compared };
}
