/**
 * The compiler's only door to the file system. Passes never touch `fs`; they ask the host, so tests can run the
 * whole compiler over an in-memory tree ({@link createMemoryHost}) and the CLI over the real one ({@link nodeHost}).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** What a pass may ask of the file system. Paths are absolute or relative to the working folder. */
export interface CompilerHost {
  /** File contents as UTF-8 text. @throws NodeJS.ErrnoException (`ENOENT`, `EISDIR`, …) */
  readFile(file: string): string;
  /** Size in bytes and kind, without reading; undefined when nothing is there. */
  stat(file: string): { readonly size: number; readonly isFile: boolean; readonly isDirectory: boolean } | undefined;
  /** Canonical absolute path with every symlink resolved. @throws NodeJS.ErrnoException when it does not exist */
  realpath(file: string): string;
  /** The working folder that relative paths are read from and that displayed paths are relative to. */
  cwd(): string;
}

/** The real file system. */
export const nodeHost: CompilerHost = {
  readFile: (file) => fs.readFileSync(file, "utf8"),
  stat(file) {
    try {
      const s = fs.statSync(file);
      return { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory() };
    } catch {
      return undefined;
    }
  },
  realpath: (file) => fs.realpathSync.native(file),
  cwd: () => process.cwd(),
};

/**
 * An in-memory host over `files` (path → text, POSIX paths relative to `/work`), for tests.
 * Symlinks are given as `{ symlink: target }`.
 */
export function createMemoryHost(files: Readonly<Record<string, string | { readonly symlink: string }>>): CompilerHost {
  const root = "/work";
  const table = new Map<string, string | { readonly symlink: string }>();
  for (const [name, content] of Object.entries(files)) table.set(path.posix.resolve(root, name), content);
  const dirs = new Set<string>();
  for (const name of table.keys()) {
    for (let d = path.posix.dirname(name); d !== "/"; d = path.posix.dirname(d)) dirs.add(d);
  }
  const follow = (file: string, depth = 0): string => {
    const abs = path.posix.resolve(root, file);
    const entry = table.get(abs);
    if (entry !== undefined && typeof entry !== "string") {
      if (depth > 40) throw Object.assign(new Error(`ELOOP: ${abs}`), { code: "ELOOP" });
      return follow(path.posix.resolve(path.posix.dirname(abs), entry.symlink), depth + 1);
    }
    return abs;
  };
  return {
    readFile(file) {
      const abs = follow(file);
      const entry = table.get(abs);
      if (typeof entry === "string") return entry;
      if (dirs.has(abs)) throw Object.assign(new Error(`EISDIR: ${abs}`), { code: "EISDIR" });
      throw Object.assign(new Error(`ENOENT: ${abs}`), { code: "ENOENT" });
    },
    stat(file) {
      const abs = follow(file);
      const entry = table.get(abs);
      if (typeof entry === "string") return { size: Buffer.byteLength(entry), isFile: true, isDirectory: false };
      if (dirs.has(abs) || abs === root) return { size: 0, isFile: false, isDirectory: true };
      return undefined;
    },
    realpath(file) {
      const abs = follow(file);
      if (!table.has(abs) && !dirs.has(abs) && abs !== root) {
        throw Object.assign(new Error(`ENOENT: ${abs}`), { code: "ENOENT" });
      }
      return abs;
    },
    cwd: () => root,
  };
}
