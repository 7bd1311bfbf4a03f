/**
 * A running estimate while a command is measured: the sampler's log read as it grows, giving
 * the current total power and the energy so far. Pure. It integrates with the report's own
 * integrator (rows and, after the first hours, the sampler's `@rollup` records, by the same
 * rules); the report at the end adds the held window edges and the rest of the reader's rules.
 */
import { EnergyIntegrator, gapThresholdMs } from "../integrator.js";
import { identify, parseHeader, plausibleRow, powerField, rowPowerW, splitCells, type CsvHeader } from "../nvidia-smi/csv.js";
import { parseSamplerRecord } from "./format.js";
import { formatDuration, formatEnergy, formatPower, joulesToKwh } from "../units.js";

/** What the progress line shows. */
export interface ProgressSnapshot {
  /** Sum of each GPU's latest reading, W; `null` before the first reading or after a gap. */
  powerW: number | null;
  /** Energy so far over all GPUs (trapezoid rule, gaps not bridged), J. */
  energyJ: number;
  /** GPUs seen so far (with at least one valid reading). */
  gpus: number;
}

/** Follows a sampler log line by line. */
export class LiveEnergy {
  private header: CsvHeader | null = null;
  private power: string | null = null;
  private gapMs = gapThresholdMs(500);
  private integrator = new EnergyIntegrator({ gapMs: this.gapMs });
  /** Latest sampler time seen in a row or rollup, ms. */
  private latestMs = 0;

  /** Feeds one complete line of the sampler's log. */
  push(line: string): void {
    const record = parseSamplerRecord(line);
    if (!record) return;
    switch (record.kind) {
      case "start":
        this.gapMs = gapThresholdMs(record.intervalMs);
        this.integrator = new EnergyIntegrator({ gapMs: this.gapMs });
        return;
      case "header":
        // A repeated header: nvidia-smi restarted, nothing was read in between (as the reader).
        if (this.header) this.integrator.interrupt();
        this.header = parseHeader(record.line);
        this.power = powerField(this.header);
        return;
      case "row":
        this.row(record.tMs, record.line);
        return;
      case "rollup":
        this.integrator.addRollup(record.identity, record.rollup);
        this.latestMs = Math.max(this.latestMs, record.rollup.lastMs ?? 0);
        return;
    }
  }

  private row(tMs: number, line: string): void {
    const header = this.header;
    if (!header || !this.power) return;
    const cells = splitCells(line);
    if (cells.length !== header.fields.length || !plausibleRow(cells, header)) return;
    const identity = identify(cells, header);
    if (!identity) return;
    this.latestMs = Math.max(this.latestMs, tMs);
    this.integrator.add(tMs, identity, rowPowerW(cells, header));
  }

  /** The current estimate. */
  snapshot(): ProgressSnapshot {
    const seen = this.integrator.states().filter((gpu) => gpu.lastMs !== null);
    const fresh = seen.filter((gpu) => this.latestMs - (gpu.lastMs ?? 0) <= this.gapMs);
    return {
      powerW: fresh.length === 0 ? null : fresh.reduce((sum, gpu) => sum + gpu.lastW, 0),
      energyJ: seen.reduce((sum, gpu) => sum + gpu.energyJ, 0),
      gpus: seen.length,
    };
  }
}

/** `gpu-carbon: 1m 05s · 612 W now · 10.4 Wh so far (2 GPUs)`; `snapshot` null when not measuring. */
export function formatProgress(elapsedS: number, snapshot: ProgressSnapshot | null): string {
  if (!snapshot) return `gpu-carbon: ${formatDuration(elapsedS)} · not measuring`;
  const gpus = snapshot.gpus === 1 ? "1 GPU" : `${snapshot.gpus} GPUs`;
  return `gpu-carbon: ${formatDuration(elapsedS)} · ${formatPower(snapshot.powerW)} now · ${formatEnergy(joulesToKwh(snapshot.energyJ))} so far (${gpus})`;
}
