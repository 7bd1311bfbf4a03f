/**
 * Reads a power log and feeds the energy integrator. Pure and streaming: callers push lines (from
 * a pipe or a test) or raw bytes (`pushBytes`, from a file: most rows are then read without
 * becoming strings, see `fast-rows.ts`) and ask for the result at the end. Memory stays bounded
 * whatever the log's length.
 *
 * Two formats are understood:
 * - the sampler's own log (see `sample-format.ts`): every row carries the sampler's monotonic
 *   time, so wall-clock jumps cannot distort durations; `@rollup` records (v2) are added as the
 *   rows they stand for;
 * - a plain `nvidia-smi --query-gpu=... --format=csv[,nounits] -l/-lms` log with its header,
 *   timed by its `timestamp` column (host local time, no zone). Time is followed per GPU: rows of
 *   different GPUs may interleave out of order (logs merged or concatenated), and only a GPU's
 *   own row going back in time is a clock step. Clock steps backwards, and DST changes where the
 *   log's time zone has one, are taken out (`plain-clock.ts`).
 */
import { ByteLines } from "./fast/byte-lines.js";
import { samplerRowTag } from "./fast/csv-bytes.js";
import type { GpuIdentity } from "../gpu.js";
import { EnergyIntegrator, gapThresholdMs, type GpuEnergy, type GpuRollup, type GpuState } from "../integrator.js";
import { extendTrail, type CounterTrail } from "./counter-trail.js";
import { FastRows, type GpuEntry } from "./fast/rows.js";
import {
  FIELD,
  GPU_LOST,
  identify,
  isHeaderLine,
  parseHeader,
  parseTimestampMs,
  plausibleRow,
  powerField,
  rowPowerW,
  splitCells,
  type CsvHeader,
} from "../nvidia-smi/csv.js";
import { inferIntervalMs, PlainClock, type TimeZoneSource } from "./plain-clock.js";
import { PowerSeriesBuilder, type PowerSeries, type SeriesSlot } from "./power-series.js";
import { RollupBytes } from "./fast/rollup-bytes.js";
import { parseSamplerRecord } from "./format.js";

export { gapThresholdMs } from "../integrator.js";
export { identify } from "../nvidia-smi/csv.js";

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
  /** Field names of the log's CSV header; `null` when it had none (not an nvidia-smi log). */
  columns: string[] | null;
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
  /** Why the file cannot be read as a power log at all (see `LogProblem`); `null` when it can. */
  problem: LogProblem | null;
  /** The driver's energy counters as the sampler read them during the job, by uuid. */
  counterTrails: Map<string, CounterTrail>;
}

/**
 * A file that is not a power log this reader can read: `empty`; `utf-16` text (as PowerShell's
 * `>` writes); `no-header`: rows without the CSV header that names their columns (written with
 * `noheader`), readable when the columns are given; `not-a-log`: neither a header nor such rows.
 */
export type LogProblem = "empty" | "utf-16" | "no-header" | "not-a-log";

/** Receives each reading in time order, as the energy integrator does (`null`: missing). */
export type ReadingListener = (tMs: number, identity: GpuIdentity, powerW: number | null) => void;

const MAX_EVENTS = 20;
/** A longer line is malformed, whichever way it comes: no row is that long, and memory stays bounded. */
const MAX_LINE_BYTES = 65_536;
const NEWLINE = 10;
const HASH = 35;
const AT = 64;
const ZERO = 48;
const NINE = 57;
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const INFER_ROWS = 16;

/** What the fast path keeps per GPU: its integrator totals, its place in the chart and its clock. */
interface GpuHandle {
  state: GpuState;
  slot: SeriesSlot;
  clock: PlainClock;
}

/** What the rollup path keeps per GPU: its integrator totals and its place in the chart. */
interface RollupHandle {
  state: GpuState;
  slot: SeriesSlot;
}

/** The clock of rows that name no GPU (`[GPU is lost]`). */
const NO_GPU = "";

interface PendingRow {
  tMs: number;
  cells: string[];
  header: CsvHeader;
  /** Backward clock steps before this row whose interval was not yet known. */
  unsizedSteps: number;
}

