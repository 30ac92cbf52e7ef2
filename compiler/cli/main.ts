/**
 * `portico check`, `portico build` and `portico template render` (`template.ts`). Exit codes: 0 no errors (warnings
 * allowed), 1 errors in the input, 2 usage errors (bad flags, missing arguments) and internal errors.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { formatJson, formatSarif, formatText, type FormatInput } from "../diagnostics/format.js";
import { EMITTER_NAMES, type EmitterName } from "../emit/emitter.js";
import { nodeHost } from "../host.js";
import { check, type CheckResult } from "../pipeline.js";
import type { StrictBuildResult } from "../build.js";
import type { SecuritySummary } from "../security/strict.js";
import { OutputError, writeOutput } from "../write-output.js";
import { formatCheckSummary, formatCounts, formatTimings, formatWritten } from "./report.js";
import { addTemplateCommand } from "./template.js";

type Format = "text" | "json" | "sarif";

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colours for text output: a TTY without NO_COLOR. */
  readonly color: boolean;
}

const defaultIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  color: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
};

/** The package version, read from package.json next to the compiled (or source) tree. */
export function version(): string {
  const file = fileURLToPath(new URL("../../package.json", import.meta.url));
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/**
 * Runs the CLI with `argv` (without `node` and the script).
 * @returns the exit code.
 */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command("portico")
    .description("Compile an OpenAPI 3.x file with x-gateway extensions for Amazon API Gateway.")
    .version(version(), "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run portico --help for usage)");

  const formatOption = () =>
    new Option("--format <format>", "diagnostics format").choices(["text", "json", "sarif"]).default("text");
  const overlayOption = () =>
    new Option("--overlay <file>", "apply an OpenAPI Overlay 1.0 document first (repeatable)")
      .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  const maxSizeOption = () =>
    new Option("--max-file-size <bytes>", "largest file read, in bytes").argParser(positiveInteger).default(32 * 1024 * 1024);

  program
    .command("check")
    .description("check a spec and report diagnostics")
    .argument("<spec>", "the OpenAPI file (YAML or JSON)")
    .addOption(overlayOption())
    .addOption(formatOption())
    .addOption(maxSizeOption())
    .option("--print-model", "print the intermediate model as JSON on stdout (diagnostics go to stderr)")
    .action((spec: string, opts: { overlay?: string[]; format: Format; maxFileSize: number; printModel?: boolean }) => {
      const started = performance.now();
      const result = check(nodeHost, spec, { overlays: opts.overlay ?? [], maxFileSize: opts.maxFileSize });
      const printDiagnostics = opts.printModel ? io.stderr : io.stdout;
      printDiagnostics(formatDiagnostics(result, opts.format, io.color && !opts.printModel));
      if (opts.printModel && result.model) io.stdout(JSON.stringify(result.model, null, 2) + "\n");
      if (opts.format === "text") io.stderr(formatCheckSummary(spec, result, performance.now() - started));
      exitCode = result.errorCount > 0 ? 1 : 0;
    });

  const names = EMITTER_NAMES;
  program
    .command("build")
    .description("check a spec and, without errors, write its artifacts: the deployment (openapi, pulumi), its mapping templates (templates) and the client SDK (sdk)")
    .argument("<spec>", "the OpenAPI file (YAML or JSON)")
    .requiredOption("--out <dir>", "output folder")
    .addOption(overlayOption())
    .addOption(formatOption())
    .addOption(maxSizeOption())
    .addOption(
      new Option("--emit <artifacts>", `comma-separated artifacts to write (${names.join(", ")})`).argParser((v: string) =>
        parseEmit(v, names),
      ),
    )
    .option("--strict", "run the security checks over the Pulumi program of every stage; any finding is an error")
    .action(async (spec: string, opts: { out: string; overlay?: string[]; format: Format; maxFileSize: number; emit?: EmitterName[]; strict?: boolean }) => {
      if (opts.strict && opts.emit && !opts.emit.includes("pulumi")) {
        io.stderr("portico: --strict checks the Pulumi program; add pulumi to --emit (or leave --emit out)\n");
        exitCode = 2;
        return;
      }
      const started = performance.now();
      const { build, buildStrict } = await import("../build.js");
      const setupMs = performance.now() - started;
      const options = {
        out: opts.out,
        overlays: opts.overlay ?? [],
        maxFileSize: opts.maxFileSize,
        ...(opts.emit ? { emit: opts.emit } : {}),
      };
      const result: StrictBuildResult = opts.strict ? await buildStrict(nodeHost, spec, options) : build(nodeHost, spec, options);
      io.stdout(formatDiagnostics(result, opts.format, io.color));
      if (result.security) io.stderr(formatSecuritySummary(result.security));
      const counts = formatCounts(result);
      if (result.errorCount > 0) {
        io.stderr(`portico: nothing written to ${opts.out} (${counts})\n`);
        exitCode = 1;
        return;
      }
      try {
        writeOutput(opts.out, result.files);
      } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        io.stderr(`portico: error output-unsafe: cannot write ${error.target}: ${error.reason}; nothing written\n`);
        exitCode = 1;
        return;
      }
      io.stderr(`portico: built ${spec} → ${opts.out} (${counts})\n`);
      io.stderr(formatWritten(opts.out, result.files));
      io.stderr(formatTimings(result.timings, setupMs, performance.now() - started));
      exitCode = 0;
    });

  addTemplateCommand(program, io, (code) => void (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: "user" });
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 2;
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0 ? 0 : 2;
    }
    io.stderr(`portico: internal error: ${(error as Error).message}\nThis is a bug in Portico; please report it with the input that caused it.\n`);
    return 2;
  }
}

function formatDiagnostics(result: CheckResult, format: Format, color: boolean): string {
  const input: FormatInput = result;
  if (format === "json") return formatJson(input);
  if (format === "sarif") return formatSarif(input, version());
  return formatText(input, color);
}

/** `security: 13 checks × 2 stages, 0 findings (1 suppressed) in 3.10 s` */
function formatSecuritySummary(summary: SecuritySummary): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const suppressed = summary.suppressed > 0 ? ` (${summary.suppressed} suppressed)` : "";
  const time = summary.ms >= 1000 ? `${(summary.ms / 1000).toFixed(2)} s` : `${Math.round(summary.ms)} ms`;
  return `security: ${count(summary.checks, "check")} × ${count(summary.stages, "stage")}, ${count(summary.findings, "finding")}${suppressed} in ${time}\n`;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number of bytes");
  return n;
}

function parseEmit(value: string, names: readonly EmitterName[]): EmitterName[] {
  const wanted = value.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => !names.includes(w as EmitterName));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown artifact ${unknown.join(", ")}; choose from ${names.join(", ")}`);
  return wanted as EmitterName[];
}

// Run when executed directly (`tsx compiler/cli/main.ts …`); bin/portico.js imports `main` instead.
if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
