/**
 * Writes a build's files into the output folder, all or nothing.
 *
 * Every file is first written to a staging folder inside the output folder (flat, one numbered file each, so staging
 * creates no folders); only when all of them are written are they moved into place, each with an atomic rename. Files the previous build generated (listed in the manifest
 * `.portico-manifest.json`) and this one does not are removed; nothing else in the folder is touched, so
 * `pulumi/node_modules` and stack settings (`Pulumi.<stack>.yaml`) survive a rebuild. Paths that would leave the
 * folder, or pass through a symlink, are refused (security.md §3.14).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { OutputFile } from "./emit/emitter.js";

/** Name of the file listing what Portico wrote, relative to the output folder. */
export const MANIFEST = ".portico-manifest.json";

/** A write that could not be done; nothing in the output folder was changed. */
export class OutputError extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`${target}: ${reason}`);
  }
}

/**
 * Writes `files` under `outDir` (created when missing).
 * @returns the paths written, relative to `outDir`.
 * @throws OutputError when a path is unsafe or the folder cannot be written; the folder is then unchanged.
 */
export function writeOutput(outDir: string, files: readonly OutputFile[]): string[] {
  const out = path.resolve(outDir);
  const existing = lstat(out);
  if (existing && (existing.isSymbolicLink() || !existing.isDirectory())) {
    throw new OutputError(outDir, existing.isSymbolicLink() ? "the output folder is a symlink" : "it exists and is not a folder");
  }
  for (const f of files) checkRelative(f.path);
  const checked = new Set<string>();
  for (const f of files) checkNoSymlink(out, f.path, checked);

  const createdOut = !existing;
  let staging: string;
  try {
    if (createdOut) fs.mkdirSync(out, { recursive: true });
    staging = fs.mkdtempSync(path.join(out, ".portico-staging-"));
  } catch (error) {
    throw new OutputError(outDir, `the folder cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // Staged file i holds files[i]; the manifest comes last.
  const manifest = JSON.stringify({ files: files.map((f) => f.path).sort() }, null, 2) + "\n";
  const staged = [...files, { path: MANIFEST, content: manifest }];
  try {
    staged.forEach((f, i) => fs.writeFileSync(path.join(staging, String(i)), f.content));
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (createdOut) fs.rmSync(out, { recursive: true, force: true });
    throw new OutputError(outDir, (error as Error).message);
  }

  const previous = readManifest(out);
  const folders = new Set<string>([out]);
  staged.forEach((f, i) => {
    const target = path.join(out, f.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    fs.renameSync(path.join(staging, String(i)), target);
  });
  fs.rmdirSync(staging);
  const current = new Set(files.map((f) => f.path));
  for (const stale of previous) {
    if (!current.has(stale) && isSafeRelative(stale)) fs.rmSync(path.join(out, stale), { force: true });
  }
  return files.map((f) => f.path);
}

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

function isSafeRelative(rel: string): boolean {
  return rel !== "" && !path.isAbsolute(rel) && !rel.includes("\\") && !rel.split("/").some((s) => s === ".." || s === "." || s === "");
}

function checkRelative(rel: string): void {
  if (!isSafeRelative(rel)) throw new OutputError(rel, "the path leaves the output folder");
}

/**
 * Refuses to write through a symlink that already exists in the output tree. `checked` holds the paths already
 * found safe (folders shared by several files are looked at once).
 */
function checkNoSymlink(out: string, rel: string, checked: Set<string>): void {
  let current = out;
  for (const segment of rel.split("/")) {
    current = path.join(current, segment);
    if (checked.has(current)) continue;
    const s = lstat(current);
    if (!s) return;
    if (s.isSymbolicLink()) throw new OutputError(path.relative(out, current), "a symlink is in the way; Portico does not write through symlinks");
    checked.add(current);
  }
}

function readManifest(out: string): string[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), "utf8")) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}
