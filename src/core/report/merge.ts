/**
 * One report for a whole workflow run (`mode: merge`): the reports of its jobs, read back from
 * their `report.json` files, summed into a `run` report. Pure: the caller reads the files.
 *
 * Rules, each a sentence a user can check:
 * - Energy and emissions are the sums of each job's own figures: jobs may run on different grids,
 *   so emissions are never recomputed from the summed energy.
 * - The run's status is the worst of its jobs' (`not-measured` < `partial` < `measured`).
 * - A job without a figure adds nothing to the totals and is still listed.
 * - One physical GPU (same UUID on the same host) measured by two jobs whose windows overlap is
 *   counted once: the job that started earlier keeps it; the later job's share of that GPU's
 *   energy for the overlapping time is left out, assuming its power was even over its window.
 */
import { z } from "zod";
import type { CarbonIntensity } from "../carbon/intensity.js";
import { pueFromNumber } from "../carbon/pue.js";
import {
  SCHEMA_VERSION,
  noBreakdown,
  precise,
  type EnergySource,
  type GpuReport,
  type Report,
  type ReportStatus,
  type RunJobReport,
} from "./report.js";
import { addRanges, scaleRange } from "../energy/range.js";
import { emissionsRange, preciseRange } from "./uncertainty.js";
import { formatDuration, formatEnergy, round } from "../units.js";

/** A file that could not be used as a job's report; the message says why, without the path. */
export class ReportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportFileError";
  }
}

const nullableNumber = z.number().nullable();

/** The fields merging reads; everything else is kept as it is. */
const rangeSchema = z.tuple([z.number(), z.number()]);

const jobReportSchema = z
  .object({
    schemaVersion: z.number().int().min(1),
    kind: z.enum(["job", "run"]).optional(),
    label: z.string().max(500).nullable().optional(),
    status: z.enum(["measured", "partial", "not-measured"]),
    warnings: z.array(z.string()),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    durationSeconds: z.number().min(0),
    energyKwh: nullableNumber,
    energyKwhRange: rangeSchema.nullable().optional(),
    energySource: z.enum(["counter", "sampled"]).optional(),
    sampledEnergyKwh: nullableNumber.optional(),
    counterEnergyKwh: nullableNumber.optional(),
    facilityEnergyKwh: nullableNumber.optional(),
    pue: z.number(),
    emissionsKg: nullableNumber,
    coverage: z.number().min(0).max(1),
    carbonIntensity: z.object({ gramsPerKwh: z.number(), source: z.string() }).passthrough(),
    gpus: z.array(
      z
        .object({
          uuid: z.string().nullable(),
          name: z.string().nullable(),
          energyKwh: nullableNumber,
          energyKwhRange: rangeSchema.nullable().optional(),
          host: z.string().nullable().optional(),
        })
        .passthrough(),
    ),
  })
  .passthrough();

/**
 * Parses one job's `report.json`. Throws `ReportFileError` when it is not JSON, not a gpu-carbon
 * report, of a newer schema than this version reads, or already a merged run. Reports of schema 1
 * (before `kind`, `label` and `host`) are read as jobs without a label or host.
 */
export function parseJobReport(text: string): Report {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ReportFileError(`not JSON (${(e as Error).message})`);
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && Number.isInteger(version) && version > SCHEMA_VERSION) {
    throw new ReportFileError(`written by a newer gpu-carbon (report schema ${version}; this version reads up to ${SCHEMA_VERSION})`);
  }
  const result = jobReportSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ReportFileError(`not a gpu-carbon report (${issue?.path.join(".") || "root"}: ${issue?.message})`);
  }
  const parsed = result.data;
  if (parsed.kind === "run") throw new ReportFileError("already a merged run report; merge the jobs' own reports");
  const raw = parsed as unknown as Report;
  return {
    ...raw,
    schemaVersion: SCHEMA_VERSION,
    kind: "job",
    label: parsed.label ?? null,
    jobs: [],
    energySource: parsed.energySource ?? "sampled",
    gpus: raw.gpus.map((gpu) => ({ ...gpu, host: gpu.host ?? null })),
  };
}

/** A job's report and where it was read from. */
export interface JobReportInput {
  /** The file, as the warnings name it. */
  source: string;
  /** Label when the report names none (the artifact's folder). */
  fallbackLabel: string;
  report: Report;
}

