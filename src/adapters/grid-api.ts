/**
 * The live grid services over HTTP: one attempt per request, a short timeout, no retries (post
 * must not hang on a slow service; the tables are the fallback). Base URLs can be overridden
 * through environment variables, for tests against local fakes and for proxies.
 */
import { ENV } from "../config/names.js";

export const ELECTRICITY_MAPS_URL = "https://api.electricitymaps.com";
export const UK_CARBON_INTENSITY_URL = "https://api.carbonintensity.org.uk";

/** Longest range per request: Electricity Maps' hourly past-range allows 10 days, the UK API 14. */
export const ELECTRICITY_MAPS_MAX_RANGE_MS = 10 * 24 * 3_600_000;
export const UK_MAX_RANGE_MS = 14 * 24 * 3_600_000;

/** A failed request, described without secrets (the token travels in a header, never in the text). */
export class GridApiError extends Error {
  override name = "GridApiError";
}

/** GETs JSON once; rejects with `GridApiError` on a timeout, a network error or a non-2xx status. */
export async function getJson(url: string, headers: Record<string, string>, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json", ...headers }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const error = e as Error;
    const timedOut = error.name === "TimeoutError" || error.name === "AbortError";
    throw new GridApiError(timedOut ? `no answer within ${timeoutMs} ms` : `the request failed (${error.message})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new GridApiError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  }
  try {
    return await response.json();
  } catch {
    throw new GridApiError("the answer was not JSON");
  }
}

function base(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  return (env[name] || fallback).replace(/\/+$/, "");
}

/** Electricity Maps hourly lifecycle history of `zone` over [startMs, endMs). */
export function electricityMapsRange(
  zone: string,
  startMs: number,
  endMs: number,
  token: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<unknown> {
  const query = new URLSearchParams({
    zone,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    emissionFactorType: "lifecycle",
    temporalGranularity: "hourly",
  });
  const url = `${base(env, ENV.electricityMapsUrl, ELECTRICITY_MAPS_URL)}/v3/carbon-intensity/past-range?${query}`;
  return getJson(url, { "auth-token": token }, timeoutMs);
}

/** `2026-03-01T10:00Z`: the UK API's minute-precision UTC form. */
function ukTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16) + "Z";
}

/** UK Carbon Intensity API national half-hours over [startMs, endMs). */
export function ukIntensityRange(startMs: number, endMs: number, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<unknown> {
  const url = `${base(env, ENV.ukCarbonIntensityUrl, UK_CARBON_INTENSITY_URL)}/intensity/${ukTime(startMs)}/${ukTime(endMs)}`;
  return getJson(url, {}, timeoutMs);
}
