/**
 * The Prometheus HTTP API (also spoken by Thanos, Mimir, VictoriaMetrics, Grafana Cloud): instant
 * queries and label values, with a bearer token and a deadline. Errors are `PrometheusError`s
 * whose messages never contain the token.
 */
import type { PromSeries } from "../core/prometheus/dcgm.js";

/** What went wrong, for the warning. */
export type PrometheusFault = "unreachable" | "unauthorized" | "server" | "bad-query" | "timeout" | "bad-response";

export class PrometheusError extends Error {
  constructor(
    readonly fault: PrometheusFault,
    message: string,
  ) {
    super(message);
    this.name = "PrometheusError";
  }
}

export interface PrometheusClient {
  /** The base URL without user name or password, to name in messages. */
  readonly url: string;
  /** Evaluates `expr` at `timeEpochMs`; a range selector gives the raw samples. */
  query(expr: string, timeEpochMs: number): Promise<PromSeries[]>;
  /** Values of label `name` on series matching `match` between the two times. */
  labelValues(name: string, match: string, startEpochMs: number, endEpochMs: number): Promise<string[]>;
}

export interface ClientOptions {
  /** Base URL of the API, such as `http://prometheus:9090` (paths below `/api/v1` are added). */
  url: string;
  /** Bearer token; empty for none. */
  token: string;
  /** No request runs past this time, ms since the epoch. */
  deadlineEpochMs: number;
  /** Longest wait for one request, ms. */
  requestTimeoutMs?: number;
}

/** The URL with any user name and password taken out, for messages. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}

function seconds(epochMs: number): string {
  return (epochMs / 1000).toFixed(3);
}

interface ApiBody {
  status?: string;
  error?: string;
  errorType?: string;
  data?: unknown;
}

function parseValue(text: unknown): number {
  return typeof text === "string" ? Number(text) : Number.NaN;
}

/** The series of a `vector` or `matrix` result. */
export function seriesOf(data: unknown): PromSeries[] {
  const result = (data as { resultType?: string; result?: unknown } | null)?.result;
  if (!Array.isArray(result)) throw new PrometheusError("bad-response", "the answer has no result list");
  return result.map((entry: { metric?: Record<string, string>; values?: [number, unknown][]; value?: [number, unknown] }) => {
    const pairs = entry.values ?? (entry.value ? [entry.value] : []);
    // Each [seconds, "value"] pair becomes [ms, value] where it stands: a week of samples is
    // hundreds of thousands of pairs, not worth copying. Values that are not numbers are dropped.
    let kept = 0;
    for (const pair of pairs) {
      if (!Array.isArray(pair)) continue; // not a [time, value] pair: not the API's, dropped
      const value = parseValue(pair[1]);
      if (!Number.isFinite(value)) continue;
      pair[0] = Math.round(Number(pair[0]) * 1000);
      pair[1] = value;
      pairs[kept++] = pair;
    }
    pairs.length = kept;
    return { labels: entry.metric ?? {}, samples: pairs as [number, number][] };
  });
}

/** A client for the API at `options.url`. */
export function prometheusClient(options: ClientOptions): PrometheusClient {
  const base = options.url.replace(/\/+$/, "");
  const shown = displayUrl(base);
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;

  /** The server's or the network's words, never the token (a proxy may echo the header). */
  const clean = (text: string): string => (options.token ? text.split(options.token).join("***") : text);

  async function get(path: string, params: URLSearchParams): Promise<unknown> {
    const leftMs = options.deadlineEpochMs - Date.now();
    if (leftMs <= 0) throw new PrometheusError("timeout", `no time was left to ask ${shown}`);
    const headers: Record<string, string> = { Accept: "application/json" };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await fetch(`${base}${path}?${params.toString()}`, {
        headers,
        signal: AbortSignal.timeout(Math.min(leftMs, requestTimeoutMs)),
        redirect: "follow",
      });
    } catch (e) {
      const error = e as Error & { cause?: { code?: string; message?: string } };
      if (error.name === "TimeoutError" || error.name === "AbortError")
        throw new PrometheusError("timeout", `${shown} did not answer within ${Math.round(Math.min(leftMs, requestTimeoutMs) / 1000)} s`);
      const why = error.cause?.code ?? error.cause?.message ?? error.message;
      throw new PrometheusError("unreachable", `${shown} could not be reached (${clean(why.split(base).join(shown))})`);
    }
    const text = await response.text().catch(() => "");
    let body: ApiBody | null;
    try {
      body = JSON.parse(text) as ApiBody;
    } catch {
      body = null;
    }
    if (response.status === 401 || response.status === 403)
      throw new PrometheusError(
        "unauthorized",
        `${shown} refused the request (HTTP ${response.status}${options.token ? ": the token was not accepted" : ": it needs a token (input 'prometheus-token')"})`,
      );
    if (response.status === 400 || response.status === 422 || body?.errorType === "bad_data")
      throw new PrometheusError("bad-query", `${shown} rejected the query (${clean(body?.error ?? `HTTP ${response.status}`)})`);
    if (response.status >= 500)
      throw new PrometheusError("server", `${shown} failed (HTTP ${response.status}${body?.error ? `: ${clean(body.error)}` : ""})`);
    if (!response.ok || body === null || body.status !== "success")
      throw new PrometheusError(
        "bad-response",
        `${shown} gave an answer that is not the Prometheus API's (HTTP ${response.status}${body?.error ? `: ${clean(body.error)}` : ""}); is '${shown}' the API's base URL?`,
      );
    return body.data;
  }

  return {
    url: shown,
    async query(expr, timeEpochMs) {
      return seriesOf(await get("/api/v1/query", new URLSearchParams({ query: expr, time: seconds(timeEpochMs) })));
    },
    async labelValues(name, match, startEpochMs, endEpochMs) {
      const params = new URLSearchParams({ "match[]": match, start: seconds(startEpochMs), end: seconds(endEpochMs) });
      const data = await get(`/api/v1/label/${encodeURIComponent(name)}/values`, params);
      return Array.isArray(data) ? data.filter((v): v is string => typeof v === "string") : [];
    },
  };
}
