/** The phase marks file in the job's work folder: `mode: mark` appends, post reads. */
import path from "node:path";
import { FILE } from "../config/names.js";
import { formatMark, parseMarks, type PhaseMark } from "../core/energy/phases.js";
import { appendRegularFile, readRegularFile } from "./safe-file.js";

/** Marks are a line each: a file larger than this is not ours. */
const MAX_BYTES = 4 << 20;

/** Appends one mark (one line, so concurrent appends cannot interleave); throws why it could not. */
export function appendMark(dir: string, mark: PhaseMark): void {
  const error = appendRegularFile(path.join(dir, FILE.marks), formatMark(mark) + "\n");
  if (error) throw new Error(error);
}

/** The marks so far, in time order (none when the file does not exist), and why they could not be read. */
export function readMarks(dir: string): { marks: PhaseMark[]; problem: string | null } {
  const read = readRegularFile(path.join(dir, FILE.marks), MAX_BYTES);
  if (read.ok) return { marks: parseMarks(read.text), problem: null };
  return { marks: [], problem: read.missing ? null : `the phase marks were not read: ${read.reason}` };
}
