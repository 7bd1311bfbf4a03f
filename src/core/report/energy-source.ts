/**
 * Chooses the report's energy figure: the driver's counter when every counted GPU has one,
 * else the sampled figure; either way both stand side by side with their disagreement. Pure.
 */
import type { CounterTrail } from "../log/counter-trail.js";
import { emissionsKg } from "../carbon/intensity.js";
import {
  SENSOR_ACCURACY_FRACTION,
  compareEnergy,
  counterDeltas,
  trimToWindow,
  type CounterSnapshot,
  type EdgePower,
} from "../energy/counter.js";
import { gpuLabel } from "../gpu.js";
import { MIN_COVERAGE_MEASURED, counterNotRead, precise, type GpuReport, type Report } from "./report.js";
import { counterGpuRange, emissionsRange, totalRange } from "./uncertainty.js";
import { JOULES_PER_KWH, joulesToKwh, round } from "../units.js";

function percent(fraction: number): string {
  return `${fraction >= 0 ? "+" : ""}${(fraction * 100).toFixed(1)} %`;
}

function unavailable(report: Report, reason: string): Report {
  return { ...report, method: { ...report.method, energyCounter: counterNotRead(reason) } };
}

/**
 * Applies the counter reads taken at sampler start (`start`) and stop (`end`) to a sampled
 * report. GPUs are matched by uuid; a counted GPU is one with sampled energy. With `edges`
 * (first and last sampled power per uuid) each counter figure is trimmed to the sampler's
 * window (`trimToWindow`), so both figures cover the same time. When every
 * counted GPU has a usable counter delta, `energyKwh` (total and per GPU), facility energy and
 * emissions come from the counter (`energySource: "counter"`); otherwise they stay sampled and
 * `method.energyCounter.reason` says why. A disagreement beyond sensor accuracy plus the window
 * edges (see `compareEnergy`) becomes a warning naming the GPUs.
 */
