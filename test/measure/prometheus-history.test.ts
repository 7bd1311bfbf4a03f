/**
 * Jobs read back from a real Prometheus whose history was backfilled (promtool) from the
 * stand-in dcgm-exporter's known power traces: every expected figure is the trace's exact
 * integral, held to 0.5 %.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSettings } from "../../src/config/settings.js";
import type { Report } from "../../src/core/report/report.js";
import { prometheusReport } from "../../src/measure/prometheus-report.js";
import { runCli } from "../../src/cli/cli.js";
import { energyJ, openMetrics, type FakeGpu, type PowerTrace } from "../support/dcgm-exporter/trace.js";
import { startPrometheus, type RunningPrometheus } from "../support/prometheus.js";

const MIN = 60_000;
/** History starts two hours ago, on a whole minute. */
const T = Math.floor(Date.now() / MIN) * MIN - 120 * MIN;
const BOOT = T - 600 * MIN;
const at = (seconds: number) => T + seconds * 1000;
const flat = (powerW: number): PowerTrace => [[T, powerW]];

function gpu(host: string, index: number, trace: PowerTrace, more: Partial<FakeGpu> = {}): FakeGpu {
  return { host, gpu: index, uuid: `GPU-${host}-${index}`, trace, bootEpochMs: BOOT, ...more };
}

// Job 4242 on two nodes (2 GPUs each); job 4243's GPUs on node-2 are another job's.
const ramp = (from: number, to: number): PowerTrace => [
  [at(0), from],
  [at(900), to],
];
const multiNode = [
  gpu("node-1", 0, ramp(100, 400), { labels: { hpc_job: "4242" } }),
  gpu("node-1", 1, ramp(150, 350), { labels: { hpc_job: "4242" } }),
  gpu("node-2", 0, ramp(200, 300), { labels: { hpc_job: "4242" }, hostLabel: "hostname" }),
  gpu("node-2", 1, ramp(120, 420), { labels: { hpc_job: "4242" }, hostLabel: "hostname" }),
  gpu("node-2", 2, flat(500), { labels: { hpc_job: "4243" }, hostLabel: "hostname" }),
  gpu("node-2", 3, flat(500), { labels: { hpc_job: "4243" }, hostLabel: "hostname" }),
];
// MIG: board 0 is split between jobs 5000 (instances 1 and 3) and 5001; board 1 is all job 5002's.
const mig = [
  gpu("node-3", 0, ramp(200, 500), {
    mig: [
      { id: "1", profile: "3g.40gb", grActive: 0.6, labels: { hpc_job: "5000" } },
      { id: "2", profile: "2g.20gb", grActive: 0.3, labels: { hpc_job: "5001" } },
      { id: "3", profile: "2g.20gb", grActive: 0.1, labels: { hpc_job: "5000" } },
    ],
  }),
  gpu("node-3", 1, ramp(300, 450), {
    mig: [
      { id: "1", profile: "4g.40gb", grActive: 0.5, labels: { hpc_job: "5002" } },
      { id: "2", profile: "3g.40gb", grActive: 0.2, labels: { hpc_job: "5002" } },
    ],
  }),
  // No engine activity collected: shared by compute slices.
  gpu("node-3", 2, flat(280), {
    mig: [
      { id: "1", profile: "1g.10gb", labels: { hpc_job: "5003" } },
      { id: "2", profile: "6g.70gb", labels: { hpc_job: "5004" } },
    ],
  }),
];
// Driver reloaded at 400.5 s (the counter starts again from 0); one GPU without a counter.
const reset = gpu("node-4", 0, flat(250), { labels: { hpc_job: "6000" }, resetEpochMs: at(400.5) });
const noCounter = gpu("node-4", 1, ramp(180, 260), { labels: { hpc_job: "6000" }, counter: false });
// The exporter restarts: no scrape from 300 s to 420 s; the driver counts on.
const restart = gpu("node-6", 0, ramp(100, 300), { labels: { hpc_job: "7000" } });
// A 2-minute job under DCGM's default 30 s collection.
const shortSteady = gpu(
  "node-7",
  0,
  [
    [at(1030), 150],
    [at(1080), 350],
  ],
  { labels: { hpc_job: "8000" } },
);
const shortRamp = gpu(
  "node-7",
  1,
  [
    [at(990), 100],
    [at(1130), 400],
  ],
  { labels: { hpc_job: "8000" } },
);

