import { describe, expect, it } from "vitest";
import { givenIntensity } from "../../../src/core/carbon/intensity.js";
import { buildReport, notMeasuredReport, type Report } from "../../../src/core/report/report.js";
import { SampleLogReader } from "../../../src/core/log/reader.js";
import { formatHeader, formatRow, formatStart, formatStop, SAMPLER_LOG_MAGIC } from "../../../src/core/log/format.js";
import { benchmarkEntries, renderBenchmarkJson } from "../../../src/core/render/benchmark.js";
import { CODECARBON_COLUMNS, codecarbonHeader, csvField, renderCodecarbonRow } from "../../../src/core/render/codecarbon.js";

/** Two GPUs for one hour, read every minute: 250 W and 150 W, so 0.25 + 0.15 = 0.4 kWh. */
function hourReport(pue = 1.5, gramsPerKwh = 400): Report {
  const reader = new SampleLogReader();
  const lines = [SAMPLER_LOG_MAGIC, formatStart(Date.UTC(2026, 10, 28, 9, 0, 0), 60_000), formatHeader(0, "index, uuid, power.draw [W]")];
  for (let t = 0; t <= 3_600_000; t += 60_000) lines.push(formatRow(t, "0, GPU-a, 250.00"), formatRow(t, "1, GPU-b, 150.00"));
  lines.push(formatStop(3_600_000, "signal"));
  for (const line of lines) reader.push(line);
  return buildReport(reader.finish(), { pue, carbonIntensity: givenIntensity(gramsPerKwh, "input 'carbon-intensity'") }, [
    { index: "0", uuid: "GPU-a", name: "NVIDIA H100 80GB HBM3" },
    { index: "1", uuid: "GPU-b", name: "NVIDIA H100 80GB HBM3" },
  ]);
}

const run = { projectName: "octo/trainer", runId: "9001-1", experimentId: "nightly/train", os: "Linux" };

describe("the report as github-action-benchmark input (customSmallerIsBetter)", () => {
  it("charts energy, CO2e and average power; 0.4 kWh x 1.5 x 400 g/kWh is 0.24 kg", () => {
    const report = hourReport();
    expect(report.energyKwh).toBeCloseTo(0.4, 12);
    const extra = "status measured, coverage 100.0%\n2 GPUs over 3600 s\nPUE 1.50, 400 gCO2e/kWh (input 'carbon-intensity')";
    expect(benchmarkEntries(report)).toEqual([
      { name: "GPU energy", unit: "kWh", value: 0.4, extra },
      { name: "CO2e", unit: "kg", value: 0.24, extra },
      { name: "Average GPU power", unit: "W", value: 400, extra },
    ]);
  });

  it("prefixes every name with a label so matrix jobs keep separate series", () => {
    expect(benchmarkEntries(hourReport(), "A100").map((e) => e.name)).toEqual([
      "A100: GPU energy",
      "A100: CO2e",
      "A100: Average GPU power",
    ]);
  });

  it("writes an empty array when nothing was measured, never a 0 kWh point", () => {
    const report = notMeasuredReport({ pue: 1, carbonIntensity: givenIntensity(400, "x") }, ["no GPU"], {
      startEpochMs: null,
      durationMs: 1000,
      intervalMs: 500,
      gapMs: 3000,
    });
    expect(renderBenchmarkJson(report)).toBe("[]\n");
  });

  it("is the JSON array the tool parses", () => {
    const parsed = JSON.parse(renderBenchmarkJson(hourReport())) as { name: string; unit: string; value: number }[];
    expect(parsed).toHaveLength(3);
    for (const entry of parsed) expect(Object.keys(entry).sort()).toEqual(["extra", "name", "unit", "value"]);
  });
});

describe("the report as a CodeCarbon emissions.csv row", () => {
  it("has CodeCarbon's header", () => {
    expect(codecarbonHeader()).toBe(
      "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue\n",
    );
  });

  it("writes energy with PUE in kWh, power without it, emissions in kg and leaves what it did not measure empty", () => {
    // 0.4 kWh x 1.5 = 0.6 kWh; the GPUs drew 250 + 150 = 400 W (CodeCarbon's power has no PUE);
    // 0.24 kg / 3600 s per second.
    const row = renderCodecarbonRow(hourReport(), run)!;
    expect(row).toBe(
      `2026-11-28T10:00:00,octo/trainer,9001-1,nightly/train,3600,0.24,${0.24 / 3600},,400,,,0.6,,0.6,,,,,,Linux,,,,,2,2 x NVIDIA H100 80GB HBM3,,,,machine,,1.5\n`,
    );
    expect(row.trimEnd().split(",")).toHaveLength(CODECARBON_COLUMNS.length);
  });

  it("quotes fields that hold commas or quotes", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    const row = renderCodecarbonRow(hourReport(), { ...run, experimentId: "train, eval" })!;
    expect(row).toContain(',"train, eval",');
  });

  it("writes no row when nothing was measured", () => {
    const report = notMeasuredReport({ pue: 1, carbonIntensity: givenIntensity(400, "x") }, ["no GPU"], {
      startEpochMs: 0,
      durationMs: 1000,
      intervalMs: 500,
      gapMs: 3000,
    });
    expect(renderCodecarbonRow(report, run)).toBeNull();
  });
});
