/**
 * The mapping templates Portico generates, from the Handlebars templates in `templates/vtl/` (`<name>.vtl.hbs`;
 * partials are the files whose name starts with `_`, registered by that name without the `_`, their last line
 * break removed).
 *
 * Compiled with `noEscape` (HTML escaping is wrong for VTL) and `strict` (a missing field is a bug, not a blank).
 * The data holds {@link Vtl} fragments only, escaped by ./vtl.ts, ./sources.ts and ./services/targets.ts, numbers,
 * flags and nested data of the same kinds: no spec text reaches a template any other way. One trailing line break is
 * removed, so that a form body ends with its last value.
 */
import Handlebars from "handlebars";
import * as fs from "node:fs";
import { vtl, type Vtl } from "./vtl.js";

/** What a template reads: fragments, numbers, flags, and lists and records of them. */
export type VtlTemplateData = { readonly [key: string]: Vtl | number | boolean | VtlTemplateData | readonly VtlTemplateData[] };

const folder = new URL("../../../templates/vtl/", import.meta.url);
const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();
let partialsRegistered = false;

function source(name: string): string {
  return fs.readFileSync(new URL(`${name}.vtl.hbs`, folder), "utf8");
}

function registerPartials(): void {
  if (partialsRegistered) return;
  for (const file of fs.readdirSync(folder).sort()) {
    const match = /^_(.+)\.vtl\.hbs$/.exec(file);
    if (match?.[1] === undefined) continue;
    const text = source(`_${match[1]}`).replace(/\n$/, "");
    handlebars.registerPartial(match[1], handlebars.compile(text, { noEscape: true, strict: true }));
  }
  partialsRegistered = true;
}

/** Renders `templates/vtl/<name>.vtl.hbs` with `data`. @throws Error when the template reads a field `data` lacks. */
export function renderVtlTemplate(name: string, data: VtlTemplateData): Vtl {
  registerPartials();
  let template = compiled.get(name);
  if (template === undefined) {
    template = handlebars.compile(source(name), { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return vtl(template(data).replace(/\n$/, ""));
}
