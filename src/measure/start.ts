/**
 * Starting to sample, the same for the action and `gpu-carbon run`: find nvidia-smi, probe the
 * driver, choose the job's GPUs (the `gpus` input or `--gpus`, else CUDA_VISIBLE_DEVICES or
 * NVIDIA_VISIBLE_DEVICES, else every GPU), read the driver's energy counter and start the
 * detached sampler. A missing GPU or driver is a reason in the session, never an error.
 */
import path from "node:path";
import { readCounterSnapshot } from "../adapters/energy-counter-process.js";
import { detectContainer, missingNvidiaSmiMessage } from "../adapters/container.js";
import { gpuInventory } from "../adapters/gpu-inventory.js";
import { loopArgs, locateNvidiaSmi, probe } from "../adapters/nvidia-smi.js";
import { startSamplerProcess, waitForSamplerStart } from "../adapters/sampler-process.js";
import type { Session } from "../adapters/session-store.js";
import { selectGpus } from "../core/nvidia-smi/gpu-selection.js";
import { FILE, INPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";
import { errorMessage } from "../core/errors.js";
import type { SamplerConfig } from "../sampler/config.js";

export interface SamplingContext {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  /** Folder for the sample log, the sampler's config and its own log. */
  dir: string;
  /** The sampler bundle to run. */
  samplerScript: string;
  /** The energy-counter bundle to run; without it the counter is not read. */
  counterScript?: string;
  /** Process whose exit means the measured work is gone (`null`: do not watch). */
  watchPid: number | null;
  /** Who starts it, for the names of options in messages: `input 'gpus'` or `--gpus`. */
  via: "action" | "cli";
  /** Told as soon as it is known: what the driver cannot report. */
  info(message: string): void;
  /** Told as soon as it is known (a phrase, no full stop): GPU selection problems, a job with no GPU of its own. */
  warning(message: string): void;
}

/** What starting found. */
export interface Sampling {
  /** The session to record; `measuring` is true when the sampler runs. */
  session: Session;
  /**
   * Why sampling could not start (no nvidia-smi, a driver that cannot report power, a sampler
   * that would not start); the session's only warning. `null` otherwise, including a job that
   * may use no GPU (said through `warning`).
   */
  failure: string | null;
}

/** An option's name as the user wrote it. */
function optionName(via: SamplingContext["via"], input: string): string {
  return via === "action" ? `input '${input}'` : `--${input}`;
}

export async function startSampling(ctx: SamplingContext): Promise<Sampling> {
  const { settings, env } = ctx;
  const samplesPath = path.join(ctx.dir, FILE.samples);
  const base: Session = {
    version: 1,
    startedEpochMs: Date.now(),
    intervalMs: settings.intervalMs,
    measuring: false,
    samplerPid: null,
    samplesPath,
    nvidiaSmiPath: null,
    gpus: [],
    warnings: [],
  };
  const fail = (failure: string): Sampling => ({ session: { ...base, warnings: [failure] }, failure });

  const nvidiaSmi = locateNvidiaSmi(settings.nvidiaSmiPath, env.PATH);
  if (!nvidiaSmi) {
    const option = optionName(ctx.via, INPUT.nvidiaSmiPath);
    return fail(
      settings.nvidiaSmiPath
        ? `${option[0]!.toUpperCase()}${option.slice(1)} names ${settings.nvidiaSmiPath}, which is not an executable file.`
        : missingNvidiaSmiMessage(detectContainer(), ctx.via === "action" ? INPUT.nvidiaSmiPath : `--${INPUT.nvidiaSmiPath}`),
    );
  }
  const probed = await probe(nvidiaSmi);
  if (!probed.ok) return fail(`GPU power cannot be read: ${probed.reason}.`);

  if (probed.droppedFields.length > 0) ctx.info(`This driver does not support: ${probed.droppedFields.join(", ")}.`);
  const named = settings.gpus.kind === "list" ? settings.gpus.ids : [env.CUDA_VISIBLE_DEVICES ?? "", env.NVIDIA_VISIBLE_DEVICES ?? ""];
  const inventory = await gpuInventory(nvidiaSmi, probed.gpus, named.join(",").includes("MIG-"));
  const selection = selectGpus(settings.gpus, env, inventory, detectContainer() !== null);
  const warnings = [...selection.warnings];
  for (const warning of warnings) ctx.warning(warning);
  if (selection.counted.length === 0) {
    const by = selection.source === "input" ? optionName(ctx.via, INPUT.gpus) : selection.source;
    const why = `this job may use no GPU of its own (${by} is '${selection.requested ?? ""}'), so nothing was measured`;
    ctx.warning(why);
    return { session: { ...base, nvidiaSmiPath: nvidiaSmi, selection, warnings: [...warnings, why] }, failure: null };
  }
  const counted = probed.gpus.filter((gpu) => selection.counted.some((c) => c.uuid === gpu.uuid && c.index === gpu.index));
  const ids = selection.excludedCount > 0 ? counted.map((gpu) => gpu.uuid ?? gpu.index ?? "") : [];
  const config: SamplerConfig = {
    nvidiaSmiPath: nvidiaSmi,
    args: loopArgs(probed.loopFields, settings.intervalMs, ids),
    samplesPath,
    intervalMs: settings.intervalMs,
    watchPid: ctx.watchPid,
    maxDurationMs: settings.maxDurationMs,
    gpuCount: counted.length,
  };
  // Read right before the sampler starts so that both windows open together; the sampler reads it
  // again every minute, where it could be read now.
  const energyCounterStart = ctx.counterScript ? await readCounterSnapshot(ctx.counterScript, env) : undefined;
  if (energyCounterStart?.ok) config.counterScript = ctx.counterScript;
  let pid: number;
  try {
    pid = startSamplerProcess(ctx.samplerScript, config, path.join(ctx.dir, FILE.samplerConfig), path.join(ctx.dir, FILE.samplerLog));
  } catch (e) {
    return fail(`The sampler could not be started (${errorMessage(e)}).`);
  }
  // Return only once the window is open, so what is measured (the job's next steps, the command) is inside it.
  if (!(await waitForSamplerStart(samplesPath))) warnings.push("the sampler was slow to start: the first moments may be missed");
  return {
    session: {
      ...base,
      measuring: true,
      samplerPid: pid,
      nvidiaSmiPath: nvidiaSmi,
      gpus: counted,
      selection,
      warnings,
      energyCounterStart,
    },
    failure: null,
  };
}
