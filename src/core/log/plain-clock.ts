/**
 * Time in a plain `nvidia-smi -l` log, whose `timestamp` column is host local time without a zone:
 * maps those timestamps onto a monotonic scale, taking out the clock's backward steps (NTP, DST
 * ending) and DST's hour forward, and infers the loop's interval when nobody gave it. Pure.
 */
import { gapThresholdMs } from "../integrator.js";

const HOUR_MS = 3_600_000;

export class PlainClock {
  /** Clock steps and DST changes taken out so far. */
  jumps = 0;
  /**
   * Backward steps seen before the interval was known: each counts as one interval of elapsed
   * time, added by `sizeSteps` once the interval is known.
   */
  unsizedSteps = 0;
  private prevRawMs: number | null = null;
  private offsetMs = 0;

  /**
   * The monotonic time of a row stamped `rawMs` (the timestamp read as if it were UTC).
   * @param intervalMs the loop's interval, `null` while it is not known yet
   */
  monotonic(rawMs: number, intervalMs: number | null): number {
    if (this.prevRawMs !== null) {
      const stepMs = rawMs - this.prevRawMs;
      const slackMs = gapThresholdMs(intervalMs ?? 1000);
      if (stepMs < 0) {
        // Clock stepped back: the step counts as one interval of elapsed time.
        this.offsetMs += -stepMs + (intervalMs ?? 0);
        if (intervalMs === null) this.unsizedSteps += 1;
        this.jumps += 1;
      } else if (Math.abs(stepMs - HOUR_MS) <= slackMs) {
        // DST starting: local time jumped one hour forward.
        this.offsetMs -= HOUR_MS;
        this.jumps += 1;
      }
    }
    this.prevRawMs = rawMs;
    return rawMs + this.offsetMs;
  }

  /** Adds the interval, now known, for each backward step seen before; times given out before lack them. */
  sizeSteps(intervalMs: number): void {
    this.offsetMs += this.unsizedSteps * intervalMs;
    this.unsizedSteps = 0;
  }
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
