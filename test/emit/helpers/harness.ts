/**
 * Test harness for the emitters: run them, write a case's output under `test/.out/<case>/` (inside the repository,
 * so the generated program resolves `@pulumi/*` from our node_modules), type-check every generated program with one
 * `tsc` process, and run a program in-process under Pulumi mocks, recording every resource.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { DiagnosticCollector, type Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import { emitters } from "../../../compiler/emit/index.js";
import type { OutputFile } from "../../../compiler/emit/emitter.js";
import { TSCONFIG_OPTIONS } from "../../../compiler/emit/pulumi/project-files.js";
import type { GatewayModel } from "../../../compiler/model/types.js";
import type { GraphResource } from "../../../compiler/security/graph.js";
import { runUnderMocks as runProgramUnderMocks } from "../../../compiler/security/mock-run.js";
import { loadPulumiPackages } from "../../../compiler/security/pulumi-packages.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const outRoot = path.join(root, "test", ".out");

/** Runs every emitter over `model`. */
export function emitAll(model: GatewayModel, specDirFromPulumi = ".."): { files: readonly OutputFile[]; diagnostics: readonly Diagnostic[] } {
  const report = new DiagnosticCollector();
  const files = emitters.flatMap((e) => e.emit(model, { specDirFromPulumi, report }));
  return { files, diagnostics: report.diagnostics };
}

/** The content of the file at `filePath`. @throws when it was not emitted. */
export function fileOf(files: readonly OutputFile[], filePath: string): string {
  const file = files.find((f) => f.path === filePath);
  if (file === undefined) throw new Error(`${filePath} was not emitted (got ${files.map((f) => f.path).join(", ")}).`);
  return file.content;
}

/** Writes `files` to `test/.out/<caseName>/` (emptied first); returns that folder. */
export function writeCase(caseName: string, files: readonly OutputFile[]): string {
  const dir = path.join(outRoot, caseName);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  return dir;
}

/**
 * Starts type-checking `pulumi/index.ts` of every listed case in one `tsc` process, with the generated tsconfig's
 * options. Resolves to tsc's output ("" when clean). Each call writes its own tsconfig (named after its first
 * case), so test files that start a check at the same time do not overwrite each other's.
 */
export function startTypeCheck(caseNames: readonly string[]): Promise<string> {
  const config = path.join(outRoot, `tsconfig.${caseNames[0] ?? "none"}.json`);
  const files = caseNames.map((c) => `${c}/pulumi/index.ts`);
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: { ...TSCONFIG_OPTIONS, noEmit: true, pretty: false }, files }, null, 2));
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, "-p", config], { cwd: root, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve(error ? `${stdout}${stderr}` || error.message : "");
    });
  });
}

/** The value of a Pulumi secret as mocks receive it (a wrapper object), or undefined when `value` is not one. */
export function secretValue(value: unknown): unknown {
  const wrapper = value as Record<string, unknown> | undefined;
  return wrapper?.["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270" ? wrapper.value : undefined;
}

/** A resource the program registered, with its resolved inputs (and the id and outputs the mocks gave it). */
export type RecordedResource = GraphResource;

/**
 * Runs `test/.out/<caseName>/pulumi/index.ts` under Pulumi mocks as stack `stack` of `project`, with `config`
 * (keys without a namespace get the project's) and `secrets` among them; waits until every registration is done.
 * `outputs`, when given, receives the stack outputs. The runner is the one `portico build --strict` uses
 * (compiler/security/mock-run.ts).
 */
export async function runUnderMocks(
  caseName: string,
  options: {
    project: string;
    stack: string;
    config: Readonly<Record<string, string>>;
    secrets?: readonly string[];
    outputs?: Record<string, unknown>;
  },
): Promise<readonly RecordedResource[]> {
  const programDir = path.join(outRoot, caseName, "pulumi");
  const packages = loadPulumiPackages(programDir);
  if (packages === undefined) throw new Error("@pulumi/pulumi and @pulumi/aws are not installed (they are devDependencies).");
  return runProgramUnderMocks(path.join(programDir, "index.ts"), packages, options);
}

/** The one resource of `type` named `name`. @throws when there is none or more than one. */
export function resourceOf(resources: readonly RecordedResource[], type: string, name: string): RecordedResource {
  const found = resources.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) throw new Error(`Expected one ${type} ${name}, found ${found.length}.`);
  return found[0] as RecordedResource;
}
