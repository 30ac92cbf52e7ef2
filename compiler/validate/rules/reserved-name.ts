/**
 * No names that shadow JavaScript object internals.
 *
 * `__proto__`, `constructor` and `prototype` as a schema, parameter or operation name would write through an
 * object's prototype in generated code; the SDK renames them with a trailing underscore.
 * Source: Portico security notes (bad input "proto-keys"); ECMAScript §20.1.3 (Object.prototype).
 */
import type { Origin } from "../../model/types.js";
import { child } from "../origins.js";
import { reportOnce, type Rule } from "../rule.js";

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/** Reports each reserved name once, at the name (a schema's key, a parameter's `name`, an `operationId`). */
export const reservedName: Rule = {
  name: "reserved-name",
  codes: ["reserved-name"],
  check(model, report) {
    const once = reportOnce(report);
    const checkName = (what: string, name: string, origin: Origin, part: "key" | "value"): void => {
      if (RESERVED.has(name)) once({ code: "reserved-name", args: { what, name, renamed: `${name}_` }, origin, part });
    };
    for (const s of model.schemas) checkName("Schema", s.name, s.origin, "key");
    for (const op of model.operations) {
      if (!op.idDerived) checkName("Operation id", op.id, child(op.origin, "operationId"), "value");
      for (const p of op.parameters) checkName("Parameter", p.name, child(p.origin, "name"), "value");
    }
  },
};
