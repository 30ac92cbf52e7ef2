/**
 * What the CLI prints besides diagnostics: the files a build wrote and how long each stage took.
 */
import type { CheckResult, PhaseTiming } from "../pipeline.js";

/** `portico: checked api.yaml (REST API, 14 operations): no errors, 2 warnings in 0.41 s` */
export function formatCheckSummary(spec: string, result: CheckResult, totalMs: number): string {
  const m = result.model;
  const what = m
    ? ` (${m.kind === "rest" ? "REST" : "HTTP"} API, ${m.operations.length} operation${m.operations.length === 1 ? "" : "s"}${m.websocket ? `, WebSocket API with ${m.websocket.routes.length} routes` : ""})`
    : "";
  return `portico: checked ${spec}${what}: ${formatCounts(result)} in ${formatMs(totalMs)}\n`;
}

/** `no errors, 2 warnings` / `1 error, 0 warnings`. */
export function formatCounts(result: Pick<CheckResult, "diagnostics" | "errorCount">): string {
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const errors = result.errorCount === 0 ? "no errors" : `${result.errorCount} error${result.errorCount === 1 ? "" : "s"}`;
  return `${errors}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

/** `  wrote out/openapi.aws.json  (12.4 kB)` lines, one per file, sorted. */
export function formatWritten(outDir: string, files: readonly { path: string; content: string }[]): string {
  const rows = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
  const width = Math.max(...rows.map((f) => f.path.length), 0);
  return rows
    .map((f) => `  wrote ${joinPath(outDir, f.path).padEnd(width + outDir.length + 1)}  ${formatSize(Buffer.byteLength(f.content))}\n`)
    .join("");
}

/** `setup 600 ms · load 120 ms · structure 40 ms · … · total 1.2 s` on one line; setup is loading the emitters. */
export function formatTimings(timings: readonly PhaseTiming[], setupMs: number, totalMs: number): string {
  const parts = [`setup ${formatMs(setupMs)}`, ...timings.map((t) => `${t.phase} ${formatMs(t.ms)}`)];
  return `  ${parts.join(" · ")} · total ${formatMs(totalMs)}\n`;
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith("/") ? dir + file : `${dir}/${file}`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** Bytes as B, kB or MB (powers of 1000, as npm prints them). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
