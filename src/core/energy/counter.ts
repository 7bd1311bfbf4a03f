/**
 * The driver's cumulative energy counter (NVML `nvmlDeviceGetTotalEnergyConsumption`, mJ since
 * the driver was loaded, Volta and newer): read when the sampler starts, every minute while it
 * runs (so that a reset in between is seen) and when it stops; the difference is the energy over
 * the window without any sampling. It is trusted only once sampling confirms it. Pure: the
 * readings come in as values, the arithmetic and the cross-check with the sampled figure are here.
 */
import type { CounterTrail } from "../log/counter-trail.js";

/** One GPU's counter as read at one moment. */
export interface CounterReading {
  /** `GPU-...` uuid, the key that matches nvidia-smi's rows. */
  uuid: string;
  /** Counter value in millijoules since the driver was loaded; `null` when the read failed. */
  energyMj: number | null;
  /** When the value was read, ms since the epoch. */
  readEpochMs: number;
  /** Why the read failed (NVML's error text, e.g. `Not Supported`); `null` when it worked. */
  error: string | null;
}

/** Every GPU's counter at one moment, or why the counter could not be read at all. */
export type CounterSnapshot = { ok: true; gpus: CounterReading[] } | { ok: false; reason: string };

/**
 * Stated accuracy of the board power sensor the counter and nvidia-smi both rely on: about
 * +/-5 % of the reading (Yang et al., SC'24, measured per board against an external meter; NVIDIA's
 * "+/-5 W" does not hold at high power). A larger disagreement is more than the sensor explains.
 */
export const SENSOR_ACCURACY_FRACTION = 0.05;

/** The counter advances in steps about every 100 ms, so each end of the window is that uncertain. */
export const COUNTER_UPDATE_MS = 100;

/**
 * Beyond this difference from sampling (plus the window edges) the counter is not believed: a
 * counter that never moves, or one reset by a driver reload, is off by far more; what sampling
 * can miss on bursty work over a whole job stays well inside it.
 */
export const PLAUSIBLE_FRACTION = 0.25;

/** Energy between two counter reads of one GPU, or why there is none. */
export interface CounterDelta {
  uuid: string;
  /** Energy over [startEpochMs, endEpochMs] in J; `null` when unusable (see `reason`). */
  energyJ: number | null;
  startEpochMs: number | null;
  endEpochMs: number | null;
  /** Why `energyJ` is `null`. */
  reason: string | null;
}

/**
 * Differences two snapshots per uuid. A GPU missing from either read, with a failed read, or
 * whose counter went backwards between any two reads, the mid-job ones (`trails`) included (the
 * driver was reloaded, which restarts the count), has no usable delta. A counter that did not
 * move reads as 0 J here; whether that is believable is for the check against sampling
 * (`compareEnergy`).
 */
export function counterDeltas(
  start: CounterSnapshot,
  end: CounterSnapshot,
  trails: Map<string, CounterTrail> = new Map(),
): Map<string, CounterDelta> {
  const deltas = new Map<string, CounterDelta>();
  if (!start.ok || !end.ok) return deltas;
  for (const first of start.gpus) {
    const last = end.gpus.find((g) => g.uuid === first.uuid);
    const delta: CounterDelta = {
      uuid: first.uuid,
      energyJ: null,
      startEpochMs: first.readEpochMs,
      endEpochMs: last?.readEpochMs ?? null,
      reason: null,
    };
    if (!last) delta.reason = "the GPU was missing from the counter read at the end";
    else if (first.energyMj === null) delta.reason = `the driver did not give its counter at the start (${first.error ?? "no value"})`;
    else if (last.energyMj === null) delta.reason = `the driver did not give its counter at the end (${last.error ?? "no value"})`;
    else if (last.energyMj < first.energyMj || wentBackwards(first.energyMj, trails.get(first.uuid), last.energyMj))
      delta.reason = "the counter went backwards: the driver was reloaded during the job";
    else delta.energyJ = (last.energyMj - first.energyMj) / 1000;
    deltas.set(first.uuid, delta);
  }
  return deltas;
}

