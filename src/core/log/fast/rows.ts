/**
 * The reader's fast path for data rows: finds the identity, power and timestamp cells of a row
 * in its bytes and looks the GPU up in a small cache keyed by the raw identity cells, so that a
 * typical row costs no string or array. Anything unusual is declined (-1) and the reader
 * parses that row as a string, so results are the same either way. Pure.
 */
import { FIELD, hasPowerFallback, identify, parseReading, plausibleRow, powerField, type CsvHeader } from "../../nvidia-smi/csv.js";
import {
  copyView,
  plainNumber,
  readPlainNumber,
  RecentTimestamp,
  rowEnd,
  sameBytes,
  scanCells,
  type CellSpans,
  type ExpectedCell,
  type SizedCell,
} from "./csv-bytes.js";
import type { GpuIdentity } from "../../gpu.js";

const UUID = 0;
const INDEX = 1;
const POWER = 2;
const TIMESTAMP = 3;
const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const COMMA = 44;
/** What the straight path does with each cell: scans over it, or reads it as the timestamp, the identity or the power. */
const OTHER = 0;
const STAMP = 1;
const IDENTITY = 2;
const POWER_CELL = 3;
/** The straight path gives way to the general one. */
const GENERAL = -2;
/** More distinct identity cells than this are not cached (a log has a handful of GPUs). */
const MAX_CACHED_GPUS = 256;

/** A GPU seen in the log, with whatever the integrator keeps for it. */
export interface GpuEntry<Handle> {
  identity: GpuIdentity;
  handle: Handle;
}

interface CachedGpu<Handle> extends GpuEntry<Handle> {
  /** The raw bytes of the row's uuid and index cells (`null` when the log has no such column). */
  uuidCell: DataView | null;
  indexCell: DataView | null;
  /** The raw bytes of all its identity cells and the commas between them (`null`: not adjacent). */
  identityCells: DataView | null;
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** The text of a cell as `splitCells` would give it (trimmed). */
function cellText(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end)).trim();
}

export class FastRows<Handle> {
  /**
   * Outputs of the last successful `parse`: the power (`NaN` for a placeholder) and the timestamp
   * read as UTC (`NaN` when not asked for). Numbers, never `null`, so that storing one makes no
   * garbage: a log has millions of rows.
   */
  powerW = NaN;
  rawTimestampMs = NaN;
  entry: GpuEntry<Handle> | null = null;

  private readonly cellCount: number;
  /** The header has another power column to read when the first is a placeholder. */
  private readonly fallback: boolean;
  private readonly slotOfCell: Int8Array;
  /** Spans of a column the header lacks stay -1; the others are written by every row read whole. */
  private readonly cells: CellSpans = { count: 0, spans: new Int32Array(8).fill(-1), expected: false, end: -1 };
  /** The identity cells (index, uuid) when they are next to each other: compared as one run of bytes. */
  private readonly expect: ExpectedCell | null = null;
  private readonly gpus: CachedGpu<Handle>[] = [];
  private readonly stamp = new RecentTimestamp();
  /** The timestamp cell, measured by the last one's length (`stamp` then checks its bytes). */
  private readonly stampCell: SizedCell | null = null;
  /**
   * What each cell is, for the straight path (`straight`): `null` when the layout has no
   * timestamp, no power or identity cells that are not side by side.
   */
  private readonly plan: Int8Array | null = null;
  /** The first cell from which on the straight path reads nothing but where the row ends. */
  private readonly tail: number = 0;
  private readonly rest = { commas: 0 };
  private words: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** The power cell's value, read by `readPlainNumber`. */
  private readonly number = new Float64Array(1);
  private next = 0;
  private bytes: Uint8Array | null = null;
  private view: DataView = new DataView(new ArrayBuffer(0));

  /**
   * @param header the column layout rows follow
   * @param track called once per new GPU identity; returns what the caller keeps for it
   */
  constructor(
    private readonly header: CsvHeader,
    private readonly track: (identity: GpuIdentity) => Handle,
  ) {
    this.cellCount = header.fields.length;
    this.fallback = hasPowerFallback(header);
    this.slotOfCell = new Int8Array(header.fields.length).fill(-1);
    const power = powerField(header);
    const wanted: [number, string | null][] = [
      [UUID, FIELD.uuid],
      [INDEX, FIELD.index],
      [POWER, power],
      [TIMESTAMP, FIELD.timestamp],
    ];
    for (const [slot, field] of wanted) {
      const position = field === null ? undefined : header.positions.get(field);
      if (position !== undefined) this.slotOfCell[position] = slot;
    }
    const stampAt = header.positions.get(FIELD.timestamp);
    if (stampAt !== undefined) this.stampCell = { cell: stampAt, length: -1 };
    const identityAt = [FIELD.uuid, FIELD.index].map((f) => header.positions.get(f)).filter((p) => p !== undefined);
    const first = Math.min(...identityAt);
    if (identityAt.length > 0 && Math.max(...identityAt) - first === identityAt.length - 1)
      this.expect = { cell: first, cells: identityAt.length, bytes: new DataView(new ArrayBuffer(0)) };
    const powerAt = power === null ? undefined : header.positions.get(power);
    if (this.expect && powerAt !== undefined) {
      const plan = new Int8Array(this.cellCount).fill(OTHER);
      if (stampAt !== undefined) plan[stampAt] = STAMP;
      plan[powerAt] = POWER_CELL;
      plan[first] = IDENTITY;
      this.plan = plan;
      this.tail = Math.max(stampAt ?? 0, powerAt, first + identityAt.length - 1) + 1;
    }
  }

