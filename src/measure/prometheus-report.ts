/**
 * A report for a window read through Prometheus (see `prometheus-window.ts`), priced like any
 * other. A fault (unreachable, refused, a bad selector, no series) is a `not-measured` report
 * whose warning names the URL and the selector, never the token.
 */
import { prometheusClient, displayUrl, PrometheusError } from "../adapters/prometheus-api.js";
import type { EpochWindow } from "../core/prometheus/counter-energy.js";
import { buildDcgmReport, type DcgmSpans } from "../core/prometheus/dcgm-report.js";
import { notMeasuredReport, type Report } from "../core/report/report.js";
import { gapThresholdMs } from "../core/integrator.js";
import { resolveIntensity } from "./intensity.js";
import { priceReport } from "./pricing.js";
import { settingsWarnings, type Settings } from "../config/settings.js";
import { NoSeriesError, readDcgmWindow } from "./prometheus-window.js";

/** Post's network budget for Prometheus when the caller gives none, ms. */
export const PROMETHEUS_BUDGET_MS = 60_000;

export interface PrometheusReportRequest {
  settings: Settings;
  /** The selector to use (the last one given in the job, or the input's). */
  selector: string;
  window: EpochWindow;
  /** Wait (bounded) for the scrape after the window's end: the window has just ended. */
  waitForLastScrape: boolean;
  /** When all network work must be over, ms since the epoch. */
  deadlineEpochMs?: number;
  spans?: DcgmSpans;
  /** Warnings from before (the session's). */
  warnings?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Reads the window and builds the report; never throws for a measurement problem. */
export async function prometheusReport(request: PrometheusReportRequest): Promise<Report> {
  const { settings, selector, window } = request;
  const env = request.env ?? process.env;
  const { intensity } = resolveIntensity(settings);
  const reportSettings = { pue: settings.pue, pueSource: settings.pueSource, carbonIntensity: intensity };
  const warnings = [...settingsWarnings(settings), ...(request.warnings ?? [])];
  const where = `Prometheus at ${displayUrl(settings.prometheusUrl)} (selector {${selector}})`;
  const notMeasured = (why: string) =>
    notMeasuredReport(reportSettings, [...warnings, why], {
      startEpochMs: window.startEpochMs,
      durationMs: window.endEpochMs - window.startEpochMs,
      intervalMs: 30_000,
      gapMs: gapThresholdMs(30_000),
    });
  let report: Report;
  if (selector.trim() === "") {
    report = notMeasured(
      `no 'prometheus-selector' was given (as an input, or with 'mode: mark' later in the job), so the GPUs of ${displayUrl(settings.prometheusUrl)} that are this job's are unknown: nothing was measured`,
    );
  } else {
    const client = prometheusClient({
      url: settings.prometheusUrl,
      token: settings.prometheusToken,
      deadlineEpochMs: request.deadlineEpochMs ?? Date.now() + PROMETHEUS_BUDGET_MS,
    });
    try {
      const data = await readDcgmWindow({ client, selector, window, waitForLastScrape: request.waitForLastScrape });
      report = buildDcgmReport(data, reportSettings, request.spans, warnings);
    } catch (e) {
      if (e instanceof NoSeriesError) report = notMeasured(`${where}: ${e.message}`);
      else if (e instanceof PrometheusError) report = notMeasured(`${where}: ${e.message}; nothing was measured`);
      else throw e;
    }
  }
  return priceReport(report, settings, env);
}
