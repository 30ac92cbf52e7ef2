/** The variables of an OpenAPI path template, as API Gateway names them. */

/** Names of the path variables of a path template, `+` stripped: `/a/{id}/{proxy+}` → `id`, `proxy`. */
export function pathVariables(path: string): readonly string[] {
  return [...path.matchAll(/\{([^}]+?)\+?\}/g)].map((m) => m[1] as string);
}
