/**
 * The sampler's log format, one record per line, fields separated by a tab:
 *
 *     @start  <epochMs>  <intervalMs>      window start (wall clock) and requested interval
 *     @header <tMs>      <csv header>      nvidia-smi's header, repeated after every restart (tMs: when it started)
 *     <tMs>   <csv row>                    one nvidia-smi output line, timed by its own timestamp
 *     @rollup <tMs>      name=value ...    one GPU's rows up to tMs, integrated (see below)
 *     @event  <tMs>      <text>            nvidia-smi exit, restart, stderr, watchdog
 *     @counter <tMs>     uuid=mJ ...       the driver's energy counters, read every minute
 *     @stop   <tMs>      <reason>          window end
 *
 * `tMs` is milliseconds since `@start` on the sampler's monotonic clock; a row's is nvidia-smi's
 * `timestamp` mapped onto that clock (`row-clock.ts`), or its arrival where it has none that fits,
 * so rows come in time order even when nvidia-smi's output arrives in blocks. Lines starting with
 * `#` are comments. Pure: formatting and parsing only.
 *
 * v2 added `@rollup`: after the first hours of a job the sampler stops writing every row and
 * writes, once a minute per GPU, the totals of that GPU's rows (`GpuRollup`), each field named:
 * `uuid`, `index` (empty when the row had none), `validSamples`, `missingSamples`, `firstMs`,
 * `firstW`, `lastMs`, `lastW` (`firstMs`/`lastMs` empty without a valid reading), `energyJ`,
 * `coveredMs`, `gaps`, `longestGapMs`, `peakW`. Unknown names are ignored, so later versions can
 * add fields. v1 logs (rows only) read the same as before.
 */
import { gpuIdentity, type GpuIdentity } from "../gpu.js";
import type { GpuRollup } from "../integrator.js";

export type SamplerRecord =
  | { kind: "start"; epochMs: number; intervalMs: number }
  | { kind: "header"; tMs: number; line: string }
  | { kind: "row"; tMs: number; line: string }
  | { kind: "rollup"; tMs: number; identity: GpuIdentity; rollup: GpuRollup }
  | { kind: "event"; tMs: number; text: string }
  | { kind: "counter"; tMs: number; readings: { uuid: string; energyMj: number }[] }
  | { kind: "stop"; tMs: number; reason: string };

/** First line of every sampler log. */
export const SAMPLER_LOG_MAGIC = "# gpu-carbon samples v2";

/** The tag that opens each kind of record. */
export const TAG = { start: "@start", header: "@header", rollup: "@rollup", event: "@event", counter: "@counter", stop: "@stop" } as const;

/** What a log holds once the window is open (the starter waits for it). */
export const START_TAG = `${TAG.start}\t`;

/**
 * How the `@event` texts post reads begin. The sampler writes them from these names and post
 * matches them by these names, so rewording one cannot silently drop a warning.
 */
export const EVENT = {
  /** nvidia-smi exited; followed by ` (code N)` or ` (signal S)`. */
  exited: "nvidia-smi exited",
  /** nvidia-smi could not be started; followed by `: <error>`. */
  couldNotStart: "nvidia-smi could not start",
  /** A killed nvidia-smi did not exit and was abandoned. */
  didNotExit: "nvidia-smi did not exit",
  /** nvidia-smi went silent and was restarted; followed by `: <details>`. */
  watchdog: "watchdog",
} as const;

/** True for an event saying nvidia-smi stopped or stalled and was restarted. */
export function isRestartEvent(text: string): boolean {
  return Object.values(EVENT).some((start) => text.startsWith(start));
}

/** Prefix of each line the sampler writes to its own log (its stderr, `sampler.log`). */
export const DIAGNOSTIC_PREFIX = "gpu-carbon sampler: ";
/** A diagnostic that post passes on as a warning starts with this (after the prefix). */
export const PROBLEM_START = "cannot ";

/** A line of the sampler's own log. */
export function formatDiagnostic(message: string): string {
  return `${DIAGNOSTIC_PREFIX}${message}`;
}

/** The problems (`cannot ...`) among the lines of the sampler's own log, without the prefix. */
export function diagnosedProblems(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith(DIAGNOSTIC_PREFIX + PROBLEM_START))
    .map((line) => line.slice(DIAGNOSTIC_PREFIX.length));
}

/** Milliseconds rounded for the log: whole ms are plenty for a >= 10 ms loop. */
function ms(tMs: number): string {
  return String(Math.round(tMs));
}

/** Removes tabs and newlines so free text cannot break the record structure. */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, " ");
}

