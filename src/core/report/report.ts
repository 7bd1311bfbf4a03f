/**
 * The report: what post writes to `report.json`, renders in the summary and the CLI prints.
 * Pure: built from a log result and the settings, with times passed in.
 */
import type { SpanReport } from "../energy/breakdown.js";
import { emissionsKg, type CarbonIntensity } from "../carbon/intensity.js";
import type { EmbodiedReport } from "../carbon/embodied.js";
import { integrationRules, type GpuEnergy } from "../integrator.js";
import type { GpuSelection } from "../nvidia-smi/gpu-selection.js";
import type { IdleReport } from "../energy/idle.js";
import type { LogResult } from "../log/reader.js";
import { SENSOR_ACCURACY_FRACTION } from "../energy/counter.js";
import { pueFromNumber, type PueSource } from "../carbon/pue.js";
import type { Range } from "../energy/range.js";
import { burstyWarning, emissionsRange, sampledGpuRange, totalRange, type GpuUncertainty } from "./uncertainty.js";
import { gpuLabel } from "../gpu.js";
import { formatDuration, joulesToKwh, round } from "../units.js";
import type { WorkReport } from "../energy/work-units.js";

/**
 * Report schema version; bumped on any incompatible change. 2 added `kind`, `label`, `jobs` and
 * `gpus[].host` (a report of a whole workflow run, merged from its jobs' reports).
 */
export const SCHEMA_VERSION = 2;

/** Below this coverage a measurement is `partial`. */
export const MIN_COVERAGE_MEASURED = 0.9;

/** What one GPU drew over the window. */
export interface GpuReport {
  /** nvidia-smi index (PCI order on the host), `null` when unknown. */
  index: number | null;
  /** `GPU-...` uuid, `null` when the log has none. */
  uuid: string | null;
  /** Product name, `null` when unknown. */
  name: string | null;
  /** The machine the GPU is in: the runner's host name, or the DCGM series' `Hostname`; `null` when unknown. */
  host: string | null;
  /** Board energy in kWh, from the source the report names in `energySource`; `null` when unknown. */
  energyKwh: number | null;
  /** Where the true energy lies, `[low, high]` kWh (docs/accuracy.md); `null` when energy is unknown. */
  energyKwhRange: Range | null;
  /** What went into the range; `null` when energy is unknown. */
  uncertainty: GpuUncertainty | null;
  /** Integrated nvidia-smi power in kWh; `null` when the GPU never reported power. */
  sampledEnergyKwh: number | null;
  /** The driver's energy counter over the window, kWh; `null` when it could not be read. */
  counterEnergyKwh: number | null;
  /** (sampled - counter) / counter; `null` unless both are known and the counter moved. */
  energyDisagreementFraction: number | null;
  /** Time-weighted average power over the covered time, W. */
  averageWatts: number | null;
  /** Highest reading, W. */
  peakWatts: number | null;
  /** Time-weighted standard deviation of the readings, W: how much power moved. */
  spreadWatts: number | null;
  /** Valid power readings. */
  samples: number;
  /** Readings that were placeholders (`[N/A]`, `[GPU is lost]`, ...). */
  missingSamples: number;
  /** Fraction of the window covered by valid readings, 0..1. */
  coverage: number;
  /** Where this GPU's `energyKwh` comes from, when read through Prometheus (see `EnergySource`). */
  energySource?: EnergySource;
  /** With MIG: the instances counted and the share of the board's energy given to them. */
  mig?: MigShare | null;
}

/** How much of a MIG board's energy a job is given. */
export interface MigShare {
  /** The job's instances (`GPU_I_ID` with its profile, such as `3/3g.40gb`). */
  instances: string[];
  /** Share of the board's energy, 0..1. */
  share: number;
  /** How the share was found, in words. */
  basis: string;
}

/** How the figures were obtained. */
export interface MethodReport {
  /** The nvidia-smi column integrated. */
  powerField: string | null;
  /** Sampling interval, ms. */
  intervalMs: number;
  /** Longest interval bridged between readings, ms. */
  gapThresholdMs: number;
  /** Always `trapezoid`. */
  integration: "trapezoid";
  /** The integration rules in words. */
  rules: string[];
  /** What the energy covers. */
  scope: string;
  /** Accuracy statement. */
  accuracy: string;
  /** Whether the driver's energy counter was read, and why not. */
  energyCounter: EnergyCounterMethod;
  /** Where the readings came from when they were read through Prometheus; absent for the local sampler. */
  prometheus?: PrometheusMethod;
}

