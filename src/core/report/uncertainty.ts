/**
 * The report's uncertainty ranges: one per GPU from its readings and its sensor, their sum for
 * the job, and the emissions range that follows. Pure; the model is in `energy/range.ts`.
 */
import type { GpuEnergy } from "../integrator.js";
import {
  BURSTY_SAMPLING_FRACTION,
  addRanges,
  counterRange,
  sampledRange,
  scaleRange,
  type Range,
  type RangeParts,
} from "../energy/range.js";
import { sensorProfile } from "../energy/sensor.js";
import { JOULES_PER_KWH, round } from "../units.js";

/** What went into one GPU's range, for the report. */
export interface GpuUncertainty {
  /** The sensor family whose figures were used (docs/accuracy.md lists them). */
  sensorFamily: string;
  /** Relative error of the sensor (gain and offset), 0..1. */
  sensorFraction: number;
  /** Relative error of sampling: the share of the time no reading saw, 0..1 and over. */
  samplingFraction: number;
  /** Share of the time the readings saw, 0..1. */
  seenFraction: number;
}

/** Rounds a range for the report: 12 significant digits, as energy figures are. */
export function preciseRange(range: Range): Range {
  return [Number(range[0].toPrecision(12)), Number(range[1].toPrecision(12))];
}

function uncertaintyOf(parts: RangeParts, family: string): GpuUncertainty {
  return {
    sensorFamily: family,
    sensorFraction: round(parts.sensorFraction, 4),
    samplingFraction: round(parts.samplingFraction, 4),
    seenFraction: round(parts.seenFraction, 4),
  };
}

/** One GPU's sampled range in kWh and what went into it; `null` range when the GPU has no energy. */
export function sampledGpuRange(
  gpu: GpuEnergy,
  name: string | null,
  windowMs: number,
  intervalMs: number,
  powerField: string | null,
): { energyKwhRange: Range | null; uncertainty: GpuUncertainty | null } {
  if (gpu.energyJ === null) return { energyKwhRange: null, uncertainty: null };
  const profile = sensorProfile(name);
  const parts = sampledRange(
    {
      energyJ: gpu.energyJ,
      windowMs,
      coveredMs: gpu.coveredMs,
      spreadW: gpu.spreadW,
      firstW: gpu.firstW ?? 0,
      lastW: gpu.lastW ?? 0,
      peakW: gpu.peakW ?? 0,
      intervalMs,
      powerField,
    },
    profile,
  );
  return { energyKwhRange: preciseRange(scaleRange(parts.rangeJ, 1 / JOULES_PER_KWH)), uncertainty: uncertaintyOf(parts, profile.family) };
}

/** The range of a GPU's counter figure, kWh, and what went into it. */
export function counterGpuRange(
  counterKwh: number,
  name: string | null,
  windowSeconds: number,
  spreadW: number,
  peakW: number,
): { energyKwhRange: Range; uncertainty: GpuUncertainty } {
  const profile = sensorProfile(name);
  const parts = counterRange(counterKwh * JOULES_PER_KWH, { windowMs: windowSeconds * 1000, spreadW, peakW }, profile);
  return { energyKwhRange: preciseRange(scaleRange(parts.rangeJ, 1 / JOULES_PER_KWH)), uncertainty: uncertaintyOf(parts, profile.family) };
}

/** The job's range: the sum of its measured GPUs' ranges; `null` when none has one. */
export function totalRange(gpus: readonly { energyKwh: number | null; energyKwhRange: Range | null }[]): Range | null {
  const measured = gpus.filter((gpu) => gpu.energyKwh !== null);
  if (measured.length === 0) return null;
  const sum = addRanges(measured.map((gpu) => gpu.energyKwhRange));
  return sum === null ? null : preciseRange(sum);
}

/**
 * The emissions range that goes with an energy range: the same relative bounds (emissions are
 * energy x PUE x intensity; the intensity's own uncertainty is not in it). `null` when either is unknown.
 */
export function emissionsRange(energyKwhRange: Range | null, energyKwh: number | null, emissionsKg: number | null): Range | null {
  if (energyKwhRange === null || energyKwh === null || emissionsKg === null) return null;
  if (energyKwh === 0) return [0, 0];
  return preciseRange(scaleRange(energyKwhRange, emissionsKg / energyKwh));
}

/** Below this many seconds of readings, a part-time sensor's figure cannot show whether the work is bursty. */
export const SHORT_PART_TIME_S = 10;

/** Power that moves by less than this fraction of its average is steady. */
const STEADY_SPREAD_FRACTION = 0.02;

/**
 * The warning for a GPU whose figure sampling may move by more than `BURSTY_SAMPLING_FRACTION`;
 * or, on a sensor that sees at most half of the time, a figure of under `SHORT_PART_TIME_S` whose
 * power moved at all: a load in step with the sensor's cycle looks smooth in so few readings
 * (1 s of the meter's A100 square wave reads 64 to 94 W where the card drew 128 W). `null` otherwise.
 */
export function burstyWarning(
  label: string,
  uncertainty: GpuUncertainty | null,
  figure: { coveredSeconds: number; spreadW: number; averageW: number },
): string | null {
  if (uncertainty === null) return null;
  const pct = (fraction: number): string => `${Math.round(fraction * 100)} %`;
  const moved = figure.averageW > 0 && figure.spreadW / figure.averageW > STEADY_SPREAD_FRACTION;
  if (uncertainty.samplingFraction <= BURSTY_SAMPLING_FRACTION) {
    if (uncertainty.seenFraction > 0.5 || figure.coveredSeconds >= SHORT_PART_TIME_S || !moved) return null;
    return (
      `${label}'s power moved, and its readings saw about ${pct(uncertainty.seenFraction)} of the time over only ${figure.coveredSeconds.toFixed(1)} s: ` +
      "bursty work in step with the sensor's cycle can look smooth in so few readings and be off by tens of percent, beyond the range shown. " +
      "A longer run averages it out; a shorter interval helps only until every value the driver publishes is read"
    );
  }
  return (
    `${label}'s power changed faster than its readings can follow (bursty work): the readings saw about ${pct(uncertainty.seenFraction)} of the time, ` +
    `so sampling alone may move the figure by about +/-${pct(uncertainty.samplingFraction)}; the range includes this. ` +
    "A longer run averages it out; a shorter interval helps only until every value the driver publishes is read"
  );
}
