import { afterEach, describe, expect, it } from "vitest";
import { liveIntensity } from "../../src/measure/live-intensity.js";
import { priceReport } from "../../src/measure/pricing.js";
import { readSettings } from "../../src/config/settings.js";
import { GridApiError, getJson } from "../../src/adapters/grid-api.js";
import { tableIntensity } from "../../src/measure/intensity.js";
import { lookupLocation } from "../../src/core/carbon/locations.js";
import { notMeasuredReport, type Report } from "../../src/core/report/report.js";
import { startFakeGrid, type Behaviour, type FakeGrid } from "../support/fake-grid/server.js";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1, 10); // 10:00 UTC

const fakes: FakeGrid[] = [];
async function fake(behaviour: Behaviour): Promise<FakeGrid> {
  const f = await startFakeGrid(behaviour);
  fakes.push(f);
  return f;
}
afterEach(async () => {
  for (const f of fakes.splice(0)) await f.close();
});

/** Two hours: 100 W from 10:00 to 11:00 (0.1 kWh), 300 W from 11:00 to 12:00 (0.3 kWh). */
function twoHourReport(location: string): Report {
  const base = notMeasuredReport({ pue: 1, carbonIntensity: tableIntensity(lookupLocation(location)!) }, [], {
    startEpochMs: T0,
    durationMs: 2 * HOUR,
    intervalMs: 500,
    gapMs: 3000,
  });
  return {
    ...base,
    status: "measured",
    energyKwh: 0.4,
    facilityEnergyKwh: 0.4,
    emissionsKg: (0.4 * base.carbonIntensity.gramsPerKwh) / 1000,
    coverage: 1,
    powerSeries: {
      bucketSeconds: 3600,
      points: [
        [0, 100],
        [3600, 300],
      ],
    },
  };
}

const settings = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? "");
const hourly = (first: number | null, second: number | null) => (startMs: number) => (startMs < T0 + HOUR ? first : second);
const env = (f: FakeGrid) => ({ GPU_CARBON_ELECTRICITY_MAPS_URL: f.url, GPU_CARBON_UK_CARBON_INTENSITY_URL: f.url });

