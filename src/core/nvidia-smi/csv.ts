/**
 * The CSV dialect `nvidia-smi --query-gpu=... --format=csv[,nounits][,noheader]` prints.
 * Cells are separated by ", " with no quoting; the header names each field followed by its
 * unit in brackets (`power.draw [W]`), also with `nounits`. Pure.
 */
import { gpuIdentity, type GpuIdentity } from "../gpu.js";

/** Column layout learned from a header line. */
export interface CsvHeader {
  /** Field names in column order, units stripped (`power.draw`). */
  fields: string[];
  /** Column position of each field name. */
  positions: Map<string, number>;
}

/** Canonical names of the fields gpu-carbon reads from the sampling loop. */
export const FIELD = {
  timestamp: "timestamp",
  index: "index",
  uuid: "uuid",
  name: "name",
  powerDraw: "power.draw",
  powerAverage: "power.draw.average",
  powerInstant: "power.draw.instant",
  utilization: "utilization.gpu",
  memoryUsed: "memory.used",
  temperature: "temperature.gpu",
} as const;

/** Aliases nvidia-smi accepts on input and echoes in canonical spelling in the header. */
const ALIASES: Record<string, string> = {
  gpu_uuid: "uuid",
  gpu_name: "name",
  "gpu.power.draw.average": "power.draw.average",
  "gpu.power.draw.instant": "power.draw.instant",
};

/** Splits one CSV line into trimmed cells. */
export function splitCells(line: string): string[] {
  return line.split(",").map((cell) => cell.trim());
}

/** Strips the ` [unit]` suffix of a header cell and maps aliases to canonical names. */
export function fieldName(headerCell: string): string {
  const name = headerCell.replace(/\s*\[[^\]]*\]\s*$/, "").trim();
  return ALIASES[name] ?? name;
}

/** A query field's name: dotted words such as `power.draw`, `clocks.current.sm` or `pci.baseClass`. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;

/**
 * True when the line is a header: every cell is a field name (optionally with a unit), the first
 * one `timestamp`, `index` or a dotted name, e.g. `timestamp, index, power.draw [W]`. Data rows
 * start with a value, never a field name; prose ("carbon.", "e.g. this, that") is not a header.
 */
export function isHeaderLine(line: string): boolean {
  const names = splitCells(line).map(fieldName);
  const first = names[0]!;
  return (first === "timestamp" || first === "index" || first.includes(".")) && names.every((name) => FIELD_NAME.test(name));
}

/** Parses a header line into its column layout. */
export function parseHeader(line: string): CsvHeader {
  const fields = splitCells(line).map(fieldName);
  const positions = new Map<string, number>();
  fields.forEach((field, position) => {
    if (!positions.has(field)) positions.set(field, position);
  });
  return { fields, positions };
}

/**
 * True for the values nvidia-smi prints instead of a reading: `[N/A]`, bare `N/A`, an empty
 * cell, and every bracketed message (`[Not Supported]`, `[GPU is lost]`, `[Unknown Error]`,
 * `[Insufficient Permissions]`, `[Requested functionality has been deprecated]`, ...).
 */
export function isPlaceholder(cell: string): boolean {
  return cell === "" || cell === "N/A" || (cell.startsWith("[") && cell.endsWith("]"));
}

/**
 * A numeric reading, or `null` for a placeholder or anything that is not a finite number.
 * Accepts values with or without a unit suffix (`250.00 W` with `csv`, `250.00` with `nounits`).
 */
export function parseReading(cell: string | undefined): number | null {
  if (cell === undefined || isPlaceholder(cell)) return null;
  const match = /^(-?\d+(?:\.\d+)?)(?:\s*[A-Za-z%]+)?$/.exec(cell);
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isFinite(value) ? value : null;
}

/**
 * A text cell, or `null` for a placeholder. Control characters become spaces: a GPU name is
 * printed in logs, where a carriage return could start a line the runner reads as a command.
 */
