/** Reading a sample log from disk as a stream of lines (never the whole file in memory). */
import { createReadStream, statSync } from "node:fs";
import type { SampleLogReader } from "../core/sample-log.js";

/**
 * Streams `path` into `reader` line by line. A final line without a newline (cut off when the
 * writer was killed) is counted as malformed, never parsed.
 *
 * With `snapshot`, only a regular file is read, and only up to the size it has when reading
 * starts: a log that some leftover process keeps appending to, or a device in its place, cannot
 * keep the caller reading for ever.
 * @returns bytes read
 */
export async function readLogInto(path: string, reader: SampleLogReader, options: { snapshot?: boolean } = {}): Promise<number> {
  let carry = "";
  let bytes = 0;
  let end: number | undefined;
  if (options.snapshot) {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error(`${path} is not a regular file`);
    if (stat.size === 0) return 0;
    end = stat.size - 1;
  }
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20, end });
  for await (const chunk of stream as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    let start = 0;
    const text = carry + chunk;
    for (let nl = text.indexOf("\n", start); nl >= 0; nl = text.indexOf("\n", start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      reader.push(text.slice(start, end));
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  if (carry.length > 0) reader.pushCutOff(carry);
  return bytes;
}
