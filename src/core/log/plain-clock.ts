/**
 * Time in a plain `nvidia-smi -l` log, whose `timestamp` column is host local time without a zone:
 * maps one GPU's timestamps onto a monotonic scale, taking out the clock's backward steps (NTP,
 * DST ending) and DST's hour forward, and infers the loop's interval when nobody gave it. Pure.
 *
 * A jump forward is DST only where the log's time zone really changes its offset there (IANA data
 * through `Intl`); anywhere else, and in a log whose zone is not known, it is a gap: a real hour
 * without samples must not vanish.
 */
import { gapThresholdMs } from "../integrator.js";

const MINUTE_MS = 60_000;
/** Offsets of real zones are whole minutes; a change of at least this much is a DST change. */
const MIN_CHANGE_MS = 15 * MINUTE_MS;

/**
 * The zone a plain log's timestamps are in: an IANA name, `null` when unknown, or a function that
 * names it when first needed (looking a zone up is slow to start, and most logs never need it).
 */
export type TimeZoneSource = string | null | (() => string | null);

export class PlainClock {
  /** Clock steps and DST changes taken out so far. */
  jumps = 0;
  /**
   * Backward steps seen before the interval was known: each counts as one interval of elapsed
   * time, added by `sizeSteps` once the interval is known.
   */
  unsizedSteps = 0;
  /** The last row's timestamp; `NaN` before the first (a number, so storing one allocates nothing). */
  private prevRawMs = NaN;
  private offsetMs = 0;
  private zone: TimeZoneSource;

  /** @param timeZone the zone the timestamps are in; `null` when unknown (no DST is assumed). */
  constructor(timeZone: TimeZoneSource = null) {
    this.zone = timeZone;
  }

  /** The zone's name, asked for once. */
  private timeZone(): string | null {
    if (typeof this.zone === "function") this.zone = this.zone();
    return this.zone;
  }

  /**
   * The monotonic time of a row stamped `rawMs` (the timestamp read as if it were UTC).
   * @param intervalMs the loop's interval, `null` while it is not known yet
   */
  monotonic(rawMs: number, intervalMs: number | null): number {
    // Nearly every row: time went forward by less than any DST change (kept small, to be inlined).
    const stepMs = rawMs - this.prevRawMs;
    if (stepMs >= 0 && stepMs < MIN_CHANGE_MS) {
      this.prevRawMs = rawMs;
      return rawMs + this.offsetMs;
    }
    return this.jump(rawMs, intervalMs);
  }

  /** `monotonic` for the first row, a step back, and a step forward that could be DST. */
  private jump(rawMs: number, intervalMs: number | null): number {
    if (!Number.isNaN(this.prevRawMs)) {
      const stepMs = rawMs - this.prevRawMs;
      if (stepMs < 0) {
        // Clock stepped back: the step counts as one interval of elapsed time.
        this.offsetMs += -stepMs + (intervalMs ?? 0);
        if (intervalMs === null) this.unsizedSteps += 1;
        this.jumps += 1;
      } else if (stepMs >= MIN_CHANGE_MS && this.timeZone() !== null) {
        // DST starting: local time jumped forward by the zone's change, if it has one here.
        const zone = this.timeZone()!;
        const changeMs = offsetAtLocal(zone, rawMs) - offsetAtLocal(zone, this.prevRawMs);
        if (changeMs >= MIN_CHANGE_MS && stepMs - changeMs <= gapThresholdMs(intervalMs ?? 1000)) {
          this.offsetMs -= Math.min(changeMs, stepMs);
          this.jumps += 1;
        }
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

const formats = new Map<string, Intl.DateTimeFormat>();

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at the instant `utcMs`, ms (local = UTC + offset). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(utcMs).map((part) => [part.type, part.value]));
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The offset in force at a local wall time (`localMs`, read as if UTC): the one whose instant maps
 * back to that wall time. Around a change the earlier offset is taken for a time that exists twice.
 */
function offsetAtLocal(timeZone: string, localMs: number): number {
  const guess = zoneOffsetMs(timeZone, localMs);
  const offset = zoneOffsetMs(timeZone, localMs - guess);
  return offset;
}

/**
 * The loop's effective interval: the median spacing of distinct timestamps within each GPU's rows
 * (rows of different GPUs may be a few ms apart); 1000 ms if unknown.
 */
export function inferIntervalMs(timesByGpu: number[][]): number {
  const steps: number[] = [];
  for (const times of timesByGpu) {
    const distinct = [...new Set(times)].sort((a, b) => a - b);
    for (let i = 1; i < distinct.length; i += 1) steps.push((distinct[i] ?? 0) - (distinct[i - 1] ?? 0));
  }
  if (steps.length === 0) return 1000;
  steps.sort((a, b) => a - b);
  return Math.max(1, steps[Math.floor(steps.length / 2)] ?? 1000);
}
