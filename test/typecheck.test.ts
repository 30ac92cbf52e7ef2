/**
 * The project type-checks under its strict settings (compiler, tests and benchmarks). The tsc process starts when
 * this file is loaded, so it runs beside the other suites.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const root = path.join(import.meta.dirname, "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const result = new Promise<string>((resolve) => {
  execFile(process.execPath, [tsc, "-p", path.join(root, "tsconfig.json"), "--noEmit"], { cwd: root }, (_error, stdout, stderr) =>
    resolve(stdout + stderr),
  );
});

test("tsc --noEmit over the project reports nothing", async () => {
  assert.is(await result, "");
});

test.run();