/** True when the mid-job reads show a restart the two ends alone may hide (the end above the start). */
function wentBackwards(startMj: number, trail: CounterTrail | undefined, endMj: number): boolean {
  return trail !== undefined && (trail.backwards || trail.firstMj < startMj || endMj < trail.lastMj);
}

/** What the cross-check of one GPU needs from the sampled side. */
export interface SampledGpu {
  /** Sampled (integrated) energy in J. */
  energyJ: number;
  /** Highest sampled power in W, bounds what the window edges can hold. */
  peakW: number;
  /** Share of the window the samples cover, 0..1 (1 when absent): the counter also counts the gaps. */
  coverage?: number;
}

/** Counter and sampled energy of one GPU side by side. */
export interface Comparison {
  /** (sampled - counter) / counter; `null` when the counter read 0 J. */
  disagreementFraction: number | null;
  /** Largest difference, J, that sensor accuracy and window edges explain. */
  toleranceJ: number;
  /** True when the two differ by more than `toleranceJ`. */
  disagrees: boolean;
  /**
   * False when the counter is too far from sampling to be believed: more than `PLAUSIBLE_FRACTION`
   * of the larger figure plus the window edges, sampling scaled up to the whole window by its coverage.
   */
  plausible: boolean;
}

/**
 * Compares the two figures of one GPU. The tolerance is the sensor's stated accuracy
 * (`SENSOR_ACCURACY_FRACTION` of the counter's figure) plus what the two windows cannot both
 * see: the time between the counter reads and the sampler's start and stop, and one counter
 * step at each end, all at the GPU's peak power.
 */
export function compareEnergy(
  counterJ: number,
  sampled: SampledGpu,
  counterWindow: { startEpochMs: number; endEpochMs: number },
  sampledWindow: { startEpochMs: number; endEpochMs: number },
): Comparison {
  const edgeMs =
    Math.abs(counterWindow.startEpochMs - sampledWindow.startEpochMs) +
    Math.abs(counterWindow.endEpochMs - sampledWindow.endEpochMs) +
    2 * COUNTER_UPDATE_MS;
  const edgeJ = (edgeMs / 1000) * Math.max(0, sampled.peakW);
  const toleranceJ = SENSOR_ACCURACY_FRACTION * counterJ + edgeJ;
  const coverage = sampled.coverage ?? 1;
  const wholeWindowJ = coverage > 0 ? sampled.energyJ / coverage : sampled.energyJ;
  return {
    disagreementFraction: counterJ > 0 ? (sampled.energyJ - counterJ) / counterJ : null,
    toleranceJ,
    disagrees: Math.abs(sampled.energyJ - counterJ) > toleranceJ,
    plausible: Math.abs(wholeWindowJ - counterJ) <= PLAUSIBLE_FRACTION * Math.max(wholeWindowJ, counterJ) + edgeJ,
  };
}

/** Power at a GPU's window edges, W: its first and last sampled readings. */
export interface EdgePower {
  startW: number;
  endW: number;
}

/**
 * The counter's energy over the sampled window instead of its own. The hooks read the counter
 * a few hundred ms outside the sampler's start and stop (or inside, if it was slow to start);
 * that stretch is taken out (or added) at the power the first and last samples show, the same
 * hold the integrator applies at the window edges. Never below 0 J.
 */
export function trimToWindow(
  counterJ: number,
  counterWindow: { startEpochMs: number; endEpochMs: number },
  sampledWindow: { startEpochMs: number; endEpochMs: number },
  edge: EdgePower,
): number {
  const leadS = (sampledWindow.startEpochMs - counterWindow.startEpochMs) / 1000;
  const tailS = (counterWindow.endEpochMs - sampledWindow.endEpochMs) / 1000;
  return Math.max(0, counterJ - edge.startW * leadS - edge.endW * tailS);
}
