/**
 * The sampler: a small detached process that supervises one looping `nvidia-smi` and writes
 * every line it prints to the sample log, timed on this process's monotonic clock by nvidia-smi's
 * own timestamp (see `row-clock.ts`; arrival only where a row has none that fits).
 *
 * It runs nvidia-smi under `stdbuf -oL` where that exists, so that rows come line by line; if they
 * still come in blocks, their timestamps time them and the watchdog waits for a block to fill
 * (`output-pace.ts`). It restarts nvidia-smi with backoff when it dies, restarts it when it goes
 * silent (watchdog), and stops itself when asked (SIGTERM/SIGINT), when the job that started it
 * is gone, or after a maximum duration, so that no sampler outlives its job on a shared host.
 * Nothing that goes wrong with nvidia-smi or the disk stops it early.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { readCounterSnapshot } from "../adapters/energy-counter-process.js";
import { locateExecutable } from "../adapters/nvidia-smi.js";
import { alive } from "../adapters/sampler-process.js";
import { FIELD, isHeaderLine, parseHeader, parseTimestampMs, splitCells } from "../core/nvidia-smi/csv.js";
import { RowClock } from "../core/log/row-clock.js";
import { SampleRollup } from "../core/log/rollup.js";
import { EVENT, SAMPLER_LOG_MAGIC, formatCounter, formatDiagnostic, formatEvent, formatStart, formatStop } from "../core/log/format.js";
import { OutputPace, minRowBytes, queryFields } from "./output-pace.js";
import { SampleWriter } from "./sample-writer.js";
import { DEFAULT_TIMING, type SamplerTiming } from "./timing.js";
import type { SamplerConfig } from "./config.js";

/** Exit codes of `stdbuf` itself (it failed, or could not run the command): then run nvidia-smi without it. */
const STDBUF_FAILED = new Set([125, 126, 127]);

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
    const clock = new RowClock();
    const fields = queryFields(config.args);
    const pace = new OutputPace(
      config.intervalMs,
      config.gpuCount ?? 1,
      minRowBytes(fields),
      Math.max(10 * config.intervalMs, timing.silenceFloorMs),
    );
    let stdbuf = locateExecutable("stdbuf", process.env.PATH);
    let child: ChildProcess | null = null;
    let carry = "";
    let stopping = false;
    let stopMs = Infinity;
    let sawOutput = false;
    let timestampAt: number | undefined;
    let backoffMs = timing.backoffStartMs;
    let lastOutputMs = 0;
    let childStartedMs = 0;
    let restartTimer: NodeJS.Timeout | null = null;
    let deadline: NodeJS.Timeout | null = null;
    let toldArrival = false;
    const rollup = new SampleRollup({ intervalMs: config.intervalMs, rawRowsMs: config.rawRowsMs, rollupMs: config.rollupMs });
    const observe = () => clock.observe(now(), Date.now());

    // The timestamp of a row (wall clock, epoch ms, as nvidia-smi runs with TZ=UTC); `null` without one.
    let lastStamp = "";
    let lastStampMs: number | null = null;
    const stampOf = (line: string): number | null => {
      if (timestampAt === undefined) return null;
      const comma = line.indexOf(",");
      const cell = timestampAt === 0 && comma >= 0 ? line.slice(0, comma).trim() : splitCells(line)[timestampAt];
      if (cell === undefined) return null;
      // Every GPU's row of an iteration carries the same timestamp.
      if (cell !== lastStamp) {
        lastStamp = cell;
        lastStampMs = parseTimestampMs(cell);
      }
      return lastStampMs;
    };

    const onStdout = (chunk: string) => {
      const arrivalMs = now();
      observe();
      lastOutputMs = arrivalMs;
      sawOutput = true;
      const parts = (carry + chunk).split("\n");
      carry = parts.pop() ?? "";
      const out: string[] = [];
      let rows = 0;
      let bytes = 0;
      let oldestDelayMs = 0;
      for (const raw of parts) {
        const line = raw.replace(/\r$/, "");
        if (line.trim().length === 0) continue;
        if (isHeaderLine(line)) {
          timestampAt = parseHeader(line).positions.get(FIELD.timestamp);
          // Timed when this nvidia-smi started: its header may arrive late with its first rows.
          out.push(...rollup.line(childStartedMs, line));
          continue;
        }
        const { tMs, timing: how } = clock.time(stampOf(line), arrivalMs);
        if (how === "arrival" && timestampAt !== undefined && !toldArrival && clock.arrivalTimed > 0) {
          toldArrival = true;
          out.push(formatEvent(arrivalMs, "nvidia-smi's timestamps do not match the host's clock; rows are timed on arrival"));
        }
        if (tMs > stopMs) continue; // printed after the window closed
        if (rows === 0) oldestDelayMs = arrivalMs - tMs;
        rows += 1;
        bytes += line.length + 1;
        out.push(...rollup.line(tMs, line));
      }
      if (pace.arrived(rows, bytes, oldestDelayMs)) {
        out.push(
          formatEvent(
            arrivalMs,
            `nvidia-smi's output arrives in blocks, up to ${Math.round(oldestDelayMs / 1000)} s late; rows are timed by nvidia-smi's own timestamps`,
          ),
        );
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
      sawOutput = false;
      timestampAt = undefined;
      pace.reset();
      clock.restart();
      childStartedMs = now();
      lastOutputMs = childStartedMs;
      // Asks for line buffering where coreutils' stdbuf is there; rows are timed right without it too.
      const wrapped = stdbuf;
      const proc = wrapped
        ? spawn(wrapped, ["-oL", config.nvidiaSmiPath, ...config.args], {
            stdio: ["ignore", "pipe", "pipe"],
            env: { ...process.env, TZ: "UTC" },
          })
        : spawn(config.nvidiaSmiPath, config.args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TZ: "UTC" } });
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
        if (wrapped && !sawOutput && code !== null && STDBUF_FAILED.has(code)) {
          stdbuf = null;
          log.write([formatEvent(now(), `stdbuf could not run nvidia-smi (exit ${code}); running it without line buffering`)]);
          backoffMs = timing.backoffStartMs;
          start();
          return;
        }
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

    const floorMs = Math.max(10 * config.intervalMs, timing.silenceFloorMs);
    const watchdog = setInterval(
      () => {
        observe();
        const proc = child;
        if (stopping || !proc) return;
        const silentMs = now() - lastOutputMs;
        if (silentMs > pace.silenceLimitMs()) {
          log.write([
            formatEvent(now(), `${EVENT.watchdog}: no output from nvidia-smi for ${Math.round(silentMs / 1000)} s; restarting it`),
          ]);
          lastOutputMs = now();
          killAndAbandon(proc, () => {
            if (!stopping && !restartTimer) scheduleRestart(`${EVENT.didNotExit} when killed; abandoned`);
          });
        }
      },
      Math.min(Math.max(config.intervalMs, 500), 5000, Math.max(100, Math.floor(floorMs / 3))),
    );

    // The driver's energy counter, read every minute: a reset in between (a driver reload) shows
    // as a value below the one before, even when the count has passed its start value by the end.
    let counterBusy = false;
    const counterScript = config.counterScript;
    const counter = counterScript
      ? setInterval(() => {
          if (counterBusy) return;
          counterBusy = true;
          void readCounterSnapshot(counterScript, process.env).then((snapshot) => {
            counterBusy = false;
            if (!stopping && snapshot.ok) log.write([formatCounter(now(), snapshot.gpus)]);
          });
        }, timing.counterEveryMs)
      : null;

    const watcher = setInterval(() => {
      if (config.watchPid !== null && !alive(config.watchPid)) stop("job-gone");
    }, timing.watchEveryMs);

    // Re-armed in steps: a single timer longer than about 24.8 days would fire at once.
    const armDeadline = () => {
      const leftMs = (timing.maxDurationMs ?? config.maxDurationMs) - now();
      if (leftMs <= 0) return stop("max-duration");
      deadline = setTimeout(armDeadline, Math.min(leftMs, TIMER_MAX_MS));
    };

    // The window closes now; rows nvidia-smi still holds (a block not yet full) come out when it
    // exits, and those printed before now are kept. The stop record follows them.
    function stop(reason: string) {
      if (stopping) return;
      stopping = true;
      stopMs = now();
      clearInterval(watchdog);
      clearInterval(watcher);
      if (counter) clearInterval(counter);
      if (deadline) clearTimeout(deadline);
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        log.write([...rollup.flush(stopMs), formatStop(stopMs, reason)]);
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

    // The window's wall-clock start and the sampler clock's zero, read together.
    const startMs = now();
    const epochMs = Date.now();
    clock.observe(startMs, epochMs);
    log.write([SAMPLER_LOG_MAGIC, formatStart(epochMs - startMs, config.intervalMs)]);
    armDeadline();
    start();
  });
}