/** A time kept as a number, `NaN` for none, as the rest of the code has it: `null` for none. */
function known(ms: number): number | null {
  return Number.isNaN(ms) ? null : ms;
}

export class SampleLogReader {
  private format: "sampler" | "nvidia-smi" | null = null;
  private header: CsvHeader | null = null;
  private integrator: EnergyIntegrator | null = null;
  private series: PowerSeriesBuilder | null = null;
  private intervalMs: number | null;
  private startEpochMs: number | null = null;
  /** The span of times read so far; `NaN` before the first (numbers: a store makes no garbage). */
  private firstMs = NaN;
  private lastMs = NaN;
  private stopMs: number | null = null;
  private stopReason: string | null = null;
  private malformedLines = 0;
  private eventCount = 0;
  private readonly events: string[] = [];
  private lostRows = 0;
  private lostAtMs: number | null = null;
  private restarts = 0;
  private headerSeen = false;
  private headerlessRows = 0;
  private sawLine = false;
  private sawBytes = false;
  private utf16 = false;
  private pending: PendingRow[] = [];
  /** The distinct times of the rows in `pending`. */
  private readonly pendingTimes = new Set<number>();
  private readonly counterTrails = new Map<string, CounterTrail>();
  /** A plain log's clock per GPU key: rows of different GPUs need not come in time order. */
  private readonly clocks = new Map<string, PlainClock>();
  private readonly timeZone: TimeZoneSource;
  private readonly onReading: ReadingListener | null;
  private readonly onInterrupt: (() => void) | null;
  private fast: FastRows<GpuHandle> | null = null;
  /**
   * The time and power of the reading being added (`reading`): passed in a typed array, because
   * numbers passed to a call that is not inlined are allocations, one per row.
   */
  private readonly readingValues = new Float64Array(2);
  /** The sampler row's time; `NaN` at first, so that V8 holds it as a double (times pass 2^31 ms). */
  private readonly tag = { tMs: NaN };
  private readonly rollups = new RollupBytes<RollupHandle>();
  private readonly lines = new ByteLines(
    (bytes, start, end, overlong) => this.pushLine(bytes, start, end, overlong),
    (bytes, start, end, reach) => this.fastRows(bytes, start, end, reach),
    MAX_LINE_BYTES,
  );

  /**
   * @param options.intervalMs sampling interval of a plain log, when known (else inferred)
   * @param options.onReading also receives every reading the integrator gets (sub-window energy)
   * @param options.onInterrupt told when nvidia-smi was restarted (no reading bridges the restart)
   * @param options.timeZone the zone a plain log's timestamps are in (or a function naming it when first needed): its DST changes are taken
   *   out; without one, a jump forward is a gap like any other
   * @param options.columns the columns of a plain log without a header line, in order
   *   (`["timestamp", "index", "power.draw"]`); a header in the log takes over from them
   */
  constructor(
    options: {
      intervalMs?: number;
      onReading?: ReadingListener;
      onInterrupt?: () => void;
      timeZone?: TimeZoneSource;
      columns?: string[];
    } = {},
  ) {
    this.intervalMs = options.intervalMs ?? null;
    this.timeZone = options.timeZone ?? null;
    if (options.columns) this.setHeader(parseHeader(options.columns.join(", ")));
    this.onReading = options.onReading ?? null;
    this.onInterrupt = options.onInterrupt ?? null;
  }

  /** The sampler log's `@start` epoch once read, ms since the epoch; `null` before (or in a plain log). */
  get startEpoch(): number | null {
    return this.startEpochMs;
  }

