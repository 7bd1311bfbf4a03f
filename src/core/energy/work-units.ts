/**
 * Energy per unit of work, opt-in. Pure: the work file's format and the figure.
 *
 * A step writes a count of work (samples, tokens, optimizer steps) to the file named by
 * GPU_CARBON_WORK_FILE, one count per line, optionally followed by the unit's name:
 * `echo "128000 tokens" >> "$GPU_CARBON_WORK_FILE"`. The counts are added up, so several steps
 * can append; the unit is the first one named. Lines that are not a count are skipped.
 */
import { JOULES_PER_KWH } from "../units.js";

/** What the job counted, and the energy per unit. */
export interface WorkReport {
  /** Total units counted. */
  units: number;
  /** Their name, e.g. `tokens`; `null` when none was given. */
  unit: string | null;
  /** GPU energy (before PUE) divided by `units`, J. */
  joulesPerUnit: number;
}

/** The counts in a work file, or why it cannot be used. */
export function parseWorkUnits(text: string): { units: number; unit: string | null; skippedLines: number } {
  let units = 0;
  let unit: string | null = null;
  let skippedLines = 0;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const match = /^([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)(?:\s+(\S.{0,39}))?$/i.exec(line);
    if (!match) {
      skippedLines += 1;
      continue;
    }
    units += Number(match[1]);
    unit ??= match[2]?.trim() ?? null;
  }
  return { units, unit, skippedLines };
}

/** Joules per unit; `null` without energy or without a positive count. */
export function workReport(energyKwh: number | null, units: number, unit: string | null): WorkReport | null {
  if (energyKwh === null || !(units > 0)) return null;
  return { units, unit, joulesPerUnit: Math.round(((energyKwh * JOULES_PER_KWH) / units) * 1e6) / 1e6 };
}
