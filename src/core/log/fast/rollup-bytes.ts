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
import {
  copyView,
  decimalFromParts,
  DOUBLE_ZERO,
  exactDecimalBytes,
  FRACTION,
  HIGH,
  HIGH_DIGITS,
  LOW,
  LOW_DIGITS,
  POW10,
  sameBytes,
  samplerRowTag,
  VALUE,
} from "./csv-bytes.js";

const TAB = 9;
const NEWLINE = 10;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
/** Below this an integer's digits, summed as a double, are exact. */
const TWO_TO_53 = 2 ** 53;
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
/** Fields the sampler writes as whole numbers (counts and times), read by `whole` first. */
const WHOLE = new Uint8Array(
  FIELDS.map((name) =>
    ["validSamples", "missingSamples", "firstMs", "lastMs", "coveredMs", "gaps", "longestGapMs"].includes(name) ? 1 : 0,
  ),
);
/** Fields that may be empty (`null`); every other number must be present. */
const OPTIONAL = new Set(["firstMs", "lastMs", "peakW"]);

/** A GPU the records have named, with whatever the caller keeps for it (`handle`, `null` until it does). */
export interface RollupGpu<Handle> {
  identity: GpuIdentity;
  handle: Handle | null;
}

interface CachedIdentity<Handle> extends RollupGpu<Handle> {
  /** The record's bytes from `uuid=` to the tab after the index, as this GPU's records have them. */
  prefix: DataView;
  /** False for a GPU there was no room to cache (its handle would be lost). */
  cached: boolean;
}

/**
 * The record `parse` fills, again and again. Its fields start as `NaN` (nothing read yet), a
 * double: V8 then keeps each as a double from the start, so that storing a number in one
 * allocates nothing, and times past 2^31 ms (a job of 25 days) change nothing in the compiled
 * code. (An object whose field has held `null`, as `emptyRollup()`'s do, boxes every number
 * stored in it.) A record with an empty field stores its `null` as usual.
 */
class ReusedRollup implements GpuRollup {
  energyJ = NaN;
  powerSquaredW2s = NaN;
  coveredMs = NaN;
  peakW: number | null = NaN;
  validSamples = NaN;
  missingSamples = NaN;
  gaps = NaN;
  longestGapMs = NaN;
  firstMs: number | null = NaN;
  firstW = NaN;
  lastMs: number | null = NaN;
  lastW = NaN;
}

export class RollupBytes<Handle> {
  /** Outputs of the last successful `parse`; `rollup` is reused by the next. */
  tMs = NaN;
  identity: GpuIdentity | null = null;
  /** The record's GPU from the cache; `null` when there was no room for it there. */
  gpu: RollupGpu<Handle> | null = null;
  readonly rollup: GpuRollup = new ReusedRollup();