const history = openMetrics([
  { gpus: [...multiNode, ...mig, reset, noCounter], fromMs: at(0), toMs: at(1200), intervalMs: 15_000 },
  {
    gpus: [restart],
    fromMs: at(0),
    toMs: at(1200),
    intervalMs: 15_000,
    down: [[at(300), at(420)]],
    // The restarted exporter pod has a new address: Prometheus keeps its samples as a new series.
    targetLabels: (t) => ({ instance: t < at(300) ? "10.0.0.7:9400" : "10.0.0.9:9400" }),
  },
  { gpus: [shortSteady, shortRamp], fromMs: at(900), toMs: at(1500), intervalMs: 30_000 },
]);

let prometheus: RunningPrometheus;
beforeAll(async () => {
  prometheus = await startPrometheus({ backfill: history });
});
afterAll(async () => prometheus?.stop());

function settings(inputs: Record<string, string> = {}) {
  return readSettings((name) => ({ "prometheus-url": prometheus.url, "carbon-intensity": "400", ...inputs })[name] ?? "");
}

async function report(selector: string, fromS: number, toS: number, inputs: Record<string, string> = {}): Promise<Report> {
  return prometheusReport({
    settings: settings(inputs),
    selector,
    window: { startEpochMs: at(fromS), endEpochMs: at(toS) },
    waitForLastScrape: false,
  });
}

const kwh = (joules: number) => joules / 3_600_000;
const truthKwh = (g: FakeGpu, fromS: number, toS: number, share = 1) => kwh(energyJ(g.trace, at(fromS), at(toS)) * share);

function expectClose(actual: number | null | undefined, expected: number, fraction = 0.005): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected) / expected).toBeLessThanOrEqual(fraction);
}

function expectInRange(range: [number, number] | null | undefined, value: number): void {
  expect(range).toBeTruthy();
  expect(range![0]).toBeLessThanOrEqual(value * (1 + 1e-9));
  expect(range![1]).toBeGreaterThanOrEqual(value * (1 - 1e-9));
}

