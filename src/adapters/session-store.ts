/** The session file: what `pre`/`main` started, for `post` (and later uses) to find. */
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CounterSnapshot } from "../core/energy/counter.js";
import type { GpuSelection } from "../core/nvidia-smi/gpu-selection.js";
import type { GpuSnapshot } from "./nvidia-smi.js";
import { ENV, FILE } from "../config/names.js";
import { readRegularFile, writeRegularFile } from "./safe-file.js";

export interface Session {
  version: 1;
  /** When the measurement started, ms since the epoch. */
  startedEpochMs: number;
  /** Sampling interval, ms. */
  intervalMs: number;
  /** True when a sampler is running; false when measuring was impossible (see warnings). */
  measuring: boolean;
  /** The sampler's pid, `null` when none was started. */
  samplerPid: number | null;
  /** The sample log. */
  samplesPath: string;
  /** nvidia-smi used, `null` when none was found. */
  nvidiaSmiPath: string | null;
  /** GPUs counted (see `selection`), with their power at start: the idle baseline. */
  gpus: GpuSnapshot[];
  /** Which GPUs were counted and why; absent when nvidia-smi could not be asked. */
  selection?: GpuSelection;
  /** Why measuring is impossible or limited. */
  warnings: string[];
  /** The driver's energy counters read just before the sampler started; absent when not read. */
  energyCounterStart?: CounterSnapshot;
  /**
   * `prometheus`: no sampler; post reads the window from the DCGM exporter through Prometheus.
   * Absent for the local sampler.
   */
  source?: "prometheus";
}

/**
 * The job's working folder: `$RUNNER_TEMP/gpu-carbon`. Without `RUNNER_TEMP` it is the folder the
 * first use of the action made for this job and exported (`GPU_CARBON_WORK_DIR`), never one
 * shared folder that every later job on the host would find; `null` when there is none yet.
 */
export function workDir(env: NodeJS.ProcessEnv): string | null {
  if (env.RUNNER_TEMP) return path.join(env.RUNNER_TEMP, FILE.workDir);
  return env[ENV.workDir] || null;
}

/** A new folder of this job's own in the OS temp folder, for a job without `RUNNER_TEMP`. */
export function makeOwnWorkDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), `${FILE.workDir}-`));
}

/** Creates the folder; returns an error message instead of throwing. */
export function ensureDir(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Which job a claim belongs to: the run, its attempt, the job and its matrix values. Two uses of
 * the action in one job agree on it; a later job whose work folder is the same one does not.
 */
export function jobIdentity(env: NodeJS.ProcessEnv, matrix: string): string {
  return JSON.stringify([env.GITHUB_RUN_ID ?? "", env.GITHUB_RUN_ATTEMPT ?? "", env.GITHUB_JOB ?? "", matrix]);
}

/**
 * Claims the job's measurement: `claimed` for the first use of the action in a job, `taken` when
 * an earlier use of this job claimed it (exactly one sampler per job), `stale` when the folder
 * holds another job's claim (or a claim that was never completed). A claim that cannot be written
 * is removed again and thrown, so that nothing half-made is left for the next use to trip on.
 */
export function claim(dir: string, identity: string): "claimed" | "taken" | "stale" {
  const lock = path.join(dir, FILE.lock);
  let fd: number;
  try {
    fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const held = readRegularFile(lock, 4096);
    return held.ok && held.text === identity ? "taken" : "stale";
  }
  try {
    const bytes = Buffer.from(identity);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    closeSync(fd);
    return "claimed";
  } catch (e) {
    closeSync(fd);
    unlinkSync(lock); // we just made it: an empty claim would stop every later use from measuring
    throw new Error(`could not write ${lock} (${(e as Error).message})`, { cause: e });
  }
}

/**
 * Moves a folder another job left behind aside (kept for whoever wants to look, never reused),
 * so that a fresh one can be made in its place. Returns where it went.
 */
export function moveAside(dir: string): string {
  const aside = `${dir}.stale-${Date.now()}`;
  renameSync(dir, aside);
  return aside;
}

/** Writes the session file; returns an error message instead of throwing (disk full, read-only). */
export function writeSession(file: string, session: Session): string | null {
  return writeRegularFile(file, JSON.stringify(session, null, 2));
}

/**
 * Reads at most `maxBytes` of a regular file; `null` for anything else (missing, a device, a
 * FIFO, too large), without ever blocking on it.
 */
export function readSmallFile(file: string, maxBytes: number): string | null {
  const read = readRegularFile(file, maxBytes);
  return read.ok ? read.text : null;
}

/** Reads the session file: the session, or why there is none (`null` when it simply is not there). */
export function loadSession(file: string): { session: Session } | { session: null; problem: string | null } {
  const read = readRegularFile(file, 4 << 20);
  if (!read.ok) return { session: null, problem: read.missing ? null : read.reason };
  try {
    const session = JSON.parse(read.text) as Session;
    if (session !== null && typeof session === "object" && session.version === 1) return { session };
  } catch {
    /* corrupt */
  }
  return { session: null, problem: `${file} is not a session gpu-carbon wrote` };
}

/** Reads the session file; `null` when it is missing, unreadable, not ours or corrupt. */
export function readSession(file: string): Session | null {
  return loadSession(file).session;
}
