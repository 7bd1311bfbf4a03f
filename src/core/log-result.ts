/** What reading a sample log produces (see `sample-log.ts`). */
import type { GpuEnergy } from "./energy.js";
import type { PowerSeries } from "./power-series.js";

/** What reading a whole log produced. */
export interface LogResult {
  /** `sampler` for gpu-carbon's own log, `nvidia-smi` for a plain CSV log. */
  format: "sampler" | "nvidia-smi";
  /** Wall-clock time the window started, ms since the epoch (`null` when the log cannot tell). */
  startEpochMs: number | null;
  /** Measurement window length in ms. */
  windowMs: number;
  /** The sampling interval requested (sampler log) or inferred from the timestamps (plain log). */
  intervalMs: number;
  /** The longest interval bridged, ms. */
  gapMs: number;
  /** Column integrated (`power.draw` unless the log lacks it); `null` when there was none. */
  powerField: string | null;
  /** Per-GPU energy, in the order first seen. */
  gpus: GpuEnergy[];
  /** Downsampled total power for charts. */
  series: PowerSeries;
  /** Rows that could not be used: wrong column count, no header yet, garbage, cut-off lines. */
  malformedLines: number;
  /** Event lines written by the sampler (nvidia-smi exits, restarts, stderr). */
  eventCount: number;
  /** The first few distinct event and malformed-line texts, for warnings. */
  events: string[];
  /** Backward clock steps and DST changes taken out of a plain log. */
  clockJumps: number;
  /** Why the sampler stopped (`signal`, `job-gone`, `max-duration`), `null` when it did not say. */
  stopReason: string | null;
}
