/**
 * Path template variables and path parameters agree.
 *
 * Every `{name}` of a path template needs a parameter `in: path` of that name (a greedy `{proxy+}` declares
 * `proxy`), and every path parameter needs its `{name}` in the template.
 * Source: OpenAPI 3.1 §4.8.8 Paths Object (path templating) and §4.8.12.1 Parameter Locations (`path`).
 */
import { child, pathItemOrigin } from "../origins.js";
import { templateVariables } from "../paths.js";
import { reportOnce, type Rule } from "../rule.js";
import { operationLabel } from "../text.js";

/**
 * An undeclared variable is reported at the operation's method key (each operation must declare it); an unused
 * parameter at its `name`, once even when a path-item parameter is shared by several operations.
 */
export const pathParams: Rule = {
  name: "path-params",
  codes: ["path-param-undeclared", "path-param-unused"],
  check(model, report) {
    const once = reportOnce(report);
    for (const op of model.operations) {
      const used = new Set(templateVariables(op.path));
      const declared = new Set<string>();
      for (const p of op.parameters) {
        if (p.in !== "path") continue;
        declared.add(p.name);
        if (!used.has(p.name)) {
          once({ code: "path-param-unused", args: { name: p.name, path: op.path }, origin: child(p.origin, "name") });
        }
      }
      for (const name of used) {
        if (declared.has(name)) continue;
        once({
          code: "path-param-undeclared",
          args: { name, path: `${op.path} (${operationLabel(op)})` },
          origin: op.origin,
          part: "key",
          related: [pathItemOrigin(model, op.path)],
        });
      }
    }
  },
};
