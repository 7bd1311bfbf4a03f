// Preloaded into a measured child (`node --import`): on exit, appends the process's peak
// resident memory (KiB) and CPU time (us) as one JSON line to the file named by BENCH_RUSAGE.
import { appendFileSync } from "node:fs";

process.on("exit", () => {
  const u = process.resourceUsage();
  if (process.env.BENCH_RUSAGE)
    appendFileSync(process.env.BENCH_RUSAGE, JSON.stringify({ maxRssKiB: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }) + "\n");
});
