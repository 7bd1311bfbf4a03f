/**
 * Finishing the measurement in `post`: stop the sampler, integrate the log, write report.json,
 * the job summary and the log line, then publish (PR comment, history, gates). A measurement problem is a warning and an honest report;
 * only `fail-on-error: true` turns it into a failed job.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCounterSnapshot } from "../adapters/energy-counter-process.js";
import { readLogInto } from "../adapters/log-file.js";
import { readMarks } from "../adapters/marks-file.js";
import { readRunContext } from "../adapters/run-context.js";
import { stopSamplerProcess } from "../adapters/sampler-process.js";
import { readSession, readSmallFile, workDir, type Session } from "../adapters/session-store.js";
import type { CounterSnapshot } from "../core/energy-counter.js";
import { applyEnergyCounter } from "../core/energy-source.js";
import { SpanEnergy, outsideEnergyKwh, type Span } from "../core/breakdown.js";
import { idleBaseline } from "../core/idle.js";
import { buildReport, notMeasuredReport, type Report } from "../core/report.js";
import { renderSummary } from "../core/render-summary.js";
import { SampleLogReader, gapThresholdMs } from "../core/sample-log.js";
import { phaseSpans } from "../core/phases.js";
import { STEP_RULES } from "../core/steps.js";
import { formatEnergy, formatMass } from "../core/units.js";
import { resolveIntensity } from "./intensity.js";
import { uploadResults, writeInteropFiles } from "./interop.js";
import { LIVE_WARNING_PREFIX } from "./live-intensity.js";
import { priceReport } from "./pricing.js";
import type { Io } from "./io.js";
import { jobStepSpans } from "./job-steps.js";
import { FILE, INPUT, STATE } from "./names.js";
import { jobLabel, publishReport } from "./publish.js";
import { pushFigures } from "./push-metrics.js";
import { settingsWarnings, type Settings } from "./settings.js";
import { withWork } from "./work.js";

export interface FinishContext {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  io: Io;
  /** The energy-counter bundle to run; without it the counter is not read. */
  counterScript?: string;
}

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

/**
 * The job's label and the machine its GPUs are in: what `mode: merge` needs to list the job and to
 * tell one physical GPU measured by two jobs from two GPUs.
 */
function withIdentity(report: Report, settings: Settings, env: NodeJS.ProcessEnv): Report {
  const run = readRunContext(env);
  const host = os.hostname();
  return {
    ...report,
    label: run ? jobLabel(settings, run) : settings.label || null,
    gpus: report.gpus.map((gpu) => ({ ...gpu, host })),
  };
}

/** Writes report.json into `dir` and copies it to `extraPath` (input `report-path`) when set. */
export function writeReport(report: Report, dir: string, extraPath: string, io: Io): void {
  const json = JSON.stringify(report, null, 2) + "\n";
  const main = path.join(dir, FILE.report);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(main, json);
    io.info(`Report written to ${main}`);
  } catch (e) {
    io.warning(`gpu-carbon could not write ${main} (${(e as Error).message}).`);
    return;
  }
  if (!extraPath) return;
  try {
    mkdirSync(path.dirname(path.resolve(extraPath)), { recursive: true });
    copyFileSync(main, extraPath);
    io.info(`Report copied to ${extraPath}`);
  } catch (e) {
    io.warning(`Input '${INPUT.reportPath}': could not write ${extraPath} (${(e as Error).message}).`);
  }
}

/** The whole of `post`. */
export async function finishMeasurement(ctx: FinishContext): Promise<Report | null> {
  const { settings, env, io } = ctx;
  if (io.getState(STATE.unsupported) === "true") return null;
  if (io.getState(STATE.owner) === "false") {
    io.info("gpu-carbon: an earlier use of the action in this job owns the measurement and reports it.");
    return null;
  }
  const dir = workDir(env);
  const sessionPath = io.getState(STATE.session) || path.join(dir, FILE.session);
  const session = readSession(sessionPath);
  let report: Report;
  if (!session) {
    const { intensity } = resolveIntensity(settings);
    report = notMeasuredReport(
      { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity },
      ["the measurement never started (no session was recorded)"],
      {
        startEpochMs: null,
        durationMs: 0,
        intervalMs: settings.intervalMs,
        gapMs: gapThresholdMs(settings.intervalMs),
      },
    );
  } else {
    const extra: string[] = [];
    if (session.samplerPid !== null) {
      const how = await stopSamplerProcess(session.samplerPid);
      if (how === "killed") extra.push("the sampler did not stop when asked and was killed");
      if (how === "not-running") extra.push("the sampler was no longer running when the job ended");
    }
    // Read right after the sampler stopped, closing the counter's window with the sampled one.
    const counterEnd = session.energyCounterStart?.ok && ctx.counterScript ? await readCounterSnapshot(ctx.counterScript, env) : null;
    let steps: Span[] | null = null;
    if (session.measuring) {
      const found = await jobStepSpans(settings, env);
      if ("notice" in found) io.notice(found.notice);
      else steps = found.spans;
    }
    report = await analyseSession(session, settings, extra, counterEnd, { steps, phases: phaseSpans(readMarks(dir)) }, env);
    const why = report.method.energyCounter.reason;
    if (session.energyCounterStart && why && report.energyKwh !== null) io.notice(`gpu-carbon uses sampled nvidia-smi power: ${why}.`);
  }
  report = withIdentity(withWork(report, path.join(dir, FILE.work)), settings, env);
  writeReport(report, dir, settings.reportPath, io);
  const interopFiles = writeInteropFiles(report, dir, settings, env, io);
  if (settings.summary) {
    try {
      await io.appendSummary(renderSummary(report));
    } catch (e) {
      io.warning(`gpu-carbon could not write the job summary (${(e as Error).message}).`);
    }
  }
  const samples = session ? [session.samplesPath, path.join(dir, FILE.samplerLog)] : [];
  await uploadResults([path.join(dir, FILE.report), ...samples, ...interopFiles], dir, settings, env, io);
  await publishReport({ settings, env, io, report });
  await pushFigures(settings, env, io, report, "job");
  const { notice } = resolveIntensity(settings);
  if (notice && report.energyKwh !== null) io.notice(notice);
  if (report.carbonIntensity.resolvedBy === "live")
    io.info(`Carbon intensity ${report.carbonIntensity.gramsPerKwh} gCO2e/kWh: ${report.carbonIntensity.source}.`);
  if (report.embodied?.kg != null)
    io.info(`GPU manufacturing footprint amortised over this job: ${formatMass(report.embodied.kg)} CO2e (not included in the emissions).`);
  const line = `GPU energy ${formatEnergy(report.energyKwh)}, ${formatMass(report.emissionsKg)} CO2e over ${report.durationSeconds.toFixed(1)} s (${report.status}).`;
  if (report.status === "measured") {
    // Everything else in a good measurement's warnings is in the summary; a live-data fallback
    // changes the figure, so it is shown in the log too.
    for (const warning of report.warnings.filter((w) => w.startsWith(LIVE_WARNING_PREFIX))) io.warning(warning);
    io.info(line);
  } else {
    for (const warning of report.warnings) io.warning(warning);
    const message = `gpu-carbon: ${line}`;
    if (settings.failOnError) io.fail(`${message} Failing because '${INPUT.failOnError}' is true.`);
    else io.warning(message);
  }
  return report;
}
