/**
 * The progress line `gpu-carbon run` prints to stderr while the command runs: elapsed time,
 * current power and energy so far, read from the sampler's log as it grows (only the new bytes
 * each time). On a terminal it rewrites one line; otherwise it prints a line now and then, so
 * CI logs and redirected output stay readable.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { LiveEnergy, formatProgress } from "../core/log/progress.js";

export interface ProgressOptions {
  /** The sampler's log; `null` when nothing is measured (only the time is shown). */
  samplesPath: string | null;
  /** Time between two updates, ms. */
  everyMs: number;
  /** Rewrite one line in place (a terminal) instead of printing lines. */
  tty: boolean;
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

/** Starts printing progress; `stop()` ends it and clears the line on a terminal. */
export function startProgress(options: ProgressOptions): { stop(): void } {
  const now = options.now ?? Date.now;
  const startedMs = now();
  const follower = options.samplesPath ? new FileFollower(options.samplesPath) : null;
  const live = follower ? new LiveEnergy() : null;
  let shown = false;
  const tick = () => {
    if (follower && live) for (const line of follower.newLines()) live.push(line);
    const line = formatProgress((now() - startedMs) / 1000, live ? live.snapshot() : null);
    options.write(options.tty ? `\r\x1b[K${line}` : `${line}\n`);
    shown = true;
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (options.tty && shown) options.write("\r\x1b[K");
    },
  };
}
