/**
 * The idle baseline: what the counted GPUs drew in `pre`, before the job's first step, and the
 * job's energy above it. Pure.
 *
 * Rule: each GPU's idle energy is its power at `pre` times the time its readings cover (gaps are
 * not charged); energy above idle is the measured energy less that, per GPU, never below 0 (a GPU
 * that later drew less than at `pre`, in a deeper power state, adds 0 rather than a negative).
 */
import type { GpuEnergy } from "../integrator.js";
import { joulesToKwh, round } from "../units.js";

/** The baseline, as the report shows it. */
export interface IdleReport {
  /** Power of the counted GPUs at `pre`, summed, W (one `power.draw` reading each). */
  powerWatts: number;
  /** That power over the covered time, kWh: what the GPUs would have drawn doing nothing. */
  energyKwh: number;
  /** Measured energy above idle, kWh: what the job's work added. */
  aboveIdleEnergyKwh: number;
}

/** A GPU's reading at `pre`. */
export interface IdleReading {
  index: string | null;
  uuid: string | null;
  powerW: number | null;
}

/** The baseline, or `null` when some measured GPU has no reading at `pre` (no honest baseline). */
export function idleBaseline(gpus: GpuEnergy[], readings: IdleReading[]): IdleReport | null {
  const measured = gpus.filter((gpu) => gpu.energyJ !== null);
  if (measured.length === 0) return null;
  let powerW = 0;
  let idleJ = 0;
  let aboveJ = 0;
  for (const gpu of measured) {
    const reading = readings.find((r) => (gpu.uuid !== null ? r.uuid === gpu.uuid : r.index === gpu.index));
    if (!reading || reading.powerW === null) return null;
    const gpuIdleJ = reading.powerW * (gpu.coveredMs / 1000);
    powerW += reading.powerW;
    idleJ += gpuIdleJ;
    aboveJ += Math.max(0, (gpu.energyJ ?? 0) - gpuIdleJ);
  }
  return { powerWatts: round(powerW, 2), energyKwh: round(joulesToKwh(idleJ)), aboveIdleEnergyKwh: round(joulesToKwh(aboveJ)) };
}
