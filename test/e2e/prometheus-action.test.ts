/**
 * The bundled action reading GPUs on two other nodes: a real Prometheus scrapes the stand-in
 * dcgm-exporter every second while pre, a mark that names the Slurm job, a workload step and
 * post run as the runner runs them, on a runner without nvidia-smi.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeExporter, type FakeExporter } from "../support/dcgm-exporter/server.js";
import type { FakeGpu } from "../support/dcgm-exporter/trace.js";
import { startPrometheus, type RunningPrometheus } from "../support/prometheus.js";
import { SimulatedJob, sleep } from "../support/runner.js";

const BOOT = Date.now() - 3_600_000;
const flat = (powerW: number): [number, number][] => [[BOOT, powerW]];
const gpus: FakeGpu[] = [
  { host: "node-a", gpu: 0, uuid: "GPU-a0", trace: flat(200), bootEpochMs: BOOT, labels: { hpc_job: "777" } },
  { host: "node-a", gpu: 1, uuid: "GPU-a1", trace: flat(300), bootEpochMs: BOOT, labels: { hpc_job: "777" } },
  { host: "node-b", gpu: 0, uuid: "GPU-b0", trace: flat(250), bootEpochMs: BOOT, labels: { hpc_job: "777" }, hostLabel: "hostname" },
  { host: "node-b", gpu: 1, uuid: "GPU-b1", trace: flat(400), bootEpochMs: BOOT, labels: { hpc_job: "778" }, hostLabel: "hostname" },
];

let exporter: FakeExporter;
let prometheus: RunningPrometheus;

beforeAll(async () => {
  exporter = await startFakeExporter(gpus);
  const scrape = (host: string) =>
    `  - job_name: dcgm-${host}\n    metrics_path: /${host}/metrics\n    static_configs:\n      - targets: ["${exporter.target}"]\n`;
  prometheus = await startPrometheus({ scrapeInterval: "1s", scrapeConfigs: scrape("node-a") + scrape("node-b") });
  // Both nodes scraped a few times before the job starts.
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && !((exporter.scrapes.get("node-a") ?? 0) >= 2 && (exporter.scrapes.get("node-b") ?? 0) >= 2))
    await sleep(200);
});

afterAll(async () => {
  await prometheus?.stop();
  await exporter?.close();
});

describe("the bundled action with source: prometheus", () => {
  it("reports each board of the Slurm job once, with its host, from a runner without nvidia-smi", async () => {
    const job = new SimulatedJob({ PATH: SimulatedJob.pathWithoutSmi() });
    const inputs = { "prometheus-url": prometheus.url, "prometheus-token": "tok-s3cret-9", "carbon-intensity": "500" };
    const pre = await job.run("pre", inputs);
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain(`read from Prometheus at ${prometheus.url}`);
    expect(pre.stdout).not.toMatch(/::warning::/);
    // The job id is known only once the work is submitted: a mark gives the selector.
    const mark = await job.run("main", { ...inputs, mode: "mark", "prometheus-selector": 'hpc_job="777"' }, "mark");
    expect(mark.code).toBe(0);
    await sleep(4000); // the workload runs on node-a and node-b
    const post = await job.run("post", inputs);
    expect(post.code).toBe(0);

    const report = job.report();
    expect(report.status).toBe("measured");
    expect(report.energySource).toBe("dcgm-counter");
    expect(report.gpus.map((g: { host: string; uuid: string }) => [g.host, g.uuid])).toEqual([
      ["node-a", "GPU-a0"],
      ["node-a", "GPU-a1"],
      ["node-b", "GPU-b0"],
    ]);
    // Flat 200 + 300 + 250 W over the window: E = 750 W x t. A live 4 s job: Prometheus stamps a
    // scrape when it starts it, the stand-in counts energy when it answers, a few ms later on a
    // loaded machine, so this is held to 2 % (the backfilled scenarios, exact, to 0.5 %).
    const truthKwh = (750 * report.durationSeconds) / 3_600_000;
    expect(Math.abs(report.energyKwh - truthKwh) / truthKwh).toBeLessThan(0.02);
    expect(report.energyKwhRange[0]).toBeLessThanOrEqual(truthKwh);
    expect(report.energyKwhRange[1]).toBeGreaterThanOrEqual(truthKwh);
    expect(report.emissionsKg).toBeCloseTo((report.energyKwh * 500) / 1000, 12);
    expect(report.coverage).toBeGreaterThan(0.9);
    expect(report.method.prometheus.selector).toBe('hpc_job="777"');

    expect(post.summary).toContain("3 GPUs on node-a, node-b");
    expect(post.summary).toMatch(/\| Host \| GPU \|/);
    expect(post.summary).toContain("| node-b | 0 |");
    // The token is handed to the runner's masking only, never printed otherwise.
    const printed = [pre, mark, post].flatMap((step) => `${step.stdout}\n${step.stderr}\n${step.summary}`.split("\n"));
    expect(printed.filter((line) => line.includes("tok-s3cret-9") && !line.startsWith("::add-mask::"))).toEqual([]);
  });

  it("does not fail the job when Prometheus is down, and names the URL and the selector", async () => {
    const job = new SimulatedJob({ PATH: SimulatedJob.pathWithoutSmi() });
    const inputs = { "prometheus-url": "http://127.0.0.1:9", "prometheus-selector": 'hpc_job="777"' };
    expect((await job.run("pre", inputs)).code).toBe(0);
    const post = await job.run("post", inputs);
    expect(post.code).toBe(0);
    expect(job.report().status).toBe("not-measured");
    expect(post.stdout).toMatch(/::warning::.*Prometheus at http:\/\/127\.0\.0\.1:9 \(selector \{hpc_job="777"\}\).*could not be reached/);
    const failing = await (async () => {
      const j = new SimulatedJob({ PATH: SimulatedJob.pathWithoutSmi() });
      await j.run("pre", { ...inputs, "fail-on-error": "true" });
      return j.run("post", { ...inputs, "fail-on-error": "true" });
    })();
    expect(failing.code).toBe(1);
  });
});
