/**
 * The `main` of the modes other than `measure`: `mark` records where a named phase starts,
 * `report` sets step outputs with the energy so far. Neither starts or stops anything: the job's
 * one measurement belongs to its first `measure` use.
 */
import { readCounterSnapshot } from "../adapters/energy-counter-process.js";
import { appendMark } from "../adapters/marks-file.js";
import { writeSelector } from "../adapters/selector-file.js";
import { readSession, workDir, type Session } from "../adapters/session-store.js";
import { averagePowerW } from "../core/render/summary.js";
import { formatEnergy, formatMass } from "../core/units.js";
import { analyseSession } from "../measure/analyse.js";
import type { Io } from "../measure/io.js";
import { FILE, INPUT, OUTPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";
import path from "node:path";
import { errorMessage } from "../core/errors.js";

export interface ModeContext {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  io: Io;
  /** Now, ms since the epoch (injectable for tests). */
  nowEpochMs?: number;
  /** The energy-counter bundle to run; without it the counter is not read. */
  counterScript?: string;
}

const NOT_MEASURING = `no measurement is running in this job: put a use of the action with the default '${INPUT.mode}: measure' before this one`;

/** `mode: mark`: the phase named by `phase` starts now; a `prometheus-selector` given here applies to the whole window. */
export function markPhase(ctx: ModeContext): boolean {
  const dir = workDir(ctx.env);
  const session = dir === null ? null : readSession(path.join(dir, FILE.session));
  if (ctx.settings.prometheusSelector !== "" && !recordSelector(ctx, dir, session)) return false;
  if (ctx.settings.phase === "") return true;
  if (dir === null || !session?.measuring) {
    ctx.io.warning(`gpu-carbon: phase '${ctx.settings.phase}' not marked: ${session ? "the measurement could not start" : NOT_MEASURING}.`);
    return false;
  }
  const epochMs = ctx.nowEpochMs ?? Date.now();
  try {
    appendMark(dir, { name: ctx.settings.phase, epochMs });
  } catch (e) {
    ctx.io.warning(`gpu-carbon: phase '${ctx.settings.phase}' not marked (${errorMessage(e)}).`);
    return false;
  }
  ctx.io.info(`gpu-carbon: phase '${ctx.settings.phase}' starts at ${new Date(epochMs).toISOString()}.`);
  return true;
}

/** Keeps the selector for post (the last one given wins). */
function recordSelector(ctx: ModeContext, dir: string | null, session: Session | null): boolean {
  const selector = ctx.settings.prometheusSelector;
  if (session?.source !== "prometheus" || dir === null) {
    const why = session ? "this job's measurement reads the local GPUs (set 'prometheus-url' on the measuring use)" : NOT_MEASURING;
    ctx.io.warning(`gpu-carbon: '${INPUT.prometheusSelector}' {${selector}} not recorded: ${why}.`);
    return false;
  }
  try {
    writeSelector(dir, selector);
  } catch (e) {
    ctx.io.warning(`gpu-carbon: '${INPUT.prometheusSelector}' {${selector}} not recorded (${(e as Error).message}).`);
    return false;
  }
  ctx.io.info(`gpu-carbon: the job's GPUs are those matching {${selector}}, for the whole window.`);
  return true;
}

/** `mode: report`: integrates the log so far and sets the step outputs. */
export async function reportSoFar(ctx: ModeContext): Promise<void> {
  const { io } = ctx;
  const dir = workDir(ctx.env);
  const session = dir === null ? null : readSession(path.join(dir, FILE.session));
  if (!session) {
    io.warning(`gpu-carbon: no energy to report: ${NOT_MEASURING}.`);
    return;
  }
  // The driver's counter now, against the one read when the sampler started: energy so far.
  const counterEnd = session.energyCounterStart?.ok && ctx.counterScript ? await readCounterSnapshot(ctx.counterScript, ctx.env) : null;
  const report = await analyseSession({ session, settings: ctx.settings, env: ctx.env, counterEnd, endEpochMs: ctx.nowEpochMs });
  const text = (value: number | null) => (value === null ? "" : String(value));
  io.setOutput(OUTPUT.energyKwh, text(report.energyKwh));
  io.setOutput(OUTPUT.emissionsKg, text(report.emissionsKg));
  io.setOutput(OUTPUT.durationSeconds, text(report.durationSeconds));
  const powerW = averagePowerW(report);
  io.setOutput(OUTPUT.averagePowerWatts, text(powerW === null ? null : Math.round(powerW * 100) / 100));
  io.info(
    `gpu-carbon so far: ${formatEnergy(report.energyKwh)}, ${formatMass(report.emissionsKg)} CO2e over ${report.durationSeconds.toFixed(1)} s.`,
  );
}
