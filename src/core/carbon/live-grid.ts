/**
 * What the live grid services answer, checked and turned into intensity periods. Pure.
 * Each answer is one series of one basis: a series that mixes bases is refused, never blended.
 * Loaded only when live data is fetched (`live-intensity.ts` imports it when it parses an
 * answer): its schemas need zod, which a start that fetches nothing need not load.
 */
import { z } from "zod";
import { lazily } from "../lazily.js";
import type { IntensityBasis } from "./intensity.js";
import type { IntensityPeriod } from "./time-weighting.js";
import { HOUR_MS } from "./hours.js";

/** A series from one service, or why it cannot be used. */
export type ParsedSeries = { ok: true; periods: IntensityPeriod[]; basis: IntensityBasis } | { ok: false; reason: string };

const electricityMapsSchema = lazily(() =>
  z.object({
    data: z.array(
      z.object({
        datetime: z.string(),
        carbonIntensity: z.number().nonnegative().nullable(),
        emissionFactorType: z.string().optional(),
      }),
    ),
  }),
);

/**
 * Electricity Maps `GET /v3/carbon-intensity/past-range` (hourly): each point is the hour that
 * starts at `datetime`. Points without a figure are skipped. We ask for lifecycle factors; a
 * point of another type is refused so that one report never blends bases.
 */
export function parseElectricityMaps(json: unknown): ParsedSeries {
  const parsed = electricityMapsSchema().safeParse(json);
  if (!parsed.success) return { ok: false, reason: "the answer was not the expected carbon-intensity history" };
  const periods: IntensityPeriod[] = [];
  for (const point of parsed.data.data) {
    const type = point.emissionFactorType ?? "lifecycle";
    if (type !== "lifecycle") return { ok: false, reason: `the answer mixed in '${type}' emission factors where lifecycle was asked for` };
    const startMs = Date.parse(point.datetime);
    if (point.carbonIntensity === null || Number.isNaN(startMs)) continue;
    periods.push({ startMs, endMs: startMs + HOUR_MS, gramsPerKwh: point.carbonIntensity });
  }
  return { ok: true, periods, basis: "lifecycle" };
}

const ukSchema = lazily(() =>
  z.object({
    data: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        intensity: z.object({ forecast: z.number().nonnegative().nullable(), actual: z.number().nonnegative().nullable().optional() }),
      }),
    ),
  }),
);

/**
 * UK Carbon Intensity API `GET /intensity/{from}/{to}`: half-hours with an `actual` figure where
 * measured and a `forecast` otherwise (the latest half-hours). Its factors count combustion only
 * (gas 394, coal 937, wind and nuclear 0 g/kWh), so the basis is `direct`.
 */
export function parseUkCarbonIntensity(json: unknown): ParsedSeries {
  const parsed = ukSchema().safeParse(json);
  if (!parsed.success) return { ok: false, reason: "the answer was not the expected intensity list" };
  const periods: IntensityPeriod[] = [];
  for (const point of parsed.data.data) {
    const startMs = Date.parse(point.from);
    const endMs = Date.parse(point.to);
    const gramsPerKwh = point.intensity.actual ?? point.intensity.forecast;
    if (gramsPerKwh === null || Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) continue;
    periods.push({ startMs, endMs, gramsPerKwh });
  }
  return { ok: true, periods, basis: "direct" };
}
