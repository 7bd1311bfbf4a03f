/**
 * The sampler's safety-net timings. Production always uses the defaults; tests shorten them
 * through `GPU_CARBON_TEST_SAMPLER_TIMING` (partial JSON, for example `{"silenceFloorMs":1500}`),
 * so that a watchdog or job-gone fault can be proved in seconds. It is a test hook, not a user
 * setting: it is not an input, and a bad value is ignored rather than trusted.
 */
import { z } from "zod";

/** Timings of the sampler, all in ms. */
export interface SamplerTiming {
  /** How often the sampler checks that the job's process is still there. */
  watchEveryMs: number;
  /** The watchdog restarts nvidia-smi after max(10 x interval, this) without output. */
  silenceFloorMs: number;
  /** First restart delay after nvidia-smi dies; doubled per quick death. */
  backoffStartMs: number;
  /** Longest restart delay. */
  backoffMaxMs: number;
  /** How long a killed nvidia-smi may take to exit before it is abandoned. */
  killGraceMs: number;
  /** How often the driver's energy counter is read while the job runs (when it is read at all). */
  counterEveryMs: number;
  /**
   * Test only: stop after this long instead of `max-duration-hours` (whose least value, one
   * minute, is too long for a test); absent in production.
   */
  maxDurationMs?: number;
}

export const DEFAULT_TIMING: SamplerTiming = {
  watchEveryMs: 2000,
  silenceFloorMs: 15_000,
  backoffStartMs: 1000,
  backoffMaxMs: 30_000,
  killGraceMs: 2000,
  counterEveryMs: 60_000,
};

/** Name of the test-only environment variable. */
export const TEST_TIMING_ENV = "GPU_CARBON_TEST_SAMPLER_TIMING";

const ms = z.number().int().min(10).max(3_600_000);
const schema = z
  .object({
    watchEveryMs: ms,
    silenceFloorMs: ms,
    backoffStartMs: ms,
    backoffMaxMs: ms,
    killGraceMs: ms,
    counterEveryMs: ms,
    maxDurationMs: ms,
  })
  .partial()
  .strict();

/** The timings to use: the defaults, with a valid test override applied. */
export function samplerTiming(env: NodeJS.ProcessEnv): SamplerTiming {
  const raw = env[TEST_TIMING_ENV];
  if (!raw) return DEFAULT_TIMING;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? { ...DEFAULT_TIMING, ...parsed.data } : DEFAULT_TIMING;
  } catch {
    return DEFAULT_TIMING;
  }
}
