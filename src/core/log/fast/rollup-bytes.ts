/**
 * The reader's fast path for the sampler's `@rollup` records (see `sample-format.ts`): a 30-day
 * log is mostly these, one per GPU per minute, and reading each as strings (a split, a map, a
 * dozen numbers) makes garbage that grows the heap with the job's length. A record in exactly the
 * form `formatRollup` writes (since the uncertainty range: with `powerSquaredW2s`) is read here from its bytes into one reused `GpuRollup`; anything
 * else is declined (-1) and the reader parses that line as a string, so results are the same
 * either way. Pure.
 */
import { gpuIdentity, type GpuIdentity } from "../../gpu.js";
import type { GpuRollup } from "../../integrator.js";
import { exactDecimalBytes, longDecimal, POW10, sameBytes } from "./csv-bytes.js";

const TAB = 9;
const NEWLINE = 10;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
/** More distinct identities than this are not cached (a log has a handful of GPUs). */
const MAX_CACHED_GPUS = 256;

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const TAG = encoder.encode("@rollup\t");
/** The fields in the order `formatRollup` writes them. */
const FIELDS = [
  "uuid",
  "index",
  "validSamples",
  "missingSamples",
  "firstMs",
  "firstW",
  "lastMs",
  "lastW",
  "energyJ",
  "powerSquaredW2s",
  "coveredMs",
  "gaps",
  "longestGapMs",
  "peakW",
] as const;
/** Each field's `name=`, compared four bytes at a time. */
const NAMES = FIELDS.map((name) => new DataView(encoder.encode(`${name}=`).buffer));
const TAG_VIEW = new DataView(TAG.buffer);
/** Fields that may be empty (`null`); every other number must be present. */
const OPTIONAL = new Set(["firstMs", "lastMs", "peakW"]);

/** A GPU the records have named, with whatever the caller keeps for it (`handle`, `null` until it does). */
export interface RollupGpu<Handle> {
  identity: GpuIdentity;
  handle: Handle | null;
}

interface CachedIdentity<Handle> extends RollupGpu<Handle> {
  uuid: DataView;
  index: DataView;
  /** False for a GPU there was no room to cache (its handle would be lost). */
  cached: boolean;
}

/**
 * The record `parse` fills, again and again: its fields start as numbers, so that storing a
 * number in one allocates nothing (an object whose field has held `null`, as `emptyRollup()`'s
 * do, boxes every number stored in it). A record with an empty field stores its `null` as usual.
 */
class ReusedRollup implements GpuRollup {
  energyJ = 0;
  powerSquaredW2s = 0;
  coveredMs = 0;
  peakW: number | null = 0;
  validSamples = 0;
  missingSamples = 0;
  gaps = 0;
  longestGapMs = 0;
  firstMs: number | null = 0;
  firstW = 0;
  lastMs: number | null = 0;
  lastW = 0;
}

export class RollupBytes<Handle> {
  /** Outputs of the last successful `parse`; `rollup` is reused by the next. */
  tMs = 0;
  identity: GpuIdentity | null = null;
  /** The record's GPU from the cache; `null` when there was no room for it there. */
  gpu: RollupGpu<Handle> | null = null;
  readonly rollup: GpuRollup = new ReusedRollup();

  private readonly values = new Float64Array(FIELDS.length);
  private readonly empty = new Uint8Array(FIELDS.length);
  private readonly gpus: CachedIdentity<Handle>[] = [];
  /** Where in `gpus` the next record's GPU probably is. */
  private next = 0;
  private bytes: Uint8Array | null = null;
  private view: DataView = new DataView(new ArrayBuffer(0));

  /** True when the line at `start` begins with `@rollup\t` (eight bytes, two reads). */
  private isTag(start: number, limit: number): boolean {
    return start + TAG.length <= limit && sameBytes(this.view, start, start + TAG.length, TAG_VIEW);
  }

  /**
   * Reads the `@rollup` record at `start`, whose newline must come before `limit`.
   * @returns the offset of its newline, or -1 (declined: not in the form written, or a number
   *   that `parseSamplerRecord` would reject)
   */
  parse(bytes: Uint8Array, start: number, limit: number): number {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    if (!this.isTag(start, limit)) return -1;
    const view = this.view;
    let i = start + TAG.length;
    // The record's time: digits, then a tab.
    let tMs = 0;
    const tStart = i;
    for (; i < limit && bytes[i]! >= ZERO && bytes[i]! <= NINE; i += 1) tMs = tMs * 10 + (bytes[i]! - ZERO);
    if (i === tStart || i - tStart > 15 || i >= limit || bytes[i] !== TAB) return -1;
    i += 1;
    let uuidStart = 0;
    let uuidEnd = 0;
    let indexStart = 0;
    let indexEnd = 0;
    const last = FIELDS.length - 1;
    for (let f = 0; f <= last; f += 1) {
      const name = NAMES[f]!;
      const valueStart = i + name.byteLength;
      if (valueStart > limit || !sameBytes(view, i, valueStart, name)) return -1;
      i = f < 2 ? endOfValue(bytes, valueStart, limit) : this.number(bytes, valueStart, limit, f);
      if (i < 0) return -1;
      // The last field ends the record; a tab there would bring fields this reader does not know.
      if ((f === last) !== (bytes[i] === NEWLINE)) return -1;
      if (f === 0) {
        uuidStart = valueStart;
        uuidEnd = i;
      } else if (f === 1) {
        indexStart = valueStart;
        indexEnd = i;
      }
      i += 1;
    }
    const end = i - 1;
    const gpu = this.lookup(bytes, uuidStart, uuidEnd, indexStart, indexEnd);
    const v = this.values;
    const empty = this.empty;
    const r = this.rollup;
    r.validSamples = v[2]!;
    r.missingSamples = v[3]!;
    r.firstMs = empty[4] ? null : v[4]!;
    r.firstW = v[5]!;
    r.lastMs = empty[6] ? null : v[6]!;
    r.lastW = v[7]!;
    r.energyJ = v[8]!;
    r.powerSquaredW2s = v[9]!;
    r.coveredMs = v[10]!;
    r.gaps = v[11]!;
    r.longestGapMs = v[12]!;
    r.peakW = empty[13] ? null : v[13]!;
    this.tMs = tMs;
    this.identity = gpu.identity;
    this.gpu = gpu.cached ? gpu : null;
    return end;
  }

