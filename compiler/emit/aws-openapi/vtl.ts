/**
 * Spec text inside API Gateway mapping templates (Apache Velocity), escaped by construction.
 *
 * A VTL single-quoted string is not interpolated, but it ends at the first `'`, and Velocity's lexer has had
 * bugs with `#` inside string literals. So text made only of characters with no meaning to Velocity is written as
 * a single-quoted literal, and any other text is percent-encoded (every byte outside `A–Z a–z 0–9 - _ . ! ~ * ( )`,
 * `'` included) and decoded at request time by `$util.urlDecode` (developer guide, "$util variables"): the
 * template then never holds a `'`, `$`, `#`, `\`, quote or control character that came from the spec.
 *
 * Text that a template prints inside a JSON string is JSON-escaped at compile time, with `$` and `#` written as the
 * JSON escapes `\u0024` and `\u0023`: the template holds no character Velocity reads, and the JSON the service
 * parses holds the text as written. Text that a template prints into a form body
 * (`application/x-www-form-urlencoded`) is form-encoded at compile time, leaving only `A–Z a–z 0–9 . - * _ + %`.
 *
 * Every function returns a {@link Vtl} fragment; mapping templates are assembled from fragments only.
 */
import { urlEncode } from "../../vtl/escape.js";

/** Text that may stand in a mapping template as it is: fixed template text, or spec text escaped here. */
export type Vtl = string & { readonly __vtl: true };

/** Marks fixed template text (never spec text) as a {@link Vtl} fragment. */
export function vtl(text: string): Vtl {
  return text as Vtl;
}

/** Characters a single-quoted literal may hold as they are. */
const PLAIN = /^[A-Za-z0-9 _.,:/*+=@!~()[\]-]*$/;

/** Lone UTF-16 surrogates, which have no UTF-8 encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A VTL expression whose value is `text`: `'text'`, or `$util.urlDecode('…')` for text with other characters. */
export function vtlString(text: string): Vtl {
  if (PLAIN.test(text)) return vtl(`'${text}'`);
  const encoded = encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD")).replace(/'/g, "%27");
  return vtl(`$util.urlDecode('${encoded}')`);
}

/**
 * The inside of a JSON string literal holding `text` (no quotes), with `$` and `#` as `\u0024` and `\u0023`, so
 * that Velocity prints it unchanged.
 */
export function jsonStringContent(text: string): Vtl {
  return vtl(JSON.stringify(text).slice(1, -1).replace(/\$/g, "\\u0024").replace(/#/g, "\\u0023"));
}

/**
 * JSON text (the JSON of a spec value, or punctuation) as template text: `$` and `#`, which JSON text holds only
 * inside its strings, written as the JSON escapes `\u0024` and `\u0023`.
 */
export function jsonText(text: string): Vtl {
  return vtl(text.replace(/\$/g, "\\u0024").replace(/#/g, "\\u0023"));
}

/** `text` form-encoded as `$util.urlEncode` would encode it (Java's `URLEncoder`, UTF-8). */
export function formContent(text: string): Vtl {
  return vtl(urlEncode(text));
}

/**
 * Code that prints the string value of the VTL expression `expression` inside a JSON string literal: AWS's
 * documented idiom, `$util.escapeJavaScript(…)` with its `\'` (not valid JSON) turned back into `'`.
 */
export function jsonEscaped(expression: Vtl): Vtl {
  return vtl(`$util.escapeJavaScript(${expression}).replaceAll("\\\\'","'")`);
}

/** Code that prints the string value of the VTL expression `expression` form-encoded. */
export function formEncoded(expression: Vtl): Vtl {
  return vtl(`$util.urlEncode(${expression})`);
}
