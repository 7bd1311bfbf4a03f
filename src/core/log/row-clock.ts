/**
 * Times the rows of a live nvidia-smi loop on the sampler's monotonic clock by nvidia-smi's own
 * `timestamp` cell, not by when a row reaches the sampler: a C program writing to a pipe may hold
 * its output until a 4096-byte block fills, so rows can arrive seconds or minutes late, many at
 * once. The sampler runs nvidia-smi with `TZ=UTC`, so a timestamp is the host's wall clock
 * (`Date.now()`), which only differs from the monotonic clock by an offset that changes when the
 * wall clock is stepped (NTP, an administrator). Pure: the sampler feeds it what it observes.
 *
 * Arrival serves as a cross-check only: a row cannot be timed after it arrived, nor before the
 * row printed before it, nor in an offset's time if the clock had already been stepped then.
 * A row that fits no known offset (nvidia-smi ignored `TZ`, say) is timed by its arrival.
 */

/** Clock readings closer than this are the same offset: the two clocks are read a few µs apart. */
const STEP_MS = 25;
/** Leeway for the ms resolution of timestamps and the time between a query and its print. */
const SLACK_MS = 25;
/** Offsets kept: rows arriving late can only be from the last few. */
const MAX_OFFSETS = 8;

interface Offset {
  /** Wall clock minus sampler clock, ms. */
  wallMinusMonoMs: number;
  /** Sampler time of the last observation of the offset before this one: the earliest the step may have come. */
  fromMs: number;
  /** Sampler time this offset was first seen: the latest the step may have come. */
  seenMs: number;
}

/** How a row was timed. */
export type RowTiming = "timestamp" | "arrival";

export class RowClock {
  private readonly offsets: Offset[] = [];
  private lastObservedMs = 0;
  /** The offset the last row used (an index into `offsets`), and that row's time. */
  private rowOffset = 0;
  private lastRowMs = -Infinity;
  /** Rows that were timed by their arrival because their timestamp fitted no offset. */
  arrivalTimed = 0;
  /** The most any row arrived after its own time, ms: how far output is held back. */
  longestDelayMs = 0;

  /** Records the two clocks read together: the sampler's (ms since its start) and the wall clock (epoch ms). */
  observe(monoMs: number, wallMs: number): void {
    const offset = wallMs - monoMs;
    const last = this.offsets[this.offsets.length - 1];
    if (!last || Math.abs(offset - last.wallMinusMonoMs) > STEP_MS) {
      this.offsets.push({ wallMinusMonoMs: offset, fromMs: last ? this.lastObservedMs : -Infinity, seenMs: monoMs });
      if (this.offsets.length > MAX_OFFSETS) {
        this.offsets.shift();
        this.rowOffset = Math.max(0, this.rowOffset - 1);
      }
    }
    this.lastObservedMs = monoMs;
  }

  /**
   * Marks a new stream (nvidia-smi restarted): its first row may be timed before the last row of
   * the one before only by the clock's own steps, which `observe` tracks.
   */
  restart(): void {
    this.rowOffset = this.offsets.length - 1;
  }

  /**
   * The sampler time of a row stamped `timestampMs` (wall clock, epoch ms; `null` when the row had
   * no readable timestamp) that arrived at `arrivalMs`. Never earlier than the row before it.
   */
  time(timestampMs: number | null, arrivalMs: number): { tMs: number; timing: RowTiming } {
    const tMs = timestampMs === null ? null : this.fit(timestampMs, arrivalMs);
    if (tMs === null) {
      if (timestampMs !== null) this.arrivalTimed += 1;
      const at = Math.max(arrivalMs, this.lastRowMs);
      this.lastRowMs = at;
      return { tMs: at, timing: "arrival" };
    }
    this.longestDelayMs = Math.max(this.longestDelayMs, arrivalMs - tMs);
    this.lastRowMs = Math.max(this.lastRowMs, tMs);
    return { tMs, timing: "timestamp" };
  }

  /** The earliest offset, from the last row's on, under which the row's time is possible. */
  private fit(timestampMs: number, arrivalMs: number): number | null {
    for (let k = Math.max(0, this.rowOffset); k < this.offsets.length; k += 1) {
      const offset = this.offsets[k]!;
      const next = this.offsets[k + 1];
      const tMs = timestampMs - offset.wallMinusMonoMs;
      const possible =
        tMs <= arrivalMs + SLACK_MS &&
        tMs >= this.lastRowMs - SLACK_MS &&
        tMs >= offset.fromMs - SLACK_MS &&
        (next === undefined || tMs <= next.seenMs + SLACK_MS);
      if (possible) {
        this.rowOffset = k;
        return Math.max(tMs, this.lastRowMs);
      }
    }
    return null;
  }
}
