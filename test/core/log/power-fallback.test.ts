import { describe, expect, it } from "vitest";
import { givenIntensity } from "../../../src/core/carbon/intensity.js";
import { averagePowerW } from "../../../src/core/render/summary.js";
import { buildReport } from "../../../src/core/report/report.js";
import { SAMPLER_LOG_MAGIC, formatHeader, formatRow, formatStart, formatStop } from "../../../src/core/log/format.js";
import { SampleLogReader } from "../../../src/core/log/reader.js";

/** Reads the lines as strings and as bytes; both must agree. */
function read(lines: string[]) {
  const strings = new SampleLogReader();
  for (const line of lines) strings.push(line);
  const bytes = new SampleLogReader();
  bytes.pushBytes(new TextEncoder().encode(lines.join("\n") + "\n"));
  bytes.endBytes();
  const result = strings.finish();
  expect(bytes.finish()).toEqual(result);
  return result;
}

describe("power.draw is [N/A]", () => {
  it("reads power.draw.average, else power.draw.instant, on the rows where it is", () => {
    const lines = ["timestamp, index, power.draw [W], power.draw.average [W], power.draw.instant [W]"];
    for (let s = 0; s <= 10; s += 1) {
      const ts = `2026/06/03 10:00:${String(s).padStart(2, "0")}.000`;
      // GPU 0: power.draw works. GPU 1: only the average. GPU 2: only the instant reading.
      lines.push(`${ts}, 0, 100.00, 100.00, 100.00`, `${ts}, 1, [N/A], 200.00, 210.00`, `${ts}, 2, [N/A], [N/A], 300.00`);
    }
    const result = read(lines);
    // 10 s at 100, 200 and 300 W.
    expect(result.gpus.map((g) => g.energyJ)).toEqual([1000, 2000, 3000]);
  });
});

describe("the headline average power", () => {
  it("is over the measured time: 300 W with a 10-minute gap in 30 minutes shows 300 W, not 200 W", () => {
    const lines = [SAMPLER_LOG_MAGIC, formatStart(Date.UTC(2026, 5, 3, 10), 1000), formatHeader(0, "index, uuid, power.draw [W]")];
    for (let s = 0; s <= 1800; s += 1) if (s <= 600 || s >= 1200) lines.push(formatRow(s * 1000, "0, GPU-a, 300.00"));
    lines.push(formatStop(1_800_000, "signal"));
    const report = buildReport(read(lines), { pue: 1, carbonIntensity: givenIntensity(400, "input 'carbon-intensity'") });
    // 300 W for the 20 minutes measured: 0.1 kWh.
    expect(report.energyKwh).toBeCloseTo(0.1, 9);
    expect(averagePowerW(report)).toBeCloseTo(300, 9);
  });
});
