// Running measured child processes: wall time, peak memory and CPU time of each.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const RUSAGE = path.join(import.meta.dirname, "rusage.mjs");

/** Clock ticks per second of /proc CPU times. */
export const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * Runs `node <args>` to completion with the rusage preload; resolves with its wall time (ms),
 * peak resident memory (MiB), CPU time (s) and output.
 */
export function measureNode(args, { env = process.env, rusageFile, stdout = "ignore" } = {}) {
  return new Promise((resolve, reject) => {
    rmSync(rusageFile, { force: true });
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--import", RUSAGE, ...args], {
      env: { ...env, BENCH_RUSAGE: rusageFile },
      stdio: ["ignore", stdout, "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`node ${args.join(" ")} exited ${code}: ${err}`));
      const usage = existsSync(rusageFile) ? JSON.parse(readFileSync(rusageFile, "utf8").trim().split("\n").pop()) : {};
      resolve({ wallMs, maxRssMiB: usage.maxRssKiB / 1024, cpuS: usage.cpuUs / 1e6, stdout: out });
    });
  });
}

/**
 * CPU seconds a live process has used so far (Linux /proc): the nanosecond run time of all its
 * threads from `schedstat` where the kernel keeps it, else user + system ticks. `null` if unknown.
 */
export function processCpuS(pid) {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`))
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    if (Number.isFinite(ns)) return ns / 1e9;
  } catch {
    /* no schedstat: fall back to ticks */
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Pids of a process's direct children (Linux /proc). */
export function childPids(pid) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

/** The median of some numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs any command to completion; resolves with its wall time (ms) and output. */
export function measureCommand(command, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${err}`));
      resolve({ wallMs, stdout: out });
    });
  });
}
