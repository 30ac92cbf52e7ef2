/**
 * JSDoc comments made from spec text (descriptions, titles, `deprecated`). The text is untrusted: `*\/` would close
 * the comment early, so its `/` is escaped; every line terminator JavaScript knows (CR, LF, CRLF, U+2028, U+2029)
 * starts a new ` * ` line, so no text ends up outside the comment or on a line without its `*`.
 */
import { ts } from "ts-morph";

/** What a declaration or a property is documented with. */
export interface Doc {
  readonly description?: string;
  readonly deprecated?: boolean;
  /** A string `format` (`date-time`, `uuid`, …), shown as `@format`. */
  readonly format?: string;
}

/** The doc of a schema: its `description` (else its `title`), `deprecated` and string `format`. */
export function schemaDoc(schema: unknown): Doc {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return {};
  const s = schema as Readonly<Record<string, unknown>>;
  const description = typeof s["description"] === "string" ? s["description"] : typeof s["title"] === "string" ? s["title"] : undefined;
  const format = typeof s["format"] === "string" && s["format"] !== "" ? s["format"] : undefined;
  return {
    ...(description !== undefined && description.trim() !== "" ? { description } : {}),
    ...(s["deprecated"] === true ? { deprecated: true } : {}),
    ...(format !== undefined ? { format } : {}),
  };
}

/** The lines of a comment body for `doc`; empty when there is nothing to say. */
function docLines(doc: Doc): string[] {
  const lines: string[] = [];
  if (doc.description !== undefined) {
    const text = doc.description.split(/\r\n|\r|\n|\u2028|\u2029/).map((l) => l.replace(/\*\//g, "*\\/").trimEnd());
    while (text.length > 0 && text[0] === "") text.shift();
    while (text.length > 0 && text[text.length - 1] === "") text.pop();
    lines.push(...text);
  }
  if (doc.format !== undefined) lines.push(`@format ${doc.format.replace(/\*\//g, "*\\/").replace(/[\r\n\u2028\u2029]+/g, " ")}`);
  if (doc.deprecated === true) lines.push("@deprecated");
  return lines;
}

/** Attaches `doc` to `node` as a leading `/** … *\/` comment (nothing when the doc is empty). Returns `node`. */
export function withDoc<T extends ts.Node>(node: T, doc: Doc): T {
  const lines = docLines(doc);
  if (lines.length === 0) return node;
  const body = lines.length === 1 ? `* ${lines[0]} ` : `*\n${lines.map((l) => (l === "" ? " *" : ` * ${l}`)).join("\n")}\n `;
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, body, true);
}
