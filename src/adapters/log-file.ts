/** Reading a sample log from disk as a stream of bytes (never the whole file in memory). */
import { createReadStream, statSync } from "node:fs";
import type { SampleLogReader } from "../core/log/reader.js";

/**
 * Streams `path` into `reader`. A final line without a newline (cut off when the writer was
 * killed) is counted as malformed, never parsed.
 *
 * With `snapshot`, only a regular file is read, and only up to the size it has when reading
 * starts: a log that some leftover process keeps appending to, or a device in its place, cannot
 * keep the caller reading for ever.
 * @returns bytes read
 */
export async function readLogInto(path: string, reader: SampleLogReader, options: { snapshot?: boolean } = {}): Promise<number> {
  let bytes = 0;
  let end: number | undefined;
  if (options.snapshot) {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error(`${path} is not a regular file`);
    if (stat.size === 0) return 0;
    end = stat.size - 1;
  }
  const stream = createReadStream(path, { highWaterMark: 1 << 20, end });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    reader.pushBytes(chunk);
  }
  reader.endBytes();
  return bytes;
}
