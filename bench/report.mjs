// Turns measured runs into Markdown: the metric tables (also printed to stdout) and bench/results.md.
import { exponents } from "./growth.mjs";
import { medianOf } from "./rounds.mjs";
import { formatBytes, formatInteger, formatRatio, formatSummary, summarize } from "./stats.mjs";

/**
 * @typedef {import("./child.mjs").RunResult} RunResult
 * @typedef {import("./rounds.mjs").Outcome} Outcome
 * @typedef {import("./rounds.mjs").SpecResult} SpecResult
 * @typedef {import("./tools.mjs").Tool} Tool
 * @typedef {import("./tools.mjs").Ratio} Ratio
 *
 * @typedef {object} Environment
 * @property {string} date ISO 8601, when the benchmark started
 * @property {string} cpuModel
 * @property {number} cores logical CPUs
 * @property {number} memoryBytes total memory
 * @property {string} node Node version
 * @property {string} os operating system and kernel release
 * @property {string | null} commit short commit hash, with a note when the working tree had changes
 * @property {Map<string, string>} peers installed version of each package of bench/.peers/
 * @property {readonly number[]} loadStart 1, 5 and 15 minute load averages at the start
 * @property {readonly number[]} loadEnd the same at the end
 * @property {number} loadMax highest 1-minute load average seen between runs
 * @property {number} runs runs per tool per spec
 * @property {number} targetRuns runs per tool on the target specs (GitHub, pets), the type-check comparison and
 *   the growth series
 * @property {string | undefined} only the `--only` filter, if given
 * @property {readonly string[]} parts the parts run: specs, typecheck, growth
 * @property {number} totalMs wall time of the whole benchmark, build and installs included
 *
 * @typedef {object} Report
 * @property {Environment} env
 * @property {readonly Tool[]} tools the spec tables' tools
 * @property {readonly Ratio[]} ratios
 * @property {readonly SpecResult[]} specs
 * @property {{ tools: readonly Tool[], result: SpecResult, tsconfig: string } | undefined} typecheck
 * @property {{ specs: readonly import("./growth.mjs").GrowthSpec[], results: readonly SpecResult[], tools: readonly Tool[] } | undefined} growth
 * @property {readonly import("./targets.mjs").TargetResult[]} targets
 */

/** @type {readonly { title: string, short: string, pick: (r: RunResult) => number, format: (n: number) => string }[]} */
const metrics = [
  { title: "Wall time (ms)", short: "wall ms", pick: (r) => r.wallMs, format: formatInteger },
  { title: "CPU time, user + system (ms)", short: "CPU ms", pick: (r) => r.cpuMs, format: formatInteger },
  { title: "Peak RSS (MiB)", short: "RSS MiB", pick: (r) => r.maxRssKb / 1024, format: formatInteger },
];

/**
 * The spec tables: for each metric the tools' medians (with the range of the runs), then the ratios of medians.
 * @param {readonly SpecResult[]} results
 * @param {readonly Tool[]} tools
 * @param {readonly Ratio[]} ratios
 * @returns {string} Markdown
 */
export function renderTables(results, tools, ratios) {
  return metrics
    .map((metric, index) => {
      const headers = ["spec", "size", ...tools.map((t) => t.name)];
      if (index === 0) headers.push("exit codes ≠ 0");
      const rows = results.map((result) => {
        const row = [result.spec.name, formatBytes(result.spec.bytes), ...tools.map((tool) => cell(result, tool.name, metric))];
        if (index === 0) row.push(nonZeroExits(result, tools));
        return row;
      });
      const rightAligned = headers.map((_, i) => i > 0 && !(index === 0 && i === headers.length - 1));
      const ratioHeaders = ["spec", ...ratios.map((r) => `${r.numerator} / ${r.denominator}`)];
      const ratioRows = results.map((result) => [
        result.spec.name,
        ...ratios.map((r) => {
          const a = medianOf(result, r.numerator, metric.pick);
          const b = medianOf(result, r.denominator, metric.pick);
          return a === undefined || b === undefined ? "–" : formatRatio(a / b);
        }),
      ]);
      return [
        `### ${metric.title}`,
        "",
        table(headers, rows, rightAligned),
        "",
        `Ratios of the medians (${metric.short}):`,
        "",
        table(ratioHeaders, ratioRows, ratioHeaders.map((_, i) => i > 0)),
      ].join("\n");
    })
    .join("\n\n");
}

/**
 * One project or step per row, one metric per column, and each one's ratio to `baseline`.
 * @param {SpecResult} result
 * @param {readonly Tool[]} tools
 * @param {string} baseline tool name the ratios divide by
 * @returns {string} Markdown
 */
