/**
 * The progress line `gpu-carbon run` shows on a terminal while the command runs: elapsed time,
 * current power and energy so far, read from the sampler's log as it grows (only the new bytes
 * each time). It lives on the terminal's last row, which it takes out of the scrolling region
 * (as apt's progress bar does), so the command's own output scrolls above it and the two never
 * share a line. Off a terminal there is none: a log or a pipe gets only the command's output and
 * the report.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { LiveEnergy, formatProgress } from "../core/log/progress.js";

export interface ProgressOptions {
  /** The sampler's log; `null` when nothing is measured (only the time is shown). */
  samplesPath: string | null;
  /** Time between two updates, ms. */
  everyMs: number;
  /** The terminal's size, in characters (at least 3 rows). */
  terminal: { rows: number; columns: number };
  /** Where the line goes (stderr, so stdout stays the command's and the report's). */
  write: (text: string) => void;
  /** Clock, ms; injectable for tests. */
  now?: () => number;
}

/** Reads what was appended to a file since the last call, as complete lines. */
class FileFollower {
  private offset = 0;
  private carry = "";
  private readonly decoder = new StringDecoder("utf8");
  private readonly buffer = Buffer.alloc(1 << 16);

  constructor(private readonly file: string) {}

  newLines(): string[] {
    let fd: number;
    try {
      fd = openSync(this.file, "r");
    } catch {
      return []; // not created yet
    }
    try {
      let text = this.carry;
      for (let n = readSync(fd, this.buffer, 0, this.buffer.length, this.offset); n > 0;) {
        this.offset += n;
        text += this.decoder.write(this.buffer.subarray(0, n));
        n = readSync(fd, this.buffer, 0, this.buffer.length, this.offset);
      }
      const lines = text.split("\n");
      this.carry = lines.pop() ?? "";
      return lines;
    } finally {
      closeSync(fd);
    }
  }
}

const SAVE = "\x1b7";
const RESTORE = "\x1b8";
const CLEAR_LINE = "\x1b[2K";

/** Reserves the last row: a new line (so the cursor is not on it), then a scrolling region above it. */
export function reserveLastRow(rows: number): string {
  return `\n${SAVE}\x1b[1;${rows - 1}r${RESTORE}\x1b[1A`;
}

/** Draws `line` on the last row and puts the cursor back where the command left it. */
export function drawOnLastRow(rows: number, columns: number, line: string): string {
  return `${SAVE}\x1b[${rows};1H${CLEAR_LINE}${line.slice(0, Math.max(1, columns - 1))}${RESTORE}`;
}

/** Clears the last row and gives the whole screen back to scrolling. */
export function releaseLastRow(rows: number): string {
  return `${SAVE}\x1b[${rows};1H${CLEAR_LINE}\x1b[r${RESTORE}`;
}

/** Starts showing progress on the terminal's last row; `stop()` clears it and gives the row back. */
export function startProgress(options: ProgressOptions): { stop(): void } {
  const now = options.now ?? Date.now;
  const { rows, columns } = options.terminal;
  const startedMs = now();
  const follower = options.samplesPath ? new FileFollower(options.samplesPath) : null;
  const live = follower ? new LiveEnergy() : null;
  options.write(reserveLastRow(rows));
  const tick = () => {
    if (follower && live) for (const line of follower.newLines()) live.push(line);
    options.write(drawOnLastRow(rows, columns, formatProgress((now() - startedMs) / 1000, live ? live.snapshot() : null)));
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      options.write(releaseLastRow(rows));
    },
  };
}