describe("a job's GPUs read from Prometheus history", () => {
  it("selected by hpc_job on two nodes: each board once, with its host, from the energy counter", async () => {
    const r = await report('hpc_job="4242"', 100.5, 700.3);
    expect(r.status).toBe("measured");
    expect(r.energySource).toBe("dcgm-counter");
    expect(r.gpus.map((g) => [g.host, g.index, g.uuid, g.energySource])).toEqual([
      ["node-1", 0, "GPU-node-1-0", "dcgm-counter"],
      ["node-1", 1, "GPU-node-1-1", "dcgm-counter"],
      ["node-2", 0, "GPU-node-2-0", "dcgm-counter"],
      ["node-2", 1, "GPU-node-2-1", "dcgm-counter"],
    ]);
    const mine = multiNode.slice(0, 4);
    mine.forEach((g, i) => expectClose(r.gpus[i]!.energyKwh, truthKwh(g, 100.5, 700.3)));
    const total = mine.reduce((sum, g) => sum + truthKwh(g, 100.5, 700.3), 0);
    expectClose(r.energyKwh, total);
    expectInRange(r.energyKwhRange, total);
    // 400 g/kWh, PUE 1: kg = kWh x 0.4.
    expectClose(r.emissionsKg, total * 0.4);
    expectInRange(r.emissionsKgRange, total * 0.4);
    expect(r.coverage).toBe(1);
    expect(r.method.intervalMs).toBe(15_000);
    expect(r.method.prometheus).toMatchObject({ url: prometheus.url, selector: 'hpc_job="4242"', scrapeIntervalSeconds: 15 });
    // The chart and the sampled figure come from the same readings: within 0.5 % of the truth too.
    expectClose(r.sampledEnergyKwh, total);
    expect(r.powerSeries.points.length).toBeGreaterThan(10);
  });

  it("counts a MIG board once when the job has all its instances, and shares a board by engine activity when not", async () => {
    const whole = await report('hpc_job="5002"', 60, 660);
    expect(whole.gpus).toHaveLength(1);
    expect(whole.gpus[0]!.mig ?? null).toBeNull();
    expectClose(whole.energyKwh, truthKwh(mig[1]!, 60, 660));

    const part = await report('hpc_job="5000"', 60, 660);
    expect(part.gpus).toHaveLength(1);
    // Instances 1 and 3 were busy 0.6 + 0.1 of the board's 1.0.
    expect(part.gpus[0]!.mig).toMatchObject({ instances: ["1/3g.40gb", "3/2g.20gb"], share: 0.7 });
    expect(part.gpus[0]!.mig!.basis).toContain("DCGM_FI_PROF_GR_ENGINE_ACTIVE");
    expectClose(part.energyKwh, truthKwh(mig[0]!, 60, 660, 0.7));

    const slices = await report('hpc_job="5003"', 60, 660);
    expect(slices.gpus[0]!.mig).toMatchObject({ instances: ["1/1g.10gb"] });
    expect(slices.gpus[0]!.mig!.basis).toContain("compute slices");
    expectClose(slices.energyKwh, truthKwh(mig[2]!, 60, 660, 1 / 7));
  });

  it("neither loses nor invents energy across a counter reset, and integrates power where there is no counter", async () => {
    const r = await report('hpc_job="6000"', 200.2, 800.9);
    expect(r.energySource).toBe("mixed");
    expect(r.gpus.map((g) => g.energySource)).toEqual(["dcgm-counter", "dcgm-power"]);
    expectClose(r.gpus[0]!.energyKwh, truthKwh(reset, 200.2, 800.9));
    expectClose(r.gpus[1]!.energyKwh, truthKwh(noCounter, 200.2, 800.9));
    expectInRange(r.gpus[0]!.energyKwhRange, truthKwh(reset, 200.2, 800.9));
    expectInRange(r.gpus[1]!.energyKwhRange, truthKwh(noCounter, 200.2, 800.9));
    expect(r.warnings.join("\n")).toMatch(/GPU 0 on node-4: the energy counter was reset 1 time/);
    expect(r.warnings.join("\n")).toMatch(/GPU 1 on node-4 had no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series/);
  });

  it("keeps the energy of an exporter restart (from the counter) and counts the gap against coverage", async () => {
    const r = await report('hpc_job="7000"', 100, 700);
    // One board, though its series changed with the exporter's address.
    expect(r.gpus).toHaveLength(1);
    expectClose(r.energyKwh, truthKwh(restart, 100, 700));
    // Scrapes at 285 s and 420 s: 135 s apart, more than the 75 s bridged at a 15 s interval.
    expect(r.coverage).toBeCloseTo(1 - 135 / 600, 3);
    expect(r.quality.longestGapSeconds).toBe(135);
  });

  it("gives a 2-minute job under a 30 s scrape its figure and an honest range", async () => {
    // Scrapes at 990, 1020, ..., 1140 s: both edges fall between scrapes.
    const r = await report('hpc_job="8000"', 1005, 1125);
    expect(r.method.intervalMs).toBe(30_000);
    // Steady power at both edges: the proportional split is exact.
    expectClose(r.gpus[0]!.energyKwh, truthKwh(shortSteady, 1005, 1125));
    // A ramp across the edges: close, and the truth inside the range.
    expectClose(r.gpus[1]!.energyKwh, truthKwh(shortRamp, 1005, 1125), 0.03);
    expectInRange(r.gpus[1]!.energyKwhRange, truthKwh(shortRamp, 1005, 1125));
    expectInRange(r.energyKwhRange, truthKwh(shortSteady, 1005, 1125) + truthKwh(shortRamp, 1005, 1125));
    const [low, high] = r.energyKwhRange!;
    expect((high - low) / r.energyKwh!).toBeLessThan(0.3);
  });

  it("names the label values that exist when the selector matches nothing", async () => {
    const r = await report('hpc_job="4241"', 100, 700);
    expect(r.status).toBe("not-measured");
    expect(r.energyKwh).toBeNull();
    const text = r.warnings.join("\n");
    expect(text).toContain(`Prometheus at ${prometheus.url} (selector {hpc_job="4241"})`);
    expect(text).toMatch(/label 'hpc_job' has "4242", "4243", "5000"/);
  });

  it("reports a selector Prometheus cannot parse as not measured, naming it", async () => {
    const r = await report('hpc_job=~"(4242"', 100, 700);
    expect(r.status).toBe("not-measured");
    expect(r.warnings.join("\n")).toMatch(/selector \{hpc_job=~"\(4242"\}\): .* rejected the query \(.*(parse|missing|closing).*\)/);
  });
});

