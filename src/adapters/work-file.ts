/** The work-units file (GPU_CARBON_WORK_FILE) the job's steps may write to. */
import { readFileSync, statSync } from "node:fs";
import { parseWorkUnits } from "../core/energy/work-units.js";
import { errorMessage } from "../core/errors.js";

/** Reads at most this much: a count is a few bytes; a huge file is a mistake, not work. */
const MAX_BYTES = 64 * 1024;

/** The counts, `null` when no step wrote the file, or a problem in words. */
export function readWorkFile(file: string): ReturnType<typeof parseWorkUnits> | null | string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return null;
  }
  if (size > MAX_BYTES) return `the work file ${file} is ${size} bytes; it should hold counts, one per line`;
  try {
    return parseWorkUnits(readFileSync(file, "utf8"));
  } catch (e) {
    return `the work file ${file} could not be read (${errorMessage(e)})`;
  }
}
