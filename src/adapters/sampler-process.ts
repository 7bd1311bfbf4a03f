/** Starting and stopping the detached sampler process. */
import { spawn } from "node:child_process";
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { START_TAG } from "../core/log/format.js";
import type { SamplerConfig } from "../sampler/config.js";
import { childEnv } from "./child-env.js";
import { describeKind, writeRegularFile } from "./safe-file.js";

/** Argument that marks our sampler's command line, so a reused pid is never killed by mistake. */
export const SAMPLER_MARKER = "--gpu-carbon-sampler";

/**
 * True while `pid` runs. A zombie (exited, not yet reaped) counts as gone: in a job container
 * whose first process never reaps, our exited sampler stays a zombie for ever.
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // no /proc: trust the signal check
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
 * neither waits for it nor stalls the step) and returns its pid. It gets no input, state or
 * token (see `childEnv`): it lives for the whole job, where later steps could read them.
 */
export function startSamplerProcess(samplerScript: string, config: SamplerConfig, configPath: string, logPath: string): number {
  const error = writeRegularFile(configPath, JSON.stringify(config));
  if (error) throw new Error(error);
  // Emptied: whatever was there is not this job's, and post reads it for the sampler's complaints.
  const log = openSync(
    logPath,
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_TRUNC | constants.O_NONBLOCK | constants.O_NOCTTY,
    0o644,
  );
  try {
    const stat = fstatSync(log);
    if (!stat.isFile()) throw new Error(`${logPath} is ${describeKind(stat)}, not a regular file`);
    const child = spawn(process.execPath, [samplerScript, SAMPLER_MARKER, configPath], {
      detached: true,
      stdio: ["ignore", log, log],
      env: childEnv(process.env),
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
    if (readPrefix(samplesPath, 4096).includes(START_TAG)) return true;
    await sleep(20);
  }
  return false;
}

/** The first `maxBytes` of a file ("" when there is none): bounded even if a device stands in for it. */
function readPrefix(file: string, maxBytes: number): string {
  let fd: number | null = null;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(maxBytes);
    const n = readSync(fd, buffer, 0, maxBytes, 0);
    return buffer.subarray(0, n).toString("utf8");
  } catch {
    return ""; // not created yet
  } finally {
    if (fd !== null) closeSync(fd);
  }
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
 * then SIGKILL to its whole process group. Idempotent and bounded (about `graceMs` + 1 s).
 *
 * A pid that no longer runs our sampler is never signalled: it may belong to someone else now.
 * Only when no process has that pid at all is its group killed, to end an nvidia-smi orphaned by
 * a sampler that was itself killed; a group whose leader is gone keeps its id reserved, so that
 * group can only be ours.
 * @returns how it ended
 */
export async function stopSamplerProcess(pid: number, graceMs = 5000): Promise<"stopped" | "killed" | "not-running"> {
  if (!isSampler(pid)) {
    if (!alive(pid)) killGroupOnly(pid);
    return "not-running";
  }
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    /* raced with its exit */
  }
  const stopped = await waitGone(pid, graceMs);
  if (stopped) killGroupOnly(pid);
  else killGroup(pid, "SIGKILL");
  if (!stopped) await waitGone(pid, 1000);
  return stopped ? "stopped" : "killed";
}

/** SIGKILL to the process group `pgid` only, never to a single process of that pid. */
function killGroupOnly(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    /* no such group: nothing left behind */
  }
}
