/**
 * Live grid data for the job's hours (opt-in, in post): Electricity Maps with a token, or the
 * keyless UK Carbon Intensity API for locations in Great Britain. Each hour's energy is priced at
 * that hour's intensity. The whole fetch is capped at a few seconds; any failure leaves the table
 * figure in place with a warning.
 */
import { networkDeadline } from "../adapters/deadlines.js";
import { ELECTRICITY_MAPS_MAX_RANGE_MS, UK_MAX_RANGE_MS, electricityMapsRange, ukIntensityRange } from "../adapters/grid-api.js";
import { ATTRIBUTION, type CarbonIntensity, type IntensityBasis } from "../core/carbon/intensity.js";
import { hourBoundary, timeChunks } from "../core/carbon/hours.js";
import type { ParsedSeries } from "../core/carbon/live-grid.js";
import { precise, type Report } from "../core/report/report.js";
import { energyWeightedIntensity, slicesFromPowerSeries, type IntensityPeriod } from "../core/carbon/time-weighting.js";
import { INPUT } from "../config/names.js";
import type { Settings } from "../config/settings.js";
import { errorMessage } from "../core/errors.js";

/** Every warning about live data starts with this, so post can show it even on a good measurement. */
export const LIVE_WARNING_PREFIX = "live grid data";

/** All live requests of one report together stop after this long. */
export const LIVE_BUDGET_MS = 5000;
/** One request gives up after this long. */
export const LIVE_REQUEST_TIMEOUT_MS = 4000;

/** The live figure, or warnings saying why the table figure stays (none when live data was not asked for). */
export type LiveResult = { intensity: CarbonIntensity; warnings: string[] } | { intensity: null; warnings: string[] };

interface Service {
  name: string;
  zone: string;
  maxRangeMs: number;
  attribution: string;
  fetch(startMs: number, endMs: number, timeoutMs: number): Promise<unknown>;
  /** Checks an answer (loading the checks, and zod, on first use). */
  parse(json: unknown): Promise<ParsedSeries>;
}

/** The services to try, in order, for these settings. */
function services(settings: Settings, env: NodeJS.ProcessEnv, warnings: string[]): Service[] {
  const location = settings.location;
  if (!location) return [];
  const list: Service[] = [];
  if (settings.electricityMapsToken) {
    const zone = location.electricityMapsZone;
    if (zone) {
      list.push({
        name: "Electricity Maps API",
        zone,
        maxRangeMs: ELECTRICITY_MAPS_MAX_RANGE_MS,
        attribution: ATTRIBUTION.electricityMapsLive,
        fetch: (startMs, endMs, timeoutMs) => electricityMapsRange(zone, startMs, endMs, settings.electricityMapsToken, env, timeoutMs),
        parse: async (json) => (await import("../core/carbon/live-grid.js")).parseElectricityMaps(json),
      });
    } else {
      warnings.push(
        `${LIVE_WARNING_PREFIX}: no Electricity Maps zone is known for ${location.location}; set '${INPUT.location}' to a zone key (such as US-CAL-CISO) for live data.`,
      );
    }
  }
  if (settings.liveGrid && location.inGreatBritain) {
    list.push({
      name: "UK Carbon Intensity API",
      zone: "GB",
      maxRangeMs: UK_MAX_RANGE_MS,
      attribution: ATTRIBUTION.ukCarbonIntensity,
      fetch: (startMs, endMs, timeoutMs) => ukIntensityRange(startMs, endMs, env, timeoutMs),
      parse: async (json) => (await import("../core/carbon/live-grid.js")).parseUkCarbonIntensity(json),
    });
  }
  return list;
}

async function fetchSeries(service: Service, startMs: number, endMs: number, deadlineMs: number, now: () => number): Promise<ParsedSeries> {
  const periods: IntensityPeriod[] = [];
  let basis: IntensityBasis | null = null;
  for (const chunk of timeChunks(startMs, endMs, service.maxRangeMs)) {
    const leftMs = deadlineMs - now();
    if (leftMs <= 0) return { ok: false, reason: `no complete answer within ${LIVE_BUDGET_MS} ms` };
    const parsed = await service.parse(await service.fetch(chunk.startMs, chunk.endMs, Math.min(LIVE_REQUEST_TIMEOUT_MS, leftMs)));
    if (!parsed.ok) return parsed;
    if (basis !== null && parsed.basis !== basis) return { ok: false, reason: "the answers mixed emission-factor bases" };
    basis = parsed.basis;
    periods.push(...parsed.periods);
  }
  return basis === null ? { ok: false, reason: "the job's window is empty" } : { ok: true, periods, basis };
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * Live, energy-weighted intensity for a measured report. `intensity: null` (with warnings when
 * something went wrong) means: keep the table figure. An explicit `carbon-intensity` wins over
 * live data, so nothing is fetched then.
 */
export async function liveIntensity(report: Report, settings: Settings, env: NodeJS.ProcessEnv, now = Date.now): Promise<LiveResult> {
  const warnings: string[] = [];
  if (settings.carbonIntensityGPerKwh !== null || report.energyKwh === null || !report.startedAt || !report.endedAt) {
    return { intensity: null, warnings };
  }
  const list = services(settings, env, warnings);
  const windowStartMs = Date.parse(report.startedAt);
  const windowEndMs = Date.parse(report.endedAt);
  const slices = slicesFromPowerSeries(windowStartMs, windowEndMs, report.powerSeries);
  // Its own few seconds, within post's one network deadline.
  const deadlineMs = now() + Math.min(LIVE_BUDGET_MS, networkDeadline(env).remainingMs());
  for (const service of list) {
    let series: ParsedSeries;
    try {
      series = await fetchSeries(service, hourBoundary(windowStartMs), hourBoundary(windowEndMs, true), deadlineMs, now);
    } catch (e) {
      series = { ok: false, reason: errorMessage(e) };
    }
    const weighted = series.ok ? energyWeightedIntensity(slices, series.periods) : null;
    if (!series.ok || !weighted) {
      const why = series.ok ? "it had no figures for the job's hours" : series.reason;
      warnings.push(`${LIVE_WARNING_PREFIX}: the ${service.name} could not be used (${why}); the yearly table figure is used instead.`);
      continue;
    }
    if (weighted.filledFraction > 0) {
      warnings.push(
        `${LIVE_WARNING_PREFIX}: ${(weighted.filledFraction * 100).toFixed(1)} % of the energy fell in hours the ${service.name} had no figure for yet; they were priced at the nearest hour's figure.`,
      );
    }
    const hours = weighted.periods.length;
    return {
      intensity: {
        gramsPerKwh: weighted.gramsPerKwh,
        source: `${service.name}, ${series.basis} intensity of ${service.zone}, weighted by the energy used in each of ${hours} period${hours === 1 ? "" : "s"}`,
        resolvedBy: "live",
        year: new Date(windowStartMs).getUTCFullYear(),
        basis: series.basis,
        location: settings.location?.location ?? null,
        zone: service.zone,
        attribution: service.attribution,
        hourly: weighted.periods.map((p) => ({
          from: iso(p.startMs),
          to: iso(p.endMs),
          gramsPerKwh: p.gramsPerKwh,
          energyKwh: precise(p.energyKwh),
        })),
      },
      warnings,
    };
  }
  return { intensity: null, warnings };
}