  /** Feeds the next chunk of a UTF-8 log, cut anywhere; lines are read as they complete. */
  pushBytes(chunk: Uint8Array): void {
    if (!this.sawBytes && chunk.length > 0) {
      this.sawBytes = true;
      this.utf16 = isUtf16(chunk);
    }
    if (this.utf16) return; // every line would be garbage: the whole file is reported instead
    // A plain Uint8Array view of a Buffer: V8 reads its bytes about twice as fast as a Buffer's.
    this.lines.push(chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  /** Ends a stream fed with `pushBytes`: a last line without a newline is counted as cut off. */
  endBytes(): void {
    const rest = this.lines.end();
    if (rest) this.pushCutOff(decoder.decode(rest));
  }

  /** Feeds one line, without its newline. One of over 64 KiB is malformed (and not read). */
  push(line: string): void {
    if (isOverlong(line)) return this.malformed(line);
    this.readLine(line);
  }

  private readLine(line: string): void {
    if (line.length === 0) return;
    this.sawLine = true;
    if (line.startsWith("#")) return;
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
          if (!Number.isNaN(this.lastMs) || this.pending.length > 0) {
            this.flushPending();
            this.integrator?.interrupt();
            this.onInterrupt?.();
            this.restarts += 1;
          }
          this.setHeader(parseHeader(record.line));
          return;
        case "counter":
          if (this.stopMs !== null && record.tMs > this.stopMs) return;
          for (const { uuid, energyMj } of record.readings)
            this.counterTrails.set(uuid, extendTrail(this.counterTrails.get(uuid), uuid, energyMj));
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
        case "rollup":
          if (this.stopMs !== null && record.tMs > this.stopMs) return;
          this.addRollup(record.identity, record.rollup);
          return;
      }
    }
    this.format ??= "nvidia-smi";
    if (isHeaderLine(line)) {
      this.setHeader(parseHeader(line));
      return;
    }
    const header = this.header;
    const cells = splitCells(line);
    if (!header && looksLikeRow(cells)) this.headerlessRows += 1;
    if (!header || cells.length !== header.fields.length || !plausibleRow(cells, header)) return this.malformed(line);
    const position = header.positions.get(FIELD.timestamp);
    const rawMs = position === undefined ? null : parseTimestampMs(cells[position]);
    if (rawMs === null) {
      if (!cells.includes(GPU_LOST)) return this.malformed(line);
      this.lostAtMs = known(this.lastMs);
      return this.lost(line);
    }
    const clock = this.clockFor(identify(cells, header)?.key ?? NO_GPU);
    this.accept(clock.monotonic(rawMs, this.intervalMs), cells, header, clock.unsizedSteps);
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
    const startMs = known(this.firstMs) ?? 0;
    const endMs = this.stopMs ?? (this.format === "sampler" ? fallbackEndMs : undefined) ?? known(this.lastMs) ?? startMs;
    return {
      format: this.format ?? "nvidia-smi",
      startEpochMs: this.startEpochMs,
      windowMs: Math.max(0, endMs - startMs),
      intervalMs,
      gapMs: gapThresholdMs(intervalMs),
      powerField: this.header ? powerField(this.header) : null,
      columns: this.header ? [...this.header.fields] : null,
      gpus: integrator.finish(startMs, endMs, this.lostAtMs),
      series: (this.series ?? new PowerSeriesBuilder(startMs, intervalMs)).build(),
      malformedLines: this.malformedLines,
      eventCount: this.eventCount,
      events: [...this.events],
      // A clock step shows in every GPU's rows: counted once.
      clockJumps: Math.max(0, ...[...this.clocks.values()].map((clock) => clock.jumps)),
      lostRows: this.lostRows,
      restarts: this.restarts,
      stopReason: this.stopReason,
      problem: this.problem(),
      counterTrails: new Map(this.counterTrails),
    };
  }

  private problem(): LogProblem | null {
    if (this.utf16) return "utf-16";
    if (this.format === "sampler" || this.headerSeen) return null;
    if (!this.sawLine) return "empty";
    return this.headerlessRows > 0 ? "no-header" : "not-a-log";
  }

  private setHeader(header: CsvHeader): void {
    this.headerSeen = true;
    this.header = header;
    this.fast = null;
  }

  /** One line of a byte stream that the fast path did not read: the string path. */
  private pushLine(bytes: Uint8Array, start: number, end: number, overlong: boolean): void {
    const line = decoder.decode(bytes.subarray(start, end));
    if (overlong) this.malformed(line);
    else this.readLine(line);
  }

