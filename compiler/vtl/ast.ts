/**
 * The parsed form of a template the evaluator runs: statements with their positions, expressions without (an
 * error inside an expression is reported at its statement). Built from velocityjs's tree by `parse.ts`.
 */
import type { TemplatePosition } from "./errors.js";

/** A step after a reference's root: `.name`, `.name(args)` or `[key]`. */
export type PathStep =
  | { readonly kind: "property"; readonly name: string }
  | { readonly kind: "method"; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: "index"; readonly key: Expr };

/** `$root.path…`. */
export interface Reference {
  readonly root: string;
  readonly path: readonly PathStep[];
}

/** An expression: a literal, a reference, or an operator over expressions. */
export type Expr =
  | { readonly kind: "string"; readonly value: string; readonly interpolate: boolean }
  | { readonly kind: "integer"; readonly value: number | bigint }
  | { readonly kind: "double"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "null" }
  | { readonly kind: "list"; readonly items: readonly Expr[] }
  | { readonly kind: "range"; readonly from: Expr; readonly to: Expr }
  | { readonly kind: "map"; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly kind: "reference"; readonly ref: Reference }
  | { readonly kind: "binary"; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: "not" | "negate"; readonly operand: Expr }
  /** A parenthesised expression and its text between the parentheses, which `"a" + (…)` prints when it has no value. */
  | { readonly kind: "group"; readonly expr: Expr; readonly source: string };

/** The binary operators (the word forms `eq`, `and`, … are read as these). */
export type BinaryOperator = "+" | "-" | "*" | "/" | "%" | "||" | "&&" | "==" | "!=" | "<" | ">" | "<=" | ">=";

/** A statement of a template or a block: text, a printed reference, a directive. */
export type Node =
  | { readonly kind: "text"; readonly text: string }
  /**
   * A reference printed in the output. `tail` is the text after `$name` in the form `$name(…)`: Velocity 1.7 has
   * no such call, so it prints the value of `$name` followed by that text, itself rendered as a template.
   */
  | { readonly kind: "reference"; readonly ref: Reference; readonly tail: string | null; readonly at: TemplatePosition }
  | { readonly kind: "set"; readonly target: Reference; readonly value: Expr; readonly at: TemplatePosition }
  | { readonly kind: "if"; readonly branches: readonly { readonly condition: Expr | null; readonly body: readonly Node[]; readonly at: TemplatePosition }[] }
  | { readonly kind: "foreach"; readonly variable: string; readonly iterable: Expr; readonly body: readonly Node[]; readonly at: TemplatePosition }
  | { readonly kind: "define"; readonly name: string; readonly body: readonly Node[] }
  | { readonly kind: "break" }
  | { readonly kind: "stop" };
