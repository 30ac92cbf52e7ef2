// The speed targets Portico is held to, evaluated on the figures of one benchmark run. Every ratio divides
// medians measured in the same run, on the GitHub description unless a target says otherwise.
import { exponents } from "./growth.mjs";
import { medianOf } from "./rounds.mjs";
import { formatRatio } from "./stats.mjs";

/** The spec the ratio targets are measured on. */
export const targetSpec = "github-api.3.0.json";
/** The small spec of the cold-start target. */
export const coldStartName = "samples/pets/openapi.yaml";

/**
 * @typedef {import("./rounds.mjs").SpecResult} SpecResult
 *
 * @typedef {object} TargetResult
 * @property {string} target what is held, in words
 * @property {number} limit the largest value that meets it
 * @property {number | undefined} value the measured value (undefined when a tool did not complete)
 * @property {string} unit "×" for ratios, "" for exponents
 * @property {string} detail how the value was measured, and the same figure in another metric where useful
 *
 * @typedef {object} Figures
 * @property {readonly SpecResult[]} specs the spec tables' results
 * @property {SpecResult | undefined} typecheck the type-check comparison on {@link targetSpec}
 * @property {readonly import("./growth.mjs").GrowthSpec[]} growthSpecs
 * @property {readonly SpecResult[]} growth one per growth spec
 */

/** @param {import("./child.mjs").RunResult} r */
const wall = (r) => r.wallMs;
/** @param {import("./child.mjs").RunResult} r */
const cpu = (r) => r.cpuMs;
/** @param {import("./child.mjs").RunResult} r */
const rss = (r) => r.maxRssKb;

/**
 * @param {Figures} figures
 * @returns {TargetResult[]}
 */
export function evaluateTargets(figures) {
  const github = figures.specs.find((r) => r.spec.name === targetSpec);
  const pets = figures.specs.find((r) => r.spec.name === coldStartName);
  /**
   * @param {SpecResult | undefined} result
   * @param {string} a
   * @param {string} b
   * @param {(r: import("./child.mjs").RunResult) => number} pick
   */
  const ratio = (result, a, b, pick) => {
    const x = medianOf(result, a, pick);
    const y = medianOf(result, b, pick);
    return x === undefined || y === undefined ? undefined : x / y;
  };
  const fmt = (/** @type {number | undefined} */ n) => (n === undefined ? "–" : formatRatio(n));
  /** @type {TargetResult[]} */
  const targets = [
    {
      target: "`portico build` (all artifacts) ≤ 0.5× openapi-typescript's wall time (GitHub)",
      limit: 0.5,
      value: ratio(github, "build", "openapi-typescript", wall),
      unit: "×",
      detail: `wall time; CPU time ratio ${fmt(ratio(github, "build", "openapi-typescript", cpu))}`,
    },
    {
      target: "`portico check` ≤ 0.25× openapi-typescript's wall time (GitHub)",
      limit: 0.25,
      value: ratio(github, "check", "openapi-typescript", wall),
      unit: "×",
      detail: `wall time; CPU time ratio ${fmt(ratio(github, "check", "openapi-typescript", cpu))}`,
    },
    {
      target: "peak RSS of a full build ≤ 0.75× openapi-typescript's (GitHub)",
      limit: 0.75,
      value: ratio(github, "build", "openapi-typescript", rss),
      unit: "×",
      detail: `orval ${fmt(ratio(github, "orval", "openapi-typescript", rss))}, hey-api ${fmt(ratio(github, "hey-api", "openapi-typescript", rss))} of openapi-typescript's`,
    },
    {
      target: "`tsc --noEmit --strict` on Portico's SDK ≤ 0.6× on openapi-typescript + openapi-fetch (GitHub)",
      limit: 0.6,
      value: ratio(figures.typecheck, "Portico SDK", "openapi-fetch", wall),
      unit: "×",
      detail:
        `wall time; CPU time ratio ${fmt(ratio(figures.typecheck, "Portico SDK", "openapi-fetch", cpu))}; ` +
        `hey-api's output ${fmt(ratio(figures.typecheck, "hey-api", "openapi-fetch", wall))}`,
    },
    {
      target: "cold start: `portico check` on samples/pets ≤ 0.5× openapi-typescript on the same file",
      limit: 0.5,
      value: ratio(pets, "check", "openapi-typescript", wall),
      unit: "×",
      detail: `wall time; CPU time ratio ${fmt(ratio(pets, "check", "openapi-typescript", cpu))}`,
    },
  ];
  for (const tool of ["check", "build"]) {
    const byCpu = exponents(figures.growthSpecs, figures.growth, tool, cpu);
    const byWall = exponents(figures.growthSpecs, figures.growth, tool, wall);
    targets.push({
      target: `\`portico ${tool}\` time grows at most linearly with operations and schemas (exponent ≤ 1.1)`,
      limit: 1.1,
      value: Number.isNaN(byCpu.aboveStartup) ? undefined : byCpu.aboveStartup,
      unit: "",
      detail:
        `CPU time above start-up, 1×–16×; as measured ${byCpu.raw.toFixed(2)}; ` +
        `wall time above start-up ${byWall.aboveStartup.toFixed(2)}, as measured ${byWall.raw.toFixed(2)}`,
    });
  }
  return targets;
}
