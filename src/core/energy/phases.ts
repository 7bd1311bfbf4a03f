/**
 * Phases the user names with `mode: mark`. Pure: the marks file's line format and the spans.
 *
 * A mark starts its phase at the moment the marking step ran; the phase lasts until the next
 * mark or the end of the measurement. Time before the first mark belongs to no phase. The marks
 * file holds one line per mark, `<epochMs>\t<name>`, on the runner's wall clock (converted to
 * the sampler's clock through the log's `@start` epoch, like step times).
 */
import type { Span } from "./breakdown.js";

/** A boundary the user marked. */
export interface PhaseMark {
  /** Phase name as given in `phase`. */
  name: string;
  /** When the marking step ran, ms since the epoch. */
  epochMs: number;
}

/** One line of the marks file (without newline); tabs and newlines in the name become spaces. */
export function formatMark(mark: PhaseMark): string {
  return `${Math.round(mark.epochMs)}\t${mark.name.replace(/[\t\r\n]+/g, " ")}`;
}

/** Parses the marks file; lines that are not marks are skipped. Sorted by time. */
export function parseMarks(text: string): PhaseMark[] {
  const marks: PhaseMark[] = [];
  for (const line of text.split("\n")) {
    const match = /^(\d+)\t(.+)$/.exec(line.trimEnd());
    if (match) marks.push({ epochMs: Number(match[1]), name: match[2] ?? "" });
  }
  return marks.sort((a, b) => a.epochMs - b.epochMs);
}

/** Each phase from its mark to the next mark (the last: to the end of the measurement). */
export function phaseSpans(marks: PhaseMark[]): Span[] {
  return marks.map((mark, i) => ({ name: mark.name, startEpochMs: mark.epochMs, endEpochMs: marks[i + 1]?.epochMs ?? null }));
}
