/** Reading a sample log from disk as a stream of bytes (never the whole file in memory). */
import { statSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import type { SampleLogReader } from "../core/log/reader.js";

/** Bytes read at a time, into two buffers reused for the whole file. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams `path` into `reader`. A final line without a newline (cut off when the writer was
 * killed) is counted as malformed, never parsed. Two read buffers serve the whole file, in turn:
 * the next chunk is read into one while the reader parses the other, so parsing never waits on
 * the disk it could have overlapped. The reader copies what it keeps of a chunk, so a long log
 * makes no garbage here.
 *
 * With `snapshot`, only a regular file is read, and only up to the size it has when reading
 * starts: a log that some leftover process keeps appending to, or a device in its place, cannot
 * keep the caller reading for ever.
 * @returns bytes read
 */
export async function readLogInto(path: string, reader: SampleLogReader, options: { snapshot?: boolean } = {}): Promise<number> {
  let bytes = 0;
  let size = Infinity;
  if (options.snapshot) {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error(`${path} is not a regular file`);
    if (stat.size === 0) return 0;
    size = stat.size;
  }
  const file = await open(path, "r");
  let pending: ReturnType<FileHandle["read"]> | null = null;
  try {
    let filling = Buffer.allocUnsafe(CHUNK_BYTES);
    let spare = Buffer.allocUnsafe(CHUNK_BYTES);
    // One read in flight at a time (reads follow the file's position), started before parsing.
    const readInto = (buffer: Buffer) => file.read(buffer, 0, Math.min(CHUNK_BYTES, size - bytes), null);
    pending = bytes < size ? readInto(filling) : null;
    while (pending) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      bytes += bytesRead;
      const full = filling;
      filling = spare;
      spare = full;
      pending = bytes < size ? readInto(filling) : null;
      reader.pushBytes(full.subarray(0, bytesRead));
    }
  } finally {
    // A read still in flight when the reader threw: the file is closed after it.
    await pending?.catch(() => undefined);
    await file.close();
  }
  reader.endBytes();
  return bytes;
}
