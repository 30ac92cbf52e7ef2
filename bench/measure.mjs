// Preloaded into every measured child (`node --import ./bench/measure.mjs <script> …`). When the process exits it
// writes one JSON line with its own resource usage: CPU time (user and system, microseconds) and peak resident set
// size (kilobytes, `maxRSS`). The line goes to the file descriptor named by BENCH_USAGE_FD (the runner opens a pipe
// there); run by hand, without that variable, it goes to stderr.
import { writeSync } from "node:fs";

const fd = Number(process.env["BENCH_USAGE_FD"] ?? 2);

process.on("exit", (code) => {
  const usage = process.resourceUsage();
  const line = JSON.stringify({
    userMicros: usage.userCPUTime,
    systemMicros: usage.systemCPUTime,
    maxRssKb: usage.maxRSS,
    exitCode: code,
  });
  writeSync(fd, line + "\n");
});