  /**
   * Reads the row that starts at `start` and ends at the next newline before `limit`.
   * `withTimestamp` asks for the `timestamp` cell too (plain logs); the row is declined when it
   * cannot be read.
   * @returns the offset of the row's newline; -1 (declined) when there is no newline before
   *   `limit`, the column count differs or a cell needs the string path
   */
  parse(bytes: Uint8Array, start: number, limit: number, withTimestamp: boolean): number {
    // Small, to be inlined into the reader's loop: the work is in `straight` and `scanned`.
    if (bytes !== this.bytes) this.setBytes(bytes);
    if (this.plan !== null && this.gpus.length > 0) {
      const end = this.straight(bytes, start, limit, this.plan, withTimestamp);
      if (end !== GENERAL) return end;
    }
    return this.scanned(bytes, start, limit, withTimestamp);
  }

  private setBytes(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.words = new Int32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2);
  }

  /** `parse` through `scanCells`: every row it can read, whatever its form. */
  private scanned(bytes: Uint8Array, start: number, limit: number, withTimestamp: boolean): number {
    const cells = this.cells;
    // Rows come in index order, so the GPU after the last one is nearly always the next row's:
    // its identity cells are compared as they stand instead of being scanned.
    const guess = this.gpus.length > 0 ? this.gpus[this.next]! : null;
    const expect = guess?.identityCells ? this.expect : null;
    if (expect && guess?.identityCells) expect.bytes = guess.identityCells;
    if (this.stampCell) this.stampCell.length = this.stamp.lastLength;
    scanCells(bytes, this.view, start, limit, this.slotOfCell, expect, this.stampCell, cells);
    const end = cells.end;
    if (end < 0 || cells.count !== this.cellCount) return -1;
    const spans = cells.spans;
    // A line ending in `\r\n`: the `\r` is not part of the last cell.
    if (end > start && bytes[end - 1] === RETURN) for (let k = 1; k < spans.length; k += 2) if (spans[k] === end) spans[k] = end - 1;
    // A timestamp cell must read as one (or the row is not a plausible row, see plausibleRow);
    // its value is only needed in a plain log.
    if (spans[2 * TIMESTAMP]! >= 0) {
      if (!this.stamp.read(bytes, this.view, spans[2 * TIMESTAMP]!, spans[2 * TIMESTAMP + 1]!, withTimestamp)) return -1;
      if (withTimestamp) this.rawTimestampMs = this.stamp.valueMs;
      else this.rawTimestampMs = NaN;
    } else if (withTimestamp) return -1;
    const powerStart = spans[2 * POWER]!;
    if (powerStart < 0) this.powerW = NaN;
    else {
      const powerEnd = spans[2 * POWER + 1]!;
      const value = plainNumber(bytes, powerStart, powerEnd);
      this.powerW = Number.isNaN(value) ? (parseReading(cellText(bytes, powerStart, powerEnd)) ?? NaN) : value;
    }
    // A placeholder where another power column could stand in: the string path reads that.
    if (Number.isNaN(this.powerW) && this.fallback) return -1;
    this.entry = cells.expected && guess ? this.advance(this.next) : this.gpu(bytes, spans);
    return this.entry === null ? -1 : end;
  }

  /**
   * `parse` of a plain row in the form the last rows had, in one pass: the next GPU's identity
   * cells as they were, a timestamp of the last one's length, and a power in `plainNumber`'s
   * form. It reads the row as `parse` would, or gives way (`GENERAL`) having changed nothing.
   */
  private straight(bytes: Uint8Array, start: number, limit: number, plan: Int8Array, withTimestamp: boolean): number {
    const guess = this.gpus[this.next]!;
    const identity = guess.identityCells;
    const stampCell = this.stampCell;
    // A timestamp is measured by the last one: none yet, and the general path reads the row.
    const stampLength = stampCell === null ? 0 : this.stamp.lastLength;
    if (identity === null || stampLength < 0 || (withTimestamp && stampCell === null)) return GENERAL;
    const identityCells = this.expect!.cells;
    const last = plan.length - 1;
    let stampStart = -1;
    let i = start;
    for (let c = 0; c <= last; c += 1) {
      if (c === this.tail) {
        // The cells left are only counted: as many commas as they have cells, less one, then the newline.
        i = rowEnd(bytes, this.words, i, limit, this.rest);
        if (i < 0 || this.rest.commas !== last - c) return GENERAL;
        break;
      }
      const kind = plan[c]!;
      if (kind === STAMP) {
        // Its bytes are checked by `stamp.read` below, every one of them.
        stampStart = i;
        i += stampLength;
      } else if (kind === IDENTITY) {
        const to = i + identity.byteLength;
        if (to >= limit || !sameBytes(this.view, i, to, identity)) return GENERAL;
        i = to;
        c += identityCells - 1;
      } else if (kind === POWER_CELL) {
        i = readPlainNumber(bytes, i, limit, this.number);
        if (i < 0) return GENERAL;
      } else {
        for (; i < limit; i += 1) {
          const b = bytes[i]!;
          if (b <= COMMA && (b === COMMA || b === NEWLINE || b === TAB)) break;
        }
      }
      if (i >= limit) return GENERAL;
      // The byte after the cell: a comma, or the row's end after the last cell.
      const b = bytes[i]!;
      if (c < last) {
        if (b !== COMMA) return GENERAL;
        i += 1;
      } else if (b !== NEWLINE) {
        if (b !== RETURN || i + 1 >= limit || bytes[i + 1] !== NEWLINE) return GENERAL;
        i += 1;
      }
    }
    if (stampCell !== null) {
      const stamp = this.stamp;
      const same = withTimestamp && stamp.same(this.view, stampStart);
      if (!same && !stamp.read(bytes, this.view, stampStart, stampStart + stampLength, withTimestamp)) return GENERAL;
      // Two statements: `withTimestamp ? stamp.valueMs : NaN` makes a number to hold either, an
      // allocation on every row (16 bytes, 80 MB for a week's plain log).
      if (withTimestamp) this.rawTimestampMs = stamp.valueMs;
      else this.rawTimestampMs = NaN;
    }
    this.powerW = this.number[0]!;
    this.entry = this.advance(this.next);
    return i;
  }

  private advance(at: number): CachedGpu<Handle> {
    // Not `%`: a division, on every row.
    this.next = at + 1 === this.gpus.length ? 0 : at + 1;
    return this.gpus[at]!;
  }

  /** The row's GPU from the cache, or a new entry; `null` (declined) for cells no GPU would print. */
  private gpu(bytes: Uint8Array, spans: Int32Array): GpuEntry<Handle> | null {
    const count = this.gpus.length;
    for (let k = 0; k < count; k += 1) {
      const at = (this.next + k) % count;
      const gpu = this.gpus[at]!;
      if (this.matches(gpu.uuidCell, spans, UUID) && this.matches(gpu.indexCell, spans, INDEX)) return this.advance(at);
    }
    const [uuidStart, uuidEnd, indexStart, indexEnd] = spans as unknown as [number, number, number, number];
    // The identity cells alone, as the string path would see them (an empty cell passes for the rest).
    const cells = new Array<string>(this.cellCount).fill("");
    const uuidAt = this.header.positions.get(FIELD.uuid);
    const indexAt = this.header.positions.get(FIELD.index);
    if (uuidAt !== undefined) cells[uuidAt] = cellText(bytes, uuidStart, uuidEnd);
    if (indexAt !== undefined) cells[indexAt] = cellText(bytes, indexStart, indexEnd);
    const identity = plausibleRow(cells, this.header) ? identify(cells, this.header) : null;
    if (!identity) return null;
    const starts = [uuidStart, indexStart].filter((at) => at >= 0);
    const gpu: CachedGpu<Handle> = {
      identity,
      handle: this.track(identity),
      uuidCell: uuidStart < 0 ? null : copyView(bytes, uuidStart, uuidEnd),
      indexCell: indexStart < 0 ? null : copyView(bytes, indexStart, indexEnd),
      identityCells: this.expect ? copyView(bytes, Math.min(...starts), Math.max(uuidEnd, indexEnd)) : null,
    };
    if (count < MAX_CACHED_GPUS) this.gpus.push(gpu);
    return gpu;
  }

  private matches(cell: DataView | null, spans: Int32Array, which: number): boolean {
    const start = spans[2 * which]!;
    if (cell === null) return start < 0;
    return start >= 0 && sameBytes(this.view, start, spans[2 * which + 1]!, cell);
  }
}