/** The merged report and what the merge itself found (overlapping GPUs). */
export interface MergeResult {
  report: Report;
  /** Warnings of the merge (not of the jobs); also in `report.warnings`. */
  warnings: string[];
}

const STATUS_RANK: Record<ReportStatus, number> = { "not-measured": 0, partial: 1, measured: 2 };

/** The worst of `statuses`: `not-measured` < `partial` < `measured`; `not-measured` for none. */
export function worstStatus(statuses: ReportStatus[]): ReportStatus {
  if (statuses.length === 0) return "not-measured";
  return statuses.reduce((worst, s) => (STATUS_RANK[s] < STATUS_RANK[worst] ? s : worst));
}

function epochMs(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

interface Claim {
  label: string;
  startMs: number;
  endMs: number;
}

interface JobWork {
  input: JobReportInput;
  label: string;
  startMs: number | null;
  endMs: number | null;
  /** kWh of each GPU (by position) left out as another job's. */
  removedKwh: number[];
}

function gpuKey(gpu: GpuReport): string | null {
  return gpu.uuid === null ? null : `${gpu.host ?? ""}\u0000${gpu.uuid}`;
}

/**
 * Finds GPUs two jobs measured at the same time; fills each job's `removedKwh` and returns one
 * warning per overlap. Jobs are visited in start order, so the earlier one keeps the GPU.
 */
function removeOverlaps(work: JobWork[]): string[] {
  const warnings: string[] = [];
  const claims = new Map<string, Claim[]>();
  const byStart = [...work].sort((a, b) => (a.startMs ?? Infinity) - (b.startMs ?? Infinity));
  for (const job of byStart) {
    const { startMs, endMs } = job;
    job.input.report.gpus.forEach((gpu, i) => {
      const key = gpuKey(gpu);
      if (key === null || startMs === null || endMs === null) return;
      const earlier = claims.get(key) ?? [];
      for (const claim of earlier) {
        const overlapMs = Math.min(endMs, claim.endMs) - Math.max(startMs, claim.startMs);
        if (overlapMs <= 0 || gpu.energyKwh === null) continue;
        const windowMs = Math.max(endMs - startMs, 1);
        const already = job.removedKwh[i] ?? 0;
        const removed = Math.min(gpu.energyKwh - already, (gpu.energyKwh * Math.min(overlapMs, windowMs)) / windowMs);
        job.removedKwh[i] = already + removed;
        const host = gpu.host ? ` on ${gpu.host}` : "";
        warnings.push(
          `${gpu.uuid}${host} was measured by both '${claim.label}' and '${job.label}' for ${formatDuration(overlapMs / 1000)} at the same time: it is counted once, in '${claim.label}' (${formatEnergy(removed)} of '${job.label}' is left out of the total)`,
        );
      }
      claims.set(key, [...earlier, { label: job.label, startMs, endMs }]);
    });
  }
  return warnings;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The sum of `values`, `null` when any is `null` or there are none. */
function sumAll(values: (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return sum(values as number[]);
}

function jobEntry(job: JobWork): RunJobReport {
  const r = job.input.report;
  const removed = sum(job.removedKwh.map((v) => v ?? 0));
  const counted = r.energyKwh === null ? null : Math.max(0, r.energyKwh - removed);
  const share = r.energyKwh !== null && r.energyKwh > 0 && counted !== null ? counted / r.energyKwh : 1;
  return {
    label: job.label,
    source: job.input.source,
    status: r.status,
    energyKwh: r.energyKwh,
    energyKwhRange: r.energyKwhRange ?? null,
    emissionsKg: r.emissionsKg,
    countedEnergyKwh: counted === null ? null : precise(counted),
    countedEmissionsKg: r.emissionsKg === null ? null : precise(r.emissionsKg * share),
    durationSeconds: r.durationSeconds,
    coverage: r.coverage,
    energySource: r.energySource,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    gpus: r.gpus.map((gpu) => ({ uuid: gpu.uuid, name: gpu.name, host: gpu.host, energyKwh: gpu.energyKwh })),
    hosts: [...new Set(r.gpus.flatMap((gpu) => (gpu.host ? [gpu.host] : [])))].sort(),
  };
}

/** The share of a job's figures that counts in the run (1 unless a GPU was another job's). */
function countedShare(entry: RunJobReport): number {
  if (entry.energyKwh === null || entry.countedEnergyKwh === null || entry.energyKwh <= 0) return 1;
  return entry.countedEnergyKwh / entry.energyKwh;
}

function runIntensity(reports: Report[], emissionsKg: number | null, facilityKwh: number | null): CarbonIntensity {
  const first = reports[0]!.carbonIntensity;
  const same = reports.every((r) => r.carbonIntensity.gramsPerKwh === first.gramsPerKwh && r.carbonIntensity.source === first.source);
  if (same) return first;
  const gramsPerKwh = emissionsKg !== null && facilityKwh !== null && facilityKwh > 0 ? round((emissionsKg * 1000) / facilityKwh, 2) : 0;
  return {
    ...first,
    gramsPerKwh,
    source: "energy-weighted over the run's jobs, each at its own grid's intensity",
    location: null,
    zone: null,
    hourly: null,
  };
}

function runEnergySource(entries: RunJobReport[]): EnergySource {
  const measured = entries.filter((e) => e.energyKwh !== null);
  return measured.length > 0 && measured.every((e) => e.energySource === "counter") ? "counter" : "sampled";
}

/**
 * Merges the reports of a run's jobs into one `run` report labelled `label`. `extraWarnings`
 * (files that could not be read) come first in its warnings.
 */
export function mergeReports(inputs: JobReportInput[], label: string, extraWarnings: string[] = []): MergeResult {
  const work: JobWork[] = inputs
    .map((input) => ({
      input,
      label: input.report.label ?? input.fallbackLabel,
      startMs: epochMs(input.report.startedAt),
      endMs: epochMs(input.report.endedAt),
      removedKwh: input.report.gpus.map(() => 0),
    }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.input.source < b.input.source ? -1 : 1));
  const overlapWarnings = removeOverlaps(work);
  const jobs = work.map(jobEntry);
  const reports = work.map((w) => w.input.report);
  const measured = jobs.filter((j) => j.countedEnergyKwh !== null);
  const energyKwh = measured.length === 0 ? null : precise(sum(measured.map((j) => j.countedEnergyKwh!)));
  const emissions = measured.length === 0 ? null : sumAll(measured.map((j) => j.countedEmissionsKg));
  const withShare = (value: (r: Report) => number | null | undefined) =>
    work.flatMap((w, i) => {
      const r = w.input.report;
      if (r.energyKwh === null) return [];
      const v = value(r);
      return [v === null || v === undefined ? null : v * countedShare(jobs[i]!)];
    });
  const facilityKwh = measured.length === 0 ? null : sumAll(withShare((r) => r.facilityEnergyKwh));
  const sampledKwh = measured.length === 0 ? null : sumAll(withShare((r) => r.sampledEnergyKwh));
  const counterKwh = measured.length === 0 ? null : sumAll(withShare((r) => r.counterEnergyKwh));

  const starts = work.flatMap((w) => (w.startMs === null ? [] : [w.startMs]));
  const ends = work.flatMap((w) => (w.endMs === null ? [] : [w.endMs]));
  const startMs = starts.length > 0 ? Math.min(...starts) : null;
  const endMs = ends.length > 0 ? Math.max(...ends) : null;
  const durationSeconds =
    startMs !== null && endMs !== null ? round((endMs - startMs) / 1000, 3) : Math.max(0, ...jobs.map((j) => j.durationSeconds));

  // Coverage of the run: the mean over every measured GPU, as for one job.
  const gpuCounts = work.map((w) => w.input.report.gpus.filter((g) => g.energyKwh !== null).length);
  const coveredGpus = sum(jobs.map((j, i) => (j.energyKwh === null ? 0 : gpuCounts[i]!)));
  const coverage =
    coveredGpus === 0 ? 0 : round(sum(jobs.map((j, i) => (j.energyKwh === null ? 0 : j.coverage * gpuCounts[i]!))) / coveredGpus, 4);

  const unmeasured = jobs.filter((j) => j.energyKwh === null).map((j) => `'${j.label}' measured no energy: it adds nothing to the total`);
  const jobWarnings = jobs.flatMap((j, i) =>
    j.status === "measured" ? [] : reports[i]!.warnings.slice(0, 5).map((w) => `'${j.label}': ${w}`),
  );
  const warnings = [...extraWarnings, ...overlapWarnings, ...unmeasured, ...jobWarnings];
  if (inputs.length === 0) warnings.push("no job report could be read, so the run has no figures");

  const first = reports.find((r) => r.energyKwh !== null) ?? reports[0];
  const pue = energyKwh !== null && energyKwh > 0 && facilityKwh !== null ? round(facilityKwh / energyKwh, 4) : (first?.pue ?? 1);
  const samePue =
    reports.length > 0 && reports.every((r) => r.pueSource.source === reports[0]!.pueSource.source && r.pue === reports[0]!.pue);
  // A GPU's range shrinks with the share of its energy that counts (none of it when another job had it).
  const gpus = work.flatMap((w) =>
    w.input.report.gpus.map((gpu, i) => {
      const energyKwh = gpu.energyKwh === null ? null : precise(Math.max(0, gpu.energyKwh - (w.removedKwh[i] ?? 0)));
      const share = gpu.energyKwh !== null && gpu.energyKwh > 0 && energyKwh !== null ? energyKwh / gpu.energyKwh : 1;
      const range = gpu.energyKwhRange ?? null;
      return { ...gpu, energyKwh, energyKwhRange: range === null ? null : preciseRange(scaleRange(range, share)) };
    }),
  );
  // The run's range: each measured job's range, scaled to the share of it that counts, added (their
  // errors may move together); unknown when a measured job's report gave none (written before ranges).
  const jobRanges = measured.map((j) => (j.energyKwhRange === null ? null : scaleRange(j.energyKwhRange, countedShare(j))));
  const rangeSum = energyKwh === null ? null : addRanges(jobRanges);
  const energyKwhRange = rangeSum === null ? null : preciseRange(rangeSum);
  const disagreement =
    sampledKwh !== null && counterKwh !== null && counterKwh > 0 ? round((sampledKwh - counterKwh) / counterKwh, 4) : null;
  const intensity = first ? runIntensity(reports, emissions, facilityKwh) : null;

  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    kind: "run",
    label,
    jobs,
    status: worstStatus(jobs.map((j) => j.status)),
    warnings,
    startedAt: startMs === null ? null : new Date(startMs).toISOString(),
    endedAt: endMs === null ? null : new Date(endMs).toISOString(),
    durationSeconds,
    energyKwh,
    energyKwhRange,
    energySource: runEnergySource(jobs),
    sampledEnergyKwh: sampledKwh === null ? null : precise(sampledKwh),
    counterEnergyKwh: counterKwh === null ? null : precise(counterKwh),
    energyDisagreementFraction: disagreement,
    facilityEnergyKwh: facilityKwh === null ? null : precise(facilityKwh),
    pue,
    pueSource: first && samePue ? first.pueSource : pueFromNumber(pue, "energy-weighted over the run's jobs"),
    emissionsKg: emissions === null ? null : precise(emissions),
    emissionsKgRange: emissionsRange(energyKwhRange, energyKwh, emissions === null ? null : precise(emissions)),
    coverage,
    carbonIntensity: intensity ?? {
      gramsPerKwh: 0,
      source: "no job report",
      resolvedBy: "input",
      year: null,
      basis: null,
      location: null,
      zone: null,
      attribution: null,
      hourly: null,
    },
    embodied: null,
    gpus,
    method: first?.method ?? emptyMethod(),
    quality: {
      malformedLines: sum(reports.map((r) => r.quality?.malformedLines ?? 0)),
      events: sum(reports.map((r) => r.quality?.events ?? 0)),
      eventSamples: reports.flatMap((r) => r.quality?.eventSamples ?? []).slice(0, 5),
      clockJumps: sum(reports.map((r) => r.quality?.clockJumps ?? 0)),
      lostRows: sum(reports.map((r) => r.quality?.lostRows ?? 0)),
      restarts: sum(reports.map((r) => r.quality?.restarts ?? 0)),
      stopReason: null,
      longestGapSeconds: Math.max(0, ...reports.map((r) => r.quality?.longestGapSeconds ?? 0)),
    },
    powerSeries: { bucketSeconds: 0, points: [] },
    ...noBreakdown(),
  };
  return { report, warnings: [...extraWarnings, ...overlapWarnings] };
}

function emptyMethod(): Report["method"] {
  return {
    powerField: null,
    intervalMs: 0,
    gapThresholdMs: 0,
    integration: "trapezoid",
    rules: [],
    scope: "",
    accuracy: "",
    energyCounter: { status: "unavailable", reason: "no job report", toleranceFraction: 0, windowSeconds: null },
  };
}
