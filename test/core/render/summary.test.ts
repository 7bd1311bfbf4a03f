import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/core/report/report.js";
import { renderSummary } from "../../../src/core/render/summary.js";
import { renderText } from "../../../src/core/render/text.js";
import { SampleLogReader } from "../../../src/core/log/reader.js";
import { formatHeader, formatRow, formatStart, formatStop } from "../../../src/core/log/format.js";

/** One GPU at 250 W for 60 s, then 350 W for 60 s, sampled every second by the sampler. */
function report() {
  const reader = new SampleLogReader();
  reader.push(formatStart(Date.UTC(2026, 10, 28, 10, 0, 0), 1000));
  reader.push(formatHeader(0, "timestamp, index, uuid, power.draw [W]"));
  for (let s = 0; s <= 120; s += 1) reader.push(formatRow(s * 1000, `2026/11/28 10:00:00.000, 0, GPU-a, ${s < 60 ? "250.00" : "350.00"}`));
  reader.push(formatStop(120_000, "signal"));
  const carbonIntensity = {
    gramsPerKwh: 400,
    source: "input 'carbon-intensity'",
    resolvedBy: "input",
    year: null,
    basis: null,
    location: null,
    zone: null,
    attribution: null,
    hourly: null,
  } as const;
  return buildReport(reader.finish(), { pue: 1.2, carbonIntensity }, [{ index: "0", uuid: "GPU-a", name: "NVIDIA H100 80GB HBM3" }]);
}

describe("the job summary", () => {
  it("computes the figures a reader can check: 250 W x 60 s + 350 W x 60 s", () => {
    const r = report();
    // Trapezoid: 59 s at 250 W (14,750 J), one 1 s ramp from 250 to 350 W (300 J), 60 s at 350 W (21,000 J) = 36,050 J.
    expect(r.energyKwh).toBeCloseTo(36_050 / 3_600_000, 12);
    expect(r.facilityEnergyKwh).toBeCloseTo((36_050 / 3_600_000) * 1.2, 12);
    expect(r.emissionsKg).toBeCloseTo((36_050 / 3_600_000) * 1.2 * 0.4, 12);
    expect(r.status).toBe("measured");
    expect(r.startedAt).toBe("2026-11-28T10:00:00.000Z");
    expect(r.endedAt).toBe("2026-11-28T10:02:00.000Z");
  });

  it("renders exactly this markdown", () => {
    const markdown = renderSummary(report());
    const head = markdown.split("### Power over time")[0];
    expect(head).toBe(
      [
        "## GPU energy and carbon",
        "",
        "**10.0 Wh (9.5-10.7)** GPU energy · **4.81 g (4.5-5.1) CO2e** · 2m 00s on 1 GPU · coverage 100.0%",
        "",
        "| Measure | Value |",
        "| --- | ---: |",
        "| GPU energy (IT) | 10.0 Wh (9.5-10.7) |",
        "| Facility energy (x PUE 1.20) | 12.0 Wh (11.4-12.8) |",
        "| Emissions | 4.81 g (4.5-5.1) CO2e |",
        "| Duration | 2m 00s |",
        "| Average power | 300 W |",
        "| Coverage | 100.0% |",
        "| Carbon intensity | 400 gCO2e/kWh (given) |",
        "",
        "Totals use sampled nvidia-smi power: the driver's energy counter was not read.",
        "",
        "### Per GPU",
        "",
        "| GPU | Name | Energy | Average | Peak | Samples | Coverage |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        "| 0 | NVIDIA H100 80GB HBM3 | 10.0 Wh (9.5-10.7) | 300 W | 350 W | 121 | 100.0% |",
        "",
        "",
      ].join("\n"),
    );
    expect(markdown).toMatch(/`▆+█+` peak 350 W/);
    // 250 W for the first minute, 350 W for the second: 61 points over a 2-minute numeric axis,
    // a y-axis rounded up to 400 W, and the line in a colour that shows on white.
    const chart = /```mermaid\n([\s\S]*?)```/.exec(markdown)![1]!;
    const points = Array.from({ length: 61 }, (_, k) => (k < 30 ? "250.0" : "350.0"));
    expect(chart).toBe(
      [
        "---",
        "config:",
        "  themeVariables:",
        "    xyChart:",
        '      plotColorPalette: "#2f81f7"',
        "---",
        "xychart-beta",
        '  title "Total GPU power"',
        '  x-axis "minutes since start" 0 --> 2',
        '  y-axis "W" 0 --> 400',
        `  line [${points.join(", ")}]`,
        "",
      ].join("\n"),
    );
    expect(markdown).toContain("<details><summary>Method</summary>");
    expect(markdown).toContain("- CO2e = energy x PUE x intensity = 10.0 Wh x 1.20 x 400 g/kWh.");
  });

  it("escapes untrusted names so they cannot inject markup or mentions", () => {
    const r = report();
    r.gpus[0]!.name = "<img src=x> @octocat | [link](http://x)";
    const markdown = renderSummary(r, "energy <b>@team</b>");
    expect(markdown).toContain("## energy &lt;b&gt;@\u200bteam&lt;/b&gt;");
    expect(markdown).toContain("&lt;img src=x&gt; @\u200boctocat \\| \\[link\\]\\(http://x\\)");
    expect(markdown).not.toContain("<img");
  });

  it("prints the same figures as text for the CLI", () => {
    const text = renderText(report());
    expect(text.split("\n").slice(0, 6)).toEqual([
      "gpu-carbon: measured",
      "  energy      10.0 Wh (9.5-10.7) (GPU boards), 12.0 Wh with PUE 1.20",
      "  emissions   4.81 g (4.5-5.1) CO2e at 400 g/kWh (input 'carbon-intensity')",
      "  duration    2m 00s, average 300 W, coverage 100.0%",
      "  source      sampled nvidia-smi power (the driver's energy counter was not read)",
      "  GPU 0  10.0 Wh (9.5-10.7)  avg 300 W, peak 350 W, 121 samples, NVIDIA H100 80GB HBM3",
    ]);
  });
});
