import { describe, expect, it } from "vitest";
import type { PrometheusClient } from "../../src/adapters/prometheus-api.js";
import type { PromSeries } from "../../src/core/prometheus/dcgm.js";
import { readDcgmWindow } from "../../src/measure/prometheus-window.js";

const END = Date.UTC(2026, 11, 1, 12, 0, 0);
const INTERVAL = 30_000;
const labels = { UUID: "GPU-a0", gpu: "0", Hostname: "node-a", hpc_job: "4242" };

/** A counter scraped every 30 s from `fromMs` up to `lastMs` (then the job's label is gone), 300 W. */
function series(fromMs: number, lastMs: number): PromSeries[] {
  const samples: [number, number][] = [];
  for (let t = lastMs; t >= fromMs; t -= INTERVAL) samples.unshift([t, (t - fromMs) * 300]);
  return [{ labels: { ...labels, __name__: "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION" }, samples }];
}

/** A client over `visible(now)`, and a clock that sleeps by moving on. */
function setup(visible: (nowMs: number) => PromSeries[], startMs: number) {
  let now = startMs;
  let queries = 0;
  const client: PrometheusClient = {
    url: "http://prom:9090",
    async query(expr) {
      queries += 1;
      return expr.startsWith("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION") ? visible(now) : [];
    },
    async labelValues() {
      return [];
    },
  };
  return {
    client,
    now: () => now,
    sleep: async (ms: number) => void (now += ms),
    waitedMs: () => now - startMs,
    queries: () => queries,
  };
}

describe("waiting for the scrape after the window's end", () => {
  it("waits for it while the series still moves, at most two intervals", async () => {
    // The next scrape lands 20 s after the end.
    const s = setup((now) => series(END - 600_000, now >= END + 20_000 ? END + 20_000 : END - 10_000), END + 1000);
    const data = await readDcgmWindow({
      ...s,
      selector: 'hpc_job="4242"',
      window: { startEpochMs: END - 600_000, endEpochMs: END },
      waitForLastScrape: true,
    });
    expect(data.counter[0]!.samples.at(-1)![0]).toBe(END + 20_000);
    expect(s.waitedMs()).toBeGreaterThanOrEqual(19_000);
    expect(s.waitedMs()).toBeLessThanOrEqual(2 * INTERVAL);
  });

  it("stops as soon as the series has stopped (the job's label is gone after it ended)", async () => {
    // The last scrape with the job's label came 10 s before the end; none follows.
    const s = setup(() => series(END - 600_000, END - 10_000), END + 1000);
    await readDcgmWindow({
      ...s,
      selector: 'hpc_job="4242"',
      window: { startEpochMs: END - 600_000, endEpochMs: END },
      waitForLastScrape: true,
    });
    // 1.5 intervals after the newest sample, not two intervals after the end.
    expect(s.waitedMs()).toBeLessThanOrEqual(1.5 * INTERVAL - 10_000 + 1000);
  });
});
