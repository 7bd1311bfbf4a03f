/**
 * Turning a session (the sampler's log and what start recorded) into a report: integration,
 * energy per step and phase, the idle baseline, carbon. Shared by `post`, `mode: report` and
 * `gpu-carbon run`. A measurement problem is a warning in the report, never an error.
 */
import path from "node:path";
import { readLogInto } from "../adapters/log-file.js";
import { readRegularFile } from "../adapters/safe-file.js";
import { readSelector } from "../adapters/selector-file.js";
import { workDir, type Session } from "../adapters/session-store.js";
import { networkDeadline } from "../adapters/deadlines.js";
import type { CounterSnapshot } from "../core/energy/counter.js";
import { applyEnergyCounter } from "../core/report/energy-source.js";
import { SpanEnergy, outsideEnergyKwh, type Span } from "../core/energy/breakdown.js";
import { idleBaseline } from "../core/energy/idle.js";
import { buildReport, notMeasuredReport, type Report } from "../core/report/report.js";
import { SampleLogReader, gapThresholdMs, type LogProblem, type LogResult } from "../core/log/reader.js";
import { STEP_RULES } from "../core/energy/steps.js";
import { diagnosedProblems, isRestartEvent } from "../core/log/format.js";
import type { TimeZoneSource } from "../core/log/plain-clock.js";
import type { GpuIdentity } from "../core/gpu.js";
import { resolveIntensity } from "./intensity.js";
import { priceReport } from "./pricing.js";
import { withWork } from "./work.js";
import { FILE } from "../config/names.js";
import { settingsWarnings, type Settings } from "../config/settings.js";
import { errorMessage } from "../core/errors.js";

/** Named stretches of the job to break the energy down over. */
export interface BreakdownSpans {
  /** Workflow steps (Jobs API); `null` when unavailable. */
  steps: Span[] | null;
  /** Phases marked with `mode: mark`. */
  phases: Span[];
}

/** What to analyse, and with what. */
export interface AnalyseOptions {
  /** What start recorded; `null` when the measurement never started (no session was recorded). */
  session: Session | null;
  settings: Settings;
  /** The environment of the live grid services (their addresses, in tests). */
  env: NodeJS.ProcessEnv;
  /** Problems found while stopping the sampler, for the report's warnings. */
  stopWarnings?: string[];
  /** The driver's energy counters read when the window closed; `null` when not read. */
  counterEnd?: CounterSnapshot | null;
  /** Steps and phases to break the energy down over (none by default). */
  spans?: BreakdownSpans;
  /** The file the job's steps count their work in (GPU_CARBON_WORK_FILE); none by default. */
  workFile?: string | null;
  /** When the window closes, ms since the epoch (default: now). */
  endEpochMs?: number;
  /** The window closes now (post): with `source: prometheus`, wait (bounded) for its last scrape. */
  windowJustEnded?: boolean;
  /** Why there is no session, when known (a failed claim, an unreadable session file). */
  notStartedReason?: string | null;
}

/**
 * The final report of a session, built here and only here: the log integrated (energy per GPU,
 * per step and phase, the idle baseline), the driver's counter applied, the GPU selection, the
 * carbon priced (live grid data, embodied), the work units. Never throws for a measurement
 * problem: it becomes a warning and an honest report.
 */