function renderByTool(result, tools, baseline) {
  const headers = ["project", ...metrics.map((m) => m.short), ...metrics.map((m) => `${m.short} / ${baseline}`)];
  const rows = tools.map((tool) => [
    tool.name,
    ...metrics.map((m) => cell(result, tool.name, m)),
    ...metrics.map((m) => {
      const a = medianOf(result, tool.name, m.pick);
      const b = medianOf(result, baseline, m.pick);
      return a === undefined || b === undefined ? "–" : formatRatio(a / b);
    }),
  ]);
  return table(headers, rows, headers.map((_, i) => i > 0));
}

/**
 * The growth tables: medians per synthetic description, then the fitted exponents.
 * @param {NonNullable<Report["growth"]>} growth
 * @returns {string} Markdown
 */
function renderGrowth(growth) {
  const headers = ["description", "operations", "schemas", "size"];
  for (const tool of growth.tools) for (const m of metrics) headers.push(`${tool.name} ${m.short}`);
  const rows = growth.specs.map((g, i) => [
    g.spec.name,
    formatInteger(g.operations),
    formatInteger(g.schemas),
    formatBytes(g.spec.bytes),
    ...growth.tools.flatMap((tool) => metrics.map((m) => cell(growth.results[i], tool.name, m))),
  ]);
  const fitHeaders = ["tool", ...metrics.flatMap((m) => [`${m.short}: as measured`, `${m.short}: above start-up`])];
  const fitRows = growth.tools.map((tool) => [
    tool.name,
    ...metrics.flatMap((m) => {
      const e = exponents(growth.specs, growth.results, tool.name, m.pick);
      return [exponent(e.raw), exponent(e.aboveStartup)];
    }),
  ]);
  return [
    table(headers, rows, headers.map((_, i) => i > 0)),
    "",
    "Fitted exponent k of metric ≈ c · operations^k over 1×, 4× and 16× (least squares on the logarithms; 1 is " +
      "linear). \"As measured\" fits the medians; \"above start-up\" first subtracts the baseline's median (Node " +
      "and Portico starting, which does not grow), so it shows how the work itself grows.",
    "",
    table(fitHeaders, fitRows, fitHeaders.map((_, i) => i > 0)),
  ].join("\n");
}

/** @param {number} n */
const exponent = (n) => (Number.isNaN(n) ? "–" : n.toFixed(2));

/**
 * The whole of bench/results.md.
 * @param {Report} report
 * @returns {string}
 */
