/**
 * Starting the measurement: runs in `pre`, and in `main` when `pre` did not run (`uses: ./`).
 * Finds nvidia-smi, probes the driver, starts the detached sampler, records the session.
 * A missing GPU or driver is a warning, never a failed step.
 */
import path from "node:path";
import { readCounterSnapshot } from "../adapters/energy-counter-process.js";
import { detectContainer, missingNvidiaSmiMessage } from "../adapters/container.js";
import { gpuInventory } from "../adapters/gpu-inventory.js";
import { loopArgs, locateNvidiaSmi, probe } from "../adapters/nvidia-smi.js";
import { startSamplerProcess, stopSamplerProcess, waitForSamplerStart } from "../adapters/sampler-process.js";
import { claim, ensureDir, workDir, writeSession, type Session } from "../adapters/session-store.js";
import type { Io } from "./io.js";
import { selectGpus } from "../core/nvidia-smi/gpu-selection.js";
import { ENV, FILE, INPUT, STATE } from "../config/names.js";
import type { Settings } from "../config/settings.js";

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
  if ((ctx.platform ?? process.platform) !== "linux") {
    io.warning(`gpu-carbon measures GPUs on Linux runners only; on ${ctx.platform ?? process.platform} it does nothing.`);
    io.saveState(STATE.unsupported, "true");
    return "unsupported-platform";
  }
  const dir = workDir(env);
  const sessionPath = path.join(dir, FILE.session);
  const dirError = ensureDir(dir);
  if (dirError) {
    io.warning(`gpu-carbon cannot use its working folder ${dir} (${dirError}); nothing will be measured.`);
    return "not-measuring";
  }
  // Every use exports it, so that the variable is there whatever the order of the uses.
  io.exportVariable(ENV.workFile, path.join(dir, FILE.work));
  let claimed: boolean;
  try {
    claimed = claim(dir);
  } catch (e) {
    io.warning(`gpu-carbon cannot use its working folder ${dir} (${(e as Error).message}); nothing will be measured.`);
    return "not-measuring";
  }
  if (!claimed) {
    io.info("gpu-carbon is already measuring this job (started by an earlier use of the action).");
    io.saveState(STATE.session, sessionPath);
    io.saveState(STATE.owner, "false");
    return "already-running";
  }
  io.saveState(STATE.session, sessionPath);
  io.saveState(STATE.owner, "true");

  const startedEpochMs = Date.now();
  const samplesPath = path.join(dir, FILE.samples);
  const base: Session = {
    version: 1,
    startedEpochMs,
    intervalMs: settings.intervalMs,
    measuring: false,
    samplerPid: null,
    samplesPath,
    nvidiaSmiPath: null,
    gpus: [],
    warnings: [],
  };
  const giveUp = (warning: string): StartOutcome => {
    io.warning(`${warning} The job goes on; its report will say that energy was not measured.`);
    const error = writeSession(sessionPath, { ...base, warnings: [warning] });
    if (error) io.warning(`gpu-carbon could not record its session in ${sessionPath} (${error}).`);
    return "not-measuring";
  };

  const nvidiaSmi = locateNvidiaSmi(settings.nvidiaSmiPath, env.PATH);
  if (!nvidiaSmi) {
    return giveUp(
      settings.nvidiaSmiPath
        ? `Input '${INPUT.nvidiaSmiPath}' names ${settings.nvidiaSmiPath}, which is not an executable file.`
        : missingNvidiaSmiMessage(detectContainer(), INPUT.nvidiaSmiPath),
    );
  }
  const probed = await probe(nvidiaSmi);
  if (!probed.ok) return giveUp(`GPU power cannot be read: ${probed.reason}.`);

  if (probed.droppedFields.length > 0) io.info(`This driver does not support: ${probed.droppedFields.join(", ")}.`);
  const named = settings.gpus.kind === "list" ? settings.gpus.ids : [env.CUDA_VISIBLE_DEVICES ?? "", env.NVIDIA_VISIBLE_DEVICES ?? ""];
  const inventory = await gpuInventory(nvidiaSmi, probed.gpus, named.join(",").includes("MIG-"));
  const selection = selectGpus(settings.gpus, env, inventory, detectContainer() !== null);
  const warnings = [...selection.warnings];
  for (const warning of warnings) io.warning(`gpu-carbon: ${warning}.`);
  if (selection.counted.length === 0) {
    const by = selection.source === "input" ? `input '${INPUT.gpus}'` : selection.source;
    const why = `this job may use no GPU of its own (${by} is '${selection.requested ?? ""}'), so nothing was measured`;
    io.warning(`gpu-carbon: ${why}.`);
    writeSession(sessionPath, { ...base, nvidiaSmiPath: nvidiaSmi, selection, warnings: [...warnings, why] });
    return "not-measuring";
  }
  const counted = probed.gpus.filter((gpu) => selection.counted.some((c) => c.uuid === gpu.uuid && c.index === gpu.index));
  const ids = selection.excludedCount > 0 ? counted.map((gpu) => gpu.uuid ?? gpu.index ?? "") : [];
  const config = {
    nvidiaSmiPath: nvidiaSmi,
    args: loopArgs(probed.loopFields, settings.intervalMs, ids),
    samplesPath,
    intervalMs: settings.intervalMs,
    watchPid: ctx.watchPid,
    maxDurationMs: settings.maxDurationMs,
  };
  // Read right before the sampler starts so that both windows open together.
  const energyCounterStart = ctx.counterScript ? await readCounterSnapshot(ctx.counterScript, env) : undefined;
  let pid: number;
  try {
    pid = startSamplerProcess(ctx.samplerScript, config, path.join(dir, FILE.samplerConfig), path.join(dir, FILE.samplerLog));
  } catch (e) {
    return giveUp(`The sampler could not be started (${(e as Error).message}).`);
  }
  // Return only once the window is open, so the job's next steps are inside it.
  if (!(await waitForSamplerStart(samplesPath))) warnings.push("the sampler was slow to start: the first moments of the job may be missed");
  const error = writeSession(sessionPath, {
    ...base,
    measuring: true,
    samplerPid: pid,
    nvidiaSmiPath: nvidiaSmi,
    gpus: counted,
    selection,
    warnings,
    energyCounterStart,
  });
  if (error) {
    // Without a session post could not find the sampler: stop it now rather than leave it running.
    await stopSamplerProcess(pid);
    io.warning(
      `gpu-carbon could not record its session in ${sessionPath} (${error}); it stopped sampling. The job goes on; its report will say that energy was not measured.`,
    );
    return "not-measuring";
  }
  const names = counted.map((g) => `${g.index ?? "?"}: ${g.name ?? "GPU"}`).join(", ");
  const others = selection.excludedCount > 0 ? `; ${selection.excludedCount} other GPU(s) on this host are not this job's` : "";
  io.info(`gpu-carbon is sampling ${counted.length} GPU(s) every ${settings.intervalMs} ms (${names})${others}.`);
  return "started";
}
