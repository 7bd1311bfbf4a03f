/** Starting and stopping the detached sampler process. */
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import type { SamplerConfig } from "../sampler/supervisor.js";

/** Argument that marks our sampler's command line, so a reused pid is never killed by mistake. */
export const SAMPLER_MARKER = "--gpu-carbon-sampler";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when `pid` runs our sampler (checked through /proc where it exists). */
export function isSampler(pid: number): boolean {
  if (!alive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(SAMPLER_MARKER);
  } catch {
    return true; // no /proc: trust the pid we saved
  }
}

/**
 * Starts the sampler bundle detached (its own process group, no inherited pipes, so the runner
 * neither waits for it nor stalls the step) and returns its pid.
 */
export function startSamplerProcess(samplerScript: string, config: SamplerConfig, configPath: string, logPath: string): number {
  writeFileSync(configPath, JSON.stringify(config));
  const log = openSync(logPath, "a");
  try {
    const child = spawn(process.execPath, [samplerScript, SAMPLER_MARKER, configPath], {
      detached: true,
      stdio: ["ignore", log, log],
      env: process.env,
    });
    child.unref();
    if (child.pid === undefined) throw new Error("the sampler process did not start");
    return child.pid;
  } finally {
    closeSync(log);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the sampler has opened its log and written the window start, so that work started
 * afterwards lies inside the measurement window. Returns false after `timeoutMs`.
 */
export async function waitForSamplerStart(samplesPath: string, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if (readFileSync(samplesPath, "utf8").includes("@start\t")) return true;
    } catch {
      /* not created yet */
    }
    await sleep(20);
  }
  return false;
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await sleep(25);
  }
  return !alive(pid);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Stops the sampler: SIGTERM (it writes its stop record and stops nvidia-smi), a bounded wait,
 * then SIGKILL to its whole process group. Idempotent; always leaves no process of ours behind.
 * @returns how it ended
 */
export async function stopSamplerProcess(pid: number, graceMs = 5000): Promise<"stopped" | "killed" | "not-running"> {
  if (!isSampler(pid)) {
    killGroup(pid, "SIGKILL"); // an orphaned nvidia-smi may still hold the group
    return "not-running";
  }
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    /* raced with its exit */
  }
  const stopped = await waitGone(pid, graceMs);
  killGroup(pid, "SIGKILL");
  if (!stopped) await waitGone(pid, 1000);
  return stopped ? "stopped" : "killed";
}
