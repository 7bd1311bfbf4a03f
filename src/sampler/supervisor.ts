/**
 * The sampler: a small detached process that supervises one looping `nvidia-smi` and writes
 * every line it prints to the sample log, stamped with this process's monotonic clock.
 *
 * It restarts nvidia-smi with backoff when it dies, restarts it when it goes silent (watchdog),
 * and stops itself when asked (SIGTERM/SIGINT), when the job that started it is gone, or after
 * a maximum duration, so that no sampler outlives its job on a shared host.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { isHeaderLine } from "../core/nvidia-smi-csv.js";
import { SAMPLER_LOG_MAGIC, formatEvent, formatHeader, formatRow, formatStart, formatStop } from "../core/sample-format.js";

/** What the sampler is told to do; written to a JSON file by whoever starts it. */
export interface SamplerConfig {
  /** Absolute path of the nvidia-smi executable. */
  nvidiaSmiPath: string;
  /** Arguments of the looping query. */
  args: string[];
  /** Sample log to append to. */
  samplesPath: string;
  /** Requested interval, ms (also the watchdog's unit). */
  intervalMs: number;
  /** Process whose exit means the job is gone (`null`: do not watch). */
  watchPid: number | null;
  /** Stop after this long whatever happens, ms. */
  maxDurationMs: number;
}

const BACKOFF_START_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
const WATCH_EVERY_MS = 2000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs the sampler until it is stopped; resolves after the log is closed. */
export function runSampler(config: SamplerConfig): Promise<string> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    const fd = openSync(config.samplesPath, "a");
    let writable = true;
    let child: ChildProcess | null = null;
    let carry = "";
    let stopping = false;
    let backoffMs = BACKOFF_START_MS;
    let lastOutputMs = 0;
    let childStartedMs = 0;
    let restartTimer: NodeJS.Timeout | null = null;

    const write = (lines: string[]) => {
      if (!writable || lines.length === 0) return;
      try {
        writeSync(fd, lines.join("\n") + "\n");
      } catch (e) {
        // Disk full or gone: keep supervising so the job is not disturbed; the report will show the gap.
        writable = false;
        process.stderr.write(`gpu-carbon sampler: cannot write samples (${(e as Error).message})\n`);
      }
    };

    const onStdout = (chunk: string) => {
      if (stopping) return;
      const t = now();
      lastOutputMs = t;
      const parts = (carry + chunk).split("\n");
      carry = parts.pop() ?? "";
      const out: string[] = [];
      for (const raw of parts) {
        const line = raw.replace(/\r$/, "");
        if (line.trim().length === 0) continue;
        out.push(isHeaderLine(line) ? formatHeader(t, line) : formatRow(t, line));
      }
      write(out);
    };

    const start = () => {
      restartTimer = null;
      if (stopping) return;
      carry = "";
      childStartedMs = now();
      lastOutputMs = childStartedMs;
      const proc = spawn(config.nvidiaSmiPath, config.args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TZ: "UTC" } });
      child = proc;
      proc.stdout?.setEncoding("utf8").on("data", onStdout);
      proc.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
        const t = now();
        write(
          chunk
            .split("\n")
            .filter((l) => l.trim())
            .map((l) => formatEvent(t, `nvidia-smi: ${l.trim()}`)),
        );
      });
      proc.on("error", (e) => write([formatEvent(now(), `nvidia-smi could not start: ${e.message}`)]));
      proc.on("close", (code, signal) => {
        if (child === proc) child = null;
        if (stopping) return;
        const t = now();
        write([
          formatEvent(t, `nvidia-smi exited (${code !== null ? `code ${code}` : `signal ${signal}`}); restarting in ${backoffMs} ms`),
        ]);
        // A loop that ran a while earns a fresh backoff; one that dies at once backs off further.
        backoffMs = t - childStartedMs > BACKOFF_MAX_MS ? BACKOFF_START_MS : backoffMs;
        restartTimer = setTimeout(start, backoffMs);
        backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
      });
    };

    const silenceLimitMs = Math.max(10 * config.intervalMs, 15_000);
    const watchdog = setInterval(
      () => {
        if (stopping || !child) return;
        const silentMs = now() - lastOutputMs;
        if (silentMs > silenceLimitMs) {
          write([formatEvent(now(), `watchdog: no output from nvidia-smi for ${Math.round(silentMs / 1000)} s; restarting it`)]);
          lastOutputMs = now();
          child.kill("SIGKILL");
        }
      },
      Math.min(Math.max(config.intervalMs, 500), 5000),
    );

    const watcher = setInterval(() => {
      if (config.watchPid !== null && !alive(config.watchPid)) stop("job-gone");
    }, WATCH_EVERY_MS);
    const deadline = setTimeout(() => stop("max-duration"), config.maxDurationMs);

    function stop(reason: string) {
      if (stopping) return;
      stopping = true;
      write([formatStop(now(), reason)]);
      clearInterval(watchdog);
      clearInterval(watcher);
      clearTimeout(deadline);
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      const done = () => {
        try {
          closeSync(fd);
        } catch {
          /* already closed */
        }
        resolve(reason);
      };
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return done();
      const kill = setTimeout(() => proc.kill("SIGKILL"), 1000);
      proc.once("close", () => {
        clearTimeout(kill);
        done();
      });
      proc.kill("SIGINT");
    }

    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => stop("signal"));

    write([SAMPLER_LOG_MAGIC, formatStart(Date.now(), config.intervalMs)]);
    start();
  });
}
