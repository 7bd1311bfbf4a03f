/**
 * What the sampler writes for each line nvidia-smi prints. For the first hours it writes every
 * row (a short job's chart and any problem stay visible row by row); after that it integrates
 * each GPU's rows itself and writes one `@rollup` per GPU per minute, so the log grows by a
 * fixed few hundred KB per GPU-day whatever the interval. Rows it cannot read, or that name no
 * GPU (`[GPU is lost]`), are always written as they came, so the reader counts and shows them
 * exactly as before. Pure.
 */
import { EnergyIntegrator, gapThresholdMs } from "../integrator.js";
import { identify, isHeaderLine, parseHeader, plausibleRow, rowPowerW, splitCells, type CsvHeader } from "../nvidia-smi/csv.js";
import { formatHeader, formatRollup, formatRow } from "./format.js";

/** How long rows are written as they are, ms (a chart of 120 points stays exact up to here). */
export const RAW_ROWS_MS = 2 * 3_600_000;
/** How much time one `@rollup` record covers, ms. */
export const ROLLUP_MS = 60_000;

/** Tunables of the rollup; the defaults suit every job, tests shorten them. */
export interface RollupOptions {
  /** The sampling interval, ms (sets the gap threshold, as in the reader). */
  intervalMs: number;
  /** Rows are written as they are until this sampler time, ms. */
  rawRowsMs?: number;
  /** Time covered by each rollup record, ms. */
  rollupMs?: number;
}

export class SampleRollup {
  private header: CsvHeader | null = null;
  private open: EnergyIntegrator | null = null;
  private openedMs = 0;
  private readonly rawRowsMs: number;
  private readonly rollupMs: number;
  private readonly gapMs: number;

  constructor(options: RollupOptions) {
    this.rawRowsMs = options.rawRowsMs ?? RAW_ROWS_MS;
    this.rollupMs = options.rollupMs ?? ROLLUP_MS;
    this.gapMs = gapThresholdMs(options.intervalMs);
  }

  /** Takes one line nvidia-smi printed (no newline) at sampler time `tMs`; returns the records to write now. */
  line(tMs: number, line: string): string[] {
    if (isHeaderLine(line)) {
      // A header means nvidia-smi (re)started: the reader marks the time since the last row as a
      // gap, so the rows before it must reach the log before the header does.
      this.header = parseHeader(line);
      return [...this.flush(tMs), formatHeader(tMs, line)];
    }
    const header = this.header;
    const cells = header && tMs >= this.rawRowsMs ? splitCells(line) : null;
    if (!header || !cells || cells.length !== header.fields.length || !plausibleRow(cells, header)) return [formatRow(tMs, line)];
    const identity = identify(cells, header);
    if (!identity) return [formatRow(tMs, line)];
    const out = this.open !== null && tMs - this.openedMs >= this.rollupMs ? this.flush(tMs) : [];
    if (!this.open) {
      this.open = new EnergyIntegrator({ gapMs: this.gapMs });
      this.openedMs = tMs;
    }
    // Whole ms, as rows are written: rollups then read back exactly as those rows would.
    this.open.add(Math.round(tMs), identity, rowPowerW(cells, header));
    return out;
  }

  /** Closes the open rollup (before the stop record, a header, or when the next one starts); returns its records. */
  flush(tMs: number): string[] {
    const open = this.open;
    this.open = null;
    return open ? open.states().map((state) => formatRollup(tMs, state.identity, state)) : [];
  }
}
