/**
 * `$ref` resolution, confined to the entry file's folder. Every `$ref` of the document (after overlays) and of
 * every file reached through references is checked; referenced files are read through the host, once each,
 * parsed like the entry, and searched in turn. Nothing is ever fetched from the network.
 */
import * as path from "node:path";
import type { CompilerHost } from "../host.js";
import { createDiagnostic, type Diagnostic, type Origin } from "../diagnostics/diagnostic.js";
import { findRefCycles, type RefEdge } from "./ref-cycles.js";
import { findRefSites } from "./ref-sites.js";
import { classifyRef, type RefTarget } from "./ref-target.js";
import { getAtPointer, pointerFrom } from "./pointer.js";
import { readSpecFile } from "./read-file.js";
import type { LoadedFile, ResolvedRef } from "./types.js";

/** What reference loading needs to know about the run. */
export interface RefScope {
  readonly host: CompilerHost;
  readonly maxFileSize: number;
  /** Displayed path of an absolute path. */
  display(absolute: string): string;
}

/** A file taking part in resolution: its absolute path and the value its pointers address. */
interface Known {
  readonly absolute: string;
  readonly value: unknown;
}

const REF_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/** The outcome of {@link loadReferences}. */
export interface References {
  readonly diagnostics: readonly Diagnostic[];
  /** See `LoadResult.resolveRef`. */
  resolveRef(ref: string, from: Origin): ResolvedRef | undefined;
}

/**
 * Checks every `$ref` reachable from the entry and loads the files they name into `files`. `document` is the
 * entry's value after overlays (local references of the entry resolve against it).
 *
 * Diagnostics, at the `$ref` value: `ref-remote` (any URL scheme, nothing fetched), `ref-outside-root` (`file:`
 * URLs, absolute paths, paths that leave the entry's folder before or after resolving symlinks; the file is not
 * read), `ref-file-type` (not .yaml/.yml/.json; the file is not read), `ref-not-found` (missing file or node),
 * `ref-invalid` (malformed reference), `ref-cycle` (references that only lead to each other). The referenced
 * files' own diagnostics point into them.
 */