/** The Prometheus server, the selector and the queries a report was read from. */
export interface PrometheusMethod {
  /** Base URL of the Prometheus HTTP API (any user name and password left out). */
  url: string;
  /** The label matchers that picked the job's GPUs. */
  selector: string;
  /** Scrape interval read from the samples, s; `null` when too few samples. */
  scrapeIntervalSeconds: number | null;
  /** The PromQL expressions evaluated. */
  queries: string[];
}

/** How the driver's energy counter took part. */
export interface EnergyCounterMethod {
  /** `used`: totals come from it; `compared`: read but not for every GPU; `unavailable`. */
  status: "used" | "compared" | "unavailable";
  /** Why it is not used, in words; `null` when used. */
  reason: string | null;
  /** Relative difference beyond which counter and sampling are said to disagree (before edge allowance). */
  toleranceFraction: number;
  /** Time between the counter reads (they bracket the sampler's window), s; `null` when not read at both ends. */
  windowSeconds: number | null;
}

/** Diagnostics about the log. */
export interface QualityReport {
  /** Lines that could not be used. */
  malformedLines: number;
  /** Sampler events (nvidia-smi exits, restarts, stderr lines). */
  events: number;
  /** A few of their texts. */
  eventSamples: string[];
  /** Clock steps taken out of a plain log. */
  clockJumps: number;
  /** Rows in which nvidia-smi said `[GPU is lost]` instead of naming the GPU. */
  lostRows: number;
  /** Times the sampler restarted nvidia-smi inside the window (each one a gap). */
  restarts: number;
  /** Why the sampler stopped. */
  stopReason: string | null;
  /** Longest uncovered stretch over all GPUs, s. */
  longestGapSeconds: number;
}

/**
 * Where an energy figure comes from: the local driver's cumulative `counter` or `sampled`
 * nvidia-smi power; through Prometheus, DCGM's energy counter (`dcgm-counter`) or its power
 * readings integrated (`dcgm-power`); `mixed` when GPUs differ.
 */
export type EnergySource = "counter" | "sampled" | "dcgm-counter" | "dcgm-power" | "mixed";

export type ReportStatus = "measured" | "partial" | "not-measured";

/** What a report covers: one job's measurement, or a whole workflow run merged from its jobs. */
export type ReportKind = "job" | "run";

