/**
 * The baseline a run is compared with: a robust centre (the median) of the last few runs of the
 * same label on the base branch, and their spread (the median absolute deviation), so one noisy
 * run neither hides nor fakes a regression. Pure.
 */
import type { Range } from "../energy/range.js";
import type { HistoryRecord } from "./records.js";
import type { Report } from "../report/report.js";

/** How many recent runs the baseline's median is taken over. */
export const BASELINE_RUNS = 5;

/** The relative range of a figure recorded without one (history written before ranges). */
export const UNRANGED_FRACTION = 0.05;

/** Robust centre of recent runs. */
export interface Baseline {
  /** Full ref the runs came from, e.g. `refs/heads/main`. */
  ref: string;
  /** Number of runs the medians are taken over (1 to `BASELINE_RUNS`). */
  runs: number;
  /** Median GPU energy, kWh. */
  energyKwh: number;
  /** Median absolute deviation of the runs' energy from that median, kWh: how much runs vary. */
  spreadKwh: number;
  /** The medians of the runs' range ends, kWh (a run recorded without a range counts as +/-5 %). */
  energyKwhRange: Range;
  /** Median emissions, kg CO2e; `null` when no run had them. */
  emissionsKg: number | null;
  /** Median window length, s. */
  durationSeconds: number;
  /** Median energy per minute of window, kWh/min (a longer run is not a less efficient one). */
  energyPerMinuteKwh: number | null;
}

/** The figures of one run that are compared. */
export interface RunFigures {
  energyKwh: number | null;
  /** The run's energy range, kWh (+/-5 % when the report has none); `null` when energy is unknown. */
  energyKwhRange: Range | null;
  emissionsKg: number | null;
  durationSeconds: number;
  /** kWh per minute of window; `null` when energy or duration is unknown or zero. */
  energyPerMinuteKwh: number | null;
}

/** A run against its baseline. Changes are percentages, `null` where either side is unknown or the baseline is 0. */
export interface Comparison {
  baseline: Baseline;
  current: RunFigures;
  energyPercent: number | null;
  emissionsPercent: number | null;
  durationPercent: number | null;
  energyPerMinutePercent: number | null;
  /**
   * Whether the change stands out from the noise: `up` when even the low end of this run's range
   * is above the baseline's median + 2 x spread, `down` when even its high end is below median -
   * 2 x spread, `within` otherwise; `null` when this run's energy is unknown.
   */
  noise: "up" | "down" | "within" | null;
}

/** The median of `values`; `null` for none. Even counts average the middle two. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A recorded figure's range: its own, else +/-`UNRANGED_FRACTION`. */
export function rangeOrDefault(energyKwh: number, range: Range | null | undefined): Range {
  return range ?? [energyKwh * (1 - UNRANGED_FRACTION), energyKwh * (1 + UNRANGED_FRACTION)];
}

/** kWh per minute of a window; `null` when either is unknown or the window is empty. */
export function energyPerMinute(energyKwh: number | null, durationSeconds: number): number | null {
  if (energyKwh === null || !(durationSeconds > 0)) return null;
  return energyKwh / (durationSeconds / 60);
}

/**
 * The baseline from `records` of branch `ref`: the newest `runs` fully measured records,
 * leaving out `excludeRunId` (the run being compared). `null` when there is none.
 */
export function baselineFrom(records: HistoryRecord[], ref: string, excludeRunId: number | null, runs = BASELINE_RUNS): Baseline | null {
  const usable = records
    .filter((r) => r.ref === ref && r.status === "measured" && r.runId !== excludeRunId)
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
    .slice(-runs);
  if (usable.length === 0) return null;
  const emissions = usable.flatMap((r) => (r.emissionsKg === null ? [] : [r.emissionsKg]));
  const perMinute = usable.flatMap((r) => {
    const value = energyPerMinute(r.energyKwh, r.durationSeconds);
    return value === null ? [] : [value];
  });
  const energyKwh = median(usable.map((r) => r.energyKwh))!;
  const ranges = usable.map((r) => rangeOrDefault(r.energyKwh, r.energyKwhRange));
  return {
    ref,
    runs: usable.length,
    energyKwh,
    spreadKwh: Number(median(usable.map((r) => Math.abs(r.energyKwh - energyKwh)))!.toPrecision(12)),
    energyKwhRange: [median(ranges.map((r) => r[0]))!, median(ranges.map((r) => r[1]))!],
    emissionsKg: median(emissions),
    durationSeconds: median(usable.map((r) => r.durationSeconds))!,
    energyPerMinuteKwh: median(perMinute),
  };
}

/** Percentage change from `base` to `value`; `null` when either is unknown or `base` is 0. */
export function percentChange(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return ((value - base) / base) * 100;
}

/** The figures of a report that are compared. */
export function runFigures(report: Report): RunFigures {
  return {
    energyKwh: report.energyKwh,
    energyKwhRange: report.energyKwh === null ? null : rangeOrDefault(report.energyKwh, report.energyKwhRange),
    emissionsKg: report.emissionsKg,
    durationSeconds: report.durationSeconds,
    energyPerMinuteKwh: energyPerMinute(report.energyKwh, report.durationSeconds),
  };
}

/** Compares a report with a baseline. */
export function compare(report: Report, baseline: Baseline): Comparison {
  return compareFigures(runFigures(report), baseline);
}

/** Compares a run's figures (a report's, or one job's of a merged run) with a baseline. */
export function compareFigures(current: RunFigures, baseline: Baseline): Comparison {
  return {
    baseline,
    current,
    energyPercent: percentChange(current.energyKwh, baseline.energyKwh),
    emissionsPercent: percentChange(current.emissionsKg, baseline.emissionsKg),
    durationPercent: percentChange(current.durationSeconds, baseline.durationSeconds),
    energyPerMinutePercent: percentChange(current.energyPerMinuteKwh, baseline.energyPerMinuteKwh),
    noise: noiseOf(current.energyKwhRange, baseline, 0),
  };
}

/**
 * The energy a run's range must stay under, kWh: the baseline's median raised by `percent`,
 * plus twice its spread (runs of the same code vary by about that much).
 */
export function noiseLimitKwh(baseline: Baseline, percent: number): number {
  return baseline.energyKwh * (1 + percent / 100) + 2 * baseline.spreadKwh;
}

/** Whether a run's range stands out from the baseline's noise, allowing `percent` more energy (see `Comparison.noise`). */
export function noiseOf(range: Range | null, baseline: Baseline, percent: number): Comparison["noise"] {
  if (range === null) return null;
  if (range[0] > noiseLimitKwh(baseline, percent)) return "up";
  if (range[1] < baseline.energyKwh - 2 * baseline.spreadKwh) return "down";
  return "within";
}
