/** Pushing to a Prometheus Pushgateway over HTTP: one PUT, which replaces the group's metrics. */

/** The longest a push may take, ms: a Pushgateway that hangs must not hold up the job. */
export const PUSH_TIMEOUT_MS = 10_000;

/** PUTs `body` (text exposition format) to `baseUrl` + `path`; throws with the reason when refused or unreachable. */
export async function pushToGateway(baseUrl: string, path: string, body: string, timeoutMs = PUSH_TIMEOUT_MS): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${path}`, {
      method: "PUT",
      headers: { "content-type": "text/plain; version=0.0.4" },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const error = e as Error & { cause?: { code?: string; message?: string } };
    throw new Error(error.cause?.code ?? error.cause?.message ?? error.message, { cause: e });
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).trim().slice(0, 200);
    throw new Error(`HTTP ${response.status}${text ? `: ${text}` : ""}`);
  }
}
