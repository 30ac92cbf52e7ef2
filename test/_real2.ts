import { check, nodeHost } from "../compiler/index.js";
const [f, overlay, ...codes] = process.argv.slice(2);
const r = check(nodeHost, f as string, overlay && overlay !== "-" ? { overlays: [overlay] } : {});
const shown = new Map<string, number>();
for (const d of r.diagnostics) {
  if (codes.length && !codes.includes(d.code)) continue;
  const n = shown.get(d.code) ?? 0; shown.set(d.code, n + 1);
  if (n >= 4) continue;
  const at = r.locate(d);
  console.log(`${at.file}:${at.line}:${at.column} ${d.severity} ${d.code}: ${d.message}`);
}
console.log(Object.fromEntries(shown));