export async function analyseSession(options: AnalyseOptions): Promise<Report> {
  const { session, settings } = options;
  let report: Report;
  if (!session) {
    const { intensity } = resolveIntensity(settings);
    report = notMeasuredReport(
      { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity },
      [`the measurement never started (${options.notStartedReason || "no session was recorded"})`],
      { startEpochMs: null, durationMs: 0, intervalMs: settings.intervalMs, gapMs: gapThresholdMs(settings.intervalMs) },
    );
  } else if (session.source === "prometheus") {
    // Read back from Prometheus, with the last selector the job gave (loaded only for such a job).
    const { prometheusReport } = await import("./prometheus-report.js");
    const dir = workDir(options.env);
    report = await prometheusReport({
      settings,
      selector: (dir === null ? null : readSelector(dir)) ?? settings.prometheusSelector,
      window: { startEpochMs: session.startedEpochMs, endEpochMs: options.endEpochMs ?? Date.now() },
      waitForLastScrape: options.windowJustEnded === true,
      // Inside post's one network deadline, with the Jobs API, history and comment after it.
      deadlineEpochMs: networkDeadline(options.env).atEpochMs,
      spans: options.spans,
      warnings: [...session.warnings, ...(options.stopWarnings ?? [])],
      env: options.env,
    });
  } else {
    const measured = await analyseLog(session, options);
    report = await priceReport({ ...measured, gpuSelection: session.selection ?? null }, settings, options.env);
  }
  return options.workFile ? withWork(report, options.workFile) : report;
}

/** What `gpu-carbon report` reads: a log file (the sampler's or nvidia-smi's own), priced. */
export interface LogFileOptions {
  file: string;
  settings: Settings;
  env: NodeJS.ProcessEnv;
  /** The log's sampling interval, ms, when given (else inferred from the log). */
  intervalMs?: number;
  /** IANA zone of a plain log's timestamps, for its DST changes (`null`: none are assumed). */
  timeZone?: TimeZoneSource;
  /** The columns of a plain log written without its header, in order. */
  columns?: string[];
}

/** A file that cannot be read as a power log at all (see `LogProblem`). */
export class UnreadableLog extends Error {
  constructor(readonly problem: LogProblem) {
    super(`not a power log (${problem})`);
  }
}

/** The report of a log file; throws when the file cannot be read. */
export async function analyseLogFile(options: LogFileOptions): Promise<Report> {
  const { settings } = options;
  const reader = new SampleLogReader({
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    timeZone: options.timeZone ?? null,
    columns: options.columns,
  });
  await readLogInto(options.file, reader);
  const log = reader.finish();
  if (log.problem) throw new UnreadableLog(log.problem);
  const unusable = unusableLog(options.file, log);
  if (unusable) throw new UnusableLogError(unusable);
  const { intensity } = resolveIntensity(settings);
  const report = buildReport(
    log,
    { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity },
    [],
    settingsWarnings(settings),
  );
  return priceReport(report, settings, options.env);
}

/** A file that was read whole but is no log to report on (not nvidia-smi's, or without power). */
export class UnusableLogError extends Error {}

/** Why a log that has its header cannot be reported on, or null when it can (see `LogProblem` for the rest). */
export function unusableLog(file: string, log: LogResult): string | null {
  if (log.columns !== null && log.powerField === null)
    return `${file} has no power column (its columns: ${log.columns.join(", ")}). Add power.draw to nvidia-smi's --query-gpu list.`;
  return null;
}