export function renderResults(report) {
  const { env, tools, ratios, specs, typecheck, growth, targets } = report;
  const load = (/** @type {readonly number[]} */ l) => l.map((n) => n.toFixed(2)).join(" / ");
  const allResults = [...specs, ...(typecheck ? [typecheck.result] : []), ...(growth ? growth.results : [])];
  const allTools = (/** @type {SpecResult} */ r) =>
    r === typecheck?.result ? typecheck.tools : growth?.results.includes(r) ? growth.tools : tools;
  const failures = allResults.flatMap((r) =>
    allTools(r).flatMap((t) => {
      const o = r.outcomes.get(t.name);
      // Without the ANSI colour codes some tools print even with NO_COLOR.
      const text = o?.kind === "failed" ? o.stderr.replace(/\u001b\[[0-9;]*m/g, "").trim() : "";
      return o?.kind === "failed" ? [`- ${r.spec.name}, ${t.name}: ${o.reason}\n\n  \`\`\`\n  ${text.replace(/\n/g, "\n  ")}\n  \`\`\``] : [];
    }),
  );
  const checkErrors = specs.filter((r) => r.checkErrors.length > 0).map((r) => `- ${r.spec.name}: ${r.checkErrors.join(", ")}`);
  const met = (/** @type {import("./targets.mjs").TargetResult} */ t) =>
    t.value === undefined ? "not measured" : t.value <= t.limit ? "**met**" : "not met";
  const value = (/** @type {import("./targets.mjs").TargetResult} */ t) =>
    t.value === undefined ? "–" : t.unit === "×" ? formatRatio(t.value) : t.value.toFixed(2);
  return [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (bench/run.mjs) on ${env.date}; every run rewrites this file. bench/README.md says how to read it.`,
    "",
    "## Machine",
    "",
    `- CPU: ${env.cpuModel}, ${env.cores} logical cores; memory ${(env.memoryBytes / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${env.node} on ${env.os}`,
    `- Load average (1 / 5 / 15 min): ${load(env.loadStart)} at the start, ${load(env.loadEnd)} at the end; ` +
      `highest 1-minute value seen between runs ${env.loadMax.toFixed(2)}. With ${env.cores} cores, a 1-minute load ` +
      `above ${env.cores} means other work competed for the CPU: wall times stretch, CPU times much less.`,
    ...(env.commit === null ? [] : [`- Portico at commit ${env.commit}`]),
    `- Peers (bench/.peers/, pinned by its package-lock.json): ${[...env.peers].map(([p, v]) => `${p} ${v}`).join(", ")}`,
    "",
    "## Targets",
    "",
    "Ratios of medians from this run (below the limit meets the target).",
    "",
    table(
      ["target", "measured", "limit", "result", "how"],
      targets.map((t) => [t.target, value(t), t.unit === "×" ? formatRatio(t.limit) : t.limit.toFixed(2), met(t), t.detail]),
      [false, true, true, false, false],
    ),
    "",
    "## Runs",
    "",
    `${env.runs} run${env.runs === 1 ? "" : "s"} per tool and spec (${env.targetRuns} on github-api.3.0.json and ` +
      `samples/pets/openapi.yaml, whose figures the targets use, in the type-check comparison and the growth series), ` +
      `each a fresh \`node\` process; within a spec the tools ` +
      `alternate (${tools.map((t) => t.name).join(" → ")}, then again). Each cell is the median, with the fastest and ` +
      `slowest run in parentheses. Ratios are of medians.` +
      (env.only === undefined ? "" : ` Only specs whose name contains \`${env.only}\`.`) +
      ` Parts run: ${env.parts.join(", ")}. The whole benchmark took ${(env.totalMs / 1000).toFixed(1)} s, \`npm run build\` included.`,
    "",
    ...(specs.length === 0 ? [] : ["## Specs", "", renderTables(specs, tools, ratios), ""]),
    ...(checkErrors.length === 0
      ? []
      : [
          "`build` is left out where `portico check` reports errors with the overlay. The errors, by code:",
          "",
          ...checkErrors,
          "",
        ]),
    ...(typecheck === undefined
      ? []
      : [
          `## Type-checking the generated code (${typecheck.result.spec.name})`,
          "",
          "`tsc --noEmit --strict` (TypeScript of the repository's devDependencies) on each project: the generated " +
            "code and a `usage.ts` that calls the same operation, under one tsconfig.json (its `include` names the " +
            "project's generated files and usage.ts):",
          "",
          "```json",
          typecheck.tsconfig,
          "```",
          "",
          renderByTool(typecheck.result, typecheck.tools, "openapi-fetch"),
          "",
          ...typecheck.tools.map((t) => `- **${t.name}**: ${t.summary}.`),
          "",
        ]),
    ...(growth === undefined ? [] : ["## Growth", "", renderGrowth(growth), ""]),
    "## Tools",
    "",
    ...tools.map((t) => `- **${t.name}**: ${t.summary}.`),
    "",
    "## Commands",
    "",
    "Run from the repository root; `<tmp>` is a fresh temporary folder for each run.",
    "",
    "```sh",
    ...allResults.flatMap((r) => [...r.commands.values()]),
    "```",
    ...(failures.length === 0 ? [] : ["", "## Failures", "", ...failures]),
    "",
  ].join("\n");
}

/**
 * A tool's cell in a metric's table: the median with the range, or why there is none.
 * @param {SpecResult | undefined} result
 * @param {string} tool
 * @param {(typeof metrics)[number]} metric
 */
function cell(result, tool, metric) {
  const outcome = result?.outcomes.get(tool);
  if (outcome === undefined) return "–";
  if (outcome.kind !== "runs") return outcome.reason;
  return formatSummary(summarize(outcome.runs.map(metric.pick)), metric.format);
}

/**
 * Tools whose completed runs exited non-zero on this spec, e.g. `check 1` (errors in the input).
 * @param {SpecResult} result
 * @param {readonly Tool[]} tools
 */
function nonZeroExits(result, tools) {
  const notes = tools.flatMap((tool) => {
    const outcome = result.outcomes.get(tool.name);
    if (outcome === undefined || outcome.kind !== "runs") return [];
    const codes = [...new Set(outcome.runs.map((r) => r.exitCode).filter((c) => c !== 0))];
    return codes.length === 0 ? [] : [`${tool.name} ${codes.join(", ")}`];
  });
  return notes.length === 0 ? "" : notes.join("; ");
}

/**
 * A Markdown table padded so it also reads well as plain text.
 * @param {readonly string[]} headers
 * @param {readonly (readonly string[])[]} rows
 * @param {readonly boolean[]} rightAligned per column
 */
function table(headers, rows, rightAligned) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (/** @type {readonly string[]} */ cells) => `| ${cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (rightAligned[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}
