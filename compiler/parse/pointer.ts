/**
 * JSON pointers (RFC 6901): `""` is the whole document, `/a/b` the key `b` of the key `a`; inside a token `~0`
 * stands for `~` and `~1` for `/`. Lookups check own properties only, so `/__proto__/x` or `/constructor` never
 * reach `Object.prototype`.
 */

/** Escapes one key or index for use as a pointer token. */
export function escapeToken(token: string | number): string {
  const s = String(token);
  if (!s.includes("~") && !s.includes("/")) return s;
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `base` extended by one token. */
export function childPointer(base: string, token: string | number): string {
  return `${base}/${escapeToken(token)}`;
}

/** A pointer built from unescaped tokens. */
export function pointerFrom(tokens: readonly (string | number)[]): string {
  let out = "";
  for (const t of tokens) out += "/" + escapeToken(t);
  return out;
}

/** The tokens of `pointer`, unescaped; undefined when it is not a valid pointer (no leading `/`, bad `~` escape). */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/") || /~(?![01])/.test(pointer)) return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((t) => (t.includes("~") ? t.replace(/~1/g, "/").replace(/~0/g, "~") : t));
}

/** The pointer one level up; `""` for the root and for top-level nodes. */
export function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf("/");
  return i <= 0 ? "" : pointer.slice(0, i);
}

/** The result of {@link getAtPointer}: the node, or how many tokens could be followed before a miss. */
export type PointerLookup = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly matched: number };

/**
 * Follows `tokens` from `root` through own properties and array indexes (canonical decimal, in range).
 */
export function getAtPointer(root: unknown, tokens: readonly string[]): PointerLookup {
  let node = root;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= node.length) return { found: false, matched: i };
      node = node[Number(token)];
    } else if (node !== null && typeof node === "object" && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return { found: false, matched: i };
    }
  }
  return { found: true, value: node };
}
