/**
 * Turning a session (the sampler's log and what start recorded) into a report: integration,
 * energy per step and phase, the idle baseline, carbon. Shared by `post`, `mode: report` and
 * `gpu-carbon run`. A measurement problem is a warning in the report, never an error.
 */
import path from "node:path";
import { readLogInto } from "../adapters/log-file.js";
import { readSmallFile, type Session } from "../adapters/session-store.js";
import type { CounterSnapshot } from "../core/energy/counter.js";
import { applyEnergyCounter } from "../core/report/energy-source.js";
import { SpanEnergy, outsideEnergyKwh, type Span } from "../core/energy/breakdown.js";
import { idleBaseline } from "../core/energy/idle.js";
import { buildReport, notMeasuredReport, type Report } from "../core/report/report.js";
import { SampleLogReader, gapThresholdMs } from "../core/log/reader.js";
import { STEP_RULES } from "../core/energy/steps.js";
import { resolveIntensity } from "./intensity.js";
import { priceReport } from "./pricing.js";
import { FILE } from "../config/names.js";
import { settingsWarnings, type Settings } from "../config/settings.js";

/** Named stretches of the job to break the energy down over. */
export interface BreakdownSpans {
  /** Workflow steps (Jobs API); `null` when unavailable. */
  steps: Span[] | null;
  /** Phases marked with `mode: mark`. */
  phases: Span[];
}

/**
 * Turns the session's log into a report, with energy per step and phase and the idle baseline.
 * Never throws for a measurement problem.
 */
export async function analyseSession(
  session: Session,
  settings: Settings,
  extraWarnings: string[] = [],
  counterEnd: CounterSnapshot | null = null,
  spans: BreakdownSpans = { steps: null, phases: [] },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Report> {
  const report = await analyseLog(session, settings, extraWarnings, counterEnd, spans);
  return priceReport({ ...report, gpuSelection: session.selection ?? null }, settings, env);
}

async function analyseLog(
  session: Session,
  settings: Settings,
  extraWarnings: string[],
  counterEnd: CounterSnapshot | null,
  spans: BreakdownSpans,
): Promise<Report> {
  const { intensity } = resolveIntensity(settings);
  const reportSettings = { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity };
  const warnings = [...settingsWarnings(settings), ...session.warnings, ...extraWarnings];
  const window = {
    startEpochMs: session.startedEpochMs,
    durationMs: Date.now() - session.startedEpochMs,
    intervalMs: session.intervalMs,
    gapMs: gapThresholdMs(session.intervalMs),
  };
  if (!session.measuring) return notMeasuredReport(reportSettings, warnings, window);

  warnings.push(...samplerDiagnostics(session));
  const stepEnergy = new SpanEnergy(spans.steps ?? [], window.gapMs);
  const phaseEnergy = new SpanEnergy(spans.phases, window.gapMs);
  const reader: SampleLogReader = new SampleLogReader({
    onReading: (tMs, identity, powerW) => {
      const startEpochMs = reader.startEpoch ?? session.startedEpochMs;
      stepEnergy.add(startEpochMs, tMs, identity, powerW);
      phaseEnergy.add(startEpochMs, tMs, identity, powerW);
    },
    onInterrupt: () => {
      stepEnergy.interrupt();
      phaseEnergy.interrupt();
    },
  });
  try {
    await readLogInto(session.samplesPath, reader, { snapshot: true });
  } catch (e) {
    return notMeasuredReport(reportSettings, [...warnings, `the sample log could not be read (${(e as Error).message})`], window);
  }
  const log = reader.finish(window.durationMs);
  if (log.startEpochMs === null) {
    return notMeasuredReport(
      reportSettings,
      [...warnings, "the sampler wrote no samples (it may have been unable to write its log)"],
      window,
    );
  }
  const trouble = log.events.filter((e) => /^(nvidia-smi exited|nvidia-smi could not start|nvidia-smi did not exit|watchdog)/.test(e));
  if (trouble.length > 0)
    warnings.push(
      `nvidia-smi stopped or stalled during the job and was restarted ${log.restarts} time(s) (e.g. "${trouble[0]}"); the time it was down counts as a gap in coverage`,
    );
  if (log.stopReason && log.stopReason !== "signal") warnings.push(`the sampler stopped before the end of the job (${log.stopReason})`);
  if (!log.stopReason) warnings.push("the sampler did not close its log (it was killed); the window ends when post ran");
  const sampled = buildReport(log, reportSettings, session.gpus, warnings);
  const edges = new Map(
    log.gpus.flatMap((gpu) =>
      gpu.uuid !== null && gpu.firstW !== null && gpu.lastW !== null ? [[gpu.uuid, { startW: gpu.firstW, endW: gpu.lastW }] as const] : [],
    ),
  );
  const report = applyEnergyCounter(sampled, session.energyCounterStart ?? null, counterEnd, edges);
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
  const text = readSmallFile(path.join(path.dirname(session.samplesPath), FILE.samplerLog), 1 << 20) ?? "";
  const found = text
    .split("\n")
    .filter((line) => line.startsWith("gpu-carbon sampler: cannot"))
    .map((line) => `the sampler reported: ${line.slice("gpu-carbon sampler: ".length)}`);
  return [...new Set(found)].slice(0, 3);
}