describe("live grid data, weighted by the energy of each hour", () => {
  it("Electricity Maps: 0.1 kWh at 100 g and 0.3 kWh at 300 g is (10 + 90) / 0.4 = 250 g/kWh", async () => {
    const grid = await fake({ kind: "figures", gramsPerKwh: hourly(100, 300) });
    const report = twoHourReport("aws:us-east-1");
    const result = await liveIntensity(report, settings({ location: "aws:us-east-1", "electricity-maps-token": "s3cret" }), env(grid));
    expect(result.warnings).toEqual([]);
    expect(result.intensity).toMatchObject({ gramsPerKwh: 250, resolvedBy: "live", basis: "lifecycle", zone: "US-MIDA-PJM", year: 2026 });
    expect(result.intensity?.hourly).toEqual([
      { from: "2026-03-01T10:00:00.000Z", to: "2026-03-01T11:00:00.000Z", gramsPerKwh: 100, energyKwh: 0.1 },
      { from: "2026-03-01T11:00:00.000Z", to: "2026-03-01T12:00:00.000Z", gramsPerKwh: 300, energyKwh: 0.3 },
    ]);
    expect(grid.requests).toHaveLength(1);
    const url = new URL(grid.requests[0]!.path, grid.url);
    expect(url.pathname).toBe("/v3/carbon-intensity/past-range");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      zone: "US-MIDA-PJM",
      start: "2026-03-01T10:00:00.000Z",
      end: "2026-03-01T12:00:00.000Z",
      emissionFactorType: "lifecycle",
    });
    expect(grid.requests[0]!.headers["auth-token"]).toBe("s3cret");

    // And the report's emissions follow: 0.4 kWh x PUE 1 x 250 g/kWh = 100 g.
    const priced = await priceReport(report, settings({ location: "aws:us-east-1", "electricity-maps-token": "s3cret" }), env(grid));
    expect(priced.emissionsKg).toBeCloseTo(0.1, 12);
    expect(priced.carbonIntensity.gramsPerKwh).toBe(250);
  });

  it("UK Carbon Intensity API for a British location, keyless, half-hourly, labelled direct", async () => {
    const grid = await fake({ kind: "figures", gramsPerKwh: hourly(100, 300) });
    const result = await liveIntensity(twoHourReport("GB"), settings({ location: "GB", "live-grid": "true" }), env(grid));
    expect(result.intensity).toMatchObject({ gramsPerKwh: 250, basis: "direct", zone: "GB", resolvedBy: "live" });
    expect(result.intensity?.hourly).toHaveLength(4);
    expect(grid.requests.map((r) => r.path)).toEqual(["/intensity/2026-03-01T10:00Z/2026-03-01T12:00Z"]);
    expect(grid.requests[0]!.headers["auth-token"]).toBeUndefined();
  });

  it("prices hours the service has not published yet at the nearest hour's figure, and says so", async () => {
    const grid = await fake({ kind: "figures", gramsPerKwh: hourly(100, null) });
    const result = await liveIntensity(twoHourReport("GB"), settings({ location: "GB", "live-grid": "true" }), env(grid));
    expect(result.intensity?.gramsPerKwh).toBe(100);
    expect(result.warnings).toEqual([
      "live grid data: 75.0 % of the energy fell in hours the UK Carbon Intensity API had no figure for yet; they were priced at the nearest hour's figure.",
    ]);
  });

  it("keeps the table figure with a warning when the service fails", async () => {
    const grid = await fake({ kind: "status", status: 503 });
    const inputs = { location: "aws:us-east-1", "electricity-maps-token": "s3cret" };
    const priced = await priceReport(twoHourReport("aws:us-east-1"), settings(inputs), env(grid));
    expect(priced.carbonIntensity).toMatchObject({ gramsPerKwh: 321.47, resolvedBy: "table" });
    expect(priced.warnings).toEqual([
      "live grid data: the Electricity Maps API could not be used (HTTP 503 Service Unavailable); the yearly table figure is used instead.",
    ]);
    expect(grid.requests).toHaveLength(1); // no retries
  });

  it("refuses an answer that mixes in another emission-factor basis", async () => {
    const grid = await fake({ kind: "figures", gramsPerKwh: hourly(100, 300), emissionFactorType: "direct" });
    const result = await liveIntensity(twoHourReport("DE"), settings({ location: "DE", "electricity-maps-token": "t" }), env(grid));
    expect(result.intensity).toBeNull();
    expect(result.warnings[0]).toContain("the answer mixed in 'direct' emission factors where lifecycle was asked for");
  });

  it("asks nothing when carbon-intensity is given or live data was not asked for", async () => {
    const grid = await fake({ kind: "figures", gramsPerKwh: () => 100 });
    const given = await liveIntensity(
      twoHourReport("GB"),
      settings({ location: "GB", "live-grid": "true", "carbon-intensity": "200" }),
      env(grid),
    );
    expect(given).toEqual({ intensity: null, warnings: [] });
    expect(await liveIntensity(twoHourReport("GB"), settings({ location: "GB" }), env(grid))).toEqual({ intensity: null, warnings: [] });
    expect(grid.requests).toEqual([]);
  });

  it("says when a location has no Electricity Maps zone", async () => {
    const grid = await fake({ kind: "figures", gramsPerKwh: () => 100 });
    const result = await liveIntensity(twoHourReport("US-CA"), settings({ location: "US-CA", "electricity-maps-token": "t" }), env(grid));
    expect(result.intensity).toBeNull();
    expect(result.warnings).toEqual([
      "live grid data: no Electricity Maps zone is known for US-CA; set 'location' to a zone key (such as US-CAL-CISO) for live data.",
    ]);
  });

  it("gives up on a silent service after the timeout, without retrying", async () => {
    const grid = await fake({ kind: "hang" });
    await expect(getJson(`${grid.url}/intensity/x/y`, {}, 200)).rejects.toEqual(new GridApiError("no answer within 200 ms"));
    expect(grid.requests).toHaveLength(1);
  });
});