export function loadReferences(scope: RefScope, entry: LoadedFile, entryAbsolute: string, document: unknown, files: Map<string, LoadedFile>): References {
  const { host } = scope;
  const diagnostics: Diagnostic[] = [];
  const rootDir = path.dirname(entryAbsolute);
  const rootReal = safeRealpath(host, rootDir) ?? rootDir;
  const rootShown = scope.display(rootDir) || ".";
  const known = new Map<string, Known>([[entry.path, { absolute: entryAbsolute, value: document }]]);
  const byAbsolute = new Map<string, string>([[entryAbsolute, entry.path]]);
  const byReal = new Map<string, string>([[entry.realPath, entry.path]]);
  const edges: RefEdge[] = [];
  const queue: string[] = [entry.path];
  // Large documents repeat the same few thousand `$ref` strings tens of thousands of times: each is classified
  // (and its target pointer written) once.
  const targets = new Map<string, RefTarget>();
  const pointers = new Map<readonly string[], string>();
  const classify = (ref: string): RefTarget => {
    let target = targets.get(ref);
    if (!target) {
      target = classifyRef(ref);
      targets.set(ref, target);
    }
    return target;
  };
  const pointerOf = (tokens: readonly string[]): string => {
    let pointer = pointers.get(tokens);
    if (pointer === undefined) {
      pointer = pointerFrom(tokens);
      pointers.set(tokens, pointer);
    }
    return pointer;
  };

  let origin: Origin = { file: entry.path, pointer: "" };
  const report = (d: Diagnostic) => diagnostics.push(d);
  const notFound = (ref: string, reason: string) => createDiagnostic({ code: "ref-not-found", args: { ref: JSON.stringify(ref), reason }, origin });
  const outside = (ref: string) => createDiagnostic({ code: "ref-outside-root", args: { ref: JSON.stringify(ref), root: `${rootShown}/` }, origin });
  const fileType = (ref: string) => createDiagnostic({ code: "ref-file-type", args: { ref: JSON.stringify(ref) }, origin });

  /** The displayed path of the file at `absolute` (read on first use), or undefined after reporting why not. */
  const openFile = (absolute: string, ref: string): string | undefined => {
    const shown = byAbsolute.get(absolute);
    if (shown !== undefined) return shown;
    const real = safeRealpath(host, absolute);
    if (real === undefined || !host.stat(absolute)?.isFile) {
      const what = host.stat(absolute)?.isDirectory ? "is a folder, not a file" : "does not exist";
      report(notFound(ref, `${scope.display(absolute)} ${what}`));
      return undefined;
    }
    if (!isInside(rootReal, real)) return void report(outside(ref));
    if (!REF_EXTENSIONS.has(path.extname(real).toLowerCase())) return void report(fileType(ref));
    const seen = byReal.get(real);
    if (seen !== undefined) {
      byAbsolute.set(absolute, seen);
      return seen;
    }
    const display = scope.display(absolute);
    const read = readSpecFile(host, absolute, display, scope.maxFileSize);
    // A file that could not be read at all has no text to point into: point at the $ref that asked for it.
    const unread = new Set(["file-too-large", "file-unreadable", "file-not-found"]);
    diagnostics.push(...read.diagnostics.map((d) => (unread.has(d.code) ? { ...d, origin } : d)));
    if (!read.file) return undefined;
    files.set(display, read.file);
    byAbsolute.set(absolute, display);
    byReal.set(real, display);
    known.set(display, { absolute, value: read.file.value });
    if (read.file.value !== undefined) queue.push(display);
    return display;
  };

  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const file = known.get(next) as Known;
    for (const site of findRefSites(file.value)) {
      origin = { file: next, pointer: `${site.pointer}/$ref` };
      const ref = site.ref;
      const target = classify(ref);
      if (target.kind === "remote") report(createDiagnostic({ code: "ref-remote", args: { ref: JSON.stringify(ref) }, origin }));
      else if (target.kind === "outside") report(outside(ref));
      else if (target.kind === "invalid") report(createDiagnostic({ code: "ref-invalid", args: { ref: JSON.stringify(ref), reason: target.reason }, origin }));
      if (target.kind !== "local" && target.kind !== "file") continue;
      let targetFile = next;
      if (target.kind === "file") {
        const absolute = path.resolve(path.dirname(file.absolute), target.path);
        if (!isInside(rootDir, absolute)) {
          report(outside(ref));
          continue;
        }
        if (!REF_EXTENSIONS.has(path.extname(absolute).toLowerCase())) {
          report(fileType(ref));
          continue;
        }
        const opened = openFile(absolute, ref);
        if (opened === undefined) continue;
        targetFile = opened;
      }
      const value = known.get(targetFile)?.value;
      if (value === undefined) continue;
      const pointer = pointerOf(target.tokens);
      if (!getAtPointer(value, target.tokens).found) {
        report(notFound(ref, `${targetFile} has no node at ${pointer || "the root"}`));
        continue;
      }
      edges.push({ from: { file: next, pointer: site.pointer }, to: { file: targetFile, pointer } });
    }
  }
  diagnostics.push(...findRefCycles(edges));

  return {
    diagnostics,
    resolveRef(ref, from) {
      const seen = new Set<string>();
      let current = { ref, from };
      for (;;) {
        const base = known.get(current.from.file);
        const target = classify(current.ref);
        if (!base || (target.kind !== "local" && target.kind !== "file")) return undefined;
        const file = target.kind === "local" ? current.from.file : byAbsolute.get(path.resolve(path.dirname(base.absolute), target.path));
        const value = file === undefined ? undefined : known.get(file)?.value;
        const found = getAtPointer(value, target.tokens);
        if (file === undefined || value === undefined || !found.found) return undefined;
        const pointer = pointerOf(target.tokens);
        const key = `${file}#${pointer}`;
        if (seen.has(key)) return undefined;
        seen.add(key);
        const node = found.value;
        const inner = node !== null && typeof node === "object" && Object.hasOwn(node, "$ref") ? (node as { $ref: unknown }).$ref : undefined;
        if (typeof inner !== "string") return { value: node, origin: { file, pointer } };
        current = { ref: inner, from: { file, pointer } };
      }
    },
  };
}

function safeRealpath(host: CompilerHost, file: string): string | undefined {
  try {
    return host.realpath(file);
  } catch {
    return undefined;
  }
}

/** True when `file` is `folder` or lies below it. */
function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
