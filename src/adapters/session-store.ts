/** The session file: what `pre`/`main` started, for `post` (and later uses) to find. */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CounterSnapshot } from "../core/energy/counter.js";
import type { GpuSelection } from "../core/nvidia-smi/gpu-selection.js";
import type { GpuSnapshot } from "./nvidia-smi.js";
import { FILE } from "../config/names.js";
import { errorMessage } from "../core/errors.js";

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
}

/** The job's working folder: `$RUNNER_TEMP/gpu-carbon` (the OS temp folder outside a runner). */
export function workDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.RUNNER_TEMP || os.tmpdir(), FILE.workDir);
}

/** Creates the folder; returns an error message instead of throwing. */
export function ensureDir(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}

/**
 * Claims the job's measurement: true for the first use of the action in a job, false when an
 * earlier use already claimed it (exactly one sampler per job).
 */
export function claim(dir: string): boolean {
  try {
    writeFileSync(path.join(dir, FILE.lock), String(process.pid), { flag: "wx" });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** Writes the session file; returns an error message instead of throwing (disk full, read-only). */
export function writeSession(file: string, session: Session): string | null {
  try {
    writeFileSync(file, JSON.stringify(session, null, 2));
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}

/**
 * Reads at most `maxBytes` of a regular file; `null` for anything else (missing, a device, a
 * FIFO, too large). Reading a device such as /dev/zero would otherwise never end.
 */
export function readSmallFile(file: string, maxBytes: number): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, "r");
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return null;
    const buffer = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < buffer.length) {
      const n = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return buffer.subarray(0, offset).toString("utf8");
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Reads the session file; `null` when it is missing, unreadable, not ours or corrupt. */
export function readSession(file: string): Session | null {
  const text = readSmallFile(file, 4 << 20);
  if (text === null) return null;
  try {
    const session = JSON.parse(text) as Session;
    return session !== null && typeof session === "object" && session.version === 1 ? session : null;
  } catch {
    return null;
  }
}
