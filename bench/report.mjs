// Turns measured runs into Markdown: the three metric tables (also printed to stdout) and bench/results.md.
import { formatBytes, formatInteger, formatRatio, formatSummary, summarize } from "./stats.mjs";

/**
 * @typedef {import("./child.mjs").RunResult} RunResult
 * @typedef {import("./specs.mjs").BenchSpec} BenchSpec
 * @typedef {import("./tools.mjs").Tool} Tool
 *
 * @typedef {{ kind: "runs", runs: RunResult[] }
 *   | { kind: "skip", reason: string }
 *   | { kind: "failed", reason: string, stderr: string }} Outcome
 *
 * @typedef {object} SpecResult
 * @property {BenchSpec} spec
 * @property {Map<string, Outcome>} outcomes by tool name
 * @property {Map<string, string>} commands by tool name: the command line, as run from the repository root
 *
 * @typedef {object} Environment
 * @property {string} date ISO 8601, when the benchmark started
 * @property {string} cpuModel
 * @property {number} cores logical CPUs
 * @property {number} memoryBytes total memory
 * @property {string} node Node version
 * @property {string} os operating system and kernel release
 * @property {string | null} commit short commit hash, with a note when the working tree had changes
 * @property {readonly number[]} loadStart 1, 5 and 15 minute load averages at the start
 * @property {readonly number[]} loadEnd the same at the end
 * @property {number} loadMax highest 1-minute load average seen between runs
 * @property {number} runs runs per tool per spec
 * @property {string | undefined} only the `--only` filter, if given
 * @property {number} totalMs wall time of the whole benchmark, build included
 */

/** @type {readonly { title: string, pick: (r: RunResult) => number, format: (n: number) => string }[]} */
const metrics = [
  { title: "Wall time (ms)", pick: (r) => r.wallMs, format: formatInteger },
  { title: "CPU time, user + system (ms)", pick: (r) => r.cpuMs, format: formatInteger },
  { title: "Peak RSS (MiB)", pick: (r) => r.maxRssKb / 1024, format: formatInteger },
];

/**
 * The three tables (wall time, CPU time, peak RSS), each cell the median with the range of the runs.
 * @param {readonly SpecResult[]} results
 * @param {readonly Tool[]} tools
 * @param {readonly { numerator: string, denominator: string }[]} ratios
 * @returns {string} Markdown
 */
export function renderTables(results, tools, ratios) {
  return metrics
    .map((metric, index) => {
      const headers = ["spec", "size", ...tools.map((t) => t.name), ...ratios.map((r) => `${r.numerator}/${r.denominator}`)];
      if (index === 0) headers.push("exit codes ≠ 0");
      const rows = results.map((result) => {
        const medians = new Map();
        const cells = tools.map((tool) => {
          const outcome = /** @type {Outcome} */ (result.outcomes.get(tool.name));
          if (outcome.kind === "skip") return outcome.reason;
          if (outcome.kind === "failed") return outcome.reason;
          const summary = summarize(outcome.runs.map(metric.pick));
          medians.set(tool.name, summary.median);
          return formatSummary(summary, metric.format);
        });
        const ratioCells = ratios.map((r) =>
          medians.has(r.numerator) && medians.has(r.denominator) ? formatRatio(medians.get(r.numerator) / medians.get(r.denominator)) : "–",
        );
        const row = [result.spec.name, formatBytes(result.spec.bytes), ...cells, ...ratioCells];
        if (index === 0) row.push(nonZeroExits(result, tools));
        return row;
      });
      const rightAligned = headers.map((_, i) => i > 0 && !(index === 0 && i === headers.length - 1));
      return `### ${metric.title}\n\n${table(headers, rows, rightAligned)}`;
    })
    .join("\n\n");
}

/**
 * The whole of bench/results.md.
 * @param {Environment} env
 * @param {readonly SpecResult[]} results
 * @param {readonly Tool[]} tools
 * @param {readonly { numerator: string, denominator: string }[]} ratios
 * @returns {string}
 */
export function renderResults(env, results, tools, ratios) {
  const load = (/** @type {readonly number[]} */ l) => l.map((n) => n.toFixed(2)).join(" / ");
  const failures = results.flatMap((r) =>
    tools.flatMap((t) => {
      const o = /** @type {Outcome} */ (r.outcomes.get(t.name));
      return o.kind === "failed" ? [`- ${r.spec.name}, ${t.name}: ${o.reason}\n\n  \`\`\`\n  ${o.stderr.trim().replace(/\n/g, "\n  ")}\n  \`\`\``] : [];
    }),
  );
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
    "",
    "## Runs",
    "",
    `${env.runs} run${env.runs === 1 ? "" : "s"} per tool and spec, each a fresh \`node\` process; within a spec the tools ` +
      `alternate (${tools.map((t) => t.name).join(" → ")}, then again). Each cell is the median, with the fastest and ` +
      `slowest run in parentheses. Ratios are of medians.` +
      (env.only === undefined ? "" : ` Only specs whose name contains \`${env.only}\`.`) +
      ` The whole benchmark took ${(env.totalMs / 1000).toFixed(1)} s, \`npm run build\` included.`,
    "",
    renderTables(results, tools, ratios),
    "",
    "Ratios to the peer generators (openapi-typescript, @hey-api/openapi-ts, orval) come later, when they join the " +
      "benchmark as more tools.",
    "",
    "## Tools",
    "",
    ...tools.map((t) => `- **${t.name}**: ${t.summary}.`),
    "",
    "## Commands",
    "",
    "Run from the repository root; `<tmp>` is a fresh temporary folder for each run.",
    "",
    "```sh",
    ...results.flatMap((r) => tools.flatMap((t) => (r.commands.has(t.name) ? [r.commands.get(t.name)] : []))),
    "```",
    ...(failures.length === 0 ? [] : ["", "## Failures", "", ...failures]),
    "",
  ].join("\n");
}

/**
 * Tools whose completed runs exited non-zero on this spec, e.g. `check 1` (errors in the input).
 * @param {SpecResult} result
 * @param {readonly Tool[]} tools
 */
function nonZeroExits(result, tools) {
  const notes = tools.flatMap((tool) => {
    const outcome = /** @type {Outcome} */ (result.outcomes.get(tool.name));
    if (outcome.kind !== "runs") return [];
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