  /**
   * Reads field `f`'s value, which starts at `start`, into `values[f]` as `Number` would: digits
   * are read as the value is scanned, and only an unusual value (a long or exponent form) is
   * read again.
   * @returns the offset of the tab or newline after it; -1 when there is none before `limit`,
   *   or the string path rejects the value
   */
  private number(bytes: Uint8Array, start: number, limit: number, f: number): number {
    let i = start;
    if (i < limit && bytes[i] === MINUS) i += 1;
    const digitsStart = i;
    let mantissa = 0;
    let b = 0;
    for (; i < limit && (b = bytes[i]!) >= ZERO && b <= NINE; i += 1) mantissa = mantissa * 10 + (b - ZERO);
    let digits = i - digitsStart;
    let fraction = 0;
    if (b === DOT && i < limit) {
      const fractionStart = (i += 1);
      for (; i < limit && (b = bytes[i]!) >= ZERO && b <= NINE; i += 1) mantissa = mantissa * 10 + (b - ZERO);
      fraction = i - fractionStart;
      digits += fraction;
      if (fraction === 0) digits = 0;
    }
    if (i >= limit) return -1;
    this.empty[f] = 0;
    if ((b === TAB || b === NEWLINE) && digits > 0 && digits <= 15) {
      const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
      this.values[f] = bytes[start] === MINUS ? -value : value;
      return i;
    }
    // Anything else: found the end, then read as the string path reads it.
    const end = endOfValue(bytes, i, limit);
    if (end < 0) return -1;
    if (end === start) {
      if (!OPTIONAL.has(FIELDS[f]!)) return -1;
      this.empty[f] = 1;
      return end;
    }
    // More than 15 digits and nothing else, as sums are written: the long reader at once (the
    // short one has just failed on them); anything else as `exactDecimalBytes` reads it.
    let value = (b === TAB || b === NEWLINE) && digits > 15 ? longDecimal(bytes, start, end) : exactDecimalBytes(bytes, start, end);
    // Other forms (exponents, more than 19 digits): the string path's own conversion.
    if (Number.isNaN(value)) value = Number(decoder.decode(bytes.subarray(start, end)));
    this.values[f] = value;
    return Number.isFinite(value) ? end : -1;
  }

  /** The GPU a record's uuid and index cells name, from a cache keyed by their bytes (`cached` false: no room left there). */
  private lookup(bytes: Uint8Array, uuidStart: number, uuidEnd: number, indexStart: number, indexEnd: number): CachedIdentity<Handle> {
    const view = this.view;
    // Records come in the GPUs' order, so the one after the last is nearly always next.
    const count = this.gpus.length;
    for (let k = 0; k < count; k += 1) {
      const at = this.next + k < count ? this.next + k : this.next + k - count;
      const gpu = this.gpus[at]!;
      if (sameBytes(view, uuidStart, uuidEnd, gpu.uuid) && sameBytes(view, indexStart, indexEnd, gpu.index)) {
        this.next = at + 1 === count ? 0 : at + 1;
        return gpu;
      }
    }
    const text = (from: number, to: number) => decoder.decode(bytes.subarray(from, to)) || null;
    const gpu: CachedIdentity<Handle> = {
      identity: gpuIdentity(text(uuidStart, uuidEnd), text(indexStart, indexEnd)),
      handle: null,
      uuid: copyView(bytes, uuidStart, uuidEnd),
      index: copyView(bytes, indexStart, indexEnd),
      cached: count < MAX_CACHED_GPUS,
    };
    if (gpu.cached) this.gpus.push(gpu);
    return gpu;
  }
}

/** The offset of the tab or newline that ends a value starting at `start`; -1 when none comes before `limit`. */
function endOfValue(bytes: Uint8Array, start: number, limit: number): number {
  for (let i = start; i < limit; i += 1) {
    const b = bytes[i]!;
    if (b === TAB || b === NEWLINE) return i;
  }
  return -1;
}

/** A copy (the chunk's memory is not ours to keep) of `bytes[start, end)`. */
function copyView(bytes: Uint8Array, start: number, end: number): DataView {
  const copy = new Uint8Array(end - start);
  copy.set(bytes.subarray(start, end));
  return new DataView(copy.buffer);
}
