import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { tableIntensity } from "../../../src/measure/intensity.js";
import { embodiedFigure, amortiseEmbodied } from "../../../src/core/carbon/embodied.js";
import { lookupLocation } from "../../../src/core/carbon/locations.js";
import { PUE_PRESET_NAMES, puePreset } from "../../../src/core/carbon/pue.js";
import { renderSummary } from "../../../src/core/render/summary.js";
import { withEmbodied } from "../../../src/core/report/carbon.js";
import { notMeasuredReport, type Report } from "../../../src/core/report/report.js";

describe("PUE presets", () => {
  it.each([
    ["industry-average", 1.56, 2024],
    ["on-premises", 1.63, 2024],
    ["public-cloud", 1.25, 2024],
    ["aws", 1.14, 2025],
    ["azure", 1.18, 2023],
    ["google", 1.09, 2024],
    ["meta", 1.08, 2023],
  ])("%s is %d (%d), from pue.csv", (name, value, year) => {
    expect(puePreset(name)).toMatchObject({ value, year, preset: name });
  });

  it("lists every preset with its figure in action.yml", () => {
    const action = parse(readFileSync(path.resolve(import.meta.dirname, "../../../action.yml"), "utf8"));
    for (const name of PUE_PRESET_NAMES) expect(action.inputs.pue.description).toContain(`${name} (${puePreset(name)?.value})`);
  });
});

describe("embodied carbon", () => {
  it("matches nvidia-smi's product names to the published figures", () => {
    expect(embodiedFigure("NVIDIA H100 80GB HBM3")).toEqual({ item: "NVIDIA HGX H100 baseboard (8x H100 SXM)", kgPerGpu: 164 });
    expect(embodiedFigure("NVIDIA A100-SXM4-40GB")?.kgPerGpu).toBe(127.6);
    expect(embodiedFigure("NVIDIA A100-SXM4-80GB")?.kgPerGpu).toBe(150);
    expect(embodiedFigure("NVIDIA A100 80GB PCIe")?.kgPerGpu).toBe(150);
    expect(embodiedFigure("NVIDIA GeForce RTX 2080 SUPER")).toBeNull();
    expect(embodiedFigure(null)).toBeNull();
  });

  it("164 kg over 5 years is 164000 / 43800 = 3.744 g per GPU-hour; two H100 for 2 h is 14.98 g", () => {
    const gpus = [0, 1].map((index) => ({ index, name: "NVIDIA H100 80GB HBM3" }));
    const result = amortiseEmbodied(gpus, 7200, 5);
    expect(result.gpus[0]?.gramsPerGpuHour).toBeCloseTo(3.744292, 6);
    expect(result.kg).toBeCloseTo((2 * 2 * 164_000) / 43_800 / 1000, 12);
    expect(result.gpuHours).toBe(2);
  });

  it("leaves an unknown model out and says so, never adding embodied to emissions", () => {
    const report = { ...measuredReport(), gpus: [gpu(0, "NVIDIA H200")] };
    const priced = withEmbodied(report, 5);
    expect(priced.embodied?.kg).toBeNull();
    expect(priced.emissionsKg).toBe(report.emissionsKg);
    expect(priced.warnings).toEqual([
      "embodied carbon: no published manufacturing figure for NVIDIA H200 (known: A100, H100); it is left out of the embodied total",
    ]);
  });
});

function gpu(index: number, name: string): Report["gpus"][number] {
  return {
    index,
    uuid: null,
    name,
    host: null,
    energyKwh: 0.5,
    energyKwhRange: [0.475, 0.525],
    uncertainty: null,
    sampledEnergyKwh: 0.5,
    counterEnergyKwh: null,
    energyDisagreementFraction: null,
    averageWatts: 250,
    peakWatts: 300,
    spreadWatts: 10,
    samples: 100,
    missingSamples: 0,
    coverage: 1,
  };
}

