/**
 * The reader's fast path for the sampler's `@rollup` records (see `sample-format.ts`): a 30-day
 * log is mostly these, one per GPU per minute, and reading each as strings (a split, a map, a
 * dozen numbers) makes garbage that grows the heap with the job's length. A record in exactly the
 * form `formatRollup` writes (since the uncertainty range: with `powerSquaredW2s`) is read here from its bytes into one reused `GpuRollup`; anything
 * else is declined (-1) and the reader parses that line as a string, so results are the same
 * either way. Pure.
 */
import { gpuIdentity, type GpuIdentity } from "../../gpu.js";
import { emptyRollup, type GpuRollup } from "../../integrator.js";
import { decimalBytes, sameBytes } from "./csv-bytes.js";

const TAB = 9;
const NEWLINE = 10;
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
const NAMES = FIELDS.map((name) => encoder.encode(`${name}=`));
/** Fields that may be empty (`null`); every other number must be present. */
const OPTIONAL = new Set(["firstMs", "lastMs", "peakW"]);

interface CachedIdentity {
  uuid: DataView;
  index: DataView;
  identity: GpuIdentity;
}

export class RollupBytes {
  /** Outputs of the last successful `parse`; `rollup` is reused by the next. */
  tMs = 0;
  identity: GpuIdentity | null = null;
  readonly rollup: GpuRollup = emptyRollup();

  private readonly values = new Float64Array(FIELDS.length);
  private readonly empty = new Uint8Array(FIELDS.length);
  private readonly gpus: CachedIdentity[] = [];
  private bytes: Uint8Array | null = null;
  private view: DataView = new DataView(new ArrayBuffer(0));

  /** True when the line at `start` begins with `@rollup\t`. */
  static isRollup(bytes: Uint8Array, start: number, limit: number): boolean {
    if (start + TAG.length > limit) return false;
    for (let k = 0; k < TAG.length; k += 1) if (bytes[start + k] !== TAG[k]) return false;
    return true;
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
    for (let f = 0; f < FIELDS.length; f += 1) {
      const name = NAMES[f]!;
      if (i + name.length > limit) return -1;
      for (let k = 0; k < name.length; k += 1) if (bytes[i + k] !== name[k]) return -1;
      i += name.length;
      const valueStart = i;
      let b = 0;
      while (i < limit && (b = bytes[i]!) !== TAB && b !== NEWLINE) i += 1;
      if (i >= limit) return -1;
      // The last field ends the record; a tab there would bring fields this reader does not know.
      if ((f === FIELDS.length - 1) !== (b === NEWLINE)) return -1;
      if (f === 0) {
        uuidStart = valueStart;
        uuidEnd = i;
      } else if (f === 1) {
        indexStart = valueStart;
        indexEnd = i;
      } else if (!this.number(bytes, valueStart, i, f)) return -1;
      i += 1;
    }
    const end = i - 1;
    const identity = this.lookup(bytes, uuidStart, uuidEnd, indexStart, indexEnd);
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
    this.identity = identity;
    return end;
  }

  /** Reads field `f`'s value into `values[f]` as `Number` would; false when the string path rejects it. */
  private number(bytes: Uint8Array, start: number, end: number, f: number): boolean {
    this.empty[f] = 0;
    if (start === end) {
      if (!OPTIONAL.has(FIELDS[f]!)) return false;
      this.empty[f] = 1;
      return true;
    }
    let value = decimalBytes(bytes, start, end);
    // Longer or other forms (17 digits, exponents): the string path's own conversion.
    if (Number.isNaN(value)) value = Number(decoder.decode(bytes.subarray(start, end)));
    this.values[f] = value;
    return Number.isFinite(value);
  }

  /** The identity a record's uuid and index cells name, from a cache keyed by their bytes. */
  private lookup(bytes: Uint8Array, uuidStart: number, uuidEnd: number, indexStart: number, indexEnd: number): GpuIdentity {
    const view = this.view;
    for (const gpu of this.gpus)
      if (sameBytes(view, uuidStart, uuidEnd, gpu.uuid) && sameBytes(view, indexStart, indexEnd, gpu.index)) return gpu.identity;
    const text = (from: number, to: number) => decoder.decode(bytes.subarray(from, to)) || null;
    const identity = gpuIdentity(text(uuidStart, uuidEnd), text(indexStart, indexEnd));
    if (this.gpus.length < MAX_CACHED_GPUS)
      this.gpus.push({ uuid: copyView(bytes, uuidStart, uuidEnd), index: copyView(bytes, indexStart, indexEnd), identity });
    return identity;
  }
}

/** A copy (the chunk's memory is not ours to keep) of `bytes[start, end)`. */
function copyView(bytes: Uint8Array, start: number, end: number): DataView {
  const copy = new Uint8Array(end - start);
  copy.set(bytes.subarray(start, end));
  return new DataView(copy.buffer);
}
