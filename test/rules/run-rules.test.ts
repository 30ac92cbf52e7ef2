import { test } from "uvu";
import * as assert from "uvu/assert";
import { DiagnosticCollector } from "../../compiler/diagnostics/diagnostic.js";
import { rules, runRules } from "../../compiler/validate/index.js";
import * as fc from "fast-check";
import type { HttpMethod } from "../../compiler/model/types.js";
import { at, http, lambda, mock, model, operation, parameter, requirement } from "./helpers/model.js";

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

test("odd models never make a rule throw", () => {
  const text = fc.string({ unit: fc.constantFrom("/", "{", "}", "+", "a", "B", "-", "_", ".", "%", " ", "$", "~", "\u200B", "\u202E") });
  const methods: HttpMethod[] = ["GET", "POST", "ANY", "OPTIONS"];
  const op = fc.record({ path: text, id: text, method: fc.constantFrom(...methods), name: text, timeout: fc.integer({ min: -1, max: 1_000_000 }) });
  fc.assert(
    fc.property(fc.array(op, { maxLength: 12 }), fc.array(text, { maxLength: 3 }), fc.constantFrom("rest", "http"), (ops, prefixes, kind) => {
      const operations = ops.map((o, i) =>
        operation({
          path: o.path,
          id: o.id,
          method: o.method,
          parameters: [parameter(`/p/${i}`, 0, o.name), parameter(`/p/${i}`, 1, o.name, "header")],
          security: [requirement(`/s/${i}`, { [o.name]: [o.id] })],
          integration: [lambda(o.name, at(`/i/${i}`), { timeout: o.timeout }), http(o.path, at(`/h/${i}`), { proxy: false }), mock(at(`/m/${i}`))][i % 3],
          integrationKeys: i % 4 === 0 ? [] : ["lambda", "http"].slice(0, (i % 2) + 1),
        }),
      );
      const proxyResources = prefixes.map((prefix, i) => ({ prefix, origin: at(`/x-gateway/proxyResources/${i}`) }));
      runRules(model({ kind: kind as "rest" | "http", operations, proxyResources }), new DiagnosticCollector());
    }),
    { numRuns: 300 },
  );
});

test("rules stay linear: 10,000 operations are checked in well under two seconds", () => {
  const ops = (n: number) => Array.from({ length: n }, (_, i) => operation({ path: `/r${i % 200}/{id}/s${i}`, id: `op${i}`, public: true }));
  runRules(model({ operations: ops(1_000) }), new DiagnosticCollector()); // warm up
  const m = model({ operations: ops(10_000) });
  const collector = new DiagnosticCollector();
  const started = performance.now();
  runRules(m, collector);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2000, `took ${Math.round(elapsed)} ms`);
  assert.is(collector.diagnostics.filter((d) => d.code === "path-param-undeclared").length, 10_000);
});

test.run();
