/**
 * The stand-in dcgm-exporter as an HTTP server on 127.0.0.1: `GET /<host>/metrics` serves that
 * host's GPUs at the current time, as one exporter per node would.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { metricsPage, type FakeGpu } from "./trace.js";

export interface FakeExporter {
  /** `127.0.0.1:<port>`, for a scrape config. */
  target: string;
  /** Scrapes served so far, per host. */
  scrapes: Map<string, number>;
  /** The host's exporter answers 503 until `untilEpochMs` (a restart). */
  down(host: string, untilEpochMs: number): void;
  close(): Promise<void>;
}

export async function startFakeExporter(gpus: FakeGpu[], now: () => number = Date.now): Promise<FakeExporter> {
  const scrapes = new Map<string, number>();
  const downUntil = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const match = /^\/([^/]+)\/metrics$/.exec(req.url ?? "");
    const host = match ? decodeURIComponent(match[1]!) : null;
    const mine = gpus.filter((gpu) => gpu.host === host);
    if (!host || mine.length === 0) {
      res.writeHead(404).end("not found\n");
      return;
    }
    if ((downUntil.get(host) ?? 0) > now()) {
      res.writeHead(503).end("restarting\n");
      return;
    }
    scrapes.set(host, (scrapes.get(host) ?? 0) + 1);
    res.writeHead(200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" }).end(metricsPage(mine, now()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${port}`,
    scrapes,
    down: (host, untilEpochMs) => downUntil.set(host, untilEpochMs),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
