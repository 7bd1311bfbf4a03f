/**
 * Energy broken down over named stretches of a job (workflow steps, phases). Pure: converts
 * wall-clock spans to windows on the log's clock and sub-window energy to report rows.
 *
 * Clock rule: the sampler stamps readings in ms since its `@start` record, whose wall-clock
 * epoch is in the log; a span's wall-clock time maps to `epochMs - startEpochMs` on that clock,
 * clipped to the measurement window. Both clocks are the runner host's own.
 */
import type { GpuIdentity } from "../gpu.js";
import { joulesToKwh, round } from "../units.js";
import { WindowEnergy, type TimeWindow, type WindowEnergyResult } from "./windows.js";

/** A named stretch of the job in wall-clock time, ms since the epoch. */
export interface Span {
  name: string;
  startEpochMs: number;
  /** `null`: still running, so it lasts until the end of the measurement. */
  endEpochMs: number | null;
}

/** What one step or phase drew, all measured GPUs together. */
export interface SpanReport {
  /** The step's or phase's name. */
  name: string;
  /** Start, ISO 8601 UTC (as given: whole seconds for steps). */
  startedAt: string;
  /** End, ISO 8601 UTC; `null` while still running when the report was made. */
  endedAt: string | null;
  /** Time inside the measurement window, s. */
  durationSeconds: number;
  /** Energy over the span before PUE, kWh; `null` when the job's energy is unknown. */
  energyKwh: number | null;
  /** `energyKwh` divided by the job's energy, 0..1; `null` when either is unknown or 0. */
  share: number | null;
  /** `energyKwh` over `durationSeconds`, W (all GPUs together); `null` when unknown or 0 s long. */
  averageWatts: number | null;
  /** Time covered by valid readings over the span's duration, mean over GPUs, 0..1. */
  coverage: number;
}

/** The spans as windows on the log's clock, from 0 on; a running span has no end (Infinity). */
export function spanWindows(spans: Span[], startEpochMs: number): TimeWindow[] {
  return spans.map((span) => {
    const startMs = Math.max(0, span.startEpochMs - startEpochMs);
    const endMs = span.endEpochMs === null ? Number.POSITIVE_INFINITY : span.endEpochMs - startEpochMs;
    return { startMs, endMs: Math.max(startMs, endMs) };
  });
}

/**
 * Energy per span while a log is read: feed it every reading the integrator gets. The windows
 * are placed when the first reading arrives, by which time the log's `@start` epoch is known.
 */
export class SpanEnergy {
  private energy: WindowEnergy | null = null;
  private windows: TimeWindow[] = [];

  constructor(
    readonly spans: Span[],
    private readonly gapMs: number,
  ) {}

  /** Adds one reading; `startEpochMs` is the log's `@start` epoch. */
  add(startEpochMs: number, tMs: number, identity: GpuIdentity, powerW: number | null): void {
    if (this.spans.length === 0) return;
    if (!this.energy) {
      this.windows = spanWindows(this.spans, startEpochMs);
      this.energy = new WindowEnergy(this.windows, { gapMs: this.gapMs });
    }
    this.energy.add(tMs, identity, powerW);
  }

  /** An interruption of the log (nvidia-smi restarted): not bridged, as in the whole-job total. */
  interrupt(): void {
    this.energy?.interrupt();
  }

  /** One row per span, for a measurement window [0, windowMs] (see `spanReports`). */
  rows(windowMs: number, totalEnergyKwh: number | null, gpuCount: number): SpanReport[] {
    if (this.spans.length === 0) return [];
    const windows = this.energy ? this.windows : this.spans.map(() => ({ startMs: 0, endMs: 0 }));
    const clipped = windows.map((w) => ({ startMs: Math.min(w.startMs, windowMs), endMs: Math.min(w.endMs, windowMs) }));
    const results = this.energy ? this.energy.finish(0, windowMs) : [];
    return spanReports(this.spans, clipped, results, totalEnergyKwh, gpuCount);
  }
}

/**
 * Report rows for spans, from their windows and the energy integrated over each.
 * @param totalEnergyKwh the job's energy (for `share`); `null` when unknown
 * @param gpuCount GPUs that contributed (for `coverage`)
 */
export function spanReports(
  spans: Span[],
  windows: TimeWindow[],
  results: WindowEnergyResult[],
  totalEnergyKwh: number | null,
  gpuCount: number,
): SpanReport[] {
  return spans.map((span, i) => {
    const window = windows[i] ?? { startMs: 0, endMs: 0 };
    const result = results[i] ?? { energyJ: 0, coveredMs: 0 };
    const durationMs = window.endMs - window.startMs;
    const known = totalEnergyKwh !== null;
    const energyKwh = known ? round(joulesToKwh(result.energyJ)) : null;
    return {
      name: span.name,
      startedAt: new Date(span.startEpochMs).toISOString(),
      endedAt: span.endEpochMs === null ? null : new Date(span.endEpochMs).toISOString(),
      durationSeconds: round(durationMs / 1000, 3),
      energyKwh,
      share: energyKwh !== null && totalEnergyKwh ? round(energyKwh / totalEnergyKwh, 4) : null,
      averageWatts: known && durationMs > 0 ? round(result.energyJ / (durationMs / 1000), 2) : null,
      coverage: gpuCount > 0 && durationMs > 0 ? round(Math.min(1, result.coveredMs / (gpuCount * durationMs)), 4) : 0,
    };
  });
}

/**
 * Energy of the job outside every span, kWh: the total less the spans' energy. Meaningful only
 * for spans that do not overlap (steps after `stepSpans`). `null` when the total is unknown.
 */
export function outsideEnergyKwh(rows: SpanReport[], totalEnergyKwh: number | null): number | null {
  if (totalEnergyKwh === null) return null;
  const inside = rows.reduce((sum, row) => sum + (row.energyKwh ?? 0), 0);
  return round(Math.max(0, totalEnergyKwh - inside));
}
