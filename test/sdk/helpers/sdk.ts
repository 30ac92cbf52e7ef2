/**
 * Helpers for the SDK tests: build the SDK of a spec given as an object (`build --emit sdk` on an in-memory
 * file), write its files under test/.out/, and load it as JavaScript (each file transpiled by TypeScript, no type
 * check: the type checks are in ./types.ts's one tsc run).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { build, createMemoryHost, type BuildResult } from "../../../compiler/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where SDKs built by the tests are written. */
export const SDK_OUT = path.join(root, "test", ".out", "sdk");

type Json = Record<string, unknown>;

/** `build --emit sdk` of `doc` (written as JSON to an in-memory `api.json`). */
export function buildSdk(doc: Json, emit: readonly ("openapi" | "pulumi" | "sdk")[] = ["sdk"]): BuildResult {
  return build(createMemoryHost({ "api.json": JSON.stringify(doc) }), "api.json", { out: "out", emit });
}

/** The SDK files of `doc`, by path under `sdk/typescript/`. @throws when the build has errors. */
export function sdkFilesOf(doc: Json): Map<string, string> {
  const result = buildSdk(doc);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code}: ${d.message}`).join("\n"));
  return new Map(result.files.map((f) => [f.path.replace(/^sdk\/typescript\//, ""), f.content]));
}

/** Writes `files` (paths relative to the package) under `SDK_OUT/name`; returns the package folder. */
export function writeSdk(name: string, files: ReadonlyMap<string, string>): string {
  const dir = path.join(SDK_OUT, name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** Transpiles the package's `src/*.ts` to `js/*.js` and imports `js/index.js`. */
export async function loadSdk<T = Record<string, unknown>>(dir: string): Promise<T> {
  const src = path.join(dir, "src");
  const out = path.join(dir, "js");
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(src).filter((f) => f.endsWith(".ts"))) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(src, file), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, ".js")), outputText);
  }
  return (await import(pathToFileURL(path.join(out, "index.js")).href)) as T;
}
