/** The three hooks the runner calls. Each reads its inputs and calls into the rest. */
import * as core from "@actions/core";
import { networkDeadline } from "../adapters/deadlines.js";
import { secretForms } from "../core/render/secrets.js";
import { counterScriptFrom, samplerScriptFrom } from "../adapters/bundle-paths.js";
import { postFromArtifact } from "./comment-mode.js";
import { finishMeasurement } from "./finish.js";
import type { Io } from "../measure/io.js";
import { mergeRun } from "./merge-mode.js";
import { markPhase, reportSoFar } from "./modes.js";
import { SECRET_INPUTS, STATE } from "../config/names.js";
import { InputError, readSettings, settingsWarnings, type Settings } from "../config/settings.js";
import { startMeasurement } from "./start.js";
import { errorMessage } from "../core/errors.js";

/**
 * Masks every credential input in every form the log may show it: raw, trimmed, each of its
 * lines (the runner masks line by line), JSON-escaped and URL-encoded.
 */
function maskSecrets(): void {
  for (const name of SECRET_INPUTS) for (const form of secretForms(core.getInput(name, { trimWhitespace: false }))) core.setSecret(form);
}

function settingsOrFail(io: Io, failStep: boolean): Settings | null {
  maskSecrets();
  try {
    const settings = readSettings((name) => core.getInput(name));
    for (const warning of settingsWarnings(settings)) io.warning(warning);
    return settings;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (failStep) io.fail(e.message);
    else io.warning(e.message);
    return null;
  }
}

/**
 * Starts measuring; anything unexpected is a warning (or, with `fail-on-error`, a failure), never
 * an unhandled error that would fail the job.
 */
async function start(io: Io, settings: Settings, moduleUrl: string): Promise<void> {
  try {
    await startMeasurement({
      settings,
      env: process.env,
      io,
      samplerScript: samplerScriptFrom(moduleUrl),
      counterScript: counterScriptFrom(moduleUrl),
      watchPid: process.ppid,
    });
  } catch (e) {
    const message = `gpu-carbon could not start the measurement: ${errorMessage(e)}`;
    if (settings.failOnError) io.fail(message);
    else io.warning(`${message}. The job goes on without it.`);
  }
}

/** `pre`: start measuring before the first step (the `measure` mode only). */
export async function runPre(io: Io, moduleUrl: string): Promise<void> {
  const settings = settingsOrFail(io, true);
  if (!settings || settings.mode !== "measure") return;
  await start(io, settings, moduleUrl);
}

/**
 * `main`: mark a phase or report so far in those modes; in `measure`, start measuring if `pre`
 * did not run (local `uses: ./`), otherwise just say so.
 */
export async function runMain(io: Io, moduleUrl: string): Promise<void> {
  const settings = settingsOrFail(io, true);
  if (!settings) return;
  if (settings.mode === "mark") {
    markPhase({ settings, env: process.env, io });
    return;
  }
  if (settings.mode === "report") {
    await reportSoFar({ settings, env: process.env, io, counterScript: counterScriptFrom(moduleUrl) });
    return;
  }
  if (settings.mode === "comment") {
    networkDeadline(process.env);
    await postFromArtifact({ settings, env: process.env, io });
    return;
  }
  if (settings.mode === "merge") {
    networkDeadline(process.env);
    try {
      await mergeRun({ settings, env: process.env, io });
    } catch (e) {
      const message = `gpu-carbon could not merge the reports: ${(e as Error).message}`;
      if (settings.failOnError) io.fail(message);
      else io.warning(message);
    }
    return;
  }
  if (io.getState(STATE.notStarted)) {
    io.info("gpu-carbon could not start measuring in the pre step (see its warning); the report will say so.");
    return;
  }
  if (io.getState(STATE.session) || io.getState(STATE.unsupported)) {
    io.info("gpu-carbon is measuring; the report is written when the job ends.");
    return;
  }
  if (process.env.STATE_session === undefined)
    io.info(
      "gpu-carbon is not measuring yet (the pre step did not run, as for a local action, or could not record that it did); starting the measurement now.",
    );
  await start(io, settings, moduleUrl);
}

/**
 * `post`: stop, integrate, report. Never fails the job unless `fail-on-error` asks for it.
 * Only the use that owns the measurement does anything (see `finishMeasurement`).
 */
export async function runPost(io: Io, moduleUrl: string): Promise<void> {
  networkDeadline(process.env); // all of post's network work ends within one budget from here
  const settings = settingsOrFail(io, false);
  if (!settings || settings.mode !== "measure") return;
  try {
    await finishMeasurement({ settings, env: process.env, io, counterScript: counterScriptFrom(moduleUrl) });
  } catch (e) {
    const message = `gpu-carbon could not finish the measurement: ${errorMessage(e)}`;
    if (settings.failOnError) io.fail(message);
    else io.warning(message);
  }
}
