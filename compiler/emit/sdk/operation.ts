/**
 * One operation in `operations.ts`: its parameters type, its result and error unions, and its function, which
 * hands the runtime a description of the operation as data:
 *
 * ```ts
 * export function getPet(params: GetPetParams, options?: Options): ApiPromise<GetPetResult, GetPetError> {
 *     return $runtime.request($api, { id: "getPet", method: "GET", path: "/pets/{petId}", security: [["users"]] as const }, params, options);
 * }
 * ```
 * The function's doc comment is the operation's summary and description, its method and path, and `@deprecated`.
 */
import { ts } from "ts-morph";
import type { Operation } from "../../model/types.js";
import type { OperationNames, PackageNames } from "./names.js";
import type { RequestShape } from "./request.js";
import type { ResponseTypes } from "./responses.js";
import { constLiteral, EXPORT, generic, stringLiteral, typeText, unionOfTexts } from "./ts.js";
import { statementOf } from "./types/declarations.js";
import { withDoc, type Doc } from "./types/jsdoc.js";

const f = ts.factory;

/** The doc comment of an operation's function (and of its client method). */
export function operationDoc(op: Operation): Doc {
  const parts = [op.summary, op.description].filter((t): t is string => t !== undefined && t.trim() !== "");
  // Backticks in a path would end the code span early; a path with them is shown without one.
  const route = op.path.includes("`") ? `${op.method} ${op.path}` : `\`${op.method} ${op.path}\``;
  return { description: [...parts, route].join("\n\n"), ...(op.deprecated ? { deprecated: true } : {}) };
}

/** What building one operation needs. */
export interface OperationInput {
  readonly op: Operation;
  readonly names: OperationNames;
  readonly pkg: PackageNames;
  readonly request: RequestShape;
  readonly responses: ResponseTypes;
  readonly security: readonly (readonly string[])[] | undefined;
}

/** The statements of one operation: params type, result type, error type, function. */
export function operationStatements(input: OperationInput): ts.Statement[] {
  const { names, request, responses } = input;
  const paramsDoc: Doc = { description: `Parameters of ${names.fn}, by location${request.hasBody ? ", and its request body" : ""}.` };
  const resultDoc: Doc = { description: `What ${names.fn} resolves with, by status.` };
  const errorDoc: Doc = { description: `What ${names.fn} rejects with when the status is not 2xx (see settle() to get it as a value).` };
  return [
    statementOf({ name: names.params, doc: paramsDoc, node: request.params }),
    withDoc(f.createTypeAliasDeclaration(EXPORT, names.result, undefined, unionOfTexts(responses.result, "never")), resultDoc),
    withDoc(f.createTypeAliasDeclaration(EXPORT, names.error, undefined, unionOfTexts(responses.error, "never")), errorDoc),
    functionStatement(input),
  ];
}

function functionStatement({ op, names, pkg, request, security }: OperationInput): ts.Statement {
  const descriptor = f.createObjectLiteralExpression([
    f.createPropertyAssignment("id", stringLiteral(op.id)),
    f.createPropertyAssignment("method", stringLiteral(op.method)),
    f.createPropertyAssignment("path", stringLiteral(op.path)),
    ...request.descriptor,
    ...(security ? [f.createPropertyAssignment("security", constLiteral(security))] : []),
  ]);
  const call = f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier(pkg.runtime), "request"), undefined, [
    f.createIdentifier(pkg.api),
    descriptor,
    f.createIdentifier("params"),
    f.createIdentifier("options"),
  ]);
  const question = request.required ? undefined : f.createToken(ts.SyntaxKind.QuestionToken);
  const fn = f.createFunctionDeclaration(
    EXPORT,
    undefined,
    names.fn,
    undefined,
    [
      f.createParameterDeclaration(undefined, undefined, "params", question, typeText(names.params)),
      f.createParameterDeclaration(undefined, undefined, "options", f.createToken(ts.SyntaxKind.QuestionToken), typeText(pkg.options)),
    ],
    generic("ApiPromise", typeText(names.result), typeText(names.error)),
    f.createBlock([f.createReturnStatement(call)], true),
  );
  return withDoc(fn, operationDoc(op));
}
