/**
 * One operation in `operations.ts`: its parameters type, its result and error unions, and its function, which
 * hands the runtime a description of the operation as data:
 *
 * ```ts
 * export function getPet(params: GetPetParams, options?: Options): ApiPromise<GetPetResult, GetPetError> {
 *     return $runtime.request<GetPetResult, GetPetError>($api, { id: "getPet", method: "GET", path: "/pets/{petId}", … }, params, options);
 * }
 * ```
 * The function's doc comment is the operation's summary and description, its method and path, and `@deprecated`.
 * An operation that pages gets its page iterator after it: `listPetsPages(params, options)`, an async generator of
 * its results (`$runtime.pages<ListPetsParams, ListPetsResult, Options>(listPets, { param: "cursor", … }, …)`).
 */
import { ts } from "ts-morph";
import type { Operation } from "../../model/types.js";
import type { OperationNames, PackageNames } from "./names.js";
import type { Paging } from "./pagination.js";
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
  /** How it pages; with `names.pages`, a page iterator follows the function. */
  readonly paging: Paging | undefined;
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
    ...(input.paging && input.names.pages ? [pagesStatement(input, input.paging, input.names.pages)] : []),
  ];
}

/** The page iterator's return type: `AsyncGenerator<ListPetsResult, void, undefined>`. */
export function pagesType(result: string): ts.TypeNode {
  return generic("AsyncGenerator", typeText(result), f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword), f.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword));
}

/** The doc comment of a page iterator (and of its client method). */
export function pagesDoc(fn: string, paging: Paging): Doc {
  const how: Record<Paging["kind"], string> = {
    page: `page numbers in \`${paging.param}\` (or the \`Link\` header's \`rel="next"\`)`,
    offset: `\`${paging.param}\`, moved on by the items read`,
    cursor: `\`${paging.param}\` set from each page's \`${paging.next ?? ""}\``,
    after: `\`${paging.param}\` set from each page's ${paging.next ? `\`${paging.next}\`` : "last item's `id`"} while \`${paging.more ?? ""}\` is true`,
  };
  const items = paging.items === undefined ? "the body" : `\`body.${paging.items}\``;
  return {
    description: `The pages of ${fn}, one request each, as results of ${fn}: ${how[paging.kind]}. Ends after a page without items (${items}) or without a next one.`,
  };
}

/** `(params, options?)` of an operation's function and of its page iterator; `params` optional when nothing in it is required. */
function callParameters({ names, pkg, request }: Pick<OperationInput, "names" | "pkg" | "request">): ts.ParameterDeclaration[] {
  const optional = () => f.createToken(ts.SyntaxKind.QuestionToken);
  return [
    f.createParameterDeclaration(undefined, undefined, "params", request.required ? undefined : optional(), typeText(names.params)),
    f.createParameterDeclaration(undefined, undefined, "options", optional(), typeText(pkg.options)),
  ];
}

function pagesStatement({ names, pkg, request }: OperationInput, paging: Paging, name: string): ts.Statement {
  // Type arguments written out: inferring them from the function costs the user's compiler more (GitHub: 241 iterators).
  const typeArgs = [typeText(names.params), typeText(names.result), typeText(pkg.options)];
  const call = f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier(pkg.runtime), "pages"), typeArgs, [
    f.createIdentifier(names.fn),
    constLiteral(paging),
    f.createIdentifier("params"),
    f.createIdentifier("options"),
  ]);
  const fn = f.createFunctionDeclaration(
    EXPORT,
    undefined,
    name,
    undefined,
    callParameters({ names, pkg, request }),
    pagesType(names.result),
    f.createBlock([f.createReturnStatement(call)], true),
  );
  return withDoc(fn, pagesDoc(names.fn, paging));
}

function functionStatement({ op, names, pkg, request, security }: OperationInput): ts.Statement {
  const descriptor = f.createObjectLiteralExpression([
    f.createPropertyAssignment("id", stringLiteral(op.id)),
    f.createPropertyAssignment("method", stringLiteral(op.method)),
    f.createPropertyAssignment("path", stringLiteral(op.path)),
    ...request.descriptor,
    ...(security ? [f.createPropertyAssignment("security", constLiteral(security))] : []),
  ]);
  // The result and error types written out: see `request` in templates/sdk/runtime.ts.
  const typeArgs = [typeText(names.result), typeText(names.error)];
  const call = f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier(pkg.runtime), "request"), typeArgs, [
    f.createIdentifier(pkg.api),
    descriptor,
    f.createIdentifier("params"),
    f.createIdentifier("options"),
  ]);
  const fn = f.createFunctionDeclaration(
    EXPORT,
    undefined,
    names.fn,
    undefined,
    callParameters({ names, pkg, request }),
    generic("ApiPromise", typeText(names.result), typeText(names.error)),
    f.createBlock([f.createReturnStatement(call)], true),
  );
  return withDoc(fn, operationDoc(op));
}
