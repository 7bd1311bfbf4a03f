/** The phase marks file in the job's work folder: `mode: mark` appends, post reads. */
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { FILE } from "../config/names.js";
import { formatMark, parseMarks, type PhaseMark } from "../core/energy/phases.js";

/** Appends one mark (one line, so concurrent appends cannot interleave). */
export function appendMark(dir: string, mark: PhaseMark): void {
  appendFileSync(path.join(dir, FILE.marks), formatMark(mark) + "\n");
}

/** The marks so far, in time order; none when the file does not exist. */
export function readMarks(dir: string): PhaseMark[] {
  try {
    return parseMarks(readFileSync(path.join(dir, FILE.marks), "utf8"));
  } catch {
    return [];
  }
}
