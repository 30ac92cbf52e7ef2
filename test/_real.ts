import { check, nodeHost } from "../compiler/index.js";
const files = process.argv.slice(2);
for (const f of files) {
  const t = performance.now();
  const r = check(nodeHost, f);
  const counts = new Map<string, number>();
  for (const d of r.diagnostics) counts.set(`${d.severity} ${d.code}`, (counts.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  const v = r.timings.find((x) => x.phase === "validate");
  console.log(f, Math.round(performance.now() - t), "ms; validate", Math.round(v?.ms ?? -1), "ms; ops", r.model?.operations.length);
  for (const [k, n] of [...counts].sort()) console.log("   ", n, k);
}
