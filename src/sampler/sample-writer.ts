/**
 * Appends records to the sample log without ever stopping the sampler: a write that fails
 * (disk full, folder removed) is reported once, the lines are dropped, and the next write tries
 * again. When writing works again an event records how long samples were lost, and a line cut
 * by a partial write is closed first, so the reader counts it as one malformed line.
 */
import { closeSync, constants, openSync, writeSync } from "node:fs";
import { formatEvent } from "../core/log/format.js";
import { errorMessage } from "../core/errors.js";

export class SampleWriter {
  private fd: number | null;
  private failure: { sinceMs: number; message: string } | null = null;
  private cutLine = false;

  /**
   * @param path the sample log: emptied when it opens (whatever was there is not this job's) and
   *   opened without blocking, so a FIFO in its place is an error, not a sampler that never starts
   * @param nowMs the sampler's clock, ms since its start
   * @param report called once per failure streak, with the error
   */
  constructor(
    path: string,
    private readonly nowMs: () => number,
    private readonly report: (message: string) => void,
  ) {
    try {
      this.fd = openSync(
        path,
        constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_APPEND | constants.O_NONBLOCK | constants.O_NOCTTY,
        0o644,
      );
    } catch (e) {
      this.fd = null;
      report(`cannot open the sample log (${errorMessage(e)})`);
    }
  }

  /** Appends lines; never throws. */
  write(lines: string[]): void {
    if (this.fd === null || lines.length === 0) return;
    const notes = this.failure
      ? [
          formatEvent(
            this.nowMs(),
            `samples from ${Math.round(this.failure.sinceMs)} ms on could not be written (${this.failure.message}) and are lost`,
          ),
        ]
      : [];
    const buffer = Buffer.from(`${this.cutLine ? "\n" : ""}${[...notes, ...lines].join("\n")}\n`);
    let offset = 0;
    try {
      while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset, buffer.length - offset);
      this.failure = null;
      this.cutLine = false;
    } catch (e) {
      if (offset > 0) this.cutLine = true;
      if (!this.failure) {
        this.failure = { sinceMs: this.nowMs(), message: (e as NodeJS.ErrnoException).code ?? errorMessage(e) };
        this.report(`cannot write samples (${errorMessage(e)}); retrying with each new sample`);
      }
    }
  }

  /** Closes the log; safe to call twice. */
  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    this.fd = null;
  }
}