export function parseText(cell: string | undefined): string | null {
  if (cell === undefined || isPlaceholder(cell)) return null;
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return cell.replace(/[\u0000-\u001f\u007f]/g, " ");
}

/**
 * Parses nvidia-smi's `timestamp` (`YYYY/MM/DD HH:MM:SS.mmm`, host local time, no zone) into
 * milliseconds on a zone-less scale: the wall-clock fields read as if they were UTC. Differences
 * between two such values are real durations except across a clock or DST change, which the
 * caller must detect. Returns `null` for anything else. Only the form is checked, not the values
 * (the byte reader's `RecentTimestamp` relies on that; change both together).
 */
export function parseTimestampMs(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  const match = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(cell);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac] = match;
  const ms = frac ? Number(frac.padEnd(3, "0")) : 0;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
}

/** The placeholder nvidia-smi prints in every cell of a GPU that fell off the bus. */
export const GPU_LOST = "[GPU is lost]";

/**
 * True when the identity and time cells of a row look like what nvidia-smi prints there: a
 * timestamp, a whole-number index, a `GPU-`/`MIG-` uuid, or a placeholder. Event lines (Xid,
 * ECC) and garbage that happen to hold as many commas as the header fail this test, so they
 * cannot become readings of a GPU that does not exist.
 */
export function plausibleRow(cells: string[], header: CsvHeader): boolean {
  const at = (field: string) => {
    const position = header.positions.get(field);
    return position === undefined ? undefined : (cells[position] ?? "");
  };
  const timestamp = at(FIELD.timestamp);
  if (timestamp !== undefined && !isPlaceholder(timestamp) && parseTimestampMs(timestamp) === null) return false;
  const index = at(FIELD.index);
  if (index !== undefined && !isPlaceholder(index) && !/^\d+$/.test(index)) return false;
  const uuid = at(FIELD.uuid);
  if (uuid !== undefined && !isPlaceholder(uuid) && !/^(GPU|MIG)-\S+$/.test(uuid)) return false;
  return true;
}

/** Which column carries board power: `power.draw` where present, else `power.draw.average`. */
export function powerField(header: CsvHeader): string | null {
  if (header.positions.has(FIELD.powerDraw)) return FIELD.powerDraw;
  if (header.positions.has(FIELD.powerAverage)) return FIELD.powerAverage;
  if (header.positions.has(FIELD.powerInstant)) return FIELD.powerInstant;
  return null;
}

/**
 * The row's board power, W: `power.draw`, or where that is a placeholder (`[N/A]`) the first of
 * `power.draw.average` and `power.draw.instant` the row has a reading in; `null` when none has.
 */
export function rowPowerW(cells: string[], header: CsvHeader): number | null {
  for (const field of [FIELD.powerDraw, FIELD.powerAverage, FIELD.powerInstant]) {
    const position = header.positions.get(field);
    if (position === undefined) continue;
    const powerW = parseReading(cells[position]);
    if (powerW !== null) return powerW;
  }
  return null;
}

/** True when the header has a power column to fall back on when `powerField`'s is a placeholder. */
export function hasPowerFallback(header: CsvHeader): boolean {
  return [FIELD.powerDraw, FIELD.powerAverage, FIELD.powerInstant].filter((field) => header.positions.has(field)).length > 1;
}

/**
 * The GPU a row belongs to: by uuid, else by index, else the only GPU (a log without either
 * column). `null` when the log has the columns but the row names no GPU (`[GPU is lost]` in each).
 */
export function identify(cells: string[], header: CsvHeader): GpuIdentity | null {
  const uuidAt = header.positions.get(FIELD.uuid);
  const indexAt = header.positions.get(FIELD.index);
  const uuid = uuidAt === undefined ? null : parseText(cells[uuidAt]);
  const index = indexAt === undefined ? null : parseText(cells[indexAt]);
  if (uuid === null && index === null && (uuidAt !== undefined || indexAt !== undefined)) return null;
  return gpuIdentity(uuid, index);
}
