/**
 * Splits a stream of bytes into lines without turning them into strings, so the reader can
 * parse most rows straight from the bytes. Memory is bounded: a line longer than `maxLineBytes`
 * keeps only its start (such a line is never a valid row). Pure.
 */

const NEWLINE = 10;
const RETURN = 13;

/** Called with each complete line, without its `\n` (and without a `\r` before it). */
export type LineSink = (bytes: Uint8Array, start: number, end: number) => void;

/**
 * Tried first at the start of each line that lies whole in one chunk: reads the line if it can,
 * finding its end as it goes, and returns the offset of its `\n` (before `limit`); or returns -1,
 * having changed nothing, and the line goes to the `LineSink`.
 */
export type LineReader = (bytes: Uint8Array, start: number, limit: number) => number;

export class ByteLines {
  private carry: Uint8Array | null = null;

  constructor(
    private readonly onLine: LineSink,
    private readonly tryLine: LineReader | null = null,
    private readonly maxLineBytes = 65_536,
  ) {}

  /** Feeds the next chunk of the stream. */
  push(chunk: Uint8Array): void {
    let start = 0;
    if (this.carry) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) {
        this.carry = this.join(this.carry, chunk);
        return;
      }
      const line = this.join(this.carry, chunk.subarray(0, nl));
      this.carry = null;
      this.emit(line, 0, line.length);
      start = nl + 1;
    }
    const tryLine = this.tryLine;
    while (start < chunk.length) {
      let nl = tryLine === null ? -1 : tryLine(chunk, start, chunk.length);
      if (nl < 0) {
        nl = chunk.indexOf(NEWLINE, start);
        if (nl < 0) break;
        this.emit(chunk, start, nl);
      }
      start = nl + 1;
    }
    // Copied, because the caller may reuse the chunk's memory.
    if (start < chunk.length) this.carry = this.join(new Uint8Array(0), chunk.subarray(start));
  }

  /** Ends the stream; returns the last line when it had no newline (cut off), else `null`. */
  end(): Uint8Array | null {
    const rest = this.carry;
    this.carry = null;
    return rest && rest.length > 0 ? rest : null;
  }

  private emit(bytes: Uint8Array, start: number, end: number): void {
    this.onLine(bytes, start, end > start && bytes[end - 1] === RETURN ? end - 1 : end);
  }

  private join(head: Uint8Array, tail: Uint8Array): Uint8Array {
    const room = Math.max(0, this.maxLineBytes - head.length);
    const taken = tail.subarray(0, Math.min(room, tail.length));
    if (taken.length === 0) return head;
    const joined = new Uint8Array(head.length + taken.length);
    joined.set(head, 0);
    joined.set(taken, head.length);
    return joined;
  }
}