/** Two H100 drawing 500 W together for 2 h (1 kWh) in Germany (342.06 g/kWh), industry-average PUE 1.56. */
function measuredReport(): Report {
  const pue = puePreset("industry-average")!;
  const base = notMeasuredReport({ pue: pue.value, pueSource: pue, carbonIntensity: tableIntensity(lookupLocation("DE")!) }, [], {
    startEpochMs: Date.UTC(2026, 2, 1, 10),
    durationMs: 7_200_000,
    intervalMs: 500,
    gapMs: 3000,
  });
  return {
    ...base,
    status: "measured",
    energyKwh: 1,
    facilityEnergyKwh: 1.56,
    emissionsKg: (1 * 1.56 * 342.06) / 1000,
    coverage: 1,
    gpus: [gpu(0, "NVIDIA H100 80GB HBM3"), gpu(1, "NVIDIA H100 80GB HBM3")],
  };
}

describe("the summary with a location, a PUE preset and embodied carbon", () => {
  it("shows IT and facility energy, emissions and embodied on separate lines, and credits the data", () => {
    const summary = renderSummary(withEmbodied(measuredReport(), 5));
    expect(summary).toContain(
      [
        "| Measure | Value |",
        "| --- | ---: |",
        "| GPU energy (IT) | 1.00 kWh |",
        "| Facility energy (x PUE 1.56, industry-average) | 1.56 kWh |",
        "| Emissions | 534 g CO2e |",
        "| Embodied, GPU manufacturing (not in emissions) | 15.0 g CO2e |",
        "| Duration | 2h 00m 00s |",
        "| Average power | 500 W |",
        "| Coverage | 100.0% |",
        "| Carbon intensity | 342 gCO2e/kWh (DE, 2024, lifecycle) |",
      ].join("\n"),
    );
    expect(summary).toContain("- Carbon intensity: Ember 2024 yearly average for Germany \\(lifecycle, CC BY 4.0\\).\n");
    expect(summary).toContain(
      "- Contains data from Ember, Yearly Electricity Data (https://ember-energy.org/data/yearly-electricity-data/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).\n",
    );
    expect(summary).toContain("- PUE: 1.56, Uptime Institute Global Data Center Survey 2024 \\(as quoted by a secondary source\\).\n");
    expect(summary).toContain(
      "- Embodied: cradle-to-gate manufacturing of the GPU boards only (no host server), spread evenly over the service life, over 5 years, for 2.00 h per GPU; figures: NVIDIA HGX H100 baseboard \\(8x H100 SXM\\) 164 kg.\n",
    );
  });
});

describe("the table figure as the report describes it", () => {
  it("names the place, the figure's key, the dataset and, for a national average, the region's own grid", () => {
    expect(tableIntensity(lookupLocation("aws:ca-central-1")!)).toEqual({
      gramsPerKwh: 184.99,
      source:
        "Ember 2024 yearly average for aws ca-central-1 (Canada Central (Montréal area)), figure of CA (lifecycle, CC BY 4.0); the region's own grid CA-QC (Québec) averaged 41 g/kWh in 2025 (Electricity Maps): set 'location' to CA-QC to use it",
      resolvedBy: "table",
      year: 2024,
      basis: "lifecycle",
      location: "aws:ca-central-1",
      zone: "CA",
      attribution:
        "Contains data from Ember, Yearly Electricity Data (https://ember-energy.org/data/yearly-electricity-data/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).",
      hourly: null,
    });
    expect(tableIntensity(lookupLocation("CA-QC")!)).toMatchObject({
      gramsPerKwh: 41,
      source: "Electricity Maps 2025 yearly average for Québec (lifecycle, ODbL)",
      attribution:
        "Carbon intensity data 2025 (c) Electricity Maps (https://www.electricitymaps.com), made available under the Open Database License (https://opendatacommons.org/licenses/odbl/1-0/).",
    });
  });
});
