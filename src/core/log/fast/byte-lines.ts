/**
 * Splits a stream of bytes into lines without turning them into strings, so the reader can
 * parse most rows straight from the bytes. Memory is bounded: of a line longer than
 * `maxLineBytes` only the start is kept, and the line is handed on marked as overlong. Pure.
 */

const NEWLINE = 10;
const RETURN = 13;

/**
 * Called with each complete line that the `LineReader` did not take, without its `\n` (and
 * without a `\r` before it). An `overlong` line is cut to its first `maxLineBytes` bytes.
 */
export type LineSink = (bytes: Uint8Array, start: number, end: number, overlong: boolean) => void;

/**
 * Offered each line before anything else is done with it (a line cut by the end of a chunk is
 * offered once its end has come, in an array of its own): reads it, and as many lines
 * after it as it can, finding their ends as it goes, and returns the offset of the `\n` of the
 * last line it read. Or it declines the first with -1, having changed nothing the result depends
 * on, and that line goes to the `LineSink`. Every line it reads has its `\n` before `end` (the
 * end of the chunk) and less than `reach` bytes after the line's start: a longer line must be
 * declined (it may be overlong). The lines after the first are offered again when it stops.
 */
export type LineReader = (bytes: Uint8Array, start: number, end: number, reach: number) => number;

export class ByteLines {
  /** The start of a line cut by the end of a chunk (at most `maxLineBytes + 1` bytes). */
  private carry: Uint8Array | null = null;
  /** The carried line had more bytes than were kept. */
  private carryCut = false;

  constructor(
    private readonly onLine: LineSink,
    private readonly tryLine: LineReader | null = null,
    private readonly maxLineBytes = 65_536,
  ) {}

  /** Feeds the next chunk of the stream. */
  push(chunk: Uint8Array): void {
    const tryLine = this.tryLine;
    // The reader sees no further than the `\n` of a line of `maxLineBytes` bytes (a longer one,
    // and one that long with a `\r`, go to the sink, which tells them apart).
    const reach = this.maxLineBytes + 1;
    let start = 0;
    if (this.carry) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) {
        this.carry = this.join(this.carry, chunk);
        return;
      }
      const line = this.join(this.carry, chunk.subarray(0, nl));
      const cut = this.carryCut;
      this.carry = null;
      this.carryCut = false;
      if (cut || !this.tryWhole(line, reach)) this.emit(line, 0, line.length, cut);
      start = nl + 1;
    }
    while (start < chunk.length) {
      let nl = tryLine === null ? -1 : tryLine(chunk, start, chunk.length, reach);
      if (nl < 0) {
        nl = chunk.indexOf(NEWLINE, start);
        if (nl < 0) break;
        this.emit(chunk, start, nl, false);
      }
      start = nl + 1;
    }
    // Copied, because the caller may reuse the chunk's memory.
    if (start < chunk.length) this.carry = this.join(new Uint8Array(0), chunk.subarray(start));
  }

  /**
   * Offers the `LineReader` a line carried over from the last chunk, as one of its own with its
   * `\n`: true when it read it. (Left to the sink, one record a chunk would take the slow path,
   * and the reader's compiled code would meet a second kind of record for each of them.)
   */
  private tryWhole(line: Uint8Array, reach: number): boolean {
    if (this.tryLine === null) return false;
    const whole = new Uint8Array(line.length + 1);
    whole.set(line, 0);
    whole[line.length] = NEWLINE;
    return this.tryLine(whole, 0, whole.length, reach) === line.length;
  }

  /** Ends the stream; returns the last line when it had no newline (cut off), else `null`. */
  end(): Uint8Array | null {
    const rest = this.carry;
    this.carry = null;
    this.carryCut = false;
    return rest && rest.length > 0 ? rest : null;
  }

  private emit(bytes: Uint8Array, start: number, end: number, cut: boolean): void {
    const lineEnd = end > start && bytes[end - 1] === RETURN ? end - 1 : end;
    const overlong = cut || lineEnd - start > this.maxLineBytes;
    this.onLine(bytes, start, overlong ? Math.min(lineEnd, start + this.maxLineBytes) : lineEnd, overlong);
  }

  /** `head` and as much of `tail` as fits in `maxLineBytes + 1` bytes (room for a `\r`). */
  private join(head: Uint8Array, tail: Uint8Array): Uint8Array {
    const room = Math.max(0, this.maxLineBytes + 1 - head.length);
    if (tail.length > room) this.carryCut = true;
    const taken = tail.subarray(0, Math.min(room, tail.length));
    if (taken.length === 0) return head;
    const joined = new Uint8Array(head.length + taken.length);
    joined.set(head, 0);
    joined.set(taken, head.length);
    return joined;
  }
}