/** One job of a merged run, as its own report gave it and as it counts in the run's totals. */
export interface RunJobReport {
  /** The job's label (its history series); the report's folder when the report names none. */
  label: string;
  /** Where the job's report was read from. */
  source: string;
  status: ReportStatus;
  /** The job's own GPU energy, kWh; `null` when it measured none. */
  energyKwh: number | null;
  /** Where the job's own energy lies, `[low, high]` kWh; `null` when unknown (or its report gave none). */
  energyKwhRange: Range | null;
  /** The job's own emissions (at its own grid's intensity and PUE), kg CO2e; `null` likewise. */
  emissionsKg: number | null;
  /**
   * What the job adds to the run's energy, kWh: its own figure less any GPU another job that
   * started earlier measured at the same time; `null` when it measured none.
   */
  countedEnergyKwh: number | null;
  /** What the job adds to the run's emissions, kg CO2e (scaled like `countedEnergyKwh`). */
  countedEmissionsKg: number | null;
  /** Length of the job's measurement window, s. */
  durationSeconds: number;
  /** The job's coverage, 0..1. */
  coverage: number;
  energySource: EnergySource;
  /** Window start and end, ISO 8601 UTC; `null` when unknown. */
  startedAt: string | null;
  endedAt: string | null;
  /** The GPUs the job measured. */
  gpus: { uuid: string | null; name: string | null; host: string | null; energyKwh: number | null }[];
  /** The machines those GPUs are in, sorted; empty when unknown. */
  hosts: string[];
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  /** `job`: one job's measurement; `run`: a workflow run's jobs merged (`mode: merge`). */
  kind: ReportKind;
  /** The series this report belongs to (the job's or the run's label); `null` outside a workflow. */
  label: string | null;
  /** The jobs of a `run`, in label order; empty for a `job`. */
  jobs: RunJobReport[];
  /** `measured`; `partial` (coverage under 90 % or a GPU without power); `not-measured`. */
  status: ReportStatus;
  /** Everything that limits the result, in words. */
  warnings: string[];
  /** Window start, ISO 8601 UTC, `null` when unknown. */
  startedAt: string | null;
  /** Window end, ISO 8601 UTC, `null` when unknown. */
  endedAt: string | null;
  /** Length of the measurement window (sampler start to stop), s. */
  durationSeconds: number;
  /** Measured GPU board energy before PUE, kWh; `null` when no power could be read. */
  energyKwh: number | null;
  /** Where the true board energy lies, `[low, high]` kWh: the sum of the GPUs' ranges; `null` when energy is unknown. */
  energyKwhRange: Range | null;
  /** Where `energyKwh` comes from: the driver's cumulative `counter`, or `sampled` nvidia-smi power. */
  energySource: EnergySource;
  /** Sum of the sampled energy of the counted GPUs, kWh; `null` when none was sampled. */
  sampledEnergyKwh: number | null;
  /** Sum of the counter energy of the counted GPUs, kWh; `null` unless every counted GPU has one. */
  counterEnergyKwh: number | null;
  /** (sampled - counter) / counter over all counted GPUs; `null` unless both totals are known. */
  energyDisagreementFraction: number | null;
  /** Energy x PUE: what the facility drew for it, kWh; `null` likewise. */
  facilityEnergyKwh: number | null;
  /** Power usage effectiveness applied. */
  pue: number;
  /** Where the PUE comes from: preset name, publisher, year and URL. */
  pueSource: PueSource;
  /** energyKwh x pue x intensity, kg CO2e; `null` when energy is unknown. */
  emissionsKg: number | null;
  /** `energyKwhRange` carried into emissions, `[low, high]` kg CO2e (the intensity's own uncertainty is not in it). */
  emissionsKgRange: Range | null;
  /** Mean over measured GPUs of the covered fraction of the window, 0..1. */
  coverage: number;
  /** The grid intensity used and where it came from. */
  carbonIntensity: CarbonIntensity;
  /**
   * GPU manufacturing footprint amortised over this job (input `embodied`); `null` when not asked
   * for. Never included in `emissionsKg`.
   */
  embodied: EmbodiedReport | null;
  /** Per GPU; empty when no GPU was measured. */
  gpus: GpuReport[];
  /** How it was measured. */
  method: MethodReport;
  /** Log diagnostics. */
  quality: QualityReport;
  /** Total power over time, downsampled: `[secondsSinceStart, watts]` pairs. */
  powerSeries: { bucketSeconds: number; points: [number, number][] };
  /** Energy per workflow step from the Jobs API, in step order; empty when unavailable. */
  steps: SpanReport[];
  /** Energy outside every step (the runner's work between steps), kWh; `null` without steps. */
  outsideStepsEnergyKwh: number | null;
  /** How step times were turned into energy (see `steps.ts`); empty without steps. */
  stepRules: string[];
  /** Energy per phase named with `mode: mark`, in time order; empty without marks. */
  phases: SpanReport[];
  /** Which GPUs were counted and why; `null` when nvidia-smi could not be asked. */
  gpuSelection: GpuSelection | null;
  /** The GPUs' power at `pre` and the energy above it; `null` without a baseline reading. */
  idle: IdleReport | null;
  /** Energy per unit of work the job counted (GPU_CARBON_WORK_FILE); `null` when none. */
  work: WorkReport | null;
}

type Breakdown = Pick<Report, "steps" | "outsideStepsEnergyKwh" | "stepRules" | "phases" | "gpuSelection" | "idle" | "work">;

/** The parts of a report that depend on more than the log, empty; post fills them in. */
export function noBreakdown(): Breakdown {
  return { steps: [], outsideStepsEnergyKwh: null, stepRules: [], phases: [], gpuSelection: null, idle: null, work: null };
}

/** Known facts about a GPU from the identity query, to name GPUs in the report. */
export interface GpuInfo {
  index: string | null;
  uuid: string | null;
  name: string | null;
}

export const SCOPE_NOTE =
  "GPU board power only, as nvidia-smi reports it: no CPU, host memory, networking or cooling, except as PUE accounts for the facility overhead";

export const ACCURACY_NOTE =
  "each energy figure comes with the range the true energy lies in: the board sensor's error for its family, the time the readings did not see times how much power moved, the lag of 1-second averages, and gaps (docs/accuracy.md)";

/** Settings a report depends on. */
export interface ReportSettings {
  pue: number;
  /** Where `pue` comes from; a plain number when absent. */
  pueSource?: PueSource;
  carbonIntensity: CarbonIntensity;
}

/** The method note before any counter was consulted. */
/** The quality of a report with no sampler log behind it (not measured, or read from Prometheus). */
export function noLogQuality(longestGapSeconds: number): QualityReport {
  return { malformedLines: 0, events: 0, eventSamples: [], clockJumps: 0, lostRows: 0, restarts: 0, stopReason: null, longestGapSeconds };
}

export function counterNotRead(reason: string): EnergyCounterMethod {
  return { status: "unavailable", reason, toleranceFraction: SENSOR_ACCURACY_FRACTION, windowSeconds: null };
}

