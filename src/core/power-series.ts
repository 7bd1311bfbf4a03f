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

interface Bucket {
  sums: Map<string, { sumW: number; count: number }>;
}

export class PowerSeriesBuilder {
  private widthMs: number;
  private buckets: (Bucket | undefined)[] = [];

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

  add(tMs: number, gpuKey: string, powerW: number): void {
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
      entry.sumW += powerW;
      entry.count += 1;
    } else bucket.sums.set(gpuKey, { sumW: powerW, count: 1 });
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

  private merge(): void {
    const merged: (Bucket | undefined)[] = [];
    for (let i = 0; i < this.buckets.length; i += 2) {
      const a = this.buckets[i];
      const b = this.buckets[i + 1];
      if (!a && !b) {
        merged.push(undefined);
        continue;
      }
      const sums = new Map<string, { sumW: number; count: number }>();
      for (const source of [a, b]) {
        if (!source) continue;
        for (const [key, { sumW, count }] of source.sums) {
          const entry = sums.get(key);
          if (entry) {
            entry.sumW += sumW;
            entry.count += count;
          } else sums.set(key, { sumW, count });
        }
      }
      merged.push({ sums });
    }
    this.buckets = merged;
    this.widthMs *= 2;
  }
}
