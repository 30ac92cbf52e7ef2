/**
 * The differential test: every conformance case and 600 generated templates (`helpers/generate.ts`, fast-check with
 * a fixed seed) rendered by the evaluator and by Apache Velocity 1.7 configured like API Gateway
 * (`oracle/ApiGatewayVelocity.java`, run once for the whole batch). Any difference fails: the rendered text, the
 * overrides, or one engine failing where the other renders. Without a JDK or Debian's Velocity and JsonPath jars
 * the test is skipped with a message saying what is missing (`.ci/run` installs them).
 */
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderTemplate } from "../../compiler/vtl/index.js";
import { readCases } from "./helpers/cases.js";
import { generatedCase } from "./helpers/generate.js";
import { startOracle, type OracleCase, type OracleResult } from "./helpers/oracle.js";

/** How many templates are generated, and from which seed (the same templates on every run). */
const GENERATED = 600;
const SEED = 20261130;

type Outcome = { readonly output: string; readonly overrides: unknown } | { readonly error: string };

function evaluate(c: OracleCase): Outcome {
  try {
    const { output, overrides } = renderTemplate(c.template, c);
    return { output, overrides };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Why `ours` and `velocity` differ, or null when they agree (both failing counts as agreeing). */
function difference(ours: Outcome, velocity: OracleResult): string | null {
  if (velocity.error !== undefined) return "error" in ours ? null : "Velocity fails, the evaluator renders";
  if ("error" in ours) return "the evaluator fails, Velocity renders";
  if (ours.output !== velocity.output) return "the rendered text differs";
  if (JSON.stringify(ours.overrides) !== JSON.stringify(velocity.overrides)) return "the overrides differ";
  return null;
}

function report(label: string, c: OracleCase, why: string, ours: Outcome, velocity: OracleResult): string {
  const input = { body: c.body, kind: c.kind ?? "request" };
  return [
    `${label}: ${why}`,
    `  template: ${JSON.stringify(c.template)}`,
    `  input:    ${JSON.stringify(input)}`,
    `  portico:  ${JSON.stringify(ours)}`,
    `  velocity: ${JSON.stringify(velocity)}`,
  ].join("\n");
}

const oracle = startOracle();
if (!oracle.ok) {
  console.warn(`\n  SKIPPED the differential test against Velocity 1.7: ${oracle.reason}\n`);
  test.skip(`the evaluator renders like Velocity 1.7 (skipped: ${oracle.reason})`, () => {});
} else {
  const started = Date.now();
  const conformance = readCases().map((c) => ({ name: c.name, case: { ...c.input, template: c.template, kind: c.response ? ("response" as const) : ("request" as const) } }));
  const generated = fc.sample(generatedCase, { seed: SEED, numRuns: GENERATED }).map((c, i) => ({ name: `generated #${i}`, case: c }));
  const all = [...conformance, ...generated];
  const results = oracle.run(all.map((x) => x.case));
  const outcomes = all.map((x) => evaluate(x.case));
  console.log(`  Velocity 1.7 and the evaluator rendered ${conformance.length} conformance cases and ${generated.length} generated templates in ${Date.now() - started} ms`);

  const differences = (from: number, to: number) =>
    all.slice(from, to).flatMap((x, k) => {
      const i = from + k;
      const why = difference(outcomes[i] as Outcome, results[i] as OracleResult);
      return why === null ? [] : [report(x.name, x.case, why, outcomes[i] as Outcome, results[i] as OracleResult)];
    });

  /** Prints the first differences in full (uvu would rewrite the backslashes of an assertion message) and fails. */
  const expectNone = (found: readonly string[], of: number, what: string) => {
    if (found.length > 0) console.log(found.slice(0, 10).join("\n"));
    assert.ok(found.length === 0, `${found.length} of ${of} ${what} differ (printed above)`);
  };

  test("every conformance case renders the same through Velocity 1.7", () => {
    expectNone(differences(0, conformance.length), conformance.length, "cases");
  });

  test(`${GENERATED} generated templates render the same through Velocity 1.7`, () => {
    expectNone(differences(conformance.length, all.length), generated.length, "templates");
  });

  test("the generated templates mostly render (so the comparison is not of two failures) and cover the features", () => {
    const rendered = results.slice(conformance.length).filter((r) => r.error === undefined).length;
    assert.ok(rendered >= generated.length * 0.8, `Velocity renders ${rendered} of ${generated.length}`);
    const templates = generated.map((g) => g.case.template);
    const count = (pattern: RegExp) => templates.filter((t) => pattern.test(t)).length;
    for (const [feature, pattern] of [
      ["#set inside #if", /#if\([^\n]*#set\(/],
      ["nested #foreach", /#foreach\([^]*#foreach\([^]*#end[^]*#end/],
      ["#break", /#break/],
      ["$foreach.hasNext", /\$foreach\.hasNext/],
      ["inline macros", /#macro\(/],
      ["integer division", /\d \/ \d/],
      ["decimals", /\d\.\d/],
      ["comparisons", / (==|!=|<|>|<=|>=|eq|ne|gt|lt) /],
      ["string methods", /\.(substring|replaceAll|split|indexOf|toUpperCase)\(/],
      ["list methods", /\.(add|subList|contains|get)\(/],
      ["map methods", /\.(keySet|entrySet|put|containsKey)\(/],
    ] as const) {
      assert.ok(count(pattern) >= 20, `${feature}: ${count(pattern)} templates`);
    }
  });
}

test.run();
