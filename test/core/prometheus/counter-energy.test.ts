import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mergeInTimeOrder } from "../../../src/core/prometheus/dcgm-report.js";
import { counterEnergy } from "../../../src/core/prometheus/counter-energy.js";
import { groupByBoard, profileShare, scrapeIntervalMs, selectorLabelNames } from "../../../src/core/prometheus/dcgm.js";
import { windowReadings } from "../../../src/core/prometheus/power-readings.js";

const s = (seconds: number) => seconds * 1000;
/** A 200 W GPU scraped every 10 s from 0 to 100 s: the counter climbs 2,000 J (2,000,000 mJ) per scrape. */
const steady = Array.from({ length: 11 }, (_, i): [number, number] => [s(i * 10), 5_000_000 + i * 2_000_000]);
const power200 = steady.map(([t]): [number, number] => [t, 200]);

describe("energy from an energy counter's samples", () => {
  it("reads a month of samples at 15 s (over 170,000 a series) as it reads a minute", () => {
    // 30 days at 15 s, a 300 W GPU; the window starts and ends between scrapes.
    const n = (30 * 86_400) / 15 + 1;
    const counter = Array.from({ length: n }, (_, i): [number, number] => [s(i * 15), 1_000_000 + i * 4_500_000]);
    const power = counter.map(([t]): [number, number] => [t, 300]);
    const window = { startEpochMs: s(7.5), endEpochMs: s((n - 1) * 15 - 7.5) };
    const e = counterEnergy({ counterMj: counter, powerW: power }, window, s(75))!;
    expect(e.energyJ).toBeCloseTo((300 * (window.endEpochMs - window.startEpochMs)) / 1000, 3);
    expect(e.samples).toBe(n - 2);
    const cut = windowReadings(power, window, s(75));
    expect(cut.readings).toHaveLength(n);
    expect(cut.readings[0]).toEqual([window.startEpochMs, 300]);
    expect(scrapeIntervalMs([{ labels: {}, samples: counter }])).toBe(s(15));
  });

  it("is the counter's increase inside the window, edges split in proportion to time", () => {
    // 200 W from 15 s to 75 s: 12,000 J, exactly, whatever the edges.
    const e = counterEnergy({ counterMj: steady, powerW: power200 }, { startEpochMs: s(15), endEpochMs: s(75) }, s(50))!;
    expect(e.energyJ).toBeCloseTo(12_000, 6);
    expect(e.rangeJ[0]).toBeCloseTo(12_000, 6);
    expect(e.rangeJ[1]).toBeCloseTo(12_000, 6);
    expect(e.coveredMs).toBe(s(60));
    expect(e.samples).toBe(6);
  });

  it("keeps the energy drawn before and after a reset (driver reload)", () => {
    // Reset at 55 s: the 60 s sample reads 1,000 J (5 s x 200 W) instead of 17,000 J.
    const reset = steady.map(([t, mj]): [number, number] => (t >= s(60) ? [t, (t - s(55)) * 200] : [t, mj]));
    const e = counterEnergy({ counterMj: reset, powerW: power200 }, { startEpochMs: s(0), endEpochMs: s(100) }, s(50))!;
    expect(e.resets).toBe(1);
    expect(e.energyJ).toBeCloseTo(20_000, 6);
    // At least what the counter saw (the 1,000 J after the reset), at most the peak over the interval.
    expect(e.rangeJ[0]).toBeCloseTo(18_000 + 1_000, 6);
    expect(e.rangeJ[1]).toBeCloseTo(20_000, 6);
  });

  it("counts the energy across an exporter outage but not the outage as covered", () => {
    const outage = steady.filter(([t]) => t <= s(20) || t >= s(90));
    const e = counterEnergy({ counterMj: outage, powerW: [] }, { startEpochMs: s(0), endEpochMs: s(100) }, s(30))!;
    expect(e.energyJ).toBeCloseTo(20_000, 6);
    expect(e.coveredMs).toBe(s(30));
  });

  it("holds an edge no scrape reaches at the nearest average when it is short", () => {
    const e = counterEnergy({ counterMj: steady, powerW: power200 }, { startEpochMs: s(50), endEpochMs: s(104) }, s(50))!;
    // 50 s to 100 s from the counter, 4 s held at 200 W.
    expect(e.energyJ).toBeCloseTo(10_800, 6);
    expect(e.coveredMs).toBe(s(54));
  });
});

describe("power readings cut to a window", () => {
  it("interpolates a reading at each edge and bounds what the edges leave open", () => {
    const ramp: [number, number][] = [
      [s(0), 100],
      [s(10), 200],
      [s(20), 300],
    ];
    const cut = windowReadings(ramp, { startEpochMs: s(5), endEpochMs: s(15) }, s(50));
    expect(cut.readings).toEqual([
      [s(5), 150],
      [s(10), 200],
      [s(15), 250],
    ]);
    // Each 5 s edge: the trapezoid (875 J, 1,125 J) against 100-200 W and 200-300 W held flat.
    expect(cut.edgeLowJ).toBeCloseTo(875 - 500 + (1_125 - 1_000), 6);
    expect(cut.edgeHighJ).toBeCloseTo(1_000 - 875 + (1_500 - 1_125), 6);
  });
});

describe("DCGM series", () => {
  const labels = (more: Record<string, string>) => ({ UUID: "GPU-1", gpu: "0", Hostname: "n1", ...more });
  it("keeps one series per board: MIG instances repeat the board's figures", () => {
    const boards = groupByBoard([
      { labels: labels({ GPU_I_ID: "1", GPU_I_PROFILE: "3g.40gb" }), samples: [[0, 1]] },
      { labels: labels({ GPU_I_ID: "2", GPU_I_PROFILE: "4g.40gb" }), samples: [[0, 1]] },
      { labels: { UUID: "GPU-2", gpu: "1", hostname: "n1" }, samples: [[0, 1]] },
    ]);
    expect(boards.map((b) => [b.board.uuid, b.board.host, b.instances.map((i) => i.id)])).toEqual([
      ["GPU-1", "n1", ["1", "2"]],
      ["GPU-2", "n1", []],
    ]);
  });

  it("reads the scrape interval from the samples, shares by compute slices and finds a selector's labels", () => {
    expect(scrapeIntervalMs([{ labels: {}, samples: steady }])).toBe(s(10));
    expect(profileShare([{ id: "1", profile: "3g.40gb" }])).toBeCloseTo(3 / 7, 9);
    expect(profileShare([{ id: "1", profile: null }])).toBeNull();
    expect(selectorLabelNames('hpc_job="42", Hostname=~"a|b",pod!~`x`')).toEqual(["hpc_job", "Hostname", "pod"]);
  });
});

describe("feeding many boards' readings in time order", () => {
  it("gives what a stable sort of the boards' readings one after another gives, for one board or hundreds", () => {
    const board = fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }).map((steps) => {
      let t = 0;
      return steps.map((step, k): [number, number] => [(t += step), k]);
    });
    fc.assert(
      fc.property(fc.oneof(fc.array(board, { maxLength: 6 }), fc.array(board, { minLength: 200, maxLength: 300 })), (lists) => {
        const merged: [number, number, number][] = [];
        mergeInTimeOrder(lists, (list, [t, k]) => merged.push([t, list, k]));
        const sorted = lists.flatMap((list, i) => list.map(([t, k]): [number, number, number] => [t, i, k])).sort((a, b) => a[0] - b[0]);
        expect(merged).toEqual(sorted);
      }),
      { numRuns: 200 },
    );
  });
});
