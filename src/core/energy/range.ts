/**
 * The uncertainty range of an energy figure: where the true energy lies, given what is known about
 * the sensor and how the figure was obtained. Pure, no state: other sources (DCGM, merged jobs)
 * build ranges with the same functions. The model, and the meter data it was checked against,
 * are in docs/accuracy.md.
 *
 * A figure E whose relative error is at most h relative to the truth lies in [E/(1+h), E/(1-h)].
 * h combines, as independent errors (root sum of squares):
 * - the sensor's gain error (a fraction of the reading, by board family);
 * - its offset error (W, by board family), relative to the average power;
 * - sampling: the share of the time no reading saw, times how much power spread between readings,
 *   shrinking with the square root of the number of 1 s stretches (or sampling intervals) in the figure.
 * Then, added on one side:
 * - the lag of 1-second-averaged readings: a figure whose power rose from its first to its last
 *   reading misses up to lag x rise (and the other way round);
 * - uncovered time (gaps): it may have drawn up to the highest reading seen.
 */
import { AVERAGED_LAG_S, readsAveraged, seenFraction, type SensorProfile } from "./sensor.js";

/** A closed interval `[low, high]` around a figure, in the figure's unit; `low <= figure <= high`. */
export type Range = [low: number, high: number];

/** Largest factor a range reaches above its figure (a relative error near 100 % has no upper bound). */
export const MAX_RANGE_FACTOR = 4;

/** The relative sampling error above which a figure is flagged as bursty. */
export const BURSTY_SAMPLING_FRACTION = 0.1;

/** What a sampled (integrated) energy figure of one GPU is made of. */
export interface SampledFigure {
  /** The integrated energy, J. */
  energyJ: number;
  /** The window, ms. */
  windowMs: number;
  /** Time covered by readings, ms (the rest is a gap). */
  coveredMs: number;
  /** Time-weighted standard deviation of the readings, W. */
  spreadW: number;
  /** First and last readings, W. */
  firstW: number;
  lastW: number;
  /** Highest reading, W. */
  peakW: number;
  /** The sampling interval, ms. */
  intervalMs: number;
  /** The nvidia-smi column integrated. */
  powerField: string | null;
}

/** A range and what went into it. */
export interface RangeParts {
  /** The range, J. */
  rangeJ: Range;
  /** Relative error of the sensor (gain and offset together). */
  sensorFraction: number;
  /** Relative error of sampling (the unseen share of the time). */
  samplingFraction: number;
  /** Share of the time the readings saw, 0..1. */
  seenFraction: number;
}

/** The range of a figure with relative error at most `fraction` (relative to the truth). */
export function relativeRange(value: number, fraction: number): Range {
  const h = Math.max(0, fraction);
  const high = h < 1 ? value / (1 - h) : value * MAX_RANGE_FACTOR;
  return [value / (1 + h), Math.min(high, value * MAX_RANGE_FACTOR)];
}

/** Relative error of a sensor reading averaging `averageW`: gain and offset as independent errors. */
export function sensorFraction(profile: SensorProfile, averageW: number): number {
  const offset = averageW > 0 ? profile.offsetW / averageW : 1;
  return Math.hypot(profile.gainFraction, offset);
}

/**
 * Relative error from the time no reading saw: the unseen share x the spread of power relative
 * to its average x 1/sqrt(stretches), a stretch being 1 s or one sampling interval, whichever
 * is longer (a load that keeps in step with the sensor for about a second, as the meter's A100
 * square wave does, moves the figure for that long).
 */
export function samplingFraction(seen: number, spreadW: number, averageW: number, coveredMs: number, intervalMs: number): number {
  if (!(averageW > 0) || !(coveredMs > 0)) return 0;
  const stretchMs = Math.max(1000, intervalMs);
  return (1 - seen) * (spreadW / averageW) * Math.sqrt(stretchMs / Math.max(coveredMs, stretchMs));
}

/** The range of one GPU's sampled energy figure. */
export function sampledRange(figure: SampledFigure, profile: SensorProfile): RangeParts {
  const coveredS = figure.coveredMs / 1000;
  const averageW = coveredS > 0 ? figure.energyJ / coveredS : figure.lastW;
  const seen = seenFraction(profile, figure.powerField, figure.intervalMs);
  const sensor = sensorFraction(profile, averageW);
  const sampling = samplingFraction(seen, figure.spreadW, averageW, figure.coveredMs, figure.intervalMs);
  let [low, high] = relativeRange(figure.energyJ, Math.hypot(sensor, sampling));
  if (figure.energyJ === 0) high = profile.offsetW * coveredS;
  if (readsAveraged(profile, figure.powerField)) {
    const lagJ = AVERAGED_LAG_S * (figure.lastW - figure.firstW);
    if (lagJ > 0) high += lagJ;
    else low = Math.max(0, low + lagJ);
  }
  const uncoveredS = Math.max(0, figure.windowMs - figure.coveredMs) / 1000;
  high += uncoveredS * figure.peakW * (1 + profile.gainFraction);
  return { rangeJ: [low, high], sensorFraction: sensor, samplingFraction: sampling, seenFraction: seen };
}

/**
 * The range of a driver energy counter's figure over a window: the same sensor error, sampling
 * over every published reading (the counter adds them all, so only the sensor's own share of
 * each period is seen), and the counter's resolution at both ends (one update period at peak power).
 */
export function counterRange(
  counterJ: number,
  sampled: Pick<SampledFigure, "windowMs" | "spreadW" | "peakW">,
  profile: SensorProfile,
): RangeParts {
  const coveredS = sampled.windowMs / 1000;
  const averageW = coveredS > 0 ? counterJ / coveredS : 0;
  const sensor = sensorFraction(profile, averageW);
  const sampling = samplingFraction(profile.sensedFraction, sampled.spreadW, averageW, sampled.windowMs, profile.updatePeriodMs);
  const [low, high] = relativeRange(counterJ, Math.hypot(sensor, sampling));
  const resolutionJ = 2 * (profile.updatePeriodMs / 1000) * sampled.peakW;
  return {
    rangeJ: [Math.max(0, low - resolutionJ), high + resolutionJ],
    sensorFraction: sensor,
    samplingFraction: sampling,
    seenFraction: profile.sensedFraction,
  };
}

/** The sum of ranges (figures added together: GPUs of a job, jobs of a workflow); `null` when any is unknown. */
export function addRanges(ranges: readonly (Range | null)[]): Range | null {
  let low = 0;
  let high = 0;
  for (const range of ranges) {
    if (range === null) return null;
    low += range[0];
    high += range[1];
  }
  return [low, high];
}

/** A range times a factor (unit conversion, PUE, carbon intensity). */
export function scaleRange(range: Range, factor: number): Range {
  return [range[0] * factor, range[1] * factor];
}
