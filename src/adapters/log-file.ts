/** Reading a sample log from disk as a stream of bytes (never the whole file in memory). */
import { statSync } from "node:fs";
import { open } from "node:fs/promises";
import type { SampleLogReader } from "../core/log/reader.js";

/** Bytes read at a time, into one buffer reused for the whole file. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams `path` into `reader`. A final line without a newline (cut off when the writer was
 * killed) is counted as malformed, never parsed. One read buffer serves the whole file: the
 * reader copies what it keeps of a chunk, so a long log makes no garbage here.
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
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    while (bytes < size) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(CHUNK_BYTES, size - bytes), null);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      reader.pushBytes(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  reader.endBytes();
  return bytes;
}
