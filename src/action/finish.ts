/**
 * Finishing the measurement in `post`: stop the sampler, integrate the log, write report.json,
 * the job summary and the log line, then publish (PR comment, history, gates). A measurement problem is a warning and an honest report;
 * only `fail-on-error: true` turns it into a failed job.
 */
import os from "node:os";
import path from "node:path";
import { readRunContext } from "../adapters/github/run-context.js";
import { readMarks } from "../adapters/marks-file.js";
import { writeRegularFile } from "../adapters/safe-file.js";
import { stopSamplerProcess } from "../adapters/sampler-process.js";
import { loadSession, makeOwnWorkDir, workDir } from "../adapters/session-store.js";
import { redactDeep, redactor } from "../core/render/secrets.js";
import type { Span } from "../core/energy/breakdown.js";
import type { Report } from "../core/report/report.js";
import { renderSummary } from "../core/render/summary.js";
import { phaseSpans } from "../core/energy/phases.js";
import { formatEnergy, formatMass } from "../core/units.js";
import { analyseSession } from "../measure/analyse.js";
import { stopSampling } from "../measure/stop.js";
import { resolveIntensity } from "../measure/intensity.js";
import { uploadResults, writeInteropFiles } from "./interop.js";
import { LIVE_WARNING_PREFIX } from "../measure/live-intensity.js";
import type { Io } from "../measure/io.js";
import { jobStepSpans } from "./job-steps.js";
import { FILE, INPUT, STATE } from "../config/names.js";
import { jobLabel, publishReport } from "./publish.js";
import { pushFigures } from "./push-metrics.js";
import { settingsWarnings, type Settings } from "../config/settings.js";
import { errorMessage } from "../core/errors.js";

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
    // GPUs read from other machines (through Prometheus) keep the host their series named, if any.
    gpus: report.method.prometheus ? report.gpus : report.gpus.map((gpu) => ({ ...gpu, host })),
  };
}

/** Writes report.json into `dir` and copies it to `extraPath` (input `report-path`) when set. */
export function writeReport(report: Report, dir: string, extraPath: string, io: Io): void {
  const json = JSON.stringify(report, null, 2) + "\n";
  const main = path.join(dir, FILE.report);
  const error = writeRegularFile(main, json);
  if (error) io.warning(`gpu-carbon could not write ${main} (${error}).`);
  else io.info(`Report written to ${main}`);
  if (!extraPath) return;
  const extraError = writeRegularFile(extraPath, json);
  if (extraError) io.warning(`Input '${INPUT.reportPath}': could not write ${extraPath} (${extraError}).`);
  else io.info(`Report written to ${extraPath}`);
}

/** The whole of `post`. */
export async function finishMeasurement(ctx: FinishContext): Promise<Report | null> {
  const { settings, env, io } = ctx;
  // The window ends when post starts (as the sampler's does), whatever the API calls below take.
  const postStartedEpochMs = Date.now();
  if (io.getState(STATE.unsupported) === "true") return null;
  if (io.getState(STATE.owner) === "false") {
    io.info("gpu-carbon: an earlier use of the action in this job owns the measurement and reports it.");
    return null;
  }
  const dir = workDir(env) ?? makeOwnWorkDir();
  const sessionPath = io.getState(STATE.session) || path.join(dir, FILE.session);
  const loaded = loadSession(sessionPath);
  const session = loaded.session;
  const stopped = session ? await stopSampling(session, ctx.counterScript, env, "the job") : null;
  if (!session) {
    // The sampler may run even so (its session file was replaced): it must not outlive the job.
    const pid = Number(io.getState(STATE.samplerPid));
    if (Number.isInteger(pid) && pid > 0) await stopSamplerProcess(pid);
  }
  const marks = session ? readMarks(dir) : { marks: [], problem: null };
  let steps: Span[] | null = null;
  if (session?.measuring) {
    const found = await jobStepSpans(settings, env);
    if ("notice" in found) io.notice(found.notice);
    else steps = found.spans;
  }
  let report = await analyseSession({
    session,
    settings,
    env,
    ...stopped,
    ...(marks.problem ? { stopWarnings: [...(stopped?.stopWarnings ?? []), marks.problem] } : {}),
    spans: { steps, phases: phaseSpans(marks.marks) },
    workFile: path.join(dir, FILE.work),
    endEpochMs: session?.source === "prometheus" ? postStartedEpochMs : undefined,
    windowJustEnded: true,
    notStartedReason: session ? null : io.getState(STATE.notStarted) || loaded.problem,
  });
  // report.json is uploaded and rendered without masking: no form of a credential may be in it.
  report = redactDeep(report, redactor([settings.githubToken, settings.electricityMapsToken, settings.prometheusToken]));
  const why = report.method.energyCounter.reason;
  if (session?.energyCounterStart && why && report.energyKwh !== null) io.notice(`gpu-carbon uses sampled nvidia-smi power: ${why}.`);
  report = withIdentity(report, settings, env);
  writeReport(report, dir, settings.reportPath, io);
  const interopFiles = writeInteropFiles(report, dir, settings, env, io);
  if (settings.summary) {
    try {
      await io.appendSummary(renderSummary(report));
    } catch (e) {
      io.warning(`gpu-carbon could not write the job summary (${errorMessage(e)}).`);
    }
  }
  const samples = session && session.source !== "prometheus" ? [session.samplesPath, path.join(dir, FILE.samplerLog)] : [];
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
    // The settings' own warnings were printed when post read its settings: once is enough.
    const said = new Set(settingsWarnings(settings));
    for (const warning of report.warnings) if (!said.has(warning)) io.warning(warning);
    const message = `gpu-carbon: ${line}`;
    if (settings.failOnError) io.fail(`${message} Failing because '${INPUT.failOnError}' is true.`);
    else io.warning(message);
  }
  return report;
}