  /** Reads rows straight from their bytes while it can (see `LineReader`); -1 when it cannot read the first. */
  private fastRows(bytes: Uint8Array, start: number, end: number, reach: number): number {
    let last = -1;
    // Runs of rows and runs of `@rollup` records each have a loop of their own, which V8 compiles
    // once: this loop only goes from one run to the next (a few times a log), so it is never
    // compiled again with both inlined.
    for (let at = start; at < end;) {
      let nl: number;
      if (bytes[at] === AT) nl = this.rollupRecords(bytes, at, end, reach);
      else {
        nl = this.rows(bytes, at, end, reach);
        // The first row of a log, and any row `rows` leaves (the reader not settled yet).
        if (nl < 0) nl = this.fastRow(bytes, at, Math.min(end, at + reach));
      }
      if (nl < 0) break;
      last = nl;
      at = nl + 1;
    }
    return last;
  }

  /** `fastRollup` for a run of `@rollup` records; the offset of the last one's newline, -1 when it read none. */
  private rollupRecords(bytes: Uint8Array, start: number, end: number, reach: number): number {
    let last = -1;
    for (let at = start; at < end && bytes[at] === AT;) {
      const nl = this.fastRollup(bytes, at, Math.min(end, at + reach));
      if (nl < 0) break;
      last = nl;
      at = nl + 1;
    }
    return last;
  }

  /**
   * `fastRow` for a run of rows of the log's format (the sampler's `<ms>\t<row>`, or a plain
   * log's), once its first row has been read: what cannot change from row to row is checked
   * once, and a cold reader (the first rows of every log) runs through fewer calls. Returns the
   * offset of the last row's newline; -1 when it read none.
   */
  private rows(bytes: Uint8Array, start: number, end: number, reach: number): number {
    const fast = this.fast;
    const integrator = this.integrator;
    const series = this.series;
    const format = this.format;
    if (format === null || fast === null || integrator === null || series === null || this.pending.length > 0) return -1;
    const sampler = format === "sampler";
    const values = this.readingValues;
    let last = -1;
    for (let at = start; at < end;) {
      // A row starts with a digit (never a header or a record); a plain row's `parse` declines a tab.
      const first = bytes[at]!;
      if (first < ZERO || first > NINE) break;
      const limit = Math.min(end, at + reach);
      let nl: number;
      if (sampler) {
        const tab = samplerRowTag(bytes, at, limit, this.tag);
        if (tab < 0 || (this.stopMs !== null && this.tag.tMs > this.stopMs)) break;
        nl = fast.parse(bytes, tab + 1, limit, false);
        if (nl < 0) break;
        values[0] = this.tag.tMs;
      } else {
        nl = fast.parse(bytes, at, limit, true);
        if (nl < 0) break;
        values[0] = fast.entry!.handle.clock.monotonic(fast.rawTimestampMs, this.intervalMs);
      }
      values[1] = fast.powerW;
      this.reading(integrator, series, fast.entry!);
      last = nl;
      at = nl + 1;
    }
    return last;
  }

  /**
   * The reading the fast path read, in `readingValues` (its power `NaN` for a placeholder): to the
   * integrator, the chart and any listener.
   */
  private reading(integrator: EnergyIntegrator, series: PowerSeriesBuilder, entry: GpuEntry<GpuHandle>): void {
    const tMs = this.readingValues[0]!;
    const powerW = this.readingValues[1]!;
    this.span(tMs);
    if (Number.isNaN(powerW)) {
      integrator.addTo(entry.handle.state, tMs, null);
      this.onReading?.(tMs, entry.identity, null);
    } else {
      integrator.addTo(entry.handle.state, tMs, powerW);
      this.onReading?.(tMs, entry.identity, powerW);
      series.addTo(entry.handle.slot, tMs, powerW);
    }
  }

