/**
 * Helpers for the SDK types tests: build a model from a small in-memory spec, pick one declaration out of the
 * generated text, and type-check generated files with one `tsc --strict --noEmit` process.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { check, createMemoryHost } from "../../../compiler/index.js";
import { schemaTypes, type SchemaTypes } from "../../../compiler/emit/sdk/types/index.js";
import type { GatewayModel } from "../../../compiler/model/types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where generated types are written for type-checking (inside the repository, excluded from its tsconfig). */
export const OUT_DIR = path.join(root, "test", ".out", "sdk-types");

type Json = Record<string, unknown>;

/** The model of an OpenAPI document given as an object (written as JSON to an in-memory file). */
export function modelOf(doc: Json): GatewayModel {
  const result = check(createMemoryHost({ "api.json": JSON.stringify(doc) }), "api.json");
  if (!result.model) throw new Error(`No model: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return result.model;
}

/** A document with `schemas` as `components.schemas`, and `paths` (none by default); OpenAPI 3.0.3 unless told. */
export function specOf(schemas: Json, paths: Json = {}, openapi = "3.0.3"): Json {
  return { openapi, info: { title: "Types", version: "1.0.0" }, paths, components: { schemas } };
}

/** `types.ts` of a document with `schemas` and `paths`. */
export function typesOf(schemas: Json, paths: Json = {}, openapi = "3.0.3"): SchemaTypes {
  return schemaTypes(modelOf(specOf(schemas, paths, openapi)));
}

/** The declarations of `text` (each with its doc comment), by declared name. */
export function declarations(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of text.split("\n\n")) {
    const match = /^export (?:interface|type) ([^\s<=]+)/m.exec(block);
    if (match) out.set(match[1] as string, block.trim());
  }
  return out;
}

/** The declaration of `name` in `text` (with its doc comment). @throws when there is none. */
export function declaration(text: string, name: string): string {
  const found = declarations(text).get(name);
  if (found === undefined) throw new Error(`No declaration ${name} in:\n${text}`);
  return found;
}

/** One error tsc reported. */
export interface TscError {
  /** Path relative to {@link OUT_DIR}. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `TS2741`, … */
  readonly code: string;
  readonly message: string;
}

/** The result of a tsc run: its errors and how long it took (ms). */
export interface TscRun {
  readonly errors: readonly TscError[];
  /** What tsc printed that is not an error line (a crash, a config problem); "" normally. */
  readonly other: string;
  readonly ms: number;
}

/**
 * The tsc options of the check: strict and every stricter check a consumer may turn on (unused names, unchecked
 * index access, exact optional properties), the lib a browser or Node 18+ consumer has, no ambient @types.
 */
const COMPILER_OPTIONS = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noEmit: true,
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022", "DOM"],
  types: [],
  skipLibCheck: true,
  pretty: false,
};

/** Starts one `tsc --strict --noEmit` over `files` (relative to {@link OUT_DIR}, written already). */
export function startTypeCheck(name: string, files: readonly string[]): Promise<TscRun> {
  const config = path.join(OUT_DIR, `tsconfig.${name}.json`);
  fs.writeFileSync(config, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files }, null, 2));
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, "-p", config], { cwd: OUT_DIR, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (_error, stdout, stderr) => {
      const errors: TscError[] = [];
      const other: string[] = [];
      for (const line of `${stdout}${stderr}`.split("\n")) {
        const m = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
        if (m) errors.push({ file: m[1] as string, line: Number(m[2]), column: Number(m[3]), code: m[4] as string, message: m[5] as string });
        else if (line.trim() !== "" && !line.startsWith("  ")) other.push(line);
      }
      resolve({ errors, other: other.join("\n"), ms: performance.now() - start });
    });
  });
}

/** Writes `text` to `OUT_DIR/file` (folders created). */
export function writeOut(file: string, text: string): void {
  const target = path.join(OUT_DIR, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}
