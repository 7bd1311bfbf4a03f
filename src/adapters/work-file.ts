/** The work-units file (GPU_CARBON_WORK_FILE) the job's steps may write to. */
import { parseWorkUnits } from "../core/energy/work-units.js";
import { readRegularFile } from "./safe-file.js";

/** Reads at most this much: a count is a few bytes; a huge file is a mistake, not work. */
const MAX_BYTES = 64 * 1024;

/** The counts, `null` when no step wrote the file, or a problem in words. */
export function readWorkFile(file: string): ReturnType<typeof parseWorkUnits> | null | string {
  const read = readRegularFile(file, MAX_BYTES);
  if (read.ok) return parseWorkUnits(read.text);
  if (read.missing) return null;
  return `the work file ${read.reason}; it should hold counts, one per line`;
}
