#!/usr/bin/env node
// Runs every uvu suite (test/**/*.test.ts) in one process with the tsx loader, then prints the closing line
// `N passed, N failed` that CI reads. An argument is a regex that narrows which suites run.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const uvuBin = path.join(root, "node_modules", "uvu", "bin.js");
// Only *.test.ts files are suites; an argument narrows them further (`node test/run.mjs parse/`).
const filter = process.argv[2];
const pattern = filter ? `^(?=.*(?:${filter})).*\\.test\\.ts$` : "\\.test\\.ts$";
const child = spawn(process.execPath, ["--import", "tsx", uvuBin, "test", pattern, "--ignore", "(^|/)(helpers|\\.out|fixtures)/", "--no-color"], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, FORCE_COLOR: "0", NODE_DISABLE_COLORS: "1" },
});
let output = "";
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  output += chunk;
});
child.on("close", (code) => {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  if (Number.isNaN(total) || Number.isNaN(passed)) {
    console.log("0 passed, 1 failed");
    process.exitCode = code || 1;
    return;
  }
  const failed = total - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : code ?? 1;
});
