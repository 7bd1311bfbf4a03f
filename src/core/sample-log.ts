/**
 * Reads a power log line by line and feeds the energy integrator. Pure and streaming: callers
 * push lines (from a file, a pipe or a test) and ask for the result at the end.
 *
 * Two formats are understood:
 * - the sampler's own log (see `sample-format.ts`): every row carries the sampler's monotonic
 *   time, so wall-clock jumps cannot distort durations;
 * - a plain `nvidia-smi --query-gpu=... --format=csv[,nounits] -l/-lms` log with its header,
 *   timed by its `timestamp` column (host local time, no zone). Clock steps backwards and DST
 *   changes in such a log are detected and taken out.
 */
import { EnergyIntegrator, type GpuEnergy, type GpuIdentity } from "./energy.js";
import {
  FIELD,
  GPU_LOST,
  isHeaderLine,
  parseHeader,
  parseReading,
  parseText,
  parseTimestampMs,
  plausibleRow,
  powerField,
  splitCells,
  type CsvHeader,
} from "./nvidia-smi-csv.js";
import { PowerSeriesBuilder, type PowerSeries } from "./power-series.js";
import { parseSamplerRecord } from "./sample-format.js";

/** Longest interval bridged: five sampling intervals, and never less than 3 s. */
export function gapThresholdMs(intervalMs: number): number {
  return Math.max(5 * intervalMs, 3000);
}

/** What reading a whole log produced. */
export interface LogResult {
  /** `sampler` for gpu-carbon's own log, `nvidia-smi` for a plain CSV log. */
  format: "sampler" | "nvidia-smi";
  /** Wall-clock time the window started, ms since the epoch (`null` when the log cannot tell). */
  startEpochMs: number | null;
  /** Measurement window length in ms. */
  windowMs: number;
  /** The sampling interval requested (sampler log) or inferred from the timestamps (plain log). */
  intervalMs: number;
  /** The longest interval bridged, ms. */
  gapMs: number;
  /** Column integrated (`power.draw` unless the log lacks it); `null` when there was none. */
  powerField: string | null;
  /** Per-GPU energy, in the order first seen. */
  gpus: GpuEnergy[];
  /** Downsampled total power for charts. */
  series: PowerSeries;
  /** Rows that could not be used: wrong column count, no header yet, garbage, cut-off lines. */
  malformedLines: number;
  /** Event lines written by the sampler (nvidia-smi exits, restarts, stderr). */
  eventCount: number;
  /** The first few distinct event and malformed-line texts, for warnings. */
  events: string[];
  /** Backward clock steps and DST changes taken out of a plain log. */
  clockJumps: number;
  /** Rows that said `[GPU is lost]` where the GPU's identity should be: the GPU fell off the bus. */
  lostRows: number;
  /** Times nvidia-smi was restarted inside the window (the time in between is a gap). */
  restarts: number;
  /** Why the sampler stopped (`signal`, `job-gone`, `max-duration`), `null` when it did not say. */
  stopReason: string | null;
}

/** Receives each reading in time order, as the energy integrator does (`null`: missing). */
export type ReadingListener = (tMs: number, identity: GpuIdentity, powerW: number | null) => void;

const MAX_EVENTS = 20;
const INFER_ROWS = 16;
const HOUR_MS = 3_600_000;

interface PendingRow {
  tMs: number;
  cells: string[];
  header: CsvHeader;
  /** Backward clock steps before this row whose interval was not yet known. */
  unsizedSteps: number;
}

export class SampleLogReader {
  private format: "sampler" | "nvidia-smi" | null = null;
  private header: CsvHeader | null = null;
  private integrator: EnergyIntegrator | null = null;
  private series: PowerSeriesBuilder | null = null;
  private intervalMs: number | null;
  private startEpochMs: number | null = null;
  private firstMs: number | null = null;
  private lastMs: number | null = null;
  private stopMs: number | null = null;
  private stopReason: string | null = null;
  private malformedLines = 0;
  private eventCount = 0;
  private readonly events: string[] = [];
  private clockJumps = 0;
  private lostRows = 0;
  private lostAtMs: number | null = null;
  private restarts = 0;
  private pending: PendingRow[] = [];
  private prevRawMs: number | null = null;
  private offsetMs = 0;
  private readonly onReading: ReadingListener | null;
  private unsizedSteps = 0;

  /**
   * @param options.intervalMs sampling interval of a plain log, when known (else inferred)
   * @param options.onReading also receives every reading the integrator gets (sub-window energy)
   */
  constructor(options: { intervalMs?: number; onReading?: ReadingListener } = {}) {
    this.intervalMs = options.intervalMs ?? null;
    this.onReading = options.onReading ?? null;
  }

