// The progress line's running estimate on a long job: after the first hours the sampler writes
// per-GPU `@rollup` records instead of rows, and the estimate must go on adding energy and
// following the power. Shortened here: rows for the first 10 s, then one rollup per GPU per 5 s.
import { describe, expect, it } from "vitest";
import { LiveEnergy, formatProgress } from "../../../src/core/log/progress.js";
import { SampleRollup } from "../../../src/core/log/rollup.js";
import { SAMPLER_LOG_MAGIC, formatHeader, formatRow, formatStart } from "../../../src/core/log/format.js";

const HEADER = "index, uuid, power.draw [W]";
const PLAIN_HEADER = "timestamp, index, uuid, power.draw [W]";
const row = (index: number, watts: string) => `2026/11/28 10:00:00.000, ${index}, GPU-${index}, ${watts}`;

/** What the sampler writes for 60 s of rows every 500 ms: GPU 0 at 100 W, then 500 W from 30 s; GPU 1 at 300 W. */
function samplerLog(): { lines: string[]; closing: string[] } {
  const rollup = new SampleRollup({ intervalMs: 500, rawRowsMs: 10_000, rollupMs: 5_000 });
  const lines = [SAMPLER_LOG_MAGIC, formatStart(0, 500), ...rollup.line(0, HEADER)];
  for (let t = 0; t <= 60_000; t += 500) {
    lines.push(...rollup.line(t, `0, GPU-0, ${t < 30_000 ? "100.00" : "500.00"}`));
    lines.push(...rollup.line(t, "1, GPU-1, 300.00"));
  }
  // The sampler closes the open rollup when it stops.
  return { lines, closing: rollup.flush(60_000) };
}

describe("the running estimate after the sampler switches to rollups", () => {
  it("keeps adding energy and follows the power, as the rows would", () => {
    const { lines, closing } = samplerLog();
    expect(lines.filter((l) => l.startsWith("@rollup")).length).toBeGreaterThan(10);
    const live = new LiveEnergy();
    for (const line of lines) live.push(line);
    // Rolled up to 59.5 s (the row at 60 s opened a rollup still open): GPU 0 is at 500 W, so
    // 800 W now. GPU 0: 100 W x 29.5 s + (100 + 500) / 2 W x 0.5 s + 500 W x 29.5 s
    // = 2,950 + 150 + 14,750 J; GPU 1: 300 W x 59.5 s = 17,850 J.
    expect(live.snapshot()).toEqual({ powerW: 800, energyJ: 2_950 + 150 + 14_750 + 17_850, gpus: 2 });
    for (const line of closing) live.push(line);
    // All 60 s: GPU 0 2,950 + 150 + 15,000 J, GPU 1 18,000 J.
    expect(live.snapshot()).toEqual({ powerW: 800, energyJ: 2_950 + 150 + 15_000 + 18_000, gpus: 2 });
  });
});

describe("the running estimate of gpu-carbon run", () => {
  it("integrates as the log grows: 100 W and 300 W for 10 s is 4000 J, 400 W now", () => {
    const live = new LiveEnergy();
    for (const line of [SAMPLER_LOG_MAGIC, formatStart(0, 500), formatHeader(0, PLAIN_HEADER)]) live.push(line);
    for (let t = 0; t <= 10_000; t += 500) {
      live.push(formatRow(t, row(0, "100.00")));
      live.push(formatRow(t, row(1, "300.00")));
    }
    expect(live.snapshot()).toEqual({ powerW: 400, energyJ: 4000, gpus: 2 });
  });

  it("does not bridge a gap and drops a silent GPU from the current power", () => {
    const live = new LiveEnergy();
    for (const line of [formatStart(0, 500), formatHeader(0, PLAIN_HEADER)]) live.push(line);
    live.push(formatRow(0, row(0, "200.00")));
    live.push(formatRow(1000, row(0, "200.00"))); // 200 J
    live.push(formatRow(1000, row(1, "[N/A]")));
    live.push(formatRow(20_000, row(0, "200.00"))); // 19 s later: a gap, not integrated
    live.push(formatRow(20_000, row(1, "50.00")));
    expect(live.snapshot()).toEqual({ powerW: 250, energyJ: 200, gpus: 2 });
    live.push(formatRow(30_000, row(1, "50.00"))); // GPU 0 silent for 10 s
    expect(live.snapshot().powerW).toBe(50);
  });

  it("ignores lines that are not sampler records and rows before the header", () => {
    const live = new LiveEnergy();
    live.push(formatStart(0, 500));
    live.push(formatRow(0, row(0, "200.00")));
    live.push("garbage");
    expect(live.snapshot()).toEqual({ powerW: null, energyJ: 0, gpus: 0 });
  });

  it("reads as one line: elapsed, power now, energy so far", () => {
    expect(formatProgress(65, { powerW: 612, energyJ: 37_440, gpus: 2 })).toBe("gpu-carbon: 1m 05s · 612 W now · 10.4 Wh so far (2 GPUs)");
    expect(formatProgress(4.2, { powerW: null, energyJ: 0, gpus: 0 })).toBe("gpu-carbon: 4.2s · n/a now · 0 Wh so far (0 GPUs)");
    expect(formatProgress(3, null)).toBe("gpu-carbon: 3.0s · not measuring");
  });
});