describe("gpu-carbon report --prometheus-url", () => {
  it("reports a past window given in RFC 3339 and Unix seconds, as JSON", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => void out.push(text), err: (text: string) => void err.push(text) };
    const args = ["report", "--prometheus-url", prometheus.url, "--prometheus-selector", 'hpc_job="4242"'];
    const window = ["--from", new Date(at(100.5)).toISOString(), "--to", String(at(700.3) / 1000), "--carbon-intensity", "400"];
    expect(await runCli([...args, ...window, "--json"], io, "")).toBe(0);
    const r = JSON.parse(out.join("")) as Report;
    const total = multiNode.slice(0, 4).reduce((sum, g) => sum + truthKwh(g, 100.5, 700.3), 0);
    expectClose(r.energyKwh, total);
    expect(r.gpus.map((g) => g.host)).toEqual(["node-1", "node-1", "node-2", "node-2"]);

    out.length = 0;
    expect(await runCli([...args, ...window], io, "")).toBe(0);
    expect(out.join("")).toContain("node-2 GPU 1");

    expect(await runCli([...args, "--from", "yesterday", "--to", "1"], io, "")).toBe(2);
    expect(err.join("")).toContain("--from must be a time in RFC 3339");
  });
});

describe("faults between the action and Prometheus", () => {
  /** A gateway in front of Prometheus that wants a bearer token (as Mimir or Grafana Cloud do), or always fails. */
  async function gateway(behaviour: "token" | "503" | "echo"): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer(async (req, res) => {
      if (behaviour === "503") return void res.writeHead(503, { "Content-Type": "text/plain" }).end("upstream unavailable");
      // A proxy that fails with the request's header in its error (as some do in debug mode).
      if (behaviour === "echo")
        return void res
          .writeHead(500, { "Content-Type": "application/json" })
          .end(JSON.stringify({ status: "error", errorType: "internal", error: `upstream refused ${req.headers.authorization}` }));
      if (req.headers.authorization !== "Bearer s3cret-token") return void res.writeHead(401).end("unauthorized");
      const upstream = await fetch(`${prometheus.url}${req.url}`);
      res.writeHead(upstream.status, { "Content-Type": "application/json" }).end(await upstream.text());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      url,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  it("sends the token, and says 401 without printing it when it is wrong", async () => {
    const g = await gateway("token");
    try {
      // The CLI takes it from the environment.
      const out: string[] = [];
      const io = { out: (text: string) => void out.push(text), err: (text: string) => void out.push(text) };
      process.env.GPU_CARBON_PROMETHEUS_TOKEN = "s3cret-token";
      const args = ["report", "--prometheus-url", g.url, "--prometheus-selector", 'hpc_job="4242"', "--json"];
      const code = await runCli([...args, "--from", String(at(100) / 1000), "--to", String(at(700) / 1000)], io, "").finally(
        () => delete process.env.GPU_CARBON_PROMETHEUS_TOKEN,
      );
      expect(code).toBe(0);
      expect((JSON.parse(out.join("")) as Report).status).toBe("measured");
      const good = await report('hpc_job="4242"', 100.5, 700.3, { "prometheus-url": g.url, "prometheus-token": "s3cret-token" });
      expect(good.status).toBe("measured");
      const bad = await report('hpc_job="4242"', 100.5, 700.3, { "prometheus-url": g.url, "prometheus-token": "wrong-s3cret" });
      expect(bad.status).toBe("not-measured");
      const text = JSON.stringify(bad);
      expect(text).toContain("HTTP 401");
      expect(text).toContain('hpc_job=\\"4242\\"');
      expect(text).not.toContain("wrong-s3cret");
    } finally {
      await g.close();
    }
  });

  it("never repeats the token, even when the server echoes it back", async () => {
    const g = await gateway("echo");
    try {
      const r = await report('hpc_job="4242"', 100, 700, { "prometheus-url": g.url, "prometheus-token": "echoed-s3cret" });
      expect(r.status).toBe("not-measured");
      expect(r.warnings.join("\n")).toContain("HTTP 500: upstream refused Bearer ***");
      expect(JSON.stringify(r)).not.toContain("echoed-s3cret");
    } finally {
      await g.close();
    }
  });

  it("degrades on a 5xx and on a server that is down", async () => {
    const g = await gateway("503");
    try {
      const failing = await report('hpc_job="4242"', 100, 700, { "prometheus-url": g.url });
      expect(failing.status).toBe("not-measured");
      expect(failing.warnings.join("\n")).toContain("HTTP 503");
    } finally {
      await g.close();
    }
    const down = await report('hpc_job="4242"', 100, 700, { "prometheus-url": g.url });
    expect(down.status).toBe("not-measured");
    expect(down.warnings.join("\n")).toMatch(
      new RegExp(`Prometheus at ${g.url} \\(selector \\{hpc_job="4242"\\}\\): .*could not be reached`),
    );
  });
});
