/**
 * Golden files: compare produced text with the file on disk, or rewrite the file when UPDATE_GOLDEN=1.
 * A missing golden file fails (it is written in update mode only), so a new case cannot pass unseen.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as assert from "uvu/assert";

/** True when the run should rewrite golden files instead of comparing. */
export const updating = process.env["UPDATE_GOLDEN"] === "1";

/** Asserts that `actual` equals the content of `file` (or writes it in update mode). */
export function assertGolden(file: string, actual: string): void {
  if (updating) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) assert.unreachable(`missing golden file ${file}; run with UPDATE_GOLDEN=1 to create it`);
  assert.fixture(actual, fs.readFileSync(file, "utf8"), `golden file ${file} differs`);
}

/**
 * Asserts that the files under `dir` are exactly `files` (path → content): changed, missing and extra files all
 * fail. In update mode the folder is rewritten to match.
 */
export function assertGoldenTree(dir: string, files: ReadonlyMap<string, string>): void {
  const onDisk = fs.existsSync(dir) ? listFiles(dir) : [];
  if (updating) {
    for (const stale of onDisk) if (!files.has(stale)) fs.rmSync(path.join(dir, stale));
    for (const [rel, content] of files) assertGolden(path.join(dir, rel), content);
    return;
  }
  const extra = onDisk.filter((f) => !files.has(f));
  assert.equal(extra, [], `golden folder ${dir} has files the build no longer writes`);
  for (const [rel, content] of files) assertGolden(path.join(dir, rel), content);
}

function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}
