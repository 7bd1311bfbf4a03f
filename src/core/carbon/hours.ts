/**
 * Hours and ranges of hours, as the live grid services are asked for them. Pure.
 */

export const HOUR_MS = 3_600_000;

/** Splits [startMs, endMs) into consecutive pieces of at most `maxMs` (services cap a request's range). */
export function timeChunks(startMs: number, endMs: number, maxMs: number): { startMs: number; endMs: number }[] {
  const chunks: { startMs: number; endMs: number }[] = [];
  for (let from = startMs; from < endMs; from += maxMs) chunks.push({ startMs: from, endMs: Math.min(endMs, from + maxMs) });
  return chunks;
}

/** The hour containing `epochMs`, floored (`up`: the next hour boundary at or after it). */
export function hourBoundary(epochMs: number, up = false): number {
  return (up ? Math.ceil(epochMs / HOUR_MS) : Math.floor(epochMs / HOUR_MS)) * HOUR_MS;
}
