/** Power usage effectiveness: a number the user gives, or a named preset with its source. Pure. */
import { PUE_ROWS } from "../../data/facility.js";

/** The PUE a report applies and where it comes from. */
export interface PueSource {
  /** Facility energy / IT energy, 1.0 to 3.0. */
  value: number;
  /** Preset name (`industry-average`, `aws`, ...), `null` for a number or the default. */
  preset: string | null;
  /** Who published the figure, or `input 'pue'` / the default, in words. */
  source: string;
  /** Year the figure describes; `null` for a number the user gave. */
  year: number | null;
  /** Where it was published; `null` for a number the user gave. */
  url: string | null;
}

/** Preset name -> the published row it stands for (operator and year in pue.csv). */
const PRESETS: Record<string, { operator: string; year: number }> = {
  "industry-average": { operator: "Uptime Institute Global Data Center Survey", year: 2024 },
  "on-premises": { operator: "IDC on-premises enterprise average", year: 2024 },
  "public-cloud": { operator: "IDC public-cloud industry average", year: 2024 },
  aws: { operator: "AWS (global)", year: 2025 },
  azure: { operator: "Microsoft (global portfolio)", year: 2023 },
  google: { operator: "Google (fleet)", year: 2024 },
  meta: { operator: "Meta (fleet)", year: 2023 },
};

/** The preset names, in the order the docs list them. */
export const PUE_PRESET_NAMES = Object.keys(PRESETS);

/** The preset of this name (case-insensitive), `null` when there is none. */
export function puePreset(name: string): PueSource | null {
  const key = name.trim().toLowerCase();
  const preset = PRESETS[key];
  if (!preset) return null;
  const row = PUE_ROWS.find((r) => r.operator === preset.operator && r.year === preset.year);
  if (!row) return null;
  const quoted = row.sourceType === "publisher" ? "" : " (as quoted by a secondary source)";
  return { value: row.pue, preset: key, source: `${row.operator} ${row.year}${quoted}`, year: row.year, url: row.sourceUrl };
}

/** A PUE the user gave as a number. */
export function pueFromNumber(value: number, source: string): PueSource {
  return { value, preset: null, source, year: null, url: null };
}
