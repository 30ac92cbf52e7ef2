// The floor: the least any tool must do with a spec. Reads the file and parses it (`JSON.parse` for .json,
// js-yaml `load` with CORE_SCHEMA otherwise), nothing else. Usage: node bench/floor.mjs <spec>
import { readFileSync } from "node:fs";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node bench/floor.mjs <spec>\n");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
let doc;
if (/\.json$/i.test(file)) {
  doc = JSON.parse(text);
} else {
  const yaml = (await import("js-yaml")).default;
  doc = yaml.load(text, { schema: yaml.CORE_SCHEMA });
}
if (doc === null || typeof doc !== "object") {
  process.stderr.write(`floor: ${file} does not hold a mapping at the top\n`);
  process.exitCode = 1;
}
