/**
 * The report of a job whose GPUs were read through Prometheus from NVIDIA's DCGM exporter. Pure:
 * built from the series the queries returned, the window and the settings.
 *
 * Per physical GPU (MIG duplicates collapsed, see `dcgm.ts`), energy comes from the energy
 * counter when the GPU has one (`dcgm-counter`, see `counter-energy.ts`), else from its power
 * readings by the trapezoid rule (`dcgm-power`, the same rules as the local sampler). The
 * power readings also give the chart, the steps and the phases.
 */
import { outsideEnergyKwh, SpanEnergy, type Span } from "../energy/breakdown.js";
import { emissionsKg } from "../carbon/intensity.js";
import { SENSOR_ACCURACY_FRACTION } from "../energy/counter.js";
import { relativeRange, scaleRange, sensorFraction, type Range } from "../energy/range.js";
import { sensorProfile } from "../energy/sensor.js";
import { emissionsRange, totalRange } from "../report/uncertainty.js";
import { gpuIdentity, type GpuIdentity } from "../gpu.js";
import { EnergyIntegrator, gapThresholdMs, integrationRules, type GpuEnergy } from "../integrator.js";
import { PowerSeriesBuilder } from "../log/power-series.js";
import { pueFromNumber } from "../carbon/pue.js";
import {
  ACCURACY_NOTE,
  MIN_COVERAGE_MEASURED,
  noBreakdown,
  noLogQuality,
  precise,
  SCHEMA_VERSION,
  type EnergySource,
  type GpuReport,
  type MigShare,
  type PrometheusMethod,
  type Report,
  type ReportSettings,
  type ReportStatus,
} from "../report/report.js";
import { STEP_RULES } from "../energy/steps.js";
import { joulesToKwh, round } from "../units.js";
import { counterEnergy, type EpochWindow } from "./counter-energy.js";
import { boardOf, groupByBoard, migInstanceOf, profileShare, scrapeIntervalMs, type BoardSeries, type PromSeries } from "./dcgm.js";
import { windowReadings } from "./power-readings.js";
import { gpuOnHost } from "./describe.js";

/** What the queries returned for one window. */
export interface DcgmReadings {
  window: EpochWindow;
  /** `DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION` samples of the selected series (mJ). */
  counter: PromSeries[];
  /** `DCGM_FI_DEV_POWER_USAGE` samples of the selected series (W). */
  power: PromSeries[];
  /**
   * Mean `DCGM_FI_PROF_GR_ENGINE_ACTIVE` over the window of every MIG instance on the boards
   * where the selector matched only some instances (one sample per series); empty when absent.
   */
  grActive: PromSeries[];
  /** A series per MIG instance on those boards, whoever they belong to (to tell whether the job has them all). */
  boardInstances: PromSeries[];
  /** Where they came from, for the method section. */
  source: Omit<PrometheusMethod, "scrapeIntervalSeconds">;
}

/** Named stretches of the job to break the energy down over. */
export interface DcgmSpans {
  /** Workflow steps; `null` when unavailable. */
  steps: Span[] | null;
  phases: Span[];
}

/** Scrape interval assumed when the samples cannot tell (DCGM's default collection interval). */
const DEFAULT_SCRAPE_MS = 30_000;

export const DCGM_SCOPE_NOTE =
  "GPU board energy as NVIDIA's DCGM exporter reports it (the driver's counter or its power readings): no CPU, host memory, networking or cooling, except as PUE accounts for the facility overhead";

/** The rules of this method in words, for the report. */
export function dcgmRules(gapMs: number): string[] {
  return [
    "each physical GPU is counted once: MIG instance series repeat their board's power and energy, so one series per board (by UUID) is read",
    "energy per GPU is the increase of DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION between samples (exact, gaps included); across a counter reset the value after it plus the power readings' estimate of the time before it",
    "a scrape interval that straddles a window edge is split in proportion to time; its range assumes the power in it lay between its average and the readings at its ends",
    "a GPU without an energy counter series is integrated from DCGM_FI_DEV_POWER_USAGE by the trapezoid rule over its samples, with readings interpolated at the window edges",
    "where a job has only some MIG instances of a board, the board's energy is shared by the instances' mean DCGM_FI_PROF_GR_ENGINE_ACTIVE, or by their compute slices when that metric is missing",
    "the energy range adds the board sensor's +/-5 % to what the window edges, counter resets and gaps leave open",
    ...integrationRules({ gapMs }).slice(1),
  ];
}

