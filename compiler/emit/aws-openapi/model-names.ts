/**
 * Names of API Gateway models. The importer makes one model per `components.schemas` entry and names it after
 * the key, and model names may only hold letters and digits (developer guide, "Amazon API Gateway important notes
 * for REST APIs"). Keys that break the rule are renamed deterministically and every `$ref` follows the new name.
 */

/** `text` reduced to letters and digits, word starts upper-cased once a separator was dropped (`pet-page` → `petPage`). */
export function modelName(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const joined = words.map((w, i) => (i === 0 ? w : (w[0] ?? "").toUpperCase() + w.slice(1))).join("");
  return joined === "" ? "Model" : joined;
}

/** Hands out model names: each wanted name once, later claimants get the first free `Name2`, `Name3`, … */
export class ModelNamer {
  readonly #taken = new Set<string>();

  /** A free name derived from `wanted` with {@link modelName}; reserved from now on. */
  claim(wanted: string): string {
    const base = modelName(wanted);
    let name = base;
    for (let n = 2; this.#taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    this.#taken.add(name.toLowerCase());
    return name;
  }
}
