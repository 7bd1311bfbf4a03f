/**
 * Closing the window, the same for the action and `gpu-carbon run`: stop the sampler, then read
 * the driver's energy counter, so that both windows close together.
 */
import { readCounterSnapshot } from "../adapters/energy-counter-process.js";
import { stopSamplerProcess } from "../adapters/sampler-process.js";
import type { Session } from "../adapters/session-store.js";
import type { CounterSnapshot } from "../core/energy/counter.js";

export interface Stopped {
  /** How stopping went wrong, for the report's warnings (none when it went well). */
  stopWarnings: string[];
  /** The counters at the end; `null` when they were not read at the start or cannot be read. */
  counterEnd: CounterSnapshot | null;
}

/**
 * Stops the session's sampler (bounded, safe to repeat) and reads the counter.
 * @param what what was measured, for the warnings: "the job" or "the command"
 */
export async function stopSampling(
  session: Session,
  counterScript: string | undefined,
  env: NodeJS.ProcessEnv,
  what: string,
): Promise<Stopped> {
  const stopWarnings: string[] = [];
  if (session.samplerPid !== null) {
    const how = await stopSamplerProcess(session.samplerPid);
    if (how === "killed") stopWarnings.push("the sampler did not stop when asked and was killed");
    if (how === "not-running") stopWarnings.push(`the sampler was no longer running when ${what} ended`);
  }
  const counterEnd = session.energyCounterStart?.ok && counterScript ? await readCounterSnapshot(counterScript, env) : null;
  return { stopWarnings, counterEnd };
}