/** One GPU's figures before they become a report row. */
interface GpuFigures {
  board: BoardSeries["board"];
  share: MigShare | null;
  source: EnergySource | null;
  energyJ: number | null;
  rangeJ: [number, number] | null;
  counterJ: number | null;
  sampledJ: number | null;
  coverage: number;
  samples: number;
  peakW: number | null;
  averageW: number | null;
  resets: number;
  longestGapMs: number;
}

/** The share of a board a job is given when it has only some of its MIG instances. */
function migShare(board: BoardSeries, grActive: PromSeries[], boardInstances: PromSeries[]): MigShare | null {
  if (board.instances.length === 0) return null;
  const onBoard = grActive.filter((series) => boardOf(series.labels).key === board.board.key);
  const everyInstance = new Set(
    [...onBoard, ...boardInstances.filter((series) => boardOf(series.labels).key === board.board.key)].flatMap(
      (series) => migInstanceOf(series.labels)?.id ?? [],
    ),
  );
  const mineIds = new Set(board.instances.map((i) => i.id));
  // The job has every instance of the board: the whole board is its.
  if ([...everyInstance].every((id) => mineIds.has(id))) return null;
  const names = board.instances.map((i) => (i.profile ? `${i.id}/${i.profile}` : i.id));
  const activity = new Map<string, number>();
  for (const series of onBoard) {
    const instance = migInstanceOf(series.labels);
    const value = series.samples.at(-1)?.[1];
    if (instance && value !== undefined && Number.isFinite(value)) activity.set(instance.id, value);
  }
  const total = [...activity.values()].reduce((sum, v) => sum + v, 0);
  const mine = board.instances.reduce((sum, i) => sum + (activity.get(i.id) ?? 0), 0);
  if (total > 0 && board.instances.every((i) => activity.has(i.id))) {
    return {
      instances: names,
      share: round(mine / total, 6),
      basis: `by the mean graphics-engine activity (DCGM_FI_PROF_GR_ENGINE_ACTIVE) of its ${activity.size} MIG instance(s) over the window`,
    };
  }
  const slices = profileShare(board.instances);
  if (slices !== null)
    return { instances: names, share: round(slices, 6), basis: "by compute slices of 7 (no DCGM_FI_PROF_GR_ENGINE_ACTIVE for the window)" };
  return { instances: names, share: 1, basis: "the whole board: neither the engine activity nor the instance profiles tell the share" };
}

function longestGap(samples: [number, number][], window: EpochWindow): number {
  let longest = 0;
  let previous = window.startEpochMs;
  for (const [t] of samples)
    if (t > window.startEpochMs && t < window.endEpochMs) {
      longest = Math.max(longest, t - previous);
      previous = t;
    }
  return Math.max(longest, window.endEpochMs - previous);
}

function kwhRange(rangeJ: [number, number] | null): [number, number] | null {
  return rangeJ === null ? null : [precise(joulesToKwh(rangeJ[0])), precise(joulesToKwh(rangeJ[1]))];
}

/**
 * Calls `visit` with every reading of several lists, each in time order, in time order across
 * them; a tie goes to the list given first (as a stable sort of the lists one after another
 * would). A heap of the lists' next readings: a cluster's hundreds of boards cost a few
 * comparisons a reading, not one per board.
 */
