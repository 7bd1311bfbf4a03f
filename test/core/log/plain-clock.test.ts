// Durations must survive clocks: nvidia-smi prints local wall-clock time with no zone, so a plain
// log crosses DST changes and clock steps; the sampler's own log is timed by a monotonic clock and
// must not care what the timestamps say. Property-based: fast-check generates the logs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SampleLogReader } from "../../../src/core/log/reader.js";
import { SAMPLER_LOG_MAGIC, formatHeader, formatRow, formatStart, formatStop } from "../../../src/core/log/format.js";

const HEADER = "timestamp, index, uuid, power.draw [W]";
const UUID = "GPU-5a1c0f3e-1111-2222-3333-444444444444";

/** An instant as nvidia-smi prints it on a host in `timeZone`: `YYYY/MM/DD HH:MM:SS.mmm`, local, no zone. */
const formats = new Map<string, Intl.DateTimeFormat>();
function localTimestamp(epochMs: number, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      fractionalSecondDigits: 3,
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}/${get("month")}/${get("day")} ${get("hour")}:${get("minute")}:${get("second")}.${get("fractionalSecond")}`;
}

/** DST changes of 2026 (UTC instants) in zones with runners. */
const TRANSITIONS = [
  { zone: "Europe/Berlin", atMs: Date.UTC(2026, 2, 29, 1) }, // 02:00 -> 03:00
  { zone: "Europe/Berlin", atMs: Date.UTC(2026, 9, 25, 1) }, // 03:00 -> 02:00
  { zone: "America/New_York", atMs: Date.UTC(2026, 2, 8, 7) }, // 02:00 -> 03:00
  { zone: "America/New_York", atMs: Date.UTC(2026, 10, 1, 6) }, // 02:00 -> 01:00
  { zone: "Australia/Sydney", atMs: Date.UTC(2026, 3, 4, 16) }, // 03:00 -> 02:00
];

function readPlain(lines: string[], intervalMs?: number, timeZone?: string) {
  const reader = new SampleLogReader({ ...(intervalMs === undefined ? {} : { intervalMs }), timeZone });
  for (const line of lines) reader.push(line);
  return reader.finish();
}

describe("a plain nvidia-smi log in local time", () => {
  it("keeps durations and energy exact across real DST changes, wherever they fall in the log", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRANSITIONS),
        fc.constantFrom(250, 500, 1000, 2000),
        fc.integer({ min: 20, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 5, max: 700 }),
        fc.boolean(),
        (transition, intervalMs, rows, where, powerW, intervalKnown) => {
          // The change happens somewhere inside the log (where = 0: at its first row).
          const startMs = transition.atMs - Math.floor(where * (rows - 1)) * intervalMs;
          const lines = [HEADER];
          for (let i = 0; i < rows; i += 1) {
            lines.push(`${localTimestamp(startMs + i * intervalMs, transition.zone)}, 0, ${UUID}, ${powerW.toFixed(2)}`);
          }
          const result = readPlain(lines, intervalKnown ? intervalMs : undefined, transition.zone);
          const windowMs = (rows - 1) * intervalMs;
          expect(result.windowMs).toBe(windowMs);
          expect(result.gpus[0]!.energyJ).toBeCloseTo((powerW * windowMs) / 1000, 6);
          expect(result.gpus[0]!.coverage).toBe(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("looks the host's zone up only when a jump forward could be DST, and then takes it out", () => {
    const transition = TRANSITIONS[0]!;
    const rows = (fromMs: number, count: number) =>
      Array.from({ length: count }, (_, i) => `${localTimestamp(fromMs + i * 1000, transition.zone)}, 0, ${UUID}, 100.00`);
    let asked = 0;
    const zone = () => {
      asked += 1;
      return transition.zone;
    };
    const read = (lines: string[]) => {
      const reader = new SampleLogReader({ intervalMs: 1000, timeZone: zone });
      for (const line of [HEADER, ...lines]) reader.push(line);
      return reader.finish(60_000);
    };
    // A day with no change: the zone is never needed.
    read(rows(Date.UTC(2026, 5, 1), 120));
    expect(asked).toBe(0);
    // Across the change: asked once, and the hour forward is not a gap.
    const across = read(rows(transition.atMs - 60_000, 120));
    expect(asked).toBe(1);
    expect(across.windowMs).toBe(119_000);
    expect(across.gpus[0]!.coverage).toBe(1);
  });

  it("takes out a backward clock step (NTP) longer than one interval", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(500, 1000),
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 1, max: 18 }),
        fc.integer({ min: 1, max: 86_400_000 }),
        (intervalMs, rows, at, extraStepMs) => {
          const stepMs = intervalMs + extraStepMs; // the clock is set back by this much before row `at`
          const base = Date.UTC(2026, 5, 1, 12);
          const lines = [HEADER];
          for (let i = 0; i < rows; i += 1) {
            const printedMs = base + i * intervalMs - (i >= at ? stepMs : 0);
            lines.push(`${localTimestamp(printedMs, "UTC")}, 0, ${UUID}, 100.00`);
          }
          const result = readPlain(lines);
          expect(result.windowMs).toBe((rows - 1) * intervalMs);
          expect(result.gpus[0]!.energyJ).toBeCloseTo((100 * (rows - 1) * intervalMs) / 1000, 6);
          expect(result.clockJumps).toBe(at < rows ? 1 : 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the sampler's own log", () => {
  it("ignores what nvidia-smi's timestamps say: the monotonic stamps alone set durations", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -86_400_000, max: 86_400_000 }), { minLength: 2, maxLength: 100 }),
        fc.integer({ min: 1, max: 700 }),
        (clockMs, powerW) => {
          // Wall-clock timestamps that jump anywhere, backwards included; rows every 500 ms.
          const lines = [SAMPLER_LOG_MAGIC, formatStart(1_780_000_000_000, 500), formatHeader(0, HEADER)];
          clockMs.forEach((offsetMs, i) => {
            const ts = localTimestamp(Date.UTC(2026, 9, 25, 1) + offsetMs, "Europe/Berlin");
            lines.push(formatRow(i * 500, `${ts}, 0, ${UUID}, ${powerW}.00`));
          });
          const endMs = (clockMs.length - 1) * 500;
          lines.push(formatStop(endMs, "signal"));
          const reader = new SampleLogReader();
          for (const line of lines) reader.push(line);
          const result = reader.finish();
          expect(result.windowMs).toBe(endMs);
          expect(result.gpus[0]!.energyJ).toBeCloseTo((powerW * endMs) / 1000, 6);
          expect(result.clockJumps).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
