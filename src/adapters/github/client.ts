/**
 * The GitHub REST client: Octokit from @actions/github with retries (5xx, network errors) and
 * rate-limit handling, every request under a timeout, and all requests of one hook under a
 * shared deadline so that network trouble can never hold up the end of a job.
 * The API address comes from `GITHUB_API_URL` (GitHub Enterprise Server, or a test server).
 */
import { getOctokit } from "@actions/github";
import { defaults } from "@actions/github/lib/utils";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { errorMessage } from "../../core/errors.js";

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** Timeout of one HTTP request, ms. */
  requestTimeoutMs?: number;
  /** Every request must finish before this moment (ms since the epoch). */
  deadlineEpochMs?: number;
  /** Retries after a 5xx or network error (400, 401, 403, 404, 409 and 422 are never retried). */
  retries?: number;
  /** Base of the retry backoff (waits 1x, 4x, 9x this), ms. */
  retryBaseMs?: number;
  /** Longest rate-limit wait accepted before giving up, s. */
  maxRateLimitWaitS?: number;
  /** API base URL; defaults to `GITHUB_API_URL`, then https://api.github.com. */
  baseUrl?: string;
  /**
   * Clients with the same id share the throttling plugin's pacing of writes (one write a
   * second, comments three seconds apart). Each job is its own process with one client; tests
   * that stand in for several jobs in one process give each its own id.
   */
  throttleId?: string;
}

/** Thrown when the shared deadline has passed before a request could start. */
export class DeadlineError extends Error {
  constructor() {
    super("the time allowed for GitHub API calls ran out");
    this.name = "DeadlineError";
  }
}

/** Creates a client for `token`. */
export function createGitHubClient(token: string, options: ClientOptions = {}): GitHubClient {
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const maxWaitS = options.maxRateLimitWaitS ?? 10;
  const deadline = options.deadlineEpochMs ?? Number.POSITIVE_INFINITY;
  // The toolkit's fetch honours the runner's proxy settings (https_proxy, no_proxy); keep it.
  const baseFetch = ((defaults.request as { fetch?: typeof fetch } | undefined)?.fetch ?? fetch) as typeof fetch;
  const timedFetch: typeof fetch = (input, init) => {
    const leftMs = deadline - Date.now();
    if (leftMs <= 0) return Promise.reject(new DeadlineError());
    const signal = AbortSignal.timeout(Math.max(1, Math.min(requestTimeoutMs, leftMs)));
    return baseFetch(input, { ...init, signal });
  };
  const canWait = (retryAfterS: number, retryCount: number) =>
    retryCount < 1 && retryAfterS <= maxWaitS && Date.now() + retryAfterS * 1000 < deadline;
  const client = getOctokit(
    token,
    {
      baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com",
      request: { fetch: timedFetch },
      retry: {
        retries: options.retries ?? 2,
        retryAfterBaseValue: options.retryBaseMs ?? 1000,
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
      },
      throttle: {
        id: options.throttleId ?? "gpu-carbon",
        onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => canWait(retryAfter, retryCount),
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
          canWait(retryAfter, retryCount),
      },
    },
    retry,
    throttling,
  );
  // Outermost, around the retry plugin: a retry's sleep cannot take a call past the deadline.
  if (Number.isFinite(deadline))
    client.hook.wrap("request", async (request, requestOptions) => {
      const leftMs = deadline - Date.now();
      if (leftMs <= 0) throw new DeadlineError();
      const work = Promise.resolve(request(requestOptions));
      work.catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new DeadlineError()), leftMs);
      });
      try {
        return await Promise.race([work, late]);
      } finally {
        clearTimeout(timer);
      }
    });
  return client;
}

/**
 * The HTTP status of a failed request, or `null` for network errors and timeouts (Octokit
 * reports those as status 500 without a response).
 */
export function statusOf(error: unknown): number | null {
  const e = error as { status?: unknown; response?: unknown };
  if (typeof e?.status !== "number") return null;
  if (e.status === 500 && e.response === undefined) return null;
  return e.status;
}

/**
 * A one-line explanation of a failed API call, naming the permission a 403/404 usually means
 * is missing, for warnings.
 */
export function describeApiError(error: unknown, what: string, permission: string): string {
  const status = statusOf(error);
  const message = errorMessage(error);
  if (status === 401) return `${what} failed: the token was rejected (401)`;
  if (status === 403 && /rate limit/i.test(message)) return `${what} failed: GitHub's rate limit was reached (403)`;
  if (status === 403 || status === 404)
    return `${what} failed (${status}): the token lacks \`${permission}\` permission, or it is read-only (pull requests from forks)`;
  if (status !== null && status >= 500) return `${what} failed: GitHub answered ${status} after retries`;
  if (error instanceof DeadlineError) return `${what} skipped: ${error.message}`;
  if (status === null) return `${what} failed: ${message}${isNetworkError(error) ? " (network error or timeout)" : ""}`;
  return `${what} failed (${status}): ${message}`;
}

/** True for a failure to reach the server or to hear back in time, as opposed to any other error. */
export function isNetworkError(error: unknown): boolean {
  for (
    let e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth += 1
  ) {
    if (e.name === "AbortError" || e.name === "TimeoutError" || e.name === "DeadlineError") return true;
    if (typeof e.code === "string" && /^(E(CONN|HOST|NET|ADDR|PIPE|AI_)|ETIMEDOUT|ENOTFOUND|UND_ERR)/.test(e.code)) return true;
    if (typeof e.message === "string" && /fetch failed|socket hang up|network|timed? ?out/i.test(e.message)) return true;
  }
  return false;
}
