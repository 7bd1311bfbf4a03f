/**
 * A downsampled power-over-time series for charts, built while streaming. Readings fall into
 * buckets of equal width; when there are too many buckets, neighbours merge and the width
 * doubles, so memory is bounded by `maxBuckets` x GPUs whatever the job length. Pure.
 */

/** One point of the chart: total power of all GPUs averaged over a bucket. */
export interface PowerPoint {
  /** Bucket start, ms since the window start. */
  tMs: number;
  /** Sum over GPUs of each GPU's mean power in the bucket, W. */
  totalW: number;
}

/** The series stored in the report. */
export interface PowerSeries {
  /** Width of each bucket in seconds. */
  bucketSeconds: number;
  /** Points in time order; buckets without any reading are left out. */
  points: PowerPoint[];
}

/** One GPU's buckets: the sum of its readings' power times their weight, and of their weights (0: none). */
interface GpuBuckets {
  sumW: Float64Array;
  count: Float64Array;
}

/** A GPU's place in the series (from `slot`): `addTo` skips the lookups while it stays in one bucket. */
export interface SeriesSlot {
  readonly gpuKey: string;
  generation: number;
  /** The GPU's buckets; `null` until its first reading. */
  buckets: GpuBuckets | null;
  /** The bucket of its last reading. */
  at: number;
  /** The bucket's span, [fromMs, toMs): a reading inside it needs no division to place. */
  fromMs: number;
  toMs: number;
}

/**
 * Each GPU's buckets are two arrays of numbers, written in place: a reading makes no garbage, and
 * merging adds neighbours. (A map of sums per bucket made one per bucket a GPU entered, which is
 * every reading while the buckets are as narrow as the sampling interval, in the first minutes
 * of every log, when the reader's code is still being compiled.)
 */
export class PowerSeriesBuilder {
  /** `NaN` until the constructor sets it, so that V8 holds it as a double: bucket times pass 2^31 ms in a 25-day job. */
  private widthMs = NaN;
  /** Every GPU's buckets, in the order of their first readings, and by key. */
  private readonly gpus: GpuBuckets[] = [];
  private readonly byKey = new Map<string, GpuBuckets>();
  /** Counts merges: a slot from an older generation points at a bucket that has moved. */
  private generation = 0;

  /**
   * @param originMs window start; bucket times are relative to it
   * @param initialWidthMs first bucket width (the sampling interval is a good start)
   * @param maxBuckets at most this many buckets are kept (merging halves the count)
   */
  constructor(
    private readonly originMs: number,
    initialWidthMs: number,
    private readonly maxBuckets = 120,
  ) {
    this.widthMs = Math.max(1, initialWidthMs);
  }

  /** Adds a reading; `weight` > 1 for a mean that stands for that many readings. */
  add(tMs: number, gpuKey: string, powerW: number, weight = 1): void {
    const index = this.bucketOf(tMs);
    if (index >= 0) addAt(this.buckets(gpuKey), index, powerW, weight);
  }

  /** A slot for `addTo`. */
  slot(gpuKey: string): SeriesSlot {
    return { gpuKey, generation: -1, buckets: null, at: 0, fromMs: NaN, toMs: NaN };
  }

  /** `add` for a GPU's slot; the same sums, with a lookup only when the bucket changes. */
  addTo(slot: SeriesSlot, tMs: number, powerW: number, weight = 1): void {
    const gpu = slot.buckets;
    // Nearly every reading: the bucket of the last one (kept small, to be inlined).
    if (gpu !== null && slot.generation === this.generation && tMs >= slot.fromMs && tMs < slot.toMs) {
      gpu.sumW[slot.at]! += powerW * weight;
      gpu.count[slot.at]! += weight;
      return;
    }
    this.moveSlot(slot, tMs, powerW, weight);
  }

  /** `addTo` for a reading outside the slot's bucket: adds it, and points the slot at its bucket. */
  private moveSlot(slot: SeriesSlot, tMs: number, powerW: number, weight: number): void {
    const index = this.bucketOf(tMs);
    if (index < 0) return;
    addAt((slot.buckets ??= this.buckets(slot.gpuKey)), index, powerW, weight);
    slot.generation = this.generation;
    slot.at = index;
    // The times that fall in this bucket as `bucketOf` places them: floor((t - origin) / width) = index.
    slot.fromMs = this.originMs + index * this.widthMs;
    slot.toMs = slot.fromMs + this.widthMs;
  }

  /** The bucket of a reading at `tMs`, merging buckets until there is one; -1 before the origin. */
  private bucketOf(tMs: number): number {
    const rel = tMs - this.originMs;
    if (rel < 0) return -1;
    let index = Math.floor(rel / this.widthMs);
    while (index >= this.maxBuckets) {
      this.merge();
      index = Math.floor(rel / this.widthMs);
    }
    return index;
  }

  /** A GPU's buckets, made at its first reading. */
  private buckets(gpuKey: string): GpuBuckets {
    let gpu = this.byKey.get(gpuKey);
    if (!gpu) {
      gpu = { sumW: new Float64Array(this.maxBuckets), count: new Float64Array(this.maxBuckets) };
      this.byKey.set(gpuKey, gpu);
      this.gpus.push(gpu);
    }
    return gpu;
  }

  /** The series so far. */
  build(): PowerSeries {
    const points: PowerPoint[] = [];
    for (let i = 0; i < this.maxBuckets; i += 1) {
      let totalW = 0;
      let readings = false;
      for (const { sumW, count } of this.gpus) {
        if (count[i]! > 0) {
          totalW += sumW[i]! / count[i]!;
          readings = true;
        }
      }
      if (readings) points.push({ tMs: i * this.widthMs, totalW });
    }
    return { bucketSeconds: this.widthMs / 1000, points };
  }

  /** Halves the buckets: each pair becomes one, the second's sums added to the first's. */
  private merge(): void {
    const n = this.maxBuckets;
    for (const { sumW, count } of this.gpus) {
      for (let i = 0; 2 * i < n; i += 1) {
        const second = 2 * i + 1 < n;
        sumW[i] = sumW[2 * i]! + (second ? sumW[2 * i + 1]! : 0);
        count[i] = count[2 * i]! + (second ? count[2 * i + 1]! : 0);
      }
      sumW.fill(0, Math.ceil(n / 2));
      count.fill(0, Math.ceil(n / 2));
    }
    this.widthMs *= 2;
    this.generation += 1;
  }
}

/** Adds a reading (or a mean standing for `weight` readings) to a GPU's bucket `index`. */
function addAt(gpu: GpuBuckets, index: number, powerW: number, weight: number): void {
  gpu.sumW[index]! += powerW * weight;
  gpu.count[index]! += weight;
}
