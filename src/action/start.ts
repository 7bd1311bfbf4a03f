/**
 * Starting the measurement: runs in `pre`, and in `main` when `pre` did not run (`uses: ./`).
 * Claims the job's one measurement, starts sampling (`measure/start.ts`), records the session.
 * A missing GPU or driver is a warning, never a failed step.
 */
import path from "node:path";
import { stopSamplerProcess } from "../adapters/sampler-process.js";
import { claim, ensureDir, jobIdentity, makeOwnWorkDir, moveAside, workDir, writeSession } from "../adapters/session-store.js";
import { displayUrl } from "../adapters/prometheus-api.js";
import { ENV, FILE, INPUT, STATE } from "../config/names.js";
import type { Settings } from "../config/settings.js";
import type { Io } from "../measure/io.js";
import { startSampling } from "../measure/start.js";
import { errorMessage } from "../core/errors.js";

export interface StartContext {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  io: Io;
  /** The sampler bundle to run. */
  samplerScript: string;
  /** The energy-counter bundle to run; without it the counter is not read. */
  counterScript?: string;
  /** Process whose exit means the job is gone. */
  watchPid: number | null;
  platform?: NodeJS.Platform;
}

/** What starting did, for logs and tests. */
export type StartOutcome = "started" | "already-running" | "not-measuring" | "unsupported-platform";

export async function startMeasurement(ctx: StartContext): Promise<StartOutcome> {
  const { settings, env, io } = ctx;
  // Reading GPUs elsewhere needs no local driver, so any platform will do.
  if (settings.source !== "prometheus" && (ctx.platform ?? process.platform) !== "linux") {
    io.warning(`gpu-carbon measures GPUs on Linux runners only; on ${ctx.platform ?? process.platform} it does nothing.`);
    io.saveState(STATE.unsupported, "true");
    return "unsupported-platform";
  }
  const notStarted = (why: string): StartOutcome => {
    io.warning(`${why}; nothing will be measured.`);
    io.saveState(STATE.notStarted, why);
    return "not-measuring";
  };
  let dir = workDir(env);
  if (!dir) {
    try {
      dir = makeOwnWorkDir();
    } catch (e) {
      return notStarted(`gpu-carbon cannot make a working folder (${errorMessage(e)})`);
    }
    io.exportVariable(ENV.workDir, dir);
  }
  const sessionPath = path.join(dir, FILE.session);
  const dirError = ensureDir(dir);
  if (dirError) return notStarted(`gpu-carbon cannot use its working folder ${dir} (${dirError})`);
  const identity = jobIdentity(env, JSON.stringify(settings.matrix));
  let claimed: ReturnType<typeof claim>;
  try {
    claimed = claim(dir, identity);
    if (claimed === "stale") {
      const aside = moveAside(dir);
      io.warning(
        `gpu-carbon found its working folder ${dir} in use by another job; that folder was moved to ${aside} and a fresh one made.`,
      );
      const again = ensureDir(dir);
      if (again) throw new Error(again);
      claimed = claim(dir, identity);
    }
  } catch (e) {
    return notStarted(`gpu-carbon cannot use its working folder ${dir} (${errorMessage(e)})`);
  }
  // Every use exports it, so that the variable is there whatever the order of the uses.
  io.exportVariable(ENV.workFile, path.join(dir, FILE.work));
  if (claimed !== "claimed") {
    io.info("gpu-carbon is already measuring this job (started by an earlier use of the action).");
    io.saveState(STATE.session, sessionPath);
    io.saveState(STATE.owner, "false");
    return "already-running";
  }
  io.saveState(STATE.session, sessionPath);
  io.saveState(STATE.owner, "true");
  if (settings.source === "prometheus") return startWindow(settings, sessionPath, Date.now(), io);

  const { session, failure } = await startSampling({
    settings,
    env,
    dir,
    samplerScript: ctx.samplerScript,
    counterScript: ctx.counterScript,
    watchPid: ctx.watchPid,
    via: "action",
    info: (message) => io.info(message),
    warning: (message) => io.warning(`gpu-carbon: ${message}.`),
  });
  if (failure) io.warning(`${failure} The job goes on; its report will say that energy was not measured.`);
  if (session.samplerPid !== null) io.saveState(STATE.samplerPid, String(session.samplerPid));
  const error = writeSession(sessionPath, session);
  if (!session.measuring) {
    if (error && failure) io.warning(`gpu-carbon could not record its session in ${sessionPath} (${error}).`);
    return "not-measuring";
  }
  if (error) {
    // Without a session post could not find the sampler: stop it now rather than leave it running.
    if (session.samplerPid !== null) await stopSamplerProcess(session.samplerPid);
    io.warning(
      `gpu-carbon could not record its session in ${sessionPath} (${error}); it stopped sampling. The job goes on; its report will say that energy was not measured.`,
    );
    return "not-measuring";
  }
  const { gpus: counted, selection } = session;
  const excluded = selection?.excludedCount ?? 0;
  const names = counted.map((g) => `${g.index ?? "?"}: ${g.name ?? "GPU"}`).join(", ");
  const others = excluded > 0 ? `; ${excluded} other GPU(s) on this host are not this job's` : "";
  io.info(`gpu-carbon is sampling ${counted.length} GPU(s) every ${settings.intervalMs} ms (${names})${others}.`);
  return "started";
}

/** `source: prometheus`: no sampler, only the window's start, which post reads back from Prometheus. */
function startWindow(settings: Settings, sessionPath: string, startedEpochMs: number, io: Io): StartOutcome {
  const error = writeSession(sessionPath, {
    version: 1,
    startedEpochMs,
    intervalMs: settings.intervalMs,
    measuring: true,
    samplerPid: null,
    samplesPath: "",
    nvidiaSmiPath: null,
    gpus: [],
    warnings: [],
    source: "prometheus",
  });
  if (error) {
    io.warning(
      `gpu-carbon could not record its session in ${sessionPath} (${error}); the job goes on, its report will say that energy was not measured.`,
    );
    return "not-measuring";
  }
  const selector = settings.prometheusSelector
    ? `GPUs matching {${settings.prometheusSelector}}`
    : `the GPUs a later '${INPUT.prometheusSelector}' names`;
  io.info(
    `gpu-carbon: the job's window starts at ${new Date(startedEpochMs).toISOString()}; when it ends, ${selector} are read from Prometheus at ${displayUrl(settings.prometheusUrl)}.`,
  );
  return "started";
}
