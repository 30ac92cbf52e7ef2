/**
 * Spec text inside API Gateway mapping templates (Apache Velocity), escaped by construction.
 *
 * A VTL single-quoted string is not interpolated, but it ends at the first `'`, and Velocity's lexer has had
 * bugs with `#` inside string literals. So text made only of characters with no meaning to Velocity is written as
 * a single-quoted literal, and any other text is percent-encoded (every byte outside `A–Z a–z 0–9 - _ . ! ~ * ( )`,
 * `'` included) and decoded at request time by `$util.urlDecode` (developer guide, "$util variables"): the
 * template then never holds a `'`, `$`, `#`, `\`, quote or control character that came from the spec.
 */

/** Characters a single-quoted literal may hold as they are. */
const PLAIN = /^[A-Za-z0-9 _.,:/*+=@!~()[\]-]*$/;

/** Lone UTF-16 surrogates, which have no UTF-8 encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A VTL expression whose value is `text`: `'text'`, or `$util.urlDecode('…')` for text with other characters. */
export function vtlString(text: string): string {
  if (PLAIN.test(text)) return `'${text}'`;
  const encoded = encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD")).replace(/'/g, "%27");
  return `$util.urlDecode('${encoded}')`;
}