  /** The sampler log's `@start` epoch once read, ms since the epoch; `null` before (or in a plain log). */
  get startEpoch(): number | null {
    return this.startEpochMs;
  }

  /** Feeds one line, without its newline. */
  push(line: string): void {
    if (line.length === 0 || line.startsWith("#")) return;
    const record = parseSamplerRecord(line);
    if (record) {
      this.format ??= "sampler";
      switch (record.kind) {
        case "start":
          this.startEpochMs = record.epochMs;
          this.intervalMs = record.intervalMs;
          this.firstMs = 0;
          this.ensureIntegrator(0);
          return;
        case "header":
          // The sampler repeats the header each time it restarts nvidia-smi: nothing was read
          // between the last row before and the first row after, so that stretch is a gap.
          if (this.lastMs !== null || this.pending.length > 0) {
            this.flushPending();
            this.integrator?.interrupt();
            this.restarts += 1;
          }
          this.header = parseHeader(record.line);
          return;
        case "event":
          this.eventCount += 1;
          this.note(record.text);
          return;
        case "stop":
          this.stopMs ??= record.tMs;
          this.stopReason ??= record.reason;
          return;
        case "row":
          if (this.stopMs !== null && record.tMs > this.stopMs) return;
          this.row(record.tMs, record.line);
          return;
      }
    }
    this.format ??= "nvidia-smi";
    if (isHeaderLine(line)) {
      this.header = parseHeader(line);
      return;
    }
    const header = this.header;
    const cells = splitCells(line);
    if (!header || cells.length !== header.fields.length || !plausibleRow(cells, header)) return this.malformed(line);
    const position = header.positions.get(FIELD.timestamp);
    const rawMs = position === undefined ? null : parseTimestampMs(cells[position]);
    if (rawMs === null) {
      if (!cells.includes(GPU_LOST)) return this.malformed(line);
      this.lostAtMs = this.lastMs;
      return this.lost(line);
    }
    this.accept(this.plainTime(rawMs), cells, header);
  }

  /** Feeds a last line that ended without a newline: counted as malformed, never parsed. */
  pushCutOff(line: string): void {
    this.malformed(line);
  }

  /**
   * Closes the window and returns the result.
   * @param fallbackEndMs window end (sampler time) to use when the log has no stop record
   */
  finish(fallbackEndMs?: number): LogResult {
    this.flushPending();
    const intervalMs = this.intervalMs ?? 1000;
    const integrator = this.integrator ?? new EnergyIntegrator({ gapMs: gapThresholdMs(intervalMs) });
    const startMs = this.firstMs ?? 0;
    const endMs = this.stopMs ?? (this.format === "sampler" ? fallbackEndMs : undefined) ?? this.lastMs ?? startMs;
    return {
      format: this.format ?? "nvidia-smi",
      startEpochMs: this.startEpochMs,
      windowMs: Math.max(0, endMs - startMs),
      intervalMs,
      gapMs: gapThresholdMs(intervalMs),
      powerField: this.header ? powerField(this.header) : null,
      gpus: integrator.finish(startMs, endMs, this.lostAtMs),
      series: (this.series ?? new PowerSeriesBuilder(startMs, intervalMs)).build(),
      malformedLines: this.malformedLines,
      eventCount: this.eventCount,
      events: [...this.events],
      clockJumps: this.clockJumps,
      lostRows: this.lostRows,
      restarts: this.restarts,
      stopReason: this.stopReason,
    };
  }

  private row(tMs: number, line: string): void {
    const header = this.header;
    const cells = splitCells(line);
    if (!header || cells.length !== header.fields.length) {
      if (isHeaderLine(line)) {
        this.header = parseHeader(line);
        return;
      }
      return this.malformed(line);
    }
    if (!plausibleRow(cells, header)) return this.malformed(line);
    this.accept(tMs, cells, header);
  }

  /** Maps a plain log's zone-less timestamp onto a monotonic scale. */
  private plainTime(rawMs: number): number {
    if (this.prevRawMs !== null) {
      const stepMs = rawMs - this.prevRawMs;
      const slackMs = gapThresholdMs(this.intervalMs ?? 1000);
      if (stepMs < 0) {
        // Clock stepped back (NTP, DST ending): count the step as one interval of elapsed time.
        // Before the interval is known, that interval is added when it is (see flushPending).
        this.offsetMs += -stepMs + (this.intervalMs ?? 0);
        if (this.intervalMs === null) this.unsizedSteps += 1;
        this.clockJumps += 1;
      } else if (Math.abs(stepMs - HOUR_MS) <= slackMs) {
        // DST starting: local time jumped one hour forward.
        this.offsetMs -= HOUR_MS;
        this.clockJumps += 1;
      }
    }
    this.prevRawMs = rawMs;
    return rawMs + this.offsetMs;
  }

