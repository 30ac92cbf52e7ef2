/**
 * Small builders over `ts.factory` for the SDK's code: spec text only ever reaches it as a string literal made by
 * `JSON.stringify` ({@link quote}), a property name made by {@link propertyName}, or a doc comment made by
 * `withDoc` (./types/jsdoc.ts); plain data (an operation's description for the runtime) becomes an object literal.
 */
import { ts } from "ts-morph";
import type { TypeRef } from "./types/index.js";
import { propertyName, quote } from "./types/names.js";

const f = ts.factory;

/** A string literal of `text`, written by `JSON.stringify`. */
export function stringLiteral(text: string): ts.Expression {
  // An identifier node prints its text as is: here, a string literal made by `quote`.
  return f.createIdentifier(quote(text));
}

/** Plain data (strings, finite numbers, booleans, null, arrays, objects) as an expression; `undefined` entries are left out. */
export function dataLiteral(value: unknown): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "boolean") return value ? f.createTrue() : f.createFalse();
  if (typeof value === "number" && Number.isFinite(value)) {
    const literal = f.createNumericLiteral(Math.abs(value));
    return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, literal) : literal;
  }
  if (Array.isArray(value)) return f.createArrayLiteralExpression(value.map(dataLiteral));
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    // `__proto__: …` (quoted or not) in an object literal sets the prototype; only a computed key defines the property.
    const key = (k: string) => (k === "__proto__" ? f.createComputedPropertyName(stringLiteral(k)) : propertyName(k));
    return f.createObjectLiteralExpression(entries.map(([k, v]) => f.createPropertyAssignment(key(k), dataLiteral(v))));
  }
  throw new Error(`No literal for ${typeof value} (a compiler bug).`);
}

/**
 * {@link dataLiteral} `as const`: its types are its literals, whatever the property names. (Without it, a member
 * named like a member of `Object.prototype` — `constructor`, `toString` — gets no contextual type from an index
 * signature, and `{ kind: "http" }` would widen to `{ kind: string }`.)
 */
export function constLiteral(value: unknown): ts.Expression {
  return f.createAsExpression(dataLiteral(value), f.createTypeReferenceNode("const"));
}

/** A type written as text that is already valid TypeScript (a declared name, `string`, `"a" | "b"`, `Exclude<…>`). */
export function typeText(text: string): ts.TypeNode {
  return f.createTypeReferenceNode(f.createIdentifier(text));
}

/** The type a {@link TypeRef} names. */
export function typeOf(ref: TypeRef): ts.TypeNode {
  return typeText(ref.kind === "declared" ? ref.name : ref.text);
}

/** `Name<args…>` */
export function generic(name: string, ...args: ts.TypeNode[]): ts.TypeNode {
  return f.createTypeReferenceNode(name, args);
}

/** `a | b | …`, without repeating a member of the same text; `fallback` when there is none. */
export function unionOfTexts(texts: readonly string[], fallback: string): ts.TypeNode {
  const unique = [...new Set(texts)];
  if (unique.length === 0) return typeText(fallback);
  return unique.length === 1 ? typeText(unique[0] as string) : f.createUnionTypeNode(unique.map(typeText));
}

/** The `export` modifier, alone. */
export const EXPORT = [f.createModifier(ts.SyntaxKind.ExportKeyword)];

/** A printer and the file it prints nodes for; LF line ends. */
export function createPrinter(): (node: ts.Node) => string {
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  const file = ts.createSourceFile("sdk.ts", "", ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);
  return (node) => printer.printNode(ts.EmitHint.Unspecified, node, file);
}

/** `import type { a, b } from "module";` (names sorted). */
export function importTypes(names: Iterable<string>, module: string): ts.Statement {
  const specifiers = [...new Set(names)].sort().map((n) => f.createImportSpecifier(false, undefined, f.createIdentifier(n)));
  const clause = f.createImportClause(ts.SyntaxKind.TypeKeyword, undefined, f.createNamedImports(specifiers));
  return f.createImportDeclaration(undefined, clause, f.createStringLiteral(module));
}

/** `import * as name from "module";` */
export function importNamespace(name: string, module: string): ts.Statement {
  const clause = f.createImportClause(undefined, undefined, f.createNamespaceImport(f.createIdentifier(name)));
  return f.createImportDeclaration(undefined, clause, f.createStringLiteral(module));
}

/** `export * from "module";`, or `export { a, b } from "module";` (`export type { … }` with `typeOnly`). */
export function reexport(module: string, names?: readonly string[], typeOnly = false): ts.Statement {
  const clause = names && f.createNamedExports([...names].sort().map((n) => f.createExportSpecifier(false, undefined, n)));
  return f.createExportDeclaration(undefined, typeOnly, clause, f.createStringLiteral(module));
}