export function formatStart(epochMs: number, intervalMs: number): string {
  return `${TAG.start}\t${Math.round(epochMs)}\t${intervalMs}`;
}
export function formatHeader(tMs: number, line: string): string {
  return `${TAG.header}\t${ms(tMs)}\t${oneLine(line)}`;
}
export function formatRow(tMs: number, line: string): string {
  return `${ms(tMs)}\t${oneLine(line)}`;
}
/** A `@rollup` record: one GPU's rows up to `tMs`, integrated. */
export function formatRollup(tMs: number, identity: GpuIdentity, rollup: GpuRollup): string {
  const fields: [string, string | number | null][] = [
    ["uuid", identity.uuid],
    ["index", identity.index],
    ["validSamples", rollup.validSamples],
    ["missingSamples", rollup.missingSamples],
    ["firstMs", rollup.firstMs === null ? null : Math.round(rollup.firstMs)],
    ["firstW", rollup.firstW],
    ["lastMs", rollup.lastMs === null ? null : Math.round(rollup.lastMs)],
    ["lastW", rollup.lastW],
    ["energyJ", rollup.energyJ],
    ["powerSquaredW2s", rollup.powerSquaredW2s],
    ["coveredMs", rollup.coveredMs],
    ["gaps", rollup.gaps],
    ["longestGapMs", rollup.longestGapMs],
    ["peakW", rollup.peakW],
  ];
  // String(number) is the shortest text that reads back as the same double: no precision is lost.
  return `${TAG.rollup}\t${ms(tMs)}\t${fields.map(([name, value]) => `${name}=${value === null ? "" : oneLine(String(value)).replace(/=/g, " ")}`).join("\t")}`;
}

/** Reads the fields of a `@rollup` record; `null` when a number is missing or not a number. */
function parseRollup(fields: string): { identity: GpuIdentity; rollup: GpuRollup } | null {
  const values = new Map<string, string>();
  for (const field of fields.split("\t")) {
    const eq = field.indexOf("=");
    if (eq > 0) values.set(field.slice(0, eq), field.slice(eq + 1));
  }
  let bad = false;
  const number = (name: string): number => {
    const value = Number(values.get(name) || NaN);
    bad ||= !Number.isFinite(value);
    return value;
  };
  const optional = (name: string): number | null => (values.get(name) === "" ? null : number(name));
  const rollup: GpuRollup = {
    validSamples: number("validSamples"),
    missingSamples: number("missingSamples"),
    firstMs: optional("firstMs"),
    firstW: number("firstW"),
    lastMs: optional("lastMs"),
    lastW: number("lastW"),
    energyJ: number("energyJ"),
    powerSquaredW2s: 0,
    coveredMs: number("coveredMs"),
    gaps: number("gaps"),
    longestGapMs: number("longestGapMs"),
    peakW: optional("peakW"),
  };
  if (bad) return null;
  // Written since the uncertainty range; an older record counts as no spread (steady power).
  const squared = values.get("powerSquaredW2s");
  rollup.powerSquaredW2s =
    squared !== undefined && Number.isFinite(Number(squared)) && squared !== ""
      ? Number(squared)
      : rollup.coveredMs > 0
        ? rollup.energyJ ** 2 / (rollup.coveredMs / 1000)
        : 0;
  return { identity: gpuIdentity(values.get("uuid") || null, values.get("index") || null), rollup };
}

/** A `@counter` record: the driver's energy counters read mid-job, `uuid=mJ` per GPU that gave one. */
export function formatCounter(tMs: number, readings: { uuid: string; energyMj: number | null }[]): string {
  const fields = readings.flatMap((r) => (r.energyMj === null ? [] : [`${oneLine(r.uuid).replace(/=/g, " ")}=${r.energyMj}`]));
  return `${TAG.counter}\t${ms(tMs)}\t${fields.join("\t")}`;
}

export function formatEvent(tMs: number, text: string): string {
  return `${TAG.event}\t${ms(tMs)}\t${oneLine(text)}`;
}
export function formatStop(tMs: number, reason: string): string {
  return `${TAG.stop}\t${ms(tMs)}\t${oneLine(reason)}`;
}

/** Parses a sampler record; `null` when the line is not one (for example a plain CSV line). */
export function parseSamplerRecord(line: string): SamplerRecord | null {
  const tab = line.indexOf("\t");
  if (tab < 0) return null;
  const tag = line.slice(0, tab);
  const rest = line.slice(tab + 1);
  if (/^\d+$/.test(tag)) return { kind: "row", tMs: Number(tag), line: rest };
  const tab2 = rest.indexOf("\t");
  const first = tab2 < 0 ? rest : rest.slice(0, tab2);
  const second = tab2 < 0 ? "" : rest.slice(tab2 + 1);
  if (!/^\d+$/.test(first)) return null;
  const tMs = Number(first);
  switch (tag) {
    case TAG.start: {
      const intervalMs = Number(second);
      return Number.isFinite(intervalMs) && intervalMs > 0 ? { kind: "start", epochMs: tMs, intervalMs } : null;
    }
    case TAG.header:
      return { kind: "header", tMs, line: second };
    case TAG.rollup: {
      const parsed = parseRollup(second);
      return parsed ? { kind: "rollup", tMs, ...parsed } : null;
    }
    case TAG.event:
      return { kind: "event", tMs, text: second };
    case TAG.counter: {
      const readings = second.split("\t").flatMap((field) => {
        const eq = field.lastIndexOf("=");
        const energyMj = Number(field.slice(eq + 1));
        return eq > 0 && field.slice(eq + 1) !== "" && Number.isFinite(energyMj) ? [{ uuid: field.slice(0, eq), energyMj }] : [];
      });
      return { kind: "counter", tMs, readings };
    }
    case TAG.stop:
      return { kind: "stop", tMs, reason: second };
    default:
      return null;
  }
}