export function applyEnergyCounter(
  report: Report,
  start: CounterSnapshot | null,
  end: CounterSnapshot | null,
  edges: Map<string, EdgePower> = new Map(),
  trails: Map<string, CounterTrail> = new Map(),
): Report {
  if (!start) return report;
  if (!start.ok) return unavailable(report, start.reason);
  if (!end) return unavailable(report, "the counter was not read at the end of the job");
  if (!end.ok) return unavailable(report, end.reason);
  const counted = report.gpus.filter((gpu) => gpu.sampledEnergyKwh !== null);
  if (counted.length === 0) return unavailable(report, "no GPU was sampled to compare the counter with");
  const deltas = counterDeltas(start, end, trails);
  const sampledStart = report.startedAt === null ? null : Date.parse(report.startedAt);
  const sampledEnd = report.endedAt === null ? null : Date.parse(report.endedAt);

  const windows = [...deltas.values()].flatMap((d) =>
    d.startEpochMs !== null && d.endEpochMs !== null ? [d.endEpochMs - d.startEpochMs] : [],
  );
  const windowSeconds = windows.length === 0 ? null : round(Math.max(...windows) / 1000, 3);
  const missing: string[] = [];
  const disagreeing: string[] = [];
  const gpus = report.gpus.map((gpu): GpuReport => {
    if (gpu.sampledEnergyKwh === null) return gpu;
    const delta = gpu.uuid === null ? undefined : deltas.get(gpu.uuid);
    if (!delta || delta.energyJ === null) {
      missing.push(`${gpuLabel(gpu)}: ${delta?.reason ?? "the driver listed no counter for this GPU"}`);
      return gpu;
    }
    const sampledJ = gpu.sampledEnergyKwh * JOULES_PER_KWH;
    const counterWindow = { startEpochMs: delta.startEpochMs ?? 0, endEpochMs: delta.endEpochMs ?? 0 };
    const sampledWindow = { startEpochMs: sampledStart ?? counterWindow.startEpochMs, endEpochMs: sampledEnd ?? counterWindow.endEpochMs };
    const edge = gpu.uuid === null ? undefined : edges.get(gpu.uuid);
    const counterJ = edge ? trimToWindow(delta.energyJ, counterWindow, sampledWindow, edge) : delta.energyJ;
    // The allowance for the edges stays: what the GPU drew there is only estimated.
    const comparison = compareEnergy(
      counterJ,
      { energyJ: sampledJ, peakW: gpu.peakWatts ?? gpu.averageWatts ?? 0, coverage: gpu.coverage },
      counterWindow,
      sampledWindow,
    );
    const counterKwh = precise(joulesToKwh(counterJ));
    if (!comparison.plausible) {
      missing.push(
        `${gpuLabel(gpu)}: its counter gives ${round(counterKwh * 1000, 4)} Wh where sampling gives ${round(gpu.sampledEnergyKwh * 1000, 4)} Wh, more than the sensor and the window edges explain`,
      );
    } else if (comparison.disagrees) {
      const by = comparison.disagreementFraction === null ? "" : ` (${percent(comparison.disagreementFraction)})`;
      disagreeing.push(
        `${gpuLabel(gpu)} sampled ${round(gpu.sampledEnergyKwh * 1000, 4)} Wh vs counter ${round(counterKwh * 1000, 4)} Wh${by}`,
      );
    }
    return {
      ...gpu,
      counterEnergyKwh: counterKwh,
      energyDisagreementFraction: comparison.disagreementFraction === null ? null : round(comparison.disagreementFraction, 4),
    };
  });

  const warnings = [...report.warnings];
  if (disagreeing.length > 0) {
    warnings.push(
      `sampled power and the driver's energy counter disagree by more than the sensor's +/-${SENSOR_ACCURACY_FRACTION * 100} % accuracy and the window edges explain: ${disagreeing.join("; ")}`,
    );
  }
  const sampledKwh = report.sampledEnergyKwh;
  if (missing.length > 0) {
    return {
      ...report,
      warnings,
      gpus,
      method: {
        ...report.method,
        energyCounter: {
          status: missing.length < counted.length ? "compared" : "unavailable",
          reason: `not every GPU has a usable energy counter (${missing.join("; ")})`,
          toleranceFraction: SENSOR_ACCURACY_FRACTION,
          windowSeconds,
        },
      },
    };
  }
  const counterKwh = precise(gpus.reduce((sum, gpu) => sum + (gpu.counterEnergyKwh ?? 0), 0));
  if (report.coverage < MIN_COVERAGE_MEASURED) {
    warnings.push(
      "the totals come from the driver's energy counter, which has no gaps: the sampling gaps affect only the sampled figure, averages and the chart",
    );
  }
  const withCounter = gpus.map((gpu) =>
    gpu.sampledEnergyKwh === null || gpu.counterEnergyKwh === null
      ? gpu
      : {
          ...gpu,
          energyKwh: gpu.counterEnergyKwh,
          ...counterGpuRange(gpu.counterEnergyKwh, gpu.name, report.durationSeconds, gpu.spreadWatts ?? 0, gpu.peakWatts ?? 0),
        },
  );
  const emissions = emissionsKg(counterKwh, report.pue, report.carbonIntensity.gramsPerKwh);
  const energyKwhRange = totalRange(withCounter);
  const emissionsPrecise = emissions === null ? null : precise(emissions);
  return {
    ...report,
    warnings,
    gpus: withCounter,
    energyKwh: counterKwh,
    energyKwhRange,
    energySource: "counter",
    counterEnergyKwh: counterKwh,
    energyDisagreementFraction: sampledKwh === null || counterKwh === 0 ? null : round((sampledKwh - counterKwh) / counterKwh, 4),
    facilityEnergyKwh: precise(counterKwh * report.pue),
    emissionsKg: emissionsPrecise,
    emissionsKgRange: emissionsRange(energyKwhRange, counterKwh, emissionsPrecise),
    method: {
      ...report.method,
      energyCounter: { status: "used", reason: null, toleranceFraction: SENSOR_ACCURACY_FRACTION, windowSeconds },
    },
  };
}
