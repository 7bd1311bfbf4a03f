/** The contract between the process that starts the sampler (pre, `gpu-carbon run`) and the sampler. */

/** What the sampler is told to do; written to a JSON file by whoever starts it. */
export interface SamplerConfig {
  /** Absolute path of the nvidia-smi executable. */
  nvidiaSmiPath: string;
  /** Arguments of the looping query. */
  args: string[];
  /** Sample log to append to. */
  samplesPath: string;
  /** Requested interval, ms (also the watchdog's unit). */
  intervalMs: number;
  /** Process whose exit means the job is gone (`null`: do not watch). */
  watchPid: number | null;
  /** Stop after this long whatever happens, ms. */
  maxDurationMs: number;
  /** Rows are written as they are for this long, then rolled up per GPU (default 2 h; tests shorten it). */
  rawRowsMs?: number;
  /** Time each rollup record covers, ms (default 60 s). */
  rollupMs?: number;
  /** GPUs in the loop (rows per iteration; default 1), for the watchdog's wait for a block. */
  gpuCount?: number;
  /** The energy-counter bundle, run every minute so that a reset mid-job is seen; absent: not read. */
  counterScript?: string;
}