async function analyseLog(session: Session, options: AnalyseOptions): Promise<Report> {
  const { settings, spans = { steps: null, phases: [] } } = options;
  const { intensity } = resolveIntensity(settings);
  const reportSettings = { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity };
  const warnings = [...settingsWarnings(settings), ...session.warnings, ...(options.stopWarnings ?? [])];
  const window = {
    startEpochMs: session.startedEpochMs,
    durationMs: (options.endEpochMs ?? Date.now()) - session.startedEpochMs,
    intervalMs: session.intervalMs,
    gapMs: gapThresholdMs(session.intervalMs),
  };
  if (!session.measuring) return notMeasuredReport(reportSettings, warnings, window);

  const diagnostics = samplerDiagnostics(session);
  warnings.push(...diagnostics);
  const writesFailed = diagnostics.some((d) => d.includes("cannot write samples"));
  const stepEnergy = new SpanEnergy(spans.steps ?? [], window.gapMs);
  const phaseEnergy = new SpanEnergy(spans.phases, window.gapMs);
  // Every reading goes to the steps and phases, when there are any: a month's rollups stand for
  // tens of millions of readings, not worth making for nobody.
  const spansToFill = stepEnergy.spans.length + phaseEnergy.spans.length > 0;
  const reader: SampleLogReader = new SampleLogReader({
    ...(spansToFill && {
      onReading: (tMs: number, identity: GpuIdentity, powerW: number | null) => {
        const startEpochMs = reader.startEpoch ?? session.startedEpochMs;
        stepEnergy.add(startEpochMs, tMs, identity, powerW);
        phaseEnergy.add(startEpochMs, tMs, identity, powerW);
      },
    }),
    onInterrupt: () => {
      stepEnergy.interrupt();
      phaseEnergy.interrupt();
    },
  });
  try {
    await readLogInto(session.samplesPath, reader, { snapshot: true });
  } catch (e) {
    return notMeasuredReport(reportSettings, [...warnings, `the sample log could not be read (${errorMessage(e)})`], window);
  }
  const log = reader.finish(window.durationMs);
  if (log.startEpochMs === null) {
    return notMeasuredReport(
      reportSettings,
      [...warnings, "the sampler wrote no samples (it may have been unable to write its log)"],
      window,
    );
  }
  const trouble = log.events.filter(isRestartEvent);
  if (trouble.length > 0)
    warnings.push(
      `nvidia-smi stopped or stalled during the job and was restarted ${log.restarts} time(s) (e.g. "${trouble[0]}"); the time it was down counts as a gap in coverage`,
    );
  if (log.stopReason && log.stopReason !== "signal") warnings.push(`the sampler stopped before the end of the job (${log.stopReason})`);
  const lost = log.events.filter((e) => /could not be written .* and are lost/.test(e));
  if (lost.length > 0)
    warnings.push(`some samples could not be written and are lost ("${lost[0]}"); that time counts as a gap in coverage`);
  if (!log.stopReason)
    warnings.push(
      writesFailed
        ? "the sample log has no end record: the sampler's last writes failed (see above); the window ends when post ran"
        : "the sampler did not close its log (it was killed); the window ends when post ran",
    );
  const sampled = buildReport(log, reportSettings, session.gpus, warnings);
  const edges = new Map(
    log.gpus.flatMap((gpu) =>
      gpu.uuid !== null && gpu.firstW !== null && gpu.lastW !== null ? [[gpu.uuid, { startW: gpu.firstW, endW: gpu.lastW }] as const] : [],
    ),
  );
  const report = applyEnergyCounter(sampled, session.energyCounterStart ?? null, options.counterEnd ?? null, edges, log.counterTrails);
  // Steps and phases are cut from the sampled power curve: their shares are of the sampled total.
  const sampledKwh = sampled.energyKwh;
  const gpuCount = log.gpus.filter((gpu) => gpu.energyJ !== null).length;
  const steps = stepEnergy.rows(log.windowMs, sampledKwh, gpuCount);
  return {
    ...report,
    steps,
    outsideStepsEnergyKwh: spans.steps === null ? null : outsideEnergyKwh(steps, sampledKwh),
    stepRules: spans.steps === null ? [] : STEP_RULES,
    phases: phaseEnergy.rows(log.windowMs, sampledKwh, gpuCount),
    idle: idleBaseline(log.gpus, session.gpus),
  };
}

/**
 * Problems the sampler wrote to its own log (`sampler.log` beside the samples), such as a full
 * disk, which the sample log itself cannot record.
 */
function samplerDiagnostics(session: Session): string[] {
  const read = readRegularFile(path.join(path.dirname(session.samplesPath), FILE.samplerLog), 1 << 20);
  if (!read.ok) return read.missing ? [] : [`the sampler's own log was not read: ${read.reason}`];
  const text = read.text;
  const found = diagnosedProblems(text).map((problem) => `the sampler reported: ${problem}`);
  return [...new Set(found)].slice(0, 3);
}
