/**
 * The driver's cumulative energy counter (NVML `nvmlDeviceGetTotalEnergyConsumption`, mJ since
 * the driver was loaded, Volta and newer): read once when the sampler starts and once when it
 * stops, the difference is the energy over the window without any sampling. Pure: the readings
 * come in as values, the arithmetic and the cross-check with the sampled figure are here.
 */

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
 * whose counter went backwards (the driver was reloaded in between, which restarts the count)
 * has no usable delta. A counter that did not move reads as 0 J: the GPU drew too little for
 * one step, which is a measurement, not a failure.
 */
export function counterDeltas(start: CounterSnapshot, end: CounterSnapshot): Map<string, CounterDelta> {
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
    else if (last.energyMj < first.energyMj) delta.reason = "the counter went backwards: the driver was reloaded during the job";
    else delta.energyJ = (last.energyMj - first.energyMj) / 1000;
    deltas.set(first.uuid, delta);
  }
  return deltas;
}

/** What the cross-check of one GPU needs from the sampled side. */
export interface SampledGpu {
  /** Sampled (integrated) energy in J. */
  energyJ: number;
  /** Highest sampled power in W, bounds what the window edges can hold. */
  peakW: number;
}

/** Counter and sampled energy of one GPU side by side. */
export interface Comparison {
  /** (sampled - counter) / counter; `null` when the counter read 0 J. */
  disagreementFraction: number | null;
  /** Largest difference, J, that sensor accuracy and window edges explain. */
  toleranceJ: number;
  /** True when the two differ by more than `toleranceJ`. */
  disagrees: boolean;
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
  const toleranceJ = SENSOR_ACCURACY_FRACTION * counterJ + (edgeMs / 1000) * Math.max(0, sampled.peakW);
  return {
    disagreementFraction: counterJ > 0 ? (sampled.energyJ - counterJ) / counterJ : null,
    toleranceJ,
    disagrees: Math.abs(sampled.energyJ - counterJ) > toleranceJ,
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
