/**
 * The sampler: a small detached process that supervises one looping `nvidia-smi` and writes
 * every line it prints to the sample log, stamped with this process's monotonic clock.
 *
 * It restarts nvidia-smi with backoff when it dies, restarts it when it goes silent (watchdog),
 * and stops itself when asked (SIGTERM/SIGINT), when the job that started it is gone, or after
 * a maximum duration, so that no sampler outlives its job on a shared host. Nothing that goes
 * wrong with nvidia-smi or the disk stops it early.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { alive } from "../adapters/sampler-process.js";
import { SampleRollup } from "../core/log/rollup.js";
import { EVENT, SAMPLER_LOG_MAGIC, formatDiagnostic, formatEvent, formatStart, formatStop } from "../core/log/format.js";
import { SampleWriter } from "./sample-writer.js";
import { DEFAULT_TIMING, type SamplerTiming } from "./timing.js";
import type { SamplerConfig } from "./config.js";

/** Longest delay `setTimeout` honours; a longer one fires at once (Node clamps it to 1 ms). */
const TIMER_MAX_MS = 2 ** 31 - 1;

/** Writes a diagnostic to the sampler's own log (stderr); never throws, even on a full disk. */
function diagnose(message: string): void {
  try {
    process.stderr.write(`${formatDiagnostic(message)}\n`);
  } catch {
    /* nowhere left to say it */
  }
}

/** Runs the sampler until it is stopped; resolves with the reason after the log is closed. */
export function runSampler(config: SamplerConfig, timing: SamplerTiming = DEFAULT_TIMING): Promise<string> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    const log = new SampleWriter(config.samplesPath, now, diagnose);
    let child: ChildProcess | null = null;
    let carry = "";
    let stopping = false;
    let backoffMs = timing.backoffStartMs;
    let lastOutputMs = 0;
    let childStartedMs = 0;
    let restartTimer: NodeJS.Timeout | null = null;
    let deadline: NodeJS.Timeout | null = null;
    const rollup = new SampleRollup({ intervalMs: config.intervalMs, rawRowsMs: config.rawRowsMs, rollupMs: config.rollupMs });

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
        out.push(...rollup.line(t, line));
      }
      log.write(out);
    };

    const scheduleRestart = (why: string) => {
      const t = now();
      // A loop that ran a while earns a fresh backoff; one that dies at once backs off further.
      if (t - childStartedMs > timing.backoffMaxMs) backoffMs = timing.backoffStartMs;
      log.write([formatEvent(t, `${why}; restarting in ${backoffMs} ms`)]);
      restartTimer = setTimeout(start, backoffMs);
      backoffMs = Math.min(backoffMs * 2, timing.backoffMaxMs);
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
        log.write(
          chunk
            .split("\n")
            .filter((l) => l.trim())
            .map((l) => formatEvent(t, `nvidia-smi: ${l.trim()}`)),
        );
      });
      proc.on("error", (e) => log.write([formatEvent(now(), `${EVENT.couldNotStart}: ${e.message}`)]));
      proc.on("close", (code, signal) => {
        if (child !== proc) return; // abandoned earlier: its replacement is already scheduled
        child = null;
        if (stopping) return;
        scheduleRestart(`${EVENT.exited} (${code !== null ? `code ${code}` : `signal ${signal}`})`);
      });
    };

    // Kills a child that will not exit; gives up on it (and starts another) if even SIGKILL does
    // not end it in time, as with a process stuck in the driver.
    const killAndAbandon = (proc: ChildProcess, then: () => void) => {
      proc.kill("SIGKILL");
      const abandon = setTimeout(() => {
        if (child === proc) child = null;
        then();
      }, timing.killGraceMs);
      proc.once("close", () => clearTimeout(abandon));
    };

    const silenceLimitMs = Math.max(10 * config.intervalMs, timing.silenceFloorMs);
    const watchdog = setInterval(
      () => {
        const proc = child;
        if (stopping || !proc) return;
        const silentMs = now() - lastOutputMs;
        if (silentMs > silenceLimitMs) {
          log.write([
            formatEvent(now(), `${EVENT.watchdog}: no output from nvidia-smi for ${Math.round(silentMs / 1000)} s; restarting it`),
          ]);
          lastOutputMs = now();
          killAndAbandon(proc, () => {
            if (!stopping && !restartTimer) scheduleRestart(`${EVENT.didNotExit} when killed; abandoned`);
          });
        }
      },
      Math.min(Math.max(config.intervalMs, 500), 5000, Math.max(100, Math.floor(silenceLimitMs / 3))),
    );

    const watcher = setInterval(() => {
      if (config.watchPid !== null && !alive(config.watchPid)) stop("job-gone");
    }, timing.watchEveryMs);

    // Re-armed in steps: a single timer longer than about 24.8 days would fire at once.
    const armDeadline = () => {
      const leftMs = (timing.maxDurationMs ?? config.maxDurationMs) - now();
      if (leftMs <= 0) return stop("max-duration");
      deadline = setTimeout(armDeadline, Math.min(leftMs, TIMER_MAX_MS));
    };

    function stop(reason: string) {
      if (stopping) return;
      stopping = true;
      const t = now();
      log.write([...rollup.flush(t), formatStop(t, reason)]);
      clearInterval(watchdog);
      clearInterval(watcher);
      if (deadline) clearTimeout(deadline);
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        log.close();
        resolve(reason);
      };
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return done();
      proc.once("close", done);
      const kill = setTimeout(() => killAndAbandon(proc, done), timing.killGraceMs / 2);
      proc.once("close", () => clearTimeout(kill));
      proc.kill("SIGINT");
    }

    process.stderr.on("error", () => undefined); // a full disk must not turn a diagnostic into a crash
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => stop("signal"));
    // Whatever else goes wrong inside the sampler, close the log properly instead of dying mid-line.
    process.on("uncaughtException", (e) => {
      diagnose(`unexpected error: ${e.stack ?? e.message}`);
      stop("error");
    });

    log.write([SAMPLER_LOG_MAGIC, formatStart(Date.now(), config.intervalMs)]);
    armDeadline();
    start();
  });
}
