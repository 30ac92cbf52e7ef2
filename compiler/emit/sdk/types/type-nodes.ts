/**
 * Small builders over `ts.factory` for the type nodes the SDK's types are made of: shared keyword nodes, literal
 * types from spec values, and unions / intersections that flatten, drop what cannot change the result and skip
 * duplicates, so the printed types stay short.
 */
import { ts } from "ts-morph";
import { quote } from "./names.js";

const f = ts.factory;

export const UNKNOWN = f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword);
export const NEVER = f.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword);
export const STRING = f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
export const NUMBER = f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword);
export const BOOLEAN = f.createKeywordTypeNode(ts.SyntaxKind.BooleanKeyword);
export const UNDEFINED = f.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword);
export const NULL = f.createLiteralTypeNode(f.createNull());
/** `format: binary` (file contents): the global `Blob`, which no declaration shadows (see ./names.ts). */
export const BLOB = f.createTypeReferenceNode("Blob");

/**
 * The literal type of a JSON value, or undefined for objects and arrays. Strings are written with
 * `JSON.stringify` (see {@link quote}); a number that is not finite (YAML `.inf`) is just `number`.
 */
export function literalType(value: unknown): ts.TypeNode | undefined {
  if (value === null) return NULL;
  if (typeof value === "boolean") return f.createLiteralTypeNode(value ? f.createTrue() : f.createFalse());
  if (typeof value === "string") {
    // An identifier node prints its text as is: here, a string literal made by `quote`.
    return f.createLiteralTypeNode(f.createIdentifier(quote(value)) as unknown as ts.StringLiteral);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return NUMBER;
    const literal = f.createNumericLiteral(String(Math.abs(value)));
    return f.createLiteralTypeNode(value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, literal) : literal);
  }
  return undefined;
}

/** A key identifying a node among union members, when it is cheap to tell (keywords, literals, plain references). */
function dedupeKey(node: ts.TypeNode): string | undefined {
  if (ts.isLiteralTypeNode(node)) {
    const lit = node.literal;
    if (lit.kind === ts.SyntaxKind.NullKeyword) return "null";
    if (lit.kind === ts.SyntaxKind.TrueKeyword) return "true";
    if (lit.kind === ts.SyntaxKind.FalseKeyword) return "false";
    if (ts.isIdentifier(lit)) return `s${lit.text}`;
    if (ts.isNumericLiteral(lit)) return `n${lit.text}`;
    if (ts.isPrefixUnaryExpression(lit) && ts.isNumericLiteral(lit.operand)) return `n-${lit.operand.text}`;
    return undefined;
  }
  if (ts.isTypeReferenceNode(node) && node.typeArguments === undefined && ts.isIdentifier(node.typeName)) return `r${node.typeName.text}`;
  if (node.kind >= ts.SyntaxKind.FirstKeyword && node.kind <= ts.SyntaxKind.LastKeyword) return `k${node.kind}`;
  return undefined;
}

/** `a | b | …`: nested unions flattened, `never` dropped, duplicates skipped; `unknown` when a member is. */
export function unionOf(nodes: readonly ts.TypeNode[]): ts.TypeNode {
  const members: ts.TypeNode[] = [];
  const seen = new Set<string>();
  const add = (node: ts.TypeNode): boolean => {
    if (ts.isUnionTypeNode(node)) return node.types.every(add);
    if (node.kind === ts.SyntaxKind.UnknownKeyword) return false;
    if (node.kind === ts.SyntaxKind.NeverKeyword) return true;
    const key = dedupeKey(node);
    if (key !== undefined) {
      if (seen.has(key)) return true;
      seen.add(key);
    }
    members.push(node);
    return true;
  };
  if (!nodes.every(add)) return UNKNOWN;
  if (members.length === 0) return NEVER;
  return members.length === 1 ? (members[0] as ts.TypeNode) : f.createUnionTypeNode(members);
}

