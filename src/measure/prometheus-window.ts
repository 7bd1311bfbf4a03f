/**
 * Reading a job's window from Prometheus: the DCGM exporter's energy counter and power samples
 * of the selected GPUs, waiting (bounded) for the scrape after the window's end, and the MIG
 * activity needed to share a board. Used by `post` and by `gpu-carbon report`.
 */
import { PrometheusError, type PrometheusClient } from "../adapters/prometheus-api.js";
import type { EpochWindow } from "../core/prometheus/counter-energy.js";
import { DCGM, boardOf, groupByBoard, scrapeIntervalMs, selectorLabelNames, type PromSeries } from "../core/prometheus/dcgm.js";
import type { DcgmReadings } from "../core/prometheus/dcgm-report.js";

/** Samples are read this far beyond each edge of the window, so that the scrapes around it are found. */
export const EDGE_PADDING_MS = 300_000;

/** Most label values listed when a selector matches nothing. */
const MAX_HINT_VALUES = 12;

/** The selector matched no DCGM series in the window. */
export class NoSeriesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NoSeriesError";
  }
}

export interface WindowQuery {
  client: PrometheusClient;
  /** PromQL label matchers without braces. */
  selector: string;
  window: EpochWindow;
  /**
   * Wait for each GPU's first scrape after the window's end, at most two scrape intervals past
   * it (and never past the client's deadline). For a window that has just ended.
   */
  waitForLastScrape: boolean;
  /** Injectable clock and sleep for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A range selector's length in whole seconds, at least 1. */
const rangeSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

function rawQuery(metric: string, selector: string, rangeMs: number): string {
  return `${metric}{${selector}}[${rangeSeconds(rangeMs)}s]`;
}

/** Reads the window (see the module comment). Throws `PrometheusError` or `NoSeriesError`. */
export async function readDcgmWindow(query: WindowQuery): Promise<DcgmReadings> {
  const { client, selector, window } = query;
  const now = query.now ?? Date.now;
  const sleep = query.sleep ?? realSleep;
  const queries: string[] = [];
  const read = async () => {
    const evalMs = Math.min(now(), window.endEpochMs + EDGE_PADDING_MS);
    const rangeMs = evalMs - (window.startEpochMs - EDGE_PADDING_MS);
    const exprs = [rawQuery(DCGM.energyMj, selector, rangeMs), rawQuery(DCGM.powerW, selector, rangeMs)];
    if (queries.length === 0) queries.push(...exprs);
    const [counter, power] = await Promise.all(exprs.map((expr) => client.query(expr, evalMs)));
    return { counter: counter!, power: power! };
  };
  let { counter, power } = await read();
  if (counter.length === 0 && power.length === 0) throw new NoSeriesError(await noSeriesMessage(query));

  if (query.waitForLastScrape) {
    const intervalMs = scrapeIntervalMs([...counter, ...power]) ?? 30_000;
    const waitUntil = window.endEpochMs + 2 * intervalMs;
    // Stop early when no series moves any more: the job's labels are gone once it ended (Slurm).
    const stopped = () => now() > newestSampleMs([...counter, ...power]) + 1.5 * intervalMs;
    while (!allPastEnd([...counter, ...power], window) && now() < waitUntil && !stopped()) {
      await sleep(Math.max(50, Math.min(intervalMs / 4, 1000, waitUntil - now())));
      try {
        ({ counter, power } = await read());
      } catch (e) {
        // Out of time while waiting: keep what was read; the edge is then estimated.
        if (e instanceof PrometheusError && e.fault === "timeout") break;
        throw e;
      }
    }
  }

  const { grActive, boardInstances } = await migActivity(query, [...counter, ...power], queries);
  return { window, counter, power, grActive, boardInstances, source: { url: client.url, selector, queries } };
}

/** Time of the newest sample of any series, ms since the epoch (0 without samples). */
function newestSampleMs(series: PromSeries[]): number {
  return Math.max(0, ...series.map((s) => s.samples.at(-1)?.[0] ?? 0));
}

/** True when every GPU seen in the window has a sample at or after its end. */
function allPastEnd(series: PromSeries[], window: EpochWindow): boolean {
  return groupByBoard(series)
    .filter((b) => b.series.samples.some(([t]) => t >= window.startEpochMs - EDGE_PADDING_MS))
    .every((b) => (b.series.samples.at(-1)?.[0] ?? 0) >= window.endEpochMs);
}

/**
 * For boards where the job matched MIG instances: every instance on them (any owner), and the
 * mean engine activity of each over the window.
 */
async function migActivity(
  query: WindowQuery,
  series: PromSeries[],
  queries: string[],
): Promise<{ grActive: PromSeries[]; boardInstances: PromSeries[] }> {
  // Only the labels matter here: grouping the samples too would merge every board's counter and power.
  const partial = groupByBoard(series.map((s) => ({ labels: s.labels, samples: [] }))).filter(
    (b) => b.instances.length > 0 && b.board.uuid !== null,
  );
  if (partial.length === 0) return { grActive: [], boardInstances: [] };
  const uuids = [...new Set(partial.map((b) => b.board.uuid!))].map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const rangeS = rangeSeconds(query.window.endEpochMs - query.window.startEpochMs);
  const onBoards = (fn: string, metric: string) =>
    ["UUID", "uuid"].map((name) => `${fn}(${metric}{${name}=~"${uuids}"}[${rangeS}s])`).join(" or ");
  const keys = new Set(partial.map((b) => b.board.key));
  const ask = async (expr: string) => {
    queries.push(expr);
    try {
      const found = await query.client.query(expr, query.window.endEpochMs);
      return found.filter((s) => keys.has(boardOf(s.labels).key));
    } catch (e) {
      if (e instanceof PrometheusError && e.fault !== "bad-query") throw e;
      return [];
    }
  };
  const grActive = await ask(onBoards("avg_over_time", DCGM.grEngineActive));
  const boardInstances = await ask(onBoards("last_over_time", DCGM.powerW));
  return { grActive, boardInstances };
}

/** Why nothing matched, with the values that exist for the selector's labels (a typo then shows). */
async function noSeriesMessage(query: WindowQuery): Promise<string> {
  const { client, selector, window } = query;
  const from = new Date(window.startEpochMs).toISOString();
  const to = new Date(window.endEpochMs).toISOString();
  const head = `no DCGM series (${DCGM.energyMj} or ${DCGM.powerW}) match {${selector}} between ${from} and ${to}`;
  const match = `{__name__=~"${DCGM.powerW}|${DCGM.energyMj}"}`;
  const hints: string[] = [];
  for (const name of selectorLabelNames(selector)) {
    try {
      const values = await client.labelValues(name, match, window.startEpochMs - EDGE_PADDING_MS, window.endEpochMs + EDGE_PADDING_MS);
      const shown = values.slice(0, MAX_HINT_VALUES).map((v) => `"${v}"`);
      const more = values.length > MAX_HINT_VALUES ? ` and ${values.length - MAX_HINT_VALUES} more` : "";
      hints.push(values.length === 0 ? `no DCGM series has a label '${name}'` : `label '${name}' has ${shown.join(", ")}${more}`);
    } catch {
      // The hint is a courtesy; the warning stands without it.
    }
  }
  return hints.length > 0 ? `${head}; in that time ${hints.join("; ")}` : head;
}
