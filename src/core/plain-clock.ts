/**
 * Time in a plain `nvidia-smi -l/-lms` log: its `timestamp` column is the host's local wall clock
 * without a zone, so clock steps and DST changes show up as jumps that are not elapsed time. Pure.
 */
import { gapThresholdMs } from "./energy.js";

const HOUR_MS = 3_600_000;

/** Maps zone-less timestamps onto a monotonic scale, taking out backward steps and DST changes. */
export class PlainClock {
  /** Backward clock steps and DST changes taken out so far. */
  jumps = 0;
  private prevRawMs: number | null = null;
  private offsetMs = 0;

  /**
   * @param rawMs the row's timestamp read as if it were UTC (`parseTimestampMs`)
   * @param intervalMs the loop's interval when known (sets the slack of the DST test)
   */
  map(rawMs: number, intervalMs: number | null): number {
    if (this.prevRawMs !== null) {
      const stepMs = rawMs - this.prevRawMs;
      const slackMs = gapThresholdMs(intervalMs ?? 1000);
      if (stepMs < 0) {
        // Clock stepped back (NTP, DST ending): count the step as one interval of elapsed time.
        this.offsetMs += -stepMs + (intervalMs ?? 0);
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
