// The growth series: `portico check` and `portico build` on synthetic descriptions of 1×, 4× and 16× the
// operations and schemas (bench/synth.mjs), and the exponent k of time ≈ c · size^k fitted by least squares on
// the logarithms. A baseline of one resource gives the cost of starting up, which is subtracted for the second
// fit ("above start-up"): that one measures how the work itself grows.
import * as fs from "node:fs";
import * as path from "node:path";
import { medianOf } from "./rounds.mjs";
import { operationsPerResource, schemasPerResource, syntheticSpec } from "./synth.mjs";

/**
 * Resources of the 1× description: 300 operations, 181 schemas. Smaller, the work would drown in the start-up
 * cost and its noise; 4× (1,200 operations) is about GitHub's size.
 */
export const growthBase = 60;
/** The multiples of {@link growthBase} measured: up to 4,800 operations and 2,881 schemas. */
export const growthScales = [1, 4, 16];

/**
 * @typedef {object} GrowthSpec
 * @property {import("./specs.mjs").BenchSpec} spec
 * @property {number | null} scale multiple of the base; null for the one-resource baseline
 * @property {number} operations
 * @property {number} schemas
 */

/**
 * Writes the baseline and the scaled descriptions into bench/.work/growth/ (JSON).
 * @param {string} root absolute path of the repository root
 * @returns {GrowthSpec[]} the baseline first
 */
export function writeGrowthSpecs(root) {
  const dir = path.join("bench", ".work", "growth");
  fs.mkdirSync(path.join(root, dir), { recursive: true });
  return [null, ...growthScales].map((scale) => {
    const resources = scale === null ? 1 : growthBase * scale;
    const file = path.join(dir, `synthetic-${resources}.json`);
    fs.writeFileSync(path.join(root, file), `${JSON.stringify(syntheticSpec(resources), null, 2)}\n`);
    const name = scale === null ? "baseline (1 resource)" : `${scale}×`;
    return {
      spec: { name, file, bytes: fs.statSync(path.join(root, file)).size, overlay: null },
      scale,
      operations: resources * operationsPerResource,
      schemas: resources * schemasPerResource + 1,
    };
  });
}

/**
 * Slope of the least-squares line through (log x, log y): the exponent k of y ≈ c · x^k.
 * @param {readonly number[]} xs positive
 * @param {readonly number[]} ys positive, as many as xs
 * @returns {number} NaN when fewer than two points or a value is not positive
 */
export function fitExponent(xs, ys) {
  if (xs.length < 2 || xs.length !== ys.length || [...xs, ...ys].some((v) => !(v > 0))) return NaN;
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  const sxy = lx.reduce((sum, x, i) => sum + (x - mx) * (ly[i] - my), 0);
  const sxx = lx.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return sxy / sxx;
}

/**
 * @typedef {object} Exponents
 * @property {number} raw fitted on the medians as measured
 * @property {number} aboveStartup fitted on the medians minus the baseline's
 */

/**
 * The exponents of one tool and one metric over the scaled descriptions.
 * @param {readonly GrowthSpec[]} growthSpecs as from {@link writeGrowthSpecs}
 * @param {readonly import("./rounds.mjs").SpecResult[]} results one per growth spec, same order
 * @param {string} tool
 * @param {(r: import("./child.mjs").RunResult) => number} pick
 * @returns {Exponents}
 */
export function exponents(growthSpecs, results, tool, pick) {
  const base = medianOf(results[0], tool, pick);
  const scaled = growthSpecs.flatMap((g, i) => {
    const y = medianOf(results[i], tool, pick);
    return g.scale === null || y === undefined ? [] : [{ x: g.operations, y }];
  });
  return {
    raw: fitExponent(scaled.map((p) => p.x), scaled.map((p) => p.y)),
    aboveStartup:
      base === undefined ? NaN : fitExponent(scaled.map((p) => p.x), scaled.map((p) => p.y - base)),
  };
}