export function mergeInTimeOrder(lists: [number, number][][], visit: (list: number, reading: [number, number]) => void): void {
  const next = new Int32Array(lists.length);
  const heap: number[] = [];
  const timeOf = (list: number) => lists[list]![next[list]!]![0];
  const before = (a: number, b: number) => timeOf(a) < timeOf(b) || (timeOf(a) === timeOf(b) && a < b);
  const swap = (i: number, j: number) => {
    const held = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = held;
  };
  const siftDown = (from: number) => {
    for (let i = from; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
      if (right < heap.length && before(heap[right]!, heap[least]!)) least = right;
      if (least === i) return;
      swap(i, least);
      i = least;
    }
  };
  for (let list = 0; list < lists.length; list += 1) {
    if (lists[list]!.length === 0) continue;
    heap.push(list);
    for (let i = heap.length - 1; i > 0 && before(heap[i]!, heap[(i - 1) >> 1]!); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
  }
  while (heap.length > 0) {
    const list = heap[0]!;
    visit(list, lists[list]![next[list]!]!);
    next[list] = next[list]! + 1;
    if (next[list]! >= lists[list]!.length) {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    siftDown(0);
  }
}

/** Builds the report (see the module comment). `warnings` come first in the report's list. */
export function buildDcgmReport(
  data: DcgmReadings,
  settings: ReportSettings,
  spans: DcgmSpans = { steps: null, phases: [] },
  warnings: string[] = [],
): Report {
  const { window } = data;
  const windowMs = Math.max(0, window.endEpochMs - window.startEpochMs);
  const seenIntervalMs = scrapeIntervalMs([...data.counter, ...data.power]);
  const intervalMs = seenIntervalMs ?? DEFAULT_SCRAPE_MS;
  const gapMs = gapThresholdMs(intervalMs);
  const counters = new Map(groupByBoard(data.counter).map((b) => [b.board.key, b]));
  const powers = new Map(groupByBoard(data.power).map((b) => [b.board.key, b]));
  const boards = groupByBoard([...data.counter, ...data.power].map((s) => ({ labels: s.labels, samples: [] })));

  const integrator = new EnergyIntegrator({ gapMs });
  const series = new PowerSeriesBuilder(0, intervalMs);
  const stepEnergy = new SpanEnergy(spans.steps ?? [], gapMs);
  const phaseEnergy = new SpanEnergy(spans.phases, gapMs);
  const shares = new Map<string, MigShare | null>();
  const edgeJ = new Map<string, [number, number]>();
  /** Each board's readings in the window, in time order, fed below in time order across boards. */
  const feeds: { identity: GpuIdentity; readings: [number, number][]; factor: number }[] = [];
  for (const { board } of boards) {
    const matched = counters.get(board.key) ?? powers.get(board.key)!;
    const share = migShare(matched, data.grActive, data.boardInstances);
    shares.set(board.key, share);
    const factor = share?.share ?? 1;
    const cut = windowReadings(powers.get(board.key)?.series.samples ?? [], window, gapMs);
    edgeJ.set(board.key, [cut.edgeLowJ * factor, cut.edgeHighJ * factor]);
    const identity = gpuIdentity(board.key, null);
    integrator.state(identity);
    feeds.push({ identity, readings: cut.readings, factor });
  }
  // Merged in time order (a tie goes to the board listed first); no list of every reading is made.
  mergeInTimeOrder(
    feeds.map((feed) => feed.readings),
    (at, [tEpochMs, rawW]) => {
      const feed = feeds[at]!;
      const tMs = tEpochMs - window.startEpochMs;
      const powerW = rawW * feed.factor;
      integrator.add(tMs, feed.identity, powerW);
      series.add(tMs, feed.identity.key, powerW);
      stepEnergy.add(window.startEpochMs, tMs, feed.identity, powerW);
      phaseEnergy.add(window.startEpochMs, tMs, feed.identity, powerW);
    },
  );
  const sampled = new Map<string, GpuEnergy>(integrator.finish(0, windowMs).map((gpu) => [gpu.key, gpu]));

  const figures: GpuFigures[] = boards.map(({ board }) => {
    const share = shares.get(board.key) ?? null;
    const factor = share?.share ?? 1;
    const power = sampled.get(board.key);
    const powerSamples = powers.get(board.key)?.series.samples ?? [];
    const counterSeries = counters.get(board.key);
    const counted = counterSeries ? counterEnergy({ counterMj: counterSeries.series.samples, powerW: powerSamples }, window, gapMs) : null;
    const sampledJ = power?.energyJ ?? null;
    const base = { board, share, counterJ: null, sampledJ, resets: 0, peakW: power?.peakW ?? null };
    if (counted) {
      return {
        ...base,
        source: "dcgm-counter" as const,
        energyJ: counted.energyJ * factor,
        rangeJ: scaleRange(counted.rangeJ, factor),
        counterJ: counted.energyJ * factor,
        coverage: windowMs > 0 ? counted.coveredMs / windowMs : 0,
        samples: counted.samples,
        averageW: counted.coveredMs > 0 ? (counted.energyJ * factor) / (windowMs / 1000) : (power?.averageW ?? null),
        resets: counted.resets,
        longestGapMs: longestGap(counterSeries!.series.samples, window),
      };
    }
    if (sampledJ !== null && power) {
      const [edgeLowJ, edgeHighJ] = edgeJ.get(board.key) ?? [0, 0];
      const uncoveredJ = ((power.peakW ?? 0) * (windowMs - power.coveredMs)) / 1000;
      return {
        ...base,
        source: "dcgm-power" as const,
        energyJ: sampledJ,
        rangeJ: [Math.max(0, sampledJ - edgeLowJ), sampledJ + edgeHighJ + uncoveredJ] as [number, number],
        coverage: power.coverage,
        samples: power.validSamples,
        averageW: power.averageW,
        longestGapMs: power.longestGapMs,
      };
    }
    return { ...base, source: null, energyJ: null, rangeJ: null, coverage: 0, samples: 0, averageW: null, longestGapMs: windowMs };
  });

  const all = [...warnings];
  const measured = figures.filter((f) => f.energyJ !== null);
  if (figures.length === 0) all.push("no GPU series were found for the window");
  for (const f of figures) {
    if (f.energyJ === null)
      all.push(`${gpuOnHost(f.board)} has neither an energy counter nor power samples in the window: it is left out of the total`);
    if (f.resets > 0)
      all.push(
        `${gpuOnHost(f.board)}: the energy counter was reset ${f.resets} time(s) in the window (driver reloaded); the energy across each reset is estimated from the power readings`,
      );
  }
  const energyKwh = measured.length === 0 ? null : precise(joulesToKwh(measured.reduce((sum, f) => sum + f.energyJ!, 0)));
  const coverage = measured.length === 0 ? 0 : round(measured.reduce((sum, f) => sum + f.coverage, 0) / measured.length, 4);
  if (measured.length > 0 && coverage < MIN_COVERAGE_MEASURED)
    all.push(`samples cover ${(coverage * 100).toFixed(1)} % of the window: energy in the gaps is not counted`);
  const sources = new Set(measured.map((f) => f.source!));
  const energySource: EnergySource = sources.size === 1 ? [...sources][0]! : sources.size === 0 ? "dcgm-power" : "mixed";
  const withoutCounter = measured.filter((f) => f.source === "dcgm-power");
  if (withoutCounter.length > 0 && sources.size > 0)
    all.push(
      `${withoutCounter.map((f) => gpuOnHost(f.board)).join(", ")} had no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series: energy integrated from DCGM_FI_DEV_POWER_USAGE`,
    );
  let status: ReportStatus = "measured";
  if (energyKwh === null) status = "not-measured";
  else if (coverage < MIN_COVERAGE_MEASURED || measured.length < figures.length) status = "partial";

  const gpus: GpuReport[] = figures.map((f) => {
    // The edges and gaps bound the figure; the board sensor's error for its family widens both ends,
    // as it does for the local sampler's figures (core/energy/range.ts).
    const profile = sensorProfile(f.board.name);
    const sensor = sensorFraction(profile, f.averageW ?? 0);
    const rangeJ: Range | null = f.rangeJ === null ? null : [relativeRange(f.rangeJ[0], sensor)[0], relativeRange(f.rangeJ[1], sensor)[1]];
    const counterKwh = f.counterJ === null ? null : precise(joulesToKwh(f.counterJ));
    const sampledKwh = f.sampledJ === null ? null : precise(joulesToKwh(f.sampledJ));
    return {
      index: f.board.index,
      uuid: f.board.uuid,
      name: f.board.name,
      host: f.board.host,
      energyKwh: f.energyJ === null ? null : precise(joulesToKwh(f.energyJ)),
      energyKwhRange: kwhRange(rangeJ),
      uncertainty:
        rangeJ === null
          ? null
          : { sensorFamily: profile.family, sensorFraction: round(sensor, 4), samplingFraction: 0, seenFraction: profile.sensedFraction },
      energySource: f.source ?? undefined,
      sampledEnergyKwh: sampledKwh,
      counterEnergyKwh: counterKwh,
      energyDisagreementFraction:
        counterKwh !== null && sampledKwh !== null && counterKwh > 0 ? round((sampledKwh - counterKwh) / counterKwh, 4) : null,
      averageWatts: f.averageW === null ? null : round(f.averageW, 2),
      peakWatts: f.peakW === null ? null : round(f.peakW, 2),
      spreadWatts: null,
      samples: f.samples,
      missingSamples: 0,
      coverage: round(Math.min(1, f.coverage), 4),
      mig: f.share,
    };
  });
  const rangeKwh = energyKwh === null ? null : totalRange(gpus);
  const sampledTotal = figures.some((f) => f.sampledJ !== null)
    ? precise(joulesToKwh(figures.reduce((sum, f) => sum + (f.sampledJ ?? 0), 0)))
    : null;
  const counterTotal =
    measured.length > 0 && measured.every((f) => f.counterJ !== null)
      ? precise(joulesToKwh(measured.reduce((sum, f) => sum + f.counterJ!, 0)))
      : null;
  const emissions = emissionsKg(energyKwh, settings.pue, settings.carbonIntensity.gramsPerKwh);
  const emissionsKgPrecise = emissions === null ? null : precise(emissions);
  const withSamples = figures.filter((f) => f.sampledJ !== null).length;
  const stepRows = stepEnergy.rows(windowMs, sampledTotal, withSamples);
  const built = series.build();
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: "job",
    label: null,
    jobs: [],
    status,
    warnings: all,
    startedAt: new Date(window.startEpochMs).toISOString(),
    endedAt: new Date(window.endEpochMs).toISOString(),
    durationSeconds: round(windowMs / 1000, 3),
    energyKwh,
    energyKwhRange: rangeKwh,
    energySource,
    sampledEnergyKwh: sampledTotal,
    counterEnergyKwh: counterTotal,
    energyDisagreementFraction:
      sampledTotal !== null && counterTotal !== null && counterTotal > 0 ? round((sampledTotal - counterTotal) / counterTotal, 4) : null,
    facilityEnergyKwh: energyKwh === null ? null : precise(energyKwh * settings.pue),
    pue: settings.pue,
    pueSource: settings.pueSource ?? pueFromNumber(settings.pue, "given"),
    emissionsKg: emissionsKgPrecise,
    emissionsKgRange: emissionsRange(rangeKwh, energyKwh, emissionsKgPrecise),
    coverage,
    carbonIntensity: settings.carbonIntensity,
    embodied: null,
    gpus,
    method: {
      powerField: "DCGM_FI_DEV_POWER_USAGE",
      intervalMs,
      gapThresholdMs: gapMs,
      integration: "trapezoid",
      rules: dcgmRules(gapMs),
      scope: DCGM_SCOPE_NOTE,
      accuracy: ACCURACY_NOTE,
      energyCounter: {
        status: sources.has("dcgm-counter") ? (sources.size === 1 ? "used" : "compared") : "unavailable",
        reason: sources.has("dcgm-power") ? "not every GPU has a DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series" : null,
        toleranceFraction: SENSOR_ACCURACY_FRACTION,
        windowSeconds: round(windowMs / 1000, 3),
      },
      prometheus: {
        ...data.source,
        scrapeIntervalSeconds: seenIntervalMs === null ? null : round(intervalMs / 1000, 3),
      },
    },
    quality: noLogQuality(round(Math.max(0, ...figures.map((f) => f.longestGapMs)) / 1000, 3)),
    powerSeries: {
      bucketSeconds: built.bucketSeconds,
      points: built.points.map((p) => [round(p.tMs / 1000, 3), round(p.totalW, 2)]),
    },
    ...noBreakdown(),
    steps: stepRows,
    outsideStepsEnergyKwh: spans.steps === null ? null : outsideEnergyKwh(stepRows, sampledTotal),
    stepRules: spans.steps === null ? [] : STEP_RULES,
    phases: phaseEnergy.rows(windowMs, sampledTotal, withSamples),
  };
}