  /**
   * Reads a data row straight from its bytes when everything it needs is settled (a header, the
   * integrator, nothing pending); returns the offset of the row's newline, or -1 to leave the
   * line to `push`, which treats every row the same way, only slower.
   */
  private fastRow(bytes: Uint8Array, start: number, limit: number): number {
    const header = this.header;
    const integrator = this.integrator;
    const series = this.series;
    const first = bytes[start]!;
    if (!header || !integrator || !series || this.pending.length > 0 || first === NEWLINE || first === HASH) return -1;
    this.fast ??= new FastRows(header, (identity) => ({
      state: integrator.state(identity),
      slot: series.slot(identity.key),
      clock: this.clockFor(identity.key),
    }));
    const fast = this.fast;
    let tMs: number;
    let end: number;
    // In a plain log a row is a plain row or declined (a tab ends the scan): no tag to look for.
    const tab = this.format === "nvidia-smi" ? -1 : samplerRowTag(bytes, start, limit, this.tag);
    if (tab >= 0) {
      tMs = this.tag.tMs;
      if (this.stopMs !== null && tMs > this.stopMs) return -1;
      end = fast.parse(bytes, tab + 1, limit, false);
      if (end < 0) return -1;
      this.format ??= "sampler";
    } else {
      // A plain row starts with a digit (never a header) and has no tab (never a sampler record:
      // the scan declines a row at its first tab).
      if (this.format !== "nvidia-smi" || first < ZERO || first > NINE) return -1;
      end = fast.parse(bytes, start, limit, true);
      if (end < 0) return -1;
      tMs = fast.entry!.handle.clock.monotonic(fast.rawTimestampMs, this.intervalMs);
    }
    this.readingValues[0] = tMs;
    this.readingValues[1] = fast.powerW;
    this.reading(integrator, series, fast.entry!);
    return end;
  }

  /** A `@rollup` record read from its bytes (see `rollup-bytes.ts`), or -1 to leave it to `push`. */
  private fastRollup(bytes: Uint8Array, start: number, limit: number): number {
    const integrator = this.integrator;
    const series = this.series;
    if (!integrator || !series || this.pending.length > 0) return -1;
    const rollups = this.rollups;
    const end = rollups.parse(bytes, start, limit);
    if (end < 0 || (this.stopMs !== null && rollups.tMs > this.stopMs)) return -1;
    this.format ??= "sampler";
    const gpu = rollups.gpu;
    if (gpu === null) this.addRollup(rollups.identity!, rollups.rollup);
    else {
      // Its GPU's totals and place in the chart, found once.
      gpu.handle ??= { state: integrator.state(gpu.identity), slot: series.slot(gpu.identity.key) };
      integrator.addRollupTo(gpu.handle.state, rollups.rollup);
      this.rollupReadings(gpu.identity, rollups.rollup, gpu.handle.slot);
    }
    return end;
  }

  /**
   * A `@rollup` record: the sampler integrated these rows itself. Sub-window listeners get its
   * power as readings at most half a gap apart: flat at the rollup's mean between its first and
   * last reading, so the energy they see is the rollup's (steps and phases resolve to the rollup).
   */
  private addRollup(identity: GpuIdentity, rollup: GpuRollup): void {
    this.flushPending();
    this.ensureIntegrator(0);
    this.integrator?.addRollup(identity, rollup);
    this.rollupReadings(identity, rollup, null);
  }

  /** What a rollup adds besides its totals: the span of times, listeners' readings and the chart (through `slot` when given). */
  private rollupReadings(identity: GpuIdentity, rollup: GpuRollup, slot: SeriesSlot | null): void {
    if (rollup.firstMs === null || rollup.lastMs === null || rollup.validSamples === 0) return;
    this.span(rollup.firstMs);
    this.span(rollup.lastMs);
    const spanMs = rollup.lastMs - rollup.firstMs;
    const meanW = spanMs > 0 ? rollup.energyJ / (spanMs / 1000) : rollup.firstW;
    if (this.onReading) {
      const steps = Math.max(1, Math.ceil(spanMs / (gapThresholdMs(this.intervalMs ?? 1000) / 2)));
      this.onReading(rollup.firstMs, identity, rollup.validSamples > 1 ? meanW : rollup.firstW);
      for (let k = 1; k <= steps && spanMs > 0; k += 1) this.onReading(rollup.firstMs + (spanMs * k) / steps, identity, meanW);
    }
    // The chart gets the rollup's mean power at its middle, weighted by the readings it stands for.
    const chartW = rollup.coveredMs > 0 ? rollup.energyJ / (rollup.coveredMs / 1000) : rollup.firstW;
    const middleMs = (rollup.firstMs + rollup.lastMs) / 2;
    if (slot) this.series?.addTo(slot, middleMs, chartW, rollup.validSamples);
    else this.series?.add(middleMs, identity.key, chartW, rollup.validSamples);
  }