  private readonly values = new Float64Array(FIELDS.length);
  /** A long number's parts, for `decimalFromParts`. */
  private readonly parts = new Float64Array(4);
  /** The record's time as read, kept apart from `tMs` until the whole record is. */
  private readonly time = { tMs: NaN };
  private readonly empty = new Uint8Array(FIELDS.length);
  private readonly gpus: CachedIdentity<Handle>[] = [];
  /** Where in `gpus` the next record's GPU probably is. */
  private next = 0;
  /** The GPU `newGpu` read last. */
  private added: CachedIdentity<Handle> | null = null;
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
    // The record's time: digits, then a tab, as a sampler row's.
    const tab = samplerRowTag(bytes, start + TAG.length, limit, this.time);
    if (tab < 0) return -1;
    let i = tab + 1;
    // Its GPU: nearly always the one after the last record's, whose identity cells (names and
    // all) are compared at once with each cached GPU's; else a GPU not seen before (or not kept).
    let gpu = this.known(view, i, limit);
    if (gpu !== null) i += gpu.prefix.byteLength;
    else {
      i = this.newGpu(bytes, i, limit);
      if (i < 0) return -1;
      gpu = this.added!;
    }
    const last = FIELDS.length - 1;
    for (let f = 2; f <= last; f += 1) {
      const name = NAMES[f]!;
      const valueStart = i + name.byteLength;
      if (valueStart > limit || !sameBytes(view, i, valueStart, name)) return -1;
      i = WHOLE[f] ? this.whole(bytes, valueStart, limit, f) : this.number(bytes, valueStart, limit, f);
      if (i < 0) return -1;
      // The last field ends the record; a tab there would bring fields this reader does not know.
      if ((f === last) !== (bytes[i] === NEWLINE)) return -1;
      i += 1;
    }
    const end = i - 1;
    const v = this.values;
    const empty = this.empty;
    const r = this.rollup;
    r.validSamples = v[2]!;
    r.missingSamples = v[3]!;
    // Each as a statement of its own: `empty ? null : v` would box the number to hold either.
    if (empty[4]) r.firstMs = null;
    else r.firstMs = v[4]!;
    r.firstW = v[5]!;
    if (empty[6]) r.lastMs = null;
    else r.lastMs = v[6]!;
    r.lastW = v[7]!;
    r.energyJ = v[8]!;
    r.powerSquaredW2s = v[9]!;
    r.coveredMs = v[10]!;
    r.gaps = v[11]!;
    r.longestGapMs = v[12]!;
    if (empty[13]) r.peakW = null;
    else r.peakW = v[13]!;
    this.tMs = this.time.tMs;
    this.identity = gpu.identity;
    this.gpu = gpu.cached ? gpu : null;
    return end;
  }

  /**
   * `number` for a field written as a whole number: its digits alone (at most 15), then a tab or
   * newline. Anything else goes to `number`. Seven of a record's twelve numbers are these.
   */
  private whole(bytes: Uint8Array, start: number, limit: number, f: number): number {
    let value = DOUBLE_ZERO;
    let i = start;
    let b = 0;
    for (; i < limit && (b = bytes[i]!) >= ZERO && b <= NINE; i += 1) value = value * 10 + (b - ZERO);
    if (i === start || i - start > 15 || (b !== TAB && b !== NEWLINE) || i >= limit) return this.number(bytes, start, limit, f);
    this.empty[f] = 0;
    this.values[f] = value;
    return i;
  }

  /**
   * Reads field `f`'s value, which starts at `start`, into `values[f]` as `Number` would, in one
   * scan: a value of up to 15 digits is its digits divided by a power of ten, and one of 16 to
   * 19 (as the sampler writes its sums) is settled from the two parts the scan kept (see
   * `decimalFromParts`). Only an unusual value (an exponent, more digits, a sum too near a
   * rounding boundary) is read again.
   * @returns the offset of the tab or newline after it; -1 when there is none before `limit`,
   *   or the string path rejects the value
   */
  private number(bytes: Uint8Array, start: number, limit: number, f: number): number {
    let i = start;
    if (i < limit && bytes[i] === MINUS) i += 1;
    // All the digits (exact up to 15 of them); the first HIGH_DIGITS again, and those after;
    // one point among them, after a digit.
    let mantissa = 0;
    let high = 0;
    let low = 0;
    let digits = 0;
    let point = -1;
    let b = 0;
    for (; i < limit; i += 1) {
      b = bytes[i]!;
      if (b >= ZERO && b <= NINE) {
        mantissa = mantissa * 10 + (b - ZERO);
        low = low * 10 + (b - ZERO);
        if ((digits += 1) === HIGH_DIGITS) {
          high = mantissa;
          low = 0;
        }
      } else if (b === DOT && point < 0 && digits > 0) point = i;
      else break;
    }
    const fraction = point < 0 ? 0 : i - point - 1;
    if (point >= 0 && fraction === 0) digits = 0; // "12." is not a number here
    if (i >= limit) return -1;
    this.empty[f] = 0;
    if ((b === TAB || b === NEWLINE) && digits > 0) {
      const negative = bytes[start] === MINUS;
      // Digits below 2^53 were summed exactly, and one division of two exact doubles rounds
      // correctly: every number of up to 15 digits, and a 16-digit sum such as 36609.31750000002.
      if (digits <= 15 || (digits === 16 && mantissa < TWO_TO_53)) {
        const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
        this.values[f] = negative ? -value : value;
        return i;
      }
      const parts = this.parts;
      parts[HIGH] = high;
      parts[LOW] = low;
      parts[LOW_DIGITS] = digits - HIGH_DIGITS;
      parts[FRACTION] = fraction;
      if (digits <= HIGH_DIGITS + 8 && fraction <= 22 && decimalFromParts(parts)) {
        this.values[f] = negative ? -parts[VALUE]! : parts[VALUE]!;
        return i;
      }
    }
    // Anything else: found the end, then read as the string path reads it.
    const end = endOfValue(bytes, i, limit);
    if (end < 0) return -1;
    if (end === start) {
      if (!OPTIONAL.has(FIELDS[f]!)) return -1;
      this.empty[f] = 1;
      return end;
    }
    let value = exactDecimalBytes(bytes, start, end);
    // Other forms (exponents, more than 19 digits): the string path's own conversion.
    if (Number.isNaN(value)) value = Number(decoder.decode(bytes.subarray(start, end)));
    this.values[f] = value;
    return Number.isFinite(value) ? end : -1;
  }

  /** The cached GPU whose identity cells, from `uuid=` to the tab after the index, are at `at`; `null` when none's are. */
  private known(view: DataView, at: number, limit: number): CachedIdentity<Handle> | null {
    // Records come in the GPUs' order, so the one after the last is nearly always next.
    const count = this.gpus.length;
    for (let k = 0, g = this.next; k < count; k += 1, g = g + 1 === count ? 0 : g + 1) {
      const gpu = this.gpus[g]!;
      const end = at + gpu.prefix.byteLength;
      if (end <= limit && sameBytes(view, at, end, gpu.prefix)) {
        this.next = g + 1 === count ? 0 : g + 1;
        return gpu;
      }
    }
    return null;
  }

  /**
   * Reads the identity cells at `at` of a GPU that `known` did not find, and makes it `added`.
   * A call of its own, seldom made: the optimizing compiler then has less of `parse` to compile,
   * and a cold reader gets its compiled code sooner.
   * @returns the offset after the identity cells; -1 when they are not in the form written
   */
  private newGpu(bytes: Uint8Array, at: number, limit: number): number {
    const view = this.view;
    const uuidStart = at + NAMES[0]!.byteLength;
    if (uuidStart > limit || !sameBytes(view, at, uuidStart, NAMES[0]!)) return -1;
    const uuidEnd = endOfValue(bytes, uuidStart, limit);
    if (uuidEnd < 0 || bytes[uuidEnd] !== TAB) return -1;
    const indexStart = uuidEnd + 1 + NAMES[1]!.byteLength;
    if (indexStart > limit || !sameBytes(view, uuidEnd + 1, indexStart, NAMES[1]!)) return -1;
    const indexEnd = endOfValue(bytes, indexStart, limit);
    if (indexEnd < 0 || bytes[indexEnd] !== TAB) return -1;
    this.added = this.add(bytes, uuidStart, uuidEnd, indexStart, indexEnd);
    return indexEnd + 1;
  }

  /**
   * A new GPU for a record's uuid and index cells, none of the cached ones (`known` would have
   * found it): cached while there is room (`cached` false when there is none).
   */
  private add(bytes: Uint8Array, uuidStart: number, uuidEnd: number, indexStart: number, indexEnd: number): CachedIdentity<Handle> {
    const text = (from: number, to: number) => decoder.decode(bytes.subarray(from, to)) || null;
    const gpu: CachedIdentity<Handle> = {
      identity: gpuIdentity(text(uuidStart, uuidEnd), text(indexStart, indexEnd)),
      handle: null,
      prefix: copyView(bytes, uuidStart - NAMES[0]!.byteLength, indexEnd + 1),
      cached: this.gpus.length < MAX_CACHED_GPUS,
    };
    if (gpu.cached) {
      this.gpus.push(gpu);
      this.next = 0;
    }
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