function pueSourceOf(settings: ReportSettings): PueSource {
  return settings.pueSource ?? pueFromNumber(settings.pue, "given");
}

/** Keeps 12 significant digits: enough for any energy, without float noise in the JSON. */
export function precise(value: number): number {
  return Number(value.toPrecision(12));
}

function gpuReport(gpu: GpuEnergy, info: GpuInfo[], log: LogResult): GpuReport {
  const known = info.find((g) => (gpu.uuid !== null && g.uuid === gpu.uuid) || (gpu.uuid === null && g.index === gpu.index));
  const indexText = gpu.index ?? known?.index ?? null;
  const index = indexText !== null && /^\d+$/.test(indexText) ? Number(indexText) : null;
  const name = known?.name ?? null;
  const { energyKwhRange, uncertainty } = sampledGpuRange(gpu, name, log.windowMs, log.intervalMs, log.powerField);
  return {
    index,
    uuid: gpu.uuid ?? known?.uuid ?? null,
    name,
    host: null,
    energyKwh: gpu.energyJ === null ? null : precise(joulesToKwh(gpu.energyJ)),
    energyKwhRange,
    uncertainty,
    sampledEnergyKwh: gpu.energyJ === null ? null : precise(joulesToKwh(gpu.energyJ)),
    counterEnergyKwh: null,
    energyDisagreementFraction: null,
    averageWatts: gpu.averageW === null ? null : round(gpu.averageW, 2),
    peakWatts: gpu.peakW,
    spreadWatts: gpu.energyJ === null ? null : round(gpu.spreadW, 2),
    samples: gpu.validSamples,
    missingSamples: gpu.missingSamples,
    coverage: round(gpu.coverage, 4),
  };
}

/** Builds the report of a measured log. `warnings` are added to those the log itself implies. */
export function buildReport(log: LogResult, settings: ReportSettings, info: GpuInfo[] = [], warnings: string[] = []): Report {
  // A plain log with at most one reading per GPU is a one-shot query, whose rows may still be
  // stamped a few ms apart, GPU after GPU: no time to integrate over, so energy is unknown.
  const singleMoment =
    log.gpus.some((gpu) => gpu.validSamples > 0) &&
    (log.windowMs <= 0 || (log.format === "nvidia-smi" && log.gpus.every((gpu) => gpu.validSamples <= 1)));
  const gpus = log.gpus.map((gpu) => gpuReport(singleMoment ? { ...gpu, energyJ: null, coverage: 0 } : gpu, info, log));
  const all = [...warnings];
  const measured = gpus.filter((gpu) => gpu.energyKwh !== null);
  const energyKwh = measured.length === 0 ? null : precise(measured.reduce((sum, gpu) => sum + (gpu.energyKwh ?? 0), 0));
  const coverage = measured.length === 0 ? 0 : round(measured.reduce((sum, gpu) => sum + gpu.coverage, 0) / measured.length, 4);

  if (gpus.length === 0) all.push("no GPU rows were found in the power log");
  else if (singleMoment)
    all.push(
      "the log holds a single moment (a one-shot query, not a loop with -l or -lms): there is no time to integrate power over, so energy is unknown",
    );
  else if (measured.length === 0) all.push("power was not available on any GPU ([N/A] or unsupported): energy is unknown, not 0 kWh");
  for (const gpu of gpus) {
    if (gpu.energyKwh === null && measured.length > 0) all.push(`${gpuLabel(gpu)} reported no power reading: it is left out of the total`);
  }
  if (measured.length > 0 && coverage < MIN_COVERAGE_MEASURED) {
    all.push(`valid samples cover ${(coverage * 100).toFixed(1)} % of the window: energy in the gaps is not counted`);
  }
  const longestGapMs = Math.max(0, ...log.gpus.filter((gpu) => gpu.energyJ !== null).map((gpu) => gpu.longestGapMs));
  if (measured.length > 0 && coverage >= MIN_COVERAGE_MEASURED && longestGapMs >= LONG_GAP_MS) {
    all.push(`no valid samples for ${formatDuration(longestGapMs / 1000)} at a stretch: energy in that gap is not counted`);
  }
  if (log.lostRows > 0)
    all.push(
      `nvidia-smi reported [GPU is lost] in ${log.lostRows} row(s): a GPU fell off the bus (check the host's kernel log for Xid errors); its energy after that is not counted`,
    );
  for (const gpu of gpus) {
    const bursty = burstyWarning(gpuLabel(gpu), gpu.uncertainty, {
      coveredSeconds: (gpu.coverage * log.windowMs) / 1000,
      spreadW: gpu.spreadWatts ?? 0,
      averageW: gpu.averageWatts ?? 0,
    });
    if (bursty) all.push(bursty);
  }
  if (log.clockJumps > 0) all.push(`the log's clock jumped ${log.clockJumps} time(s); the jumps were taken out of the durations`);

  let status: ReportStatus = "measured";
  if (energyKwh === null) status = "not-measured";
  else if (coverage < MIN_COVERAGE_MEASURED || measured.length < gpus.length) status = "partial";

  const startedAt = log.startEpochMs === null ? null : new Date(log.startEpochMs).toISOString();
  const endedAt = log.startEpochMs === null ? null : new Date(log.startEpochMs + log.windowMs).toISOString();
  const facilityEnergyKwh = energyKwh === null ? null : precise(energyKwh * settings.pue);
  const emissions = emissionsKg(energyKwh, settings.pue, settings.carbonIntensity.gramsPerKwh);
  const energyKwhRange = totalRange(gpus);
  const emissionsKgPrecise = emissions === null ? null : precise(emissions);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: "job",
    label: null,
    jobs: [],
    status,
    warnings: all,
    startedAt,
    endedAt,
    durationSeconds: round(log.windowMs / 1000, 3),
    energyKwh,
    energyKwhRange,
    energySource: "sampled",
    sampledEnergyKwh: energyKwh,
    counterEnergyKwh: null,
    energyDisagreementFraction: null,
    facilityEnergyKwh,
    pue: settings.pue,
    pueSource: pueSourceOf(settings),
    emissionsKg: emissionsKgPrecise,
    emissionsKgRange: emissionsRange(energyKwhRange, energyKwh, emissionsKgPrecise),
    coverage,
    carbonIntensity: settings.carbonIntensity,
    embodied: null,
    gpus,
    method: {
      powerField: log.powerField,
      intervalMs: log.intervalMs,
      gapThresholdMs: log.gapMs,
      integration: "trapezoid",
      rules: integrationRules({ gapMs: log.gapMs }),
      scope: SCOPE_NOTE,
      accuracy: ACCURACY_NOTE,
      energyCounter: counterNotRead("the driver's energy counter was not read"),
    },
    quality: {
      malformedLines: log.malformedLines,
      events: log.eventCount,
      eventSamples: log.events,
      clockJumps: log.clockJumps,
      lostRows: log.lostRows,
      restarts: log.restarts,
      stopReason: log.stopReason,
      longestGapSeconds: round(Math.max(0, ...log.gpus.map((gpu) => gpu.longestGapMs)) / 1000, 3),
    },
    powerSeries: {
      bucketSeconds: log.series.bucketSeconds,
      points: log.series.points.map((p) => [round(p.tMs / 1000, 3), round(p.totalW, 2)]),
    },
    ...noBreakdown(),
  };
}

