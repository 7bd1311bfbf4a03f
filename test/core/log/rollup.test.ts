import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SampleRollup } from "../../../src/core/log/rollup.js";
import { SampleLogReader } from "../../../src/core/log/reader.js";
import { formatRollup, formatStart, formatStop, parseSamplerRecord, SAMPLER_LOG_MAGIC } from "../../../src/core/log/format.js";

const HEADER = "index, uuid, power.draw [W]";

/** The log the sampler writes for these nvidia-smi lines (stamped at the given times), read back. */
function sampled(lines: [number, string][], stopMs: number, options: { rawRowsMs: number; rollupMs: number }) {
  const rollup = new SampleRollup({ intervalMs: 500, ...options });
  const log = [SAMPLER_LOG_MAGIC, formatStart(1_700_000_000_000, 500)];
  for (const [tMs, line] of lines) log.push(...rollup.line(tMs, line));
  log.push(...rollup.flush(stopMs), formatStop(stopMs, "signal"));
  const reader = new SampleLogReader();
  for (const line of log) reader.push(line);
  return { log, result: reader.finish() };
}

describe("the sampler's rollups", () => {
  it("give the energy and counts of the rows they replace", () => {
    // Two GPUs at 100 W and 300 W every 500 ms for 10 minutes, one [N/A], one 20 s stall, one Xid line.
    const lines: [number, string][] = [[0, HEADER]];
    for (let t = 100; t < 600_000; t += 500) {
      if (t > 200_000 && t < 220_000) continue;
      lines.push([t, `0, GPU-a, ${t === 5100 ? "[N/A]" : "100.00"}`], [t, "1, GPU-b, 300.00"]);
      if (t === 300_100) lines.push([t, "Xid (PCI:0000:01:00): 79"]);
    }
    const raw = sampled(lines, 600_000, { rawRowsMs: Infinity, rollupMs: 60_000 });
    const rolled = sampled(lines, 600_000, { rawRowsMs: 120_000, rollupMs: 60_000 });
    expect(rolled.log.filter((l) => l.startsWith("@rollup")).length).toBe(16); // 8 minutes x 2 GPUs
    expect(rolled.log.length).toBeLessThan(raw.log.length / 4);
    const strip = (r: typeof raw.result) => r.gpus.map((g) => ({ ...g, energyJ: Math.round(g.energyJ! * 1e6) }));
    expect(strip(rolled.result)).toEqual(strip(raw.result));
    // The stall leaves 199.6 s to 220.1 s uncovered (a gap): 100 W x 579.5 s = 57 950 J; 300 W: 173 850 J.
    expect(raw.result.gpus.map((g) => g.energyJ)).toEqual([57_950, 173_850]);
    expect(rolled.result.gpus[0]!.missingSamples).toBe(1);
    expect(rolled.result.gpus[0]!.gaps).toBe(1);
    expect(rolled.result.malformedLines).toBe(raw.result.malformedLines);
    expect(rolled.result.events).toEqual(raw.result.events);
  });

  it("give the same result as rows for any mix of readings, stalls and interval lengths", () => {
    const reading = fc.oneof(
      fc.integer({ min: 0, max: 70000 }).map((w) => (w / 100).toFixed(2)),
      fc.constantFrom("[N/A]", "[GPU is lost]"),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 8000 }), fc.nat(1), reading), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 30_000 }),
        (steps, rawRowsMs, rollupMs) => {
          const lines: [number, string][] = [[0, HEADER]];
          let t = 0;
          for (const [dt, gpu, watts] of steps) {
            t += dt;
            lines.push([t, `${gpu}, GPU-${gpu}, ${watts}`]);
          }
          const raw = sampled(lines, t + 100, { rawRowsMs: Infinity, rollupMs });
          const rolled = sampled(lines, t + 100, { rawRowsMs, rollupMs });
          // Sums added up in another order differ in their last bits: those figures are compared closely.
          const exact = (g: (typeof raw.result.gpus)[number]) => ({ ...g, energyJ: null, averageW: null, spreadW: null });
          expect(rolled.result.gpus.map(exact)).toEqual(raw.result.gpus.map(exact));
          rolled.result.gpus.forEach((g, i) => {
            const r = raw.result.gpus[i]!;
            expect(g.energyJ ?? 0).toBeCloseTo(r.energyJ ?? 0, 6);
            expect(g.averageW ?? 0).toBeCloseTo(r.averageW ?? 0, 6);
            expect(g.spreadW ?? 0).toBeCloseTo(r.spreadW ?? 0, 6);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("write self-describing records that read back exactly", () => {
    const rollup = {
      energyJ: 35_912.345678901234,
      powerSquaredW2s: 21_632_000.5,
      coveredMs: 59_500,
      peakW: 680.12,
      validSamples: 120,
      missingSamples: 1,
      gaps: 0,
      longestGapMs: 0,
      firstMs: 100,
      firstW: 602.22,
      lastMs: 59_600,
      lastW: 600.1,
    };
    const line = formatRollup(60_000, { key: "GPU-a", uuid: "GPU-a", index: "0" }, rollup);
    expect(line).toBe(
      "@rollup\t60000\tuuid=GPU-a\tindex=0\tvalidSamples=120\tmissingSamples=1\tfirstMs=100\tfirstW=602.22\tlastMs=59600\tlastW=600.1\tenergyJ=35912.345678901234\tpowerSquaredW2s=21632000.5\tcoveredMs=59500\tgaps=0\tlongestGapMs=0\tpeakW=680.12",
    );
    expect(parseSamplerRecord(line)).toEqual({
      kind: "rollup",
      tMs: 60_000,
      identity: { key: "GPU-a", uuid: "GPU-a", index: "0" },
      rollup,
    });
    expect(parseSamplerRecord(line.replace("energyJ=35912.345678901234", "energyJ=x"))).toBeNull();
    expect(parseSamplerRecord(`${line}\tfutureField=1`)).not.toBeNull();
    // A record written before the spread was kept reads as steady power: its mean squared.
    const older = parseSamplerRecord(line.replace("\tpowerSquaredW2s=21632000.5", ""));
    expect(older?.kind === "rollup" && older.rollup.powerSquaredW2s).toBeCloseTo(35_912.345678901234 ** 2 / 59.5, 3);
  });

  it("keep a day of one GPU at 1 Hz under 400 KiB once rows are no longer kept", () => {
    const rollup = new SampleRollup({ intervalMs: 1000, rawRowsMs: 0 });
    let bytes = 0;
    rollup.line(0, HEADER);
    for (let t = 0; t < 86_400_000; t += 1000) {
      for (const record of rollup.line(t, `0, GPU-00000000-5a1e-4c0d-9b7e-3f2a1c0d0000, ${(300 + (t % 7000) / 100).toFixed(2)}`))
        bytes += record.length + 1;
    }
    expect(bytes).toBeLessThan(400 * 1024);
    expect(bytes).toBeGreaterThan(100 * 1024); // one record a minute, not fewer
  });
});
