// A plain nvidia-smi log's rows need not come in time order across GPUs (logs merged or
// concatenated), and a jump forward is DST only where the log's zone really has a change.
import { describe, expect, it } from "vitest";
import { SampleLogReader } from "../../../src/core/log/reader.js";

const HEADER = "timestamp, index, uuid, power.draw [W]";

/** `YYYY/MM/DD HH:MM:SS.mmm` of a UTC instant (a log written in UTC, or read as if it were). */
function stamp(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

function row(epochMs: number, gpu: number, powerW: number): string {
  return `${stamp(epochMs)}, ${gpu}, GPU-${gpu}, ${powerW.toFixed(2)}`;
}

/** Reads the lines both ways the reader can take them: as strings and as bytes. */
function read(lines: string[], options: { timeZone?: string; intervalMs?: number } = {}) {
  const strings = new SampleLogReader(options);
  for (const line of lines) strings.push(line);
  const bytes = new SampleLogReader(options);
  bytes.pushBytes(new TextEncoder().encode(lines.join("\n") + "\n"));
  bytes.endBytes();
  const result = strings.finish();
  expect(bytes.finish()).toEqual(result);
  return result;
}

const BASE = Date.UTC(2026, 5, 3, 10); // 3 June 2026, 10:00 UTC: no DST change anywhere near

describe("rows of different GPUs out of time order", () => {
  // Two GPUs at 100 W and 300 W, 1 s apart, for 60 s: 6 kJ and 18 kJ.
  const expectExact = (result: ReturnType<typeof read>) => {
    expect(result.windowMs).toBe(60_000);
    expect(result.gpus.map((g) => g.energyJ)).toEqual([expect.closeTo(6000, 6), expect.closeTo(18_000, 6)]);
    expect(result.gpus.map((g) => g.coverage)).toEqual([1, 1]);
    expect(result.clockJumps).toBe(0);
    expect(result.intervalMs).toBe(1000);
  };

  it("interleaving a few ms apart (one nvidia-smi per GPU, merged): no clock steps", () => {
    const lines = [HEADER];
    for (let s = 0; s <= 60; s += 1) lines.push(row(BASE + s * 1000 + 7, 0, 100), row(BASE + s * 1000 + 3, 1, 300));
    const result = read(lines);
    // The window runs from GPU 1's first row to GPU 0's last, 60.004 s; each GPU's edge is held.
    expect(result.windowMs).toBe(60_004);
    expect(result.gpus.map((g) => g.energyJ)).toEqual([expect.closeTo(6000.4, 6), expect.closeTo(18_001.2, 6)]);
    expect(result.gpus.map((g) => g.coverage)).toEqual([1, 1]);
    expect(result.clockJumps).toBe(0);
    expect(result.intervalMs).toBe(1000);
  });

  it("in swapped pairs: in every other iteration the later row comes first", () => {
    const lines = [HEADER];
    for (let s = 0; s <= 60; s += 1) {
      const skewMs = s === 0 || s === 60 ? 0 : 4;
      const pair = [row(BASE + s * 1000 + skewMs, 0, 100), row(BASE + s * 1000, 1, 300)];
      lines.push(...(s % 2 === 1 || s === 0 ? pair : pair.reverse()));
    }
    expectExact(read(lines));
  });

  it("concatenated per-GPU logs", () => {
    const gpu0 = Array.from({ length: 61 }, (_, s) => row(BASE + s * 1000, 0, 100));
    const gpu1 = Array.from({ length: 61 }, (_, s) => row(BASE + s * 1000, 1, 300));
    expectExact(read([HEADER, ...gpu0, ...gpu1]));
    expectExact(read([HEADER, ...gpu0, HEADER, ...gpu1]));
  });

  it("still takes out a real backward step of the clock, seen in every GPU's rows, once", () => {
    const lines = [HEADER];
    for (let s = 0; s <= 60; s += 1) {
      const printed = BASE + s * 1000 - (s >= 30 ? 600_000 : 0); // set back 10 minutes at s = 30
      lines.push(row(printed, 0, 100), row(printed, 1, 300));
    }
    const result = read(lines);
    expect(result.windowMs).toBe(60_000);
    expect(result.gpus.map((g) => g.energyJ)).toEqual([expect.closeTo(6000, 6), expect.closeTo(18_000, 6)]);
    expect(result.clockJumps).toBe(1);
  });
});

describe("a jump forward of an hour", () => {
  // 300 W every second for 10 min, nothing for an hour, then 10 min more.
  const outage = (intervalS: number) => {
    const lines = [HEADER];
    for (let s = 0; s <= 600; s += intervalS) lines.push(row(BASE + s * 1000, 0, 300));
    for (let s = 4200; s <= 4800; s += intervalS) lines.push(row(BASE + s * 1000, 0, 300));
    return lines;
  };

  it("is a gap on 3 June in Berlin: no DST change there", () => {
    const result = read(outage(1), { timeZone: "Europe/Berlin" });
    expect(result.clockJumps).toBe(0);
    expect(result.windowMs).toBe(4_800_000);
    expect(result.gpus[0]!.energyJ).toBeCloseTo(300 * 1200, 6);
    expect(result.gpus[0]!.coverage).toBeCloseTo(1200 / 4800, 6);
    expect(result.gpus[0]!.gaps).toBe(1);
  });

  it("is a gap when the log's zone is not known", () => {
    const result = read(outage(1));
    expect(result.gpus[0]!.coverage).toBeCloseTo(1200 / 4800, 6);
  });

  it("in a -l 60 log: a gap, and the average never exceeds the peak", () => {
    const result = read(outage(60), { timeZone: "Europe/Berlin" });
    const gpu = result.gpus[0]!;
    expect(gpu.averageW).toBeCloseTo(300, 6);
    expect(gpu.averageW!).toBeLessThanOrEqual(gpu.peakW!);
    expect(gpu.coverage).toBeCloseTo(1200 / 4800, 6);
  });

  it("is DST where the zone has its change: 29 March 2026, 02:00 -> 03:00 in Berlin", () => {
    // Local time, read as if UTC: 01:59:00 ... then 03:00:00, one minute later in real time.
    const start = Date.UTC(2026, 2, 29, 1, 50);
    const lines = [HEADER];
    for (let s = 0; s <= 1200; s += 1) {
      const realMs = start + s * 1000;
      const localMs = realMs + (realMs >= Date.UTC(2026, 2, 29, 2) ? 3_600_000 : 0);
      lines.push(row(localMs, 0, 300));
    }
    const berlin = read(lines, { timeZone: "Europe/Berlin" });
    expect(berlin.windowMs).toBe(1_200_000);
    expect(berlin.gpus[0]!.coverage).toBe(1);
    expect(berlin.clockJumps).toBe(1);
    // The same log from a host in UTC has no change there: the hour is a gap.
    expect(read(lines, { timeZone: "UTC" }).gpus[0]!.coverage).toBeLessThan(0.3);
  });
});
