/**
 * Weighting a grid's changing intensity by when the energy was used. Pure.
 * A 10-hour run across a sunny afternoon is priced hour by hour: each slice of energy takes the
 * intensity of the period it fell in, and the job's intensity is the energy-weighted mean
 * sum(E_i x I_i) / sum(E_i), so that emissions = energy x that mean, as everywhere else.
 */
import { JOULES_PER_KWH } from "../units.js";

/** One period of a grid series (an hour, a half hour), epoch ms, end exclusive. */
export interface IntensityPeriod {
  startMs: number;
  endMs: number;
  /** Average intensity over the period, gCO2e/kWh. */
  gramsPerKwh: number;
}

/** Energy used over a stretch of time, epoch ms, spread evenly over it. */
export interface EnergySlice {
  startMs: number;
  endMs: number;
  energyKwh: number;
}

/** One period's share of the job. */
export interface WeightedPeriod {
  startMs: number;
  endMs: number;
  gramsPerKwh: number;
  /** Energy attributed to the period, kWh (before PUE). */
  energyKwh: number;
}

/** The job's energy-weighted intensity. */
export interface WeightedIntensity {
  /** sum(E_i x I_i) / sum(E_i), gCO2e/kWh. */
  gramsPerKwh: number;
  /** Periods that received energy, in time order. */
  periods: WeightedPeriod[];
  /** Fraction of the energy that fell outside every period and took the nearest one's figure, 0..1. */
  filledFraction: number;
}

/**
 * Energy slices from the report's power series: each point is the mean total power over a bucket
 * of `bucketSeconds` starting `secondsSinceStart` after the window start; the last bucket ends
 * at the window end.
 */
export function slicesFromPowerSeries(
  windowStartMs: number,
  windowEndMs: number,
  series: { bucketSeconds: number; points: [number, number][] },
): EnergySlice[] {
  const slices: EnergySlice[] = [];
  for (const [secondsSinceStart, watts] of series.points) {
    const startMs = windowStartMs + secondsSinceStart * 1000;
    const endMs = Math.min(windowEndMs, startMs + series.bucketSeconds * 1000);
    if (endMs <= startMs) continue;
    slices.push({ startMs, endMs, energyKwh: (watts * (endMs - startMs)) / (1000 * JOULES_PER_KWH) });
  }
  return slices;
}

function nearest(periods: IntensityPeriod[], startMs: number, endMs: number): number {
  const middle = (startMs + endMs) / 2;
  let best = 0;
  let bestDistance = Infinity;
  periods.forEach((p, i) => {
    const distance = middle < p.startMs ? p.startMs - middle : middle >= p.endMs ? middle - p.endMs : 0;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * Splits each slice's energy over the periods it overlaps, in proportion to the overlap; energy
 * outside every period goes to the nearest period (same series, so one basis). `null` when there
 * are no periods or no energy.
 */
export function energyWeightedIntensity(slices: EnergySlice[], periods: IntensityPeriod[]): WeightedIntensity | null {
  const sorted = [...periods].filter((p) => p.endMs > p.startMs).sort((a, b) => a.startMs - b.startMs);
  if (sorted.length === 0) return null;
  const energy = sorted.map(() => 0);
  let filledKwh = 0;
  let totalKwh = 0;
  for (const slice of slices) {
    const spanMs = slice.endMs - slice.startMs;
    if (spanMs <= 0 || slice.energyKwh <= 0) continue;
    totalKwh += slice.energyKwh;
    let placedKwh = 0;
    sorted.forEach((p, i) => {
      const overlapMs = Math.min(slice.endMs, p.endMs) - Math.max(slice.startMs, p.startMs);
      if (overlapMs <= 0) return;
      const share = (slice.energyKwh * overlapMs) / spanMs;
      energy[i] = (energy[i] ?? 0) + share;
      placedKwh += share;
    });
    const restKwh = slice.energyKwh - placedKwh;
    if (restKwh > slice.energyKwh * 1e-9) {
      const i = nearest(sorted, slice.startMs, slice.endMs);
      energy[i] = (energy[i] ?? 0) + restKwh;
      filledKwh += restKwh;
    }
  }
  if (totalKwh <= 0) return null;
  let weighted = 0;
  const used: WeightedPeriod[] = [];
  sorted.forEach((p, i) => {
    const kwh = energy[i] ?? 0;
    if (kwh <= 0) return;
    weighted += kwh * p.gramsPerKwh;
    used.push({ startMs: p.startMs, endMs: p.endMs, gramsPerKwh: p.gramsPerKwh, energyKwh: kwh });
  });
  return { gramsPerKwh: weighted / totalKwh, periods: used, filledFraction: filledKwh / totalKwh };
}