/** A gap this long is worth a warning even when coverage stays high (an outage in a long log). */
const LONG_GAP_MS = 5 * 60_000;

/** A report for a job where nothing could be measured (no GPU, no driver, no nvidia-smi). */
export function notMeasuredReport(
  settings: ReportSettings,
  warnings: string[],
  window: { startEpochMs: number | null; durationMs: number; intervalMs: number; gapMs: number },
): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: "job",
    label: null,
    jobs: [],
    status: "not-measured",
    warnings,
    startedAt: window.startEpochMs === null ? null : new Date(window.startEpochMs).toISOString(),
    endedAt: window.startEpochMs === null ? null : new Date(window.startEpochMs + window.durationMs).toISOString(),
    durationSeconds: round(window.durationMs / 1000, 3),
    energyKwh: null,
    energyKwhRange: null,
    energySource: "sampled",
    sampledEnergyKwh: null,
    counterEnergyKwh: null,
    energyDisagreementFraction: null,
    facilityEnergyKwh: null,
    pue: settings.pue,
    pueSource: pueSourceOf(settings),
    emissionsKg: null,
    emissionsKgRange: null,
    coverage: 0,
    carbonIntensity: settings.carbonIntensity,
    embodied: null,
    gpus: [],
    method: {
      powerField: null,
      intervalMs: window.intervalMs,
      gapThresholdMs: window.gapMs,
      integration: "trapezoid",
      rules: integrationRules({ gapMs: window.gapMs }),
      scope: SCOPE_NOTE,
      accuracy: ACCURACY_NOTE,
      energyCounter: counterNotRead("the driver's energy counter was not read"),
    },
    quality: noLogQuality(round(window.durationMs / 1000, 3)),
    powerSeries: { bucketSeconds: 0, points: [] },
    ...noBreakdown(),
  };
}
