/**
 * How long the hooks wait for what they do not control: a command they run (nvidia-smi's probe,
 * `nvidia-smi -L`, the energy-counter reader) and the network work of `post`. Production always
 * uses the defaults; tests shorten them through `GPU_CARBON_TEST_DEADLINES` (partial JSON, for
 * example `{"commandMs":500}`) so that a hang is proved in seconds. It is a test hook, not a user
 * setting: it is not an input, and a bad value is ignored rather than trusted.
 */
/** Deadlines, all in ms. */
export interface Deadlines {
  /** All the commands of one task together (the whole probe, one counter read, one `-L`). */
  commandMs: number;
  /**
   * All of post's network work together: the Jobs API, the grid APIs, the history, the PR
   * comment, Prometheus and, in `mode: comment`, the artifact downloads. A cancelled job gives its
   * post steps a few minutes at most, and measuring must never hold the job up.
   */
  networkMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = { commandMs: 20_000, networkMs: 60_000 };

/** Name of the test-only environment variable. */
export const TEST_DEADLINES_ENV = "GPU_CARBON_TEST_DEADLINES";

/** An override's bounds for each deadline: a whole number of ms. */
const MIN_OVERRIDE_MS = 10;
const MAX_OVERRIDE_MS = 600_000;

/**
 * The deadlines to use: the defaults, with a valid test override applied. The override is JSON
 * with `commandMs` and/or `networkMs`, each a whole number from 10 to 600000; anything else (another
 * key, another value, text that is not JSON) leaves the defaults. Checked here rather than with a
 * schema: its two numbers do not warrant loading zod on every start.
 */
export function deadlines(env: NodeJS.ProcessEnv = process.env): Deadlines {
  const raw = env[TEST_DEADLINES_ENV];
  if (!raw) return DEFAULT_DEADLINES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return DEFAULT_DEADLINES;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return DEFAULT_DEADLINES;
  const result = { ...DEFAULT_DEADLINES };
  for (const [key, value] of Object.entries(parsed)) {
    if (key !== "commandMs" && key !== "networkMs") return DEFAULT_DEADLINES;
    if (!Number.isInteger(value) || value < MIN_OVERRIDE_MS || value > MAX_OVERRIDE_MS) return DEFAULT_DEADLINES;
    result[key] = value as number;
  }
  return result;
}

/**
 * One deadline for all of post's network work, made once when post starts its network work and
 * handed to everything that goes on the network, so their waits and retries add up to at most
 * `networkMs`, never one budget each.
 */
export class NetworkDeadline {
  /** When the network work must be over, ms since the epoch. */
  readonly atEpochMs: number;

  constructor(
    /** The whole budget, ms. */
    readonly budgetMs: number,
    nowEpochMs = Date.now(),
  ) {
    this.atEpochMs = nowEpochMs + budgetMs;
  }

  /** What is left, ms (0 once past). */
  remainingMs(nowEpochMs = Date.now()): number {
    return Math.max(0, this.atEpochMs - nowEpochMs);
  }

  /** An AbortSignal that fires at the deadline (or at once, past it). */
  signal(): AbortSignal {
    return AbortSignal.timeout(Math.max(1, this.remainingMs()));
  }

  /**
   * `work`, or a rejection with `what` at the deadline, whichever comes first: whatever it waits
   * for (a retry's sleep, a stalled download) goes on without holding the caller.
   */
  race<T>(work: Promise<T>, what: string): Promise<T> {
    const leftMs = this.remainingMs();
    // Lost races must not reject unheard.
    work.catch(() => undefined);
    if (leftMs <= 0) return Promise.reject(new Error(`${what}: the time allowed for network work (${this.budgetMs} ms) ran out`));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: the time allowed for network work (${this.budgetMs} ms) ran out`)), leftMs);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }
}

let current: NetworkDeadline | null = null;

/**
 * The one deadline of this process's network work, started by the first call: `post` (and
 * `mode: comment`) calls it first thing, and the Jobs API, the grid APIs, the history, the PR
 * comment, Prometheus and the artifacts all use it, so that together they end within
 * `networkMs` of the start of the hook.
 */
export function networkDeadline(env: NodeJS.ProcessEnv = process.env): NetworkDeadline {
  current ??= new NetworkDeadline(deadlines(env).networkMs);
  return current;
}
