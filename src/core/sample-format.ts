/**
 * The sampler's log format, one record per line, fields separated by a tab:
 *
 *     @start  <epochMs>  <intervalMs>      window start (wall clock) and requested interval
 *     @header <tMs>      <csv header>      nvidia-smi's header, repeated after every restart
 *     <tMs>   <csv row>                    one nvidia-smi output line, stamped on arrival
 *     @event  <tMs>      <text>            nvidia-smi exit, restart, stderr, watchdog
 *     @stop   <tMs>      <reason>          window end
 *
 * `tMs` is milliseconds since `@start` on the sampler's monotonic clock. Lines starting with
 * `#` are comments. Pure: formatting and parsing only.
 */

export type SamplerRecord =
  | { kind: "start"; epochMs: number; intervalMs: number }
  | { kind: "header"; tMs: number; line: string }
  | { kind: "row"; tMs: number; line: string }
  | { kind: "event"; tMs: number; text: string }
  | { kind: "stop"; tMs: number; reason: string };

/** First line of every sampler log. */
export const SAMPLER_LOG_MAGIC = "# gpu-carbon samples v1";

/** Milliseconds rounded for the log: whole ms are plenty for a >= 10 ms loop. */
function ms(tMs: number): string {
  return String(Math.round(tMs));
}

/** Removes tabs and newlines so free text cannot break the record structure. */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, " ");
}

export function formatStart(epochMs: number, intervalMs: number): string {
  return `@start\t${Math.round(epochMs)}\t${intervalMs}`;
}
export function formatHeader(tMs: number, line: string): string {
  return `@header\t${ms(tMs)}\t${oneLine(line)}`;
}
export function formatRow(tMs: number, line: string): string {
  return `${ms(tMs)}\t${oneLine(line)}`;
}
export function formatEvent(tMs: number, text: string): string {
  return `@event\t${ms(tMs)}\t${oneLine(text)}`;
}
export function formatStop(tMs: number, reason: string): string {
  return `@stop\t${ms(tMs)}\t${oneLine(reason)}`;
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
    case "@start": {
      const intervalMs = Number(second);
      return Number.isFinite(intervalMs) && intervalMs > 0 ? { kind: "start", epochMs: tMs, intervalMs } : null;
    }
    case "@header":
      return { kind: "header", tMs, line: second };
    case "@event":
      return { kind: "event", tMs, text: second };
    case "@stop":
      return { kind: "stop", tMs, reason: second };
    default:
      return null;
  }
}