  private accept(tMs: number, cells: string[], header: CsvHeader): void {
    // A lost GPU prints [GPU is lost] in its index and uuid too: the row names no GPU, so it
    // cannot be charged to one. It is counted; the GPU's readings simply stop (a gap).
    if (identify(cells, header) === null) {
      this.lostAtMs = tMs;
      return this.lost(cells.join(", "));
    }
    if (this.integrator) return this.feed(tMs, cells, header);
    this.pending.push({ tMs, cells, header, unsizedSteps: this.unsizedSteps });
    if (this.intervalMs !== null || this.distinctPendingTimes() > INFER_ROWS) this.flushPending();
  }

  private distinctPendingTimes(): number {
    const times = new Set(this.pending.map((row) => row.tMs));
    return times.size;
  }

  private flushPending(): void {
    if (this.pending.length === 0) return;
    if (this.intervalMs === null) {
      const intervalMs = inferIntervalMs(this.pending.map((row) => row.tMs));
      this.intervalMs = intervalMs;
      for (const row of this.pending) row.tMs += row.unsizedSteps * intervalMs;
      this.offsetMs += this.unsizedSteps * intervalMs;
      this.unsizedSteps = 0;
    }
    const first = this.pending[0];
    this.ensureIntegrator(first ? first.tMs : 0);
    const rows = this.pending;
    this.pending = [];
    for (const row of rows) this.feed(row.tMs, row.cells, row.header);
  }

  private ensureIntegrator(originMs: number): void {
    if (this.integrator) return;
    const intervalMs = this.intervalMs ?? 1000;
    this.integrator = new EnergyIntegrator({ gapMs: gapThresholdMs(intervalMs) });
    this.series = new PowerSeriesBuilder(originMs, intervalMs);
  }

  private feed(tMs: number, cells: string[], header: CsvHeader): void {
    const integrator = this.integrator;
    if (!integrator) return;
    this.firstMs ??= tMs;
    this.lastMs = tMs;
    const identity = identify(cells, header);
    if (!identity) return;
    const field = powerField(header);
    const position = field === null ? undefined : header.positions.get(field);
    const powerW = position === undefined ? null : parseReading(cells[position]);
    integrator.add(tMs, identity, powerW);
    this.onReading?.(tMs, identity, powerW);
    if (powerW !== null) this.series?.add(tMs, identity.key, powerW);
  }

  private lost(line: string): void {
    this.lostRows += 1;
    this.note(line.length > 200 ? `${line.slice(0, 200)}...` : line);
  }

  private malformed(line: string): void {
    this.malformedLines += 1;
    this.note(line.length > 200 ? `${line.slice(0, 200)}...` : line);
  }

  private note(text: string): void {
    if (this.events.length < MAX_EVENTS && !this.events.includes(text)) this.events.push(text);
  }
}

/**
 * The GPU a row belongs to: by uuid, else by index, else the only GPU (a log without either
 * column). `null` when the log has the columns but the row names no GPU (`[GPU is lost]` in each).
 */
export function identify(cells: string[], header: CsvHeader): GpuIdentity | null {
  const uuidAt = header.positions.get(FIELD.uuid);
  const indexAt = header.positions.get(FIELD.index);
  const uuid = uuidAt === undefined ? null : parseText(cells[uuidAt]);
  const index = indexAt === undefined ? null : parseText(cells[indexAt]);
  if (uuid === null && index === null && (uuidAt !== undefined || indexAt !== undefined)) return null;
  return { key: uuid ?? (index !== null ? `index:${index}` : "index:0"), uuid, index };
}

/** Median spacing of distinct timestamps, the loop's effective interval; 1000 ms if unknown. */
export function inferIntervalMs(times: number[]): number {
  const distinct = [...new Set(times)].sort((a, b) => a - b);
  const steps: number[] = [];
  for (let i = 1; i < distinct.length; i += 1) steps.push((distinct[i] ?? 0) - (distinct[i - 1] ?? 0));
  if (steps.length === 0) return 1000;
  steps.sort((a, b) => a - b);
  return Math.max(1, steps[Math.floor(steps.length / 2)] ?? 1000);
}
