/**
 * Parameterised diagnostic messages.
 *
 * A message is written once in the code table as a tagged template, `` msg`Operation id ${"id"} is used twice.` ``;
 * the tag records the parameter names, so `createDiagnostic` can require exactly those arguments at compile time.
 */

/** A message template whose parameters are the string literal types in `P`. */
export interface ParamMessage<P extends string> {
  readonly params: readonly P[];
  /** Fills the template; every parameter must be given. */
  format(args: Readonly<Record<P, string>>): string;
}

/**
 * Tag for message templates: `` msg`Unknown function ${"name"}.` `` has the parameter `name`.
 * @returns a {@link ParamMessage} that formats with the named arguments.
 */
export function msg<const P extends string[]>(strings: TemplateStringsArray, ...keys: P): ParamMessage<P[number]> {
  return {
    params: keys,
    format(args) {
      let out = strings[0] ?? "";
      keys.forEach((key, i) => {
        out += args[key as P[number]] + (strings[i + 1] ?? "");
      });
      return out;
    },
  };
}