  private row(tMs: number, line: string): void {
    const header = this.header;
    const cells = splitCells(line);
    if (!header || cells.length !== header.fields.length) {
      if (isHeaderLine(line)) {
        this.setHeader(parseHeader(line));
        return;
      }
      return this.malformed(line);
    }
    if (!plausibleRow(cells, header)) return this.malformed(line);
    this.accept(tMs, cells, header);
  }

  /** The clock of one GPU's rows in a plain log. */
  private clockFor(key: string): PlainClock {
    let clock = this.clocks.get(key);
    if (!clock) {
      clock = new PlainClock(this.timeZone);
      this.clocks.set(key, clock);
    }
    return clock;
  }

  /** Widens the span of times read so far: rows of different GPUs may come out of order. */
  private span(tMs: number): void {
    if (!(tMs >= this.firstMs)) this.firstMs = tMs; // also when NaN: none yet
    if (!(tMs <= this.lastMs)) this.lastMs = tMs;
  }

  private accept(tMs: number, cells: string[], header: CsvHeader, unsizedSteps = 0): void {
    // A lost GPU prints [GPU is lost] in its index and uuid too: the row names no GPU, so it
    // cannot be charged to one. It is counted; the GPU's readings simply stop (a gap).
    if (identify(cells, header) === null) {
      this.lostAtMs = tMs;
      return this.lost(cells.join(", "));
    }
    if (this.integrator) return this.feed(tMs, cells, header);
    this.pending.push({ tMs, cells, header, unsizedSteps });
    this.pendingTimes.add(tMs);
    if (this.intervalMs !== null || this.pendingTimes.size > INFER_ROWS) this.flushPending();
  }

  private flushPending(): void {
    if (this.pending.length === 0) return;
    if (this.intervalMs === null) {
      // Each GPU's own spacing: rows of different GPUs a few ms apart are not the loop's interval.
      const byGpu = new Map<string, number[]>();
      for (const row of this.pending) {
        const key = identify(row.cells, row.header)?.key ?? NO_GPU;
        const times = byGpu.get(key);
        if (times) times.push(row.tMs);
        else byGpu.set(key, [row.tMs]);
      }
      const intervalMs = inferIntervalMs([...byGpu.values()]);
      this.intervalMs = intervalMs;
      for (const row of this.pending) row.tMs += row.unsizedSteps * intervalMs;
      for (const clock of this.clocks.values()) clock.sizeSteps(intervalMs);
    }
    this.ensureIntegrator(Math.min(...this.pending.map((row) => row.tMs)));
    const rows = this.pending;
    this.pending = [];
    this.pendingTimes.clear();
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
    this.span(tMs);
    const identity = identify(cells, header);
    if (!identity) return;
    const powerW = rowPowerW(cells, header);
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
 * True when a file's first bytes are UTF-16 text: a byte-order mark, or the NUL bytes that every
 * ASCII character has beside it in UTF-16 (nvidia-smi and the sampler write only ASCII).
 */
function isUtf16(first: Uint8Array): boolean {
  if (first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff))) return true;
  // Without a byte-order mark: ASCII text in UTF-16 has a NUL in every other byte, on one side.
  const head = first.subarray(0, 256 - (Math.min(first.length, 256) % 2));
  if (head.length < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < head.length; i += 1) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) evenNuls += 1;
    else oddNuls += 1;
  }
  const half = head.length / 2;
  return (oddNuls >= half * 0.9 && evenNuls === 0) || (evenNuls >= half * 0.9 && oddNuls === 0);
}

/** Cells that look like an nvidia-smi data row (a timestamp, an index or a uuid first), for a log without its header. */
function looksLikeRow(cells: string[]): boolean {
  const first = cells[0] ?? "";
  return cells.length >= 2 && (parseTimestampMs(first) !== null || /^\d+$/.test(first) || /^(GPU|MIG)-\S+$/.test(first));
}

const encoder = new TextEncoder();

/** True when `line` takes more than `MAX_LINE_BYTES` in UTF-8 (at most 3 bytes per UTF-16 unit). */
function isOverlong(line: string): boolean {
  return line.length * 3 > MAX_LINE_BYTES && encoder.encode(line).length > MAX_LINE_BYTES;
}
