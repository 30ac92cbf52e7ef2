import { test } from "uvu";
import * as assert from "uvu/assert";
import { DiagnosticCollector } from "../../compiler/diagnostics/diagnostic.js";
import { rules, runRules } from "../../compiler/validate/index.js";
import { at, model, operation } from "./helpers/model.js";

/** Three operations, each with a template variable it does not declare and no security. */
const broken = () => model({ operations: ["/a/{x}", "/b/{x}", "/c/{x}"].map((path) => operation({ path })) });

test("the rule list is frozen, names are unique and every rule declares its codes", () => {
  assert.ok(Object.isFrozen(rules));
  assert.is(new Set(rules.map((r) => r.name)).size, rules.length);
  for (const rule of rules) assert.ok(rule.codes.length > 0, rule.name);
});

test("runRules reports every rule's diagnostics into the collector", () => {
  const collector = new DiagnosticCollector();
  runRules(broken(), collector);
  assert.equal(collector.diagnostics.map((d) => d.code), [
    "path-param-undeclared",
    "path-param-undeclared",
    "path-param-undeclared",
    "operation-unauthenticated",
    "operation-unauthenticated",
    "operation-unauthenticated",
  ]);
});

test("maxErrors stops the run at the first error over the limit and says so", () => {
  const collector = new DiagnosticCollector();
  runRules(broken(), collector, { maxErrors: 2 });
  assert.equal(collector.diagnostics.map((d) => d.code), ["path-param-undeclared", "path-param-undeclared", "too-many-errors"]);
  assert.is(collector.diagnostics[2]?.severity, "info");
  assert.equal(collector.diagnostics[2]?.origin, at("/x-gateway"));
});

test("a clean model gives no diagnostics", () => {
  const collector = new DiagnosticCollector();
  runRules(model({ operations: [operation({ public: true })] }), collector);
  assert.equal(collector.diagnostics, []);
});

test.run();
