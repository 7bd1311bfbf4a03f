/** Reports with round numbers, for tests of what is built from a report. */
import { givenIntensity } from "../../src/core/carbon/intensity.js";
import { notMeasuredReport, type Report } from "../../src/core/report/report.js";

/** A measured report: `energyKwh` (range +/-5 %) over `durationSeconds` at 500 g/kWh, PUE 1, one GPU. */
export function measuredReport(energyKwh: number, durationSeconds: number, overrides: Partial<Report> = {}): Report {
  const base = notMeasuredReport({ pue: 1, carbonIntensity: givenIntensity(500, "input 'carbon-intensity'") }, [], {
    startEpochMs: Date.UTC(2026, 0, 1, 0, 0, 0),
    durationMs: durationSeconds * 1000,
    intervalMs: 500,
    gapMs: 3000,
  });
  return {
    ...base,
    status: "measured",
    energyKwh,
    energyKwhRange: [energyKwh * 0.95, energyKwh * 1.05],
    facilityEnergyKwh: energyKwh,
    emissionsKg: energyKwh * 0.5,
    emissionsKgRange: [energyKwh * 0.5 * 0.95, energyKwh * 0.5 * 1.05],
    sampledEnergyKwh: energyKwh,
    coverage: 0.99,
    gpus: [
      {
        index: 0,
        uuid: "GPU-0",
        name: "NVIDIA H100 80GB HBM3",
        host: null,
        energyKwh,
        energyKwhRange: [energyKwh * 0.95, energyKwh * 1.05],
        uncertainty: {
          sensorFamily: "Hopper and Blackwell data centre (H100, H200, GH200, B200)",
          sensorFraction: 0.05,
          samplingFraction: 0,
          seenFraction: 0.25,
        },
        sampledEnergyKwh: energyKwh,
        counterEnergyKwh: null,
        energyDisagreementFraction: null,
        averageWatts: (energyKwh * 3_600_000) / durationSeconds,
        peakWatts: 700,
        spreadWatts: 0,
        samples: 100,
        missingSamples: 0,
        coverage: 0.99,
      },
    ],
    ...overrides,
  };
}
