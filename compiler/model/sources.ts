/**
 * Source expressions (docs/x-gateway.md "Mappings"): where a value of the method request comes from.
 *
 * - `$request.body` (the whole payload) or `$request.body.a.b` (a property of a JSON payload);
 * - `$request.path.x`, `$request.query.x`, `$request.header.x` (a declared parameter);
 * - `$context.a.b` (an API Gateway `$context` variable, e.g. `$context.authorizer.claims.sub`);
 * - `$stageVariables.x` (a stage variable of the invoked stage).
 *
 * A string that starts with none of `$request.`, `$context.` and `$stageVariables.` is a literal.
 */

/** A parsed source expression. */
export type Source =
  | { readonly kind: "body"; readonly path: readonly string[] }
  | { readonly kind: "parameter"; readonly in: "path" | "query" | "header"; readonly name: string }
  | { readonly kind: "context"; readonly path: readonly string[] }
  | { readonly kind: "stageVariable"; readonly name: string };

/** What a setting string is: a literal, a source, or a source expression that does not parse (with the reason). */
export type SourceText =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "source"; readonly source: Source }
  | { readonly kind: "invalid"; readonly reason: string };

/** A property name of a body path: no dot, bracket, single quote, backslash or control character. */
const BODY_SEGMENT = /^[^.[\]'\\\u0000-\u001f]+$/;
/** A `$context` variable segment, e.g. `authorizer`, `claims`, `cognito:groups`. */
const CONTEXT_SEGMENT = /^[A-Za-z0-9_:-]+$/;
/** Names API Gateway accepts for method request parameters (`method.request.*.name`). */
const PARAMETER_NAME = /^[A-Za-z0-9._$-]+$/;
/** Stage variable names: alphanumerics and underscores (API Gateway's rule). */
const STAGE_VARIABLE = /^[A-Za-z0-9_]+$/;

const PARAMETERS: Readonly<Record<string, "path" | "query" | "header">> = { path: "path", query: "query", header: "header" };

/** True when `text` is written as a source expression (which may still be invalid). */
export function isSourceExpression(text: string): boolean {
  return text === "$request.body" || /^\$(request|context|stageVariables)\./.test(text);
}

/** Parses a setting string: a literal, or a source expression. */
export function parseSourceText(text: string): SourceText {
  if (!isSourceExpression(text)) return { kind: "literal", text };
  const source = (s: Source): SourceText => ({ kind: "source", source: s });
  const invalid = (reason: string): SourceText => ({ kind: "invalid", reason });
  if (text === "$request.body") return source({ kind: "body", path: [] });
  const [root = "", ...rest] = text.slice(1).split(".");
  if (root === "request") {
    const [where = "", ...tail] = rest;
    if (where === "body") {
      const bad = tail.find((s) => !BODY_SEGMENT.test(s));
      return bad === undefined ? source({ kind: "body", path: tail }) : invalid(`${JSON.stringify(bad)} is not a property name a JSONPath can address`);
    }
    const location = PARAMETERS[where];
    if (location === undefined) return invalid(`$request.${where} is none of $request.body, $request.path, $request.query, $request.header`);
    const name = tail.join(".");
    return PARAMETER_NAME.test(name) ? source({ kind: "parameter", in: location, name }) : invalid(`${JSON.stringify(name)} is not a parameter name`);
  }
  if (root === "context") {
    const bad = rest.find((s) => !CONTEXT_SEGMENT.test(s));
    return bad === undefined ? source({ kind: "context", path: rest }) : invalid(`${JSON.stringify(bad)} is not a $context variable name`);
  }
  const name = rest.join(".");
  return STAGE_VARIABLE.test(name) ? source({ kind: "stageVariable", name }) : invalid(`${JSON.stringify(name)} is not a stage variable name`);
}
