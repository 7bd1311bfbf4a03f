/**
 * A running estimate while a command is measured: the sampler's log read as it grows, giving
 * the current total power and the energy so far. Pure. The figures are a preview; the report at
 * the end comes from the full reader and its rules.
 */
import { FIELD, parseHeader, parseReading, powerField, splitCells, type CsvHeader } from "../nvidia-smi/csv.js";
import { parseSamplerRecord } from "./format.js";
import { gapThresholdMs } from "./reader.js";
import { formatDuration, formatEnergy, formatPower } from "../units.js";

/** What the progress line shows. */
export interface ProgressSnapshot {
  /** Sum of each GPU's latest reading, W; `null` before the first reading or after a gap. */
  powerW: number | null;
  /** Energy so far over all GPUs (trapezoid rule, gaps not bridged), J. */
  energyJ: number;
  /** GPUs seen so far. */
  gpus: number;
}

interface LastReading {
  tMs: number;
  powerW: number;
}

/** Follows a sampler log line by line. */
export class LiveEnergy {
  private header: CsvHeader | null = null;
  private power: string | null = null;
  private gapMs = gapThresholdMs(500);
  private latestMs = 0;
  private energyJ = 0;
  private readonly last = new Map<string, LastReading>();

  /** Feeds one complete line of the sampler's log. */
  push(line: string): void {
    const record = parseSamplerRecord(line);
    if (!record) return;
    if (record.kind === "start") this.gapMs = gapThresholdMs(record.intervalMs);
    else if (record.kind === "header") {
      this.header = parseHeader(record.line);
      this.power = powerField(this.header);
    } else if (record.kind === "row") this.row(record.tMs, record.line);
  }

  private row(tMs: number, line: string): void {
    const header = this.header;
    if (!header || !this.power) return;
    const cells = splitCells(line);
    if (cells.length !== header.fields.length) return;
    const powerW = parseReading(cells[header.positions.get(this.power) ?? -1]);
    const uuidAt = header.positions.get(FIELD.uuid);
    const indexAt = header.positions.get(FIELD.index);
    const key = (uuidAt !== undefined ? cells[uuidAt] : undefined) ?? (indexAt !== undefined ? cells[indexAt] : undefined) ?? "0";
    this.latestMs = Math.max(this.latestMs, tMs);
    if (powerW === null) return;
    const previous = this.last.get(key);
    if (previous && tMs > previous.tMs && tMs - previous.tMs <= this.gapMs) {
      this.energyJ += ((previous.powerW + powerW) / 2) * ((tMs - previous.tMs) / 1000);
    }
    this.last.set(key, { tMs, powerW });
  }

  /** The current estimate. */
  snapshot(): ProgressSnapshot {
    const fresh = [...this.last.values()].filter((reading) => this.latestMs - reading.tMs <= this.gapMs);
    return {
      powerW: fresh.length === 0 ? null : fresh.reduce((sum, reading) => sum + reading.powerW, 0),
      energyJ: this.energyJ,
      gpus: this.last.size,
    };
  }
}

/** `gpu-carbon: 1m 05s · 612 W now · 10.4 Wh so far (2 GPUs)`; `snapshot` null when not measuring. */
export function formatProgress(elapsedS: number, snapshot: ProgressSnapshot | null): string {
  if (!snapshot) return `gpu-carbon: ${formatDuration(elapsedS)} · not measuring`;
  const gpus = snapshot.gpus === 1 ? "1 GPU" : `${snapshot.gpus} GPUs`;
  return `gpu-carbon: ${formatDuration(elapsedS)} · ${formatPower(snapshot.powerW)} now · ${formatEnergy(snapshot.energyJ / 3_600_000)} so far (${gpus})`;
}
