import { afterEach, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { startFakeGrid, type FakeGrid } from "../support/fake-grid/server.js";
import { SimulatedJob, sleep } from "../support/runner.js";

function job(env: Record<string, string> = {}): SimulatedJob {
  return new SimulatedJob(env);
}

const grids: FakeGrid[] = [];
afterEach(async () => {
  for (const g of grids.splice(0)) await g.close();
});

describe("carbon intensity where the runner is", () => {
  it("prices a job in aws:us-east-1 at Virginia's Ember figure, with a PUE preset and embodied carbon apart", async () => {
    const j = job({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 300, name: "NVIDIA H100 80GB HBM3" }] }) });
    const inputs = { "interval-ms": "100", location: "AWS:us-east-1", pue: "aws", embodied: "true", "gpu-lifetime-years": "4" };
    expect((await j.run("pre", inputs)).code).toBe(0);
    await sleep(1500);
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);

    const report = j.report();
    expect(report.status).toBe("measured");
    expect(report.carbonIntensity).toEqual({
      gramsPerKwh: 321.47,
      source: "Ember 2024 yearly average for aws us-east-1 (N. Virginia), figure of US-VA (lifecycle, CC BY 4.0)",
      resolvedBy: "table",
      year: 2024,
      basis: "lifecycle",
      location: "aws:us-east-1",
      zone: "US-VA",
      attribution:
        "Contains data from Ember, Yearly Electricity Data (https://ember-energy.org/data/yearly-electricity-data/), licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).",
      hourly: null,
    });
    expect(report.pue).toBe(1.14);
    expect(report.pueSource).toMatchObject({
      preset: "aws",
      year: 2025,
      url: "https://sustainability.aboutamazon.com/environment/the-cloud",
    });
    // 300 W over the window, x 1.14, x 321.47 g/kWh.
    expect(report.facilityEnergyKwh).toBeCloseTo(report.energyKwh * 1.14, 8);
    expect(report.emissionsKg).toBeCloseTo((report.energyKwh * 1.14 * 321.47) / 1000, 8);
    // One H100 (164 kg over 4 years = 4.68 g/GPU-hour) for the window, reported apart.
    expect(report.embodied.lifetimeYears).toBe(4);
    expect(report.embodied.kg).toBeCloseTo(((164_000 / (4 * 8760)) * (report.durationSeconds / 3600)) / 1000, 8);
    expect(post.summary).toContain("| Carbon intensity | 321 gCO2e/kWh (aws:us-east-1, 2024, lifecycle) |");
    expect(post.summary).toContain("| Facility energy (x PUE 1.14, aws) |");
    expect(post.summary).toContain("| Embodied, GPU manufacturing (not in emissions) |");
    expect(post.stdout).not.toContain("world average");
  });

  it("fails pre on an unknown location, naming the input and the nearest codes, before measuring anything", async () => {
    const j = job();
    const pre = await j.run("pre", { location: "US-CAL" });
    expect(pre.code).toBe(1);
    expect(pre.stdout).toContain("::error::Input 'location' must be a country code (DE, DEU), an ISO 3166-2 zone (US-CA, IN-MH)");
    expect(pre.stdout).toContain("got 'US-CAL'. Nearest known: US-CA, US-AL, ");
    expect(existsSync(path.join(j.runnerTemp, "gpu-carbon", "session.json"))).toBe(false);
    const main = await j.run("main", { location: "US-CAL" });
    expect(main.code).toBe(1);
  });

  it("prices a British job with the keyless UK Carbon Intensity API (a local fake) in post", async () => {
    const grid = await startFakeGrid({ kind: "figures", gramsPerKwh: () => 120 });
    grids.push(grid);
    const j = job({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }), GPU_CARBON_UK_CARBON_INTENSITY_URL: grid.url });
    const inputs = { "interval-ms": "100", location: "gb", "live-grid": "true" };
    expect((await j.run("pre", inputs)).code).toBe(0);
    expect(grid.requests).toEqual([]); // nothing is fetched before the job's work
    await sleep(1000);
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    const report = j.report();
    expect(report.carbonIntensity).toMatchObject({ gramsPerKwh: 120, resolvedBy: "live", basis: "direct", location: "GB", zone: "GB" });
    expect(report.emissionsKg).toBeCloseTo((report.energyKwh * 120) / 1000, 8);
    expect(grid.requests).toHaveLength(1);
    expect(post.summary).toContain("| Carbon intensity | 120 gCO2e/kWh (GB, live, energy-weighted, direct) |");
    expect(post.stdout).toContain("Carbon intensity 120 gCO2e/kWh: UK Carbon Intensity API, direct intensity of GB");
  });

  it("falls back to the table with a warning when Electricity Maps fails", async () => {
    const grid = await startFakeGrid({ kind: "status", status: 500 });
    grids.push(grid);
    const j = job({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }), GPU_CARBON_ELECTRICITY_MAPS_URL: grid.url });
    const inputs = { "interval-ms": "100", location: "DE", "electricity-maps-token": "not-a-real-token" };
    expect((await j.run("pre", inputs)).code).toBe(0);
    await sleep(1000);
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    expect(j.report().carbonIntensity).toMatchObject({ gramsPerKwh: 342.06, resolvedBy: "table", zone: "DE" });
    expect(post.stdout).toContain(
      "::warning::live grid data: the Electricity Maps API could not be used (HTTP 500 Internal Server Error); the yearly table figure is used instead.",
    );
    // The token is registered as a secret (the runner then masks it) and appears nowhere else.
    expect(post.stdout).toContain("::add-mask::not-a-real-token");
    expect(post.stdout.replace(/::add-mask::not-a-real-token/g, "")).not.toContain("not-a-real-token");
  });
});
