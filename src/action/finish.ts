/**
 * Finishing the measurement in `post`: stop the sampler, integrate the log, write report.json,
 * the job summary and the log line, then publish (PR comment, history, gates). A measurement problem is a warning and an honest report;
 * only `fail-on-error: true` turns it into a failed job.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCounterSnapshot } from "../adapters/energy-counter-process.js";
import { readRunContext } from "../adapters/github/run-context.js";
import { readMarks } from "../adapters/marks-file.js";
import { stopSamplerProcess } from "../adapters/sampler-process.js";
import { readSession, workDir } from "../adapters/session-store.js";
import type { Span } from "../core/energy/breakdown.js";
import { notMeasuredReport, type Report } from "../core/report/report.js";
import { renderSummary } from "../core/render/summary.js";
import { gapThresholdMs } from "../core/log/reader.js";
import { phaseSpans } from "../core/energy/phases.js";
import { formatEnergy, formatMass } from "../core/units.js";
import { analyseSession } from "../measure/analyse.js";
import { resolveIntensity } from "../measure/intensity.js";
import { uploadResults, writeInteropFiles } from "./interop.js";
import { LIVE_WARNING_PREFIX } from "../measure/live-intensity.js";
import type { Io } from "../measure/io.js";
import { jobStepSpans } from "./job-steps.js";
import { FILE, INPUT, STATE } from "../config/names.js";
import { jobLabel, publishReport } from "./publish.js";
import { pushFigures } from "./push-metrics.js";
import type { Settings } from "../config/settings.js";
import { withWork } from "./work.js";

export interface FinishContext {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  io: Io;
  /** The energy-counter bundle to run; without it the counter is not read. */
  counterScript?: string;
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
