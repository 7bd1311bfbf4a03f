/**
 * How long nvidia-smi may be silent before the watchdog restarts it. A C program writing to a
 * pipe is block-buffered unless it flushes: its rows then reach the sampler a 4096-byte block at a
 * time, and with one GPU at 500 ms a block takes about half a minute to fill. Until the sampler has
 * seen rows arrive as they are printed, the watchdog waits for two blocks' worth of rows; once
 * rows arrive late (held back), it keeps waiting for two blocks, measured from the rows' real size.
 */

/** stdio's buffer for a pipe on glibc (BUFSIZ). */
export const PIPE_BLOCK_BYTES = 4096;

/** Fewest bytes each field of a row can take (`2026/12/01 16:00:00.123`, `0`, `GPU-` + 36, `0.00`). */
const MIN_FIELD_BYTES: Record<string, number> = { timestamp: 23, index: 1, uuid: 40, "power.draw": 4 };

/** The fewest bytes one row of these loop fields can take, separators and newline included. */
export function minRowBytes(fields: string[]): number {
  const cells = fields.reduce((sum, field) => sum + (MIN_FIELD_BYTES[field] ?? 1), 0);
  return cells + 2 * Math.max(0, fields.length - 1) + 1;
}

/** The fields of a `--query-gpu=a,b,c` argument list; empty when there is none. */
export function queryFields(args: string[]): string[] {
  const query = args.find((a) => a.startsWith("--query-gpu="));
  return query ? query.slice("--query-gpu=".length).split(",") : [];
}

/** What the sampler knows about how nvidia-smi's output arrives. */
export class OutputPace {
  /** `prompt`: rows arrive as they are printed; `held`: they arrive late, in blocks; `unknown`: no rows yet. */
  state: "unknown" | "prompt" | "held" = "unknown";
  private rowBytes = 0;
  private rows = 0;

  /**
   * @param intervalMs the loop's interval
   * @param gpuCount rows per iteration
   * @param estimatedRowBytes bytes per row before any is seen (a lower bound: a longer wait)
   * @param floorMs the watchdog's limit for output that arrives promptly
   */
  constructor(
    private readonly intervalMs: number,
    private readonly gpuCount: number,
    private readonly estimatedRowBytes: number,
    private readonly floorMs: number,
  ) {}

  /** A new nvidia-smi: nothing is known about its output yet. */
  reset(): void {
    this.state = "unknown";
    this.rowBytes = 0;
    this.rows = 0;
  }

  /**
   * Rows that arrived together: their bytes, and how late the oldest of them arrived, ms.
   * @returns true when this changed the state to `held` (worth one event in the log)
   */
  arrived(rows: number, bytes: number, oldestDelayMs: number): boolean {
    if (rows === 0) return false;
    this.rows += rows;
    this.rowBytes += bytes;
    const was = this.state;
    // Late by more than two intervals (and a second for a slow host): held back by a buffer.
    this.state = oldestDelayMs > Math.max(2 * this.intervalMs, 1000) ? "held" : "prompt";
    return this.state === "held" && was !== "held";
  }

  /** Time to fill one block at the loop's pace, ms. */
  blockFillMs(): number {
    const perRow = this.rows > 0 ? this.rowBytes / this.rows : this.estimatedRowBytes;
    const iterations = Math.ceil(PIPE_BLOCK_BYTES / Math.max(1, perRow * Math.max(1, this.gpuCount)));
    return iterations * this.intervalMs;
  }

  /** How long a silence the watchdog allows now, ms. */
  silenceLimitMs(): number {
    if (this.state === "prompt") return this.floorMs;
    return Math.max(this.floorMs, 2 * this.blockFillMs());
  }
}