/**
 * `a & b & …`: nested intersections flattened, duplicates, `unknown` and members that say nothing
 * ({@link OPEN_OBJECT} beside others) dropped, and object type literals without index signatures merged into one when their property
 * names differ (`{ a } & { b }` → `{ a; b }`), so that `allOf` reads as one object; `unknown` when nothing is left.
 */
export function intersectionOf(nodes: readonly ts.TypeNode[]): ts.TypeNode {
  const flat: ts.TypeNode[] = [];
  const seen = new Set<string>();
  const add = (node: ts.TypeNode): void => {
    if (ts.isIntersectionTypeNode(node)) return node.types.forEach(add);
    if (node.kind === ts.SyntaxKind.UnknownKeyword) return;
    const key = dedupeKey(node);
    if (key !== undefined) {
      if (seen.has(key)) return;
      seen.add(key);
    }
    flat.push(node);
  };
  nodes.forEach(add);
  const informative = flat.filter((n) => !isOpenObject(n));
  const members: ts.TypeNode[] = [];
  let merged: { names: Set<string>; elements: ts.TypeElement[]; at: number } | undefined;
  for (const node of informative.length > 0 ? informative : flat.slice(0, 1)) {
    const names = ts.isTypeLiteralNode(node) ? propertyNames(node) : undefined;
    if (names && merged && [...names].every((n) => !merged?.names.has(n))) {
      names.forEach((n) => merged?.names.add(n));
      merged.elements.push(...(node as ts.TypeLiteralNode).members);
      members[merged.at] = f.createTypeLiteralNode(merged.elements);
      continue;
    }
    if (names && !merged) merged = { names: new Set(names), elements: [...(node as ts.TypeLiteralNode).members], at: members.length };
    members.push(node);
  }
  if (members.length === 0) return UNKNOWN;
  return members.length === 1 ? (members[0] as ts.TypeNode) : f.createIntersectionTypeNode(members);
}

/**
 * `{ [key: string]: unknown }` for an object schema that says nothing about its members (`type: object` alone).
 * One shared node, so that an intersection can tell it from an explicit `additionalProperties: true`.
 */
export const OPEN_OBJECT = f.createTypeLiteralNode([
  f.createIndexSignature(undefined, [f.createParameterDeclaration(undefined, undefined, "key", undefined, STRING)], UNKNOWN),
]);

const isOpenObject = (node: ts.TypeNode): boolean => node === OPEN_OBJECT;

/** The property names of an object type literal; undefined when it has an index signature or other members. */
function propertyNames(node: ts.TypeLiteralNode): Set<string> | undefined {
  const names = new Set<string>();
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name)) return undefined;
    names.add(member.name.text);
  }
  return names;
}

/**
 * True for types that are cheap to repeat: keywords, literals, references, and arrays, unions and parentheses of
 * those. An object type literal is not (repeating it would double the printed text).
 */
export function isSimple(node: ts.TypeNode): boolean {
  if (ts.isLiteralTypeNode(node) || ts.isTypeReferenceNode(node)) return true;
  if (ts.isArrayTypeNode(node)) return isSimple(node.elementType);
  if (ts.isUnionTypeNode(node)) return node.types.every(isSimple);
  if (ts.isParenthesizedTypeNode(node)) return isSimple(node.type);
  return node.kind >= ts.SyntaxKind.FirstKeyword && node.kind <= ts.SyntaxKind.LastKeyword;
}

/** True when `node` mentions no declared name and no object type: it can be written inline anywhere. */
export function isSelfContained(node: ts.TypeNode): boolean {
  if (ts.isTypeReferenceNode(node)) return ts.isIdentifier(node.typeName) && node.typeName.text === "Blob";
  if (ts.isTypeLiteralNode(node)) return false;
  let ok = true;
  node.forEachChild((c) => {
    if (ok && ts.isTypeNode(c)) ok = isSelfContained(c);
  });
  return ok;
}
