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

interface Sum {
  sumW: number;
  count: number;
}

interface Bucket {
  sums: Map<string, Sum>;
}

/** A GPU's place in the series (from `slot`): `addTo` skips the lookups while it stays in one bucket. */
export interface SeriesSlot {
  readonly gpuKey: string;
  generation: number;
  sum: Sum | null;
  /** The bucket's span, [fromMs, toMs): a reading inside it needs no division to place. */
  fromMs: number;
  toMs: number;
}

export class PowerSeriesBuilder {
  /** `NaN` until the constructor sets it, so that V8 holds it as a double: bucket times pass 2^31 ms in a 25-day job. */
  private widthMs = NaN;
  private buckets: (Bucket | undefined)[] = [];
  /** Counts merges: a slot from an older generation points at a bucket that is gone. */
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
    const rel = tMs - this.originMs;
    if (rel < 0) return;
    let index = Math.floor(rel / this.widthMs);
    while (index >= this.maxBuckets) {
      this.merge();
      index = Math.floor(rel / this.widthMs);
    }
    let bucket = this.buckets[index];
    if (!bucket) {
      bucket = { sums: new Map() };
      this.buckets[index] = bucket;
    }
    const entry = bucket.sums.get(gpuKey);
    if (entry) {
      entry.sumW += powerW * weight;
      entry.count += weight;
    } else bucket.sums.set(gpuKey, { sumW: powerW * weight, count: weight });
  }

  /** A slot for `addTo`. */
  slot(gpuKey: string): SeriesSlot {
    return { gpuKey, generation: -1, sum: null, fromMs: NaN, toMs: NaN };
  }

  /** `add` for a GPU's slot; the same sums, with a lookup only when the bucket changes. */
  addTo(slot: SeriesSlot, tMs: number, powerW: number, weight = 1): void {
    const sum = slot.sum;
    // Nearly every reading: the bucket of the last one (kept small, to be inlined).
    if (sum !== null && slot.generation === this.generation && tMs >= slot.fromMs && tMs < slot.toMs) {
      sum.sumW += powerW * weight;
      sum.count += weight;
      return;
    }
    this.moveSlot(slot, tMs, powerW, weight);
  }

  /** `addTo` for a reading outside the slot's bucket: adds it, and points the slot at its bucket. */
  private moveSlot(slot: SeriesSlot, tMs: number, powerW: number, weight: number): void {
    const rel = tMs - this.originMs;
    if (rel < 0) return;
    this.add(tMs, slot.gpuKey, powerW, weight);
    const index = Math.floor(rel / this.widthMs);
    slot.generation = this.generation;
    // The times that fall in this bucket as `add` places them: floor((t - origin) / width) = index.
    slot.fromMs = this.originMs + index * this.widthMs;
    slot.toMs = slot.fromMs + this.widthMs;
    slot.sum = this.buckets[index]?.sums.get(slot.gpuKey) ?? null;
  }

  /** The series so far. */
  build(): PowerSeries {
    const points: PowerPoint[] = [];
    this.buckets.forEach((bucket, i) => {
      if (!bucket) return;
      let totalW = 0;
      for (const { sumW, count } of bucket.sums.values()) totalW += sumW / count;
      points.push({ tMs: i * this.widthMs, totalW });
    });
    return { bucketSeconds: this.widthMs / 1000, points };
  }

  /** Halves the buckets: each pair becomes one, the second's sums folded into the first's (no new maps: this runs while the reader is still cold). */
  private merge(): void {
    const buckets = this.buckets;
    const merged: (Bucket | undefined)[] = [];
    for (let i = 0; i < buckets.length; i += 2) {
      const a = buckets[i];
      const b = buckets[i + 1];
      if (a && b) {
        for (const [key, sum] of b.sums) {
          const entry = a.sums.get(key);
          if (entry) {
            entry.sumW += sum.sumW;
            entry.count += sum.count;
          } else a.sums.set(key, sum);
        }
      }
      merged.push(a ?? b);
    }
    this.buckets = merged;
    this.widthMs *= 2;
    this.generation += 1;
  }
}
