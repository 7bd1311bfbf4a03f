import { afterEach, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SimulatedJob, sleep } from "../support/runner.js";
import { FakeArtifactService, runtimeToken } from "../support/fake-artifacts/server.js";
import { codecarbonHeader } from "../../src/core/render/codecarbon.js";

const services: FakeArtifactService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

const GPU = JSON.stringify({ gpus: [{ powerW: 300, name: "NVIDIA A100-SXM4-80GB" }] });
const RUN_ENV = {
  GITHUB_REPOSITORY: "octo/trainer",
  GITHUB_RUN_ID: "77",
  GITHUB_RUN_ATTEMPT: "2",
  GITHUB_WORKFLOW: "train",
  GITHUB_JOB: "gpu",
};

async function measure(j: SimulatedJob, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const all = { "interval-ms": "100", "carbon-intensity": "400", ...inputs };
  expect((await j.run("pre", all, "gpu-carbon", env)).code).toBe(0);
  await sleep(700);
  return j.run("post", all, "gpu-carbon", env);
}

describe("results for the tools teams already use", () => {
  it("writes github-action-benchmark JSON and a CodeCarbon row, next to report.json and at the given paths", async () => {
    const j = new SimulatedJob({ FAKE_NVIDIA_SMI: GPU, ...RUN_ENV });
    const benchmarkPath = path.join(j.dir, "out", "bench.json");
    const codecarbonPath = path.join(j.dir, "out", "emissions.csv");
    const post = await measure(j, { "benchmark-path": benchmarkPath, "codecarbon-path": codecarbonPath });
    expect(post.code).toBe(0);
    const report = j.report();
    const dir = path.join(j.runnerTemp, "gpu-carbon");

    const entries = JSON.parse(readFileSync(benchmarkPath, "utf8"));
    expect(readFileSync(path.join(dir, "benchmark.json"), "utf8")).toBe(readFileSync(benchmarkPath, "utf8"));
    expect(entries.map((e: { name: string; unit: string }) => `${e.name} [${e.unit}]`)).toEqual([
      "GPU energy [kWh]",
      "CO2e [kg]",
      "Average GPU power [W]",
    ]);
    expect(entries[0].value).toBe(report.energyKwh);
    expect(entries[1].value).toBe(report.emissionsKg);

    const [header, row, extra] = readFileSync(codecarbonPath, "utf8").split("\n");
    expect(header + "\n").toBe(codecarbonHeader());
    expect(extra).toBe("");
    const cells = Object.fromEntries(header!.split(",").map((name, i) => [name, row!.split(",")[i]]));
    expect(cells).toMatchObject({ project_name: "octo/trainer", run_id: "77-2", experiment_id: "train/gpu", os: "Linux", gpu_count: "1" });
    expect(Number(cells.energy_consumed)).toBe(report.facilityEnergyKwh);
    expect(Number(cells.emissions)).toBe(report.emissionsKg);
    expect(cells.gpu_model).toBe("1 x NVIDIA A100-SXM4-80GB");
  });

  it("appends to an existing emissions.csv and leaves one with other columns alone", async () => {
    const j = new SimulatedJob({ FAKE_NVIDIA_SMI: GPU, ...RUN_ENV });
    const ours = path.join(j.dir, "emissions.csv");
    const earlier =
      "2026-11-27T09:00:00,octo/trainer,1-1,train/gpu,10,0.001,0.0001,,400,,,0.0011,,0.0011,,,,,,Linux,,,,,1,1 x A,,,,machine,,1\n";
    writeFileSync(ours, codecarbonHeader() + earlier);
    await measure(j, { "codecarbon-path": ours });
    const lines = readFileSync(ours, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1] + "\n").toBe(earlier);
    expect(lines[2]).toContain(",octo/trainer,77-2,");
    const next = new SimulatedJob({ FAKE_NVIDIA_SMI: GPU, ...RUN_ENV });
    const foreign = path.join(next.dir, "foreign.csv");
    writeFileSync(foreign, "a,b\n1,2\n");
    const post = await measure(next, { "codecarbon-path": foreign });
    expect(readFileSync(foreign, "utf8")).toBe("a,b\n1,2\n");
    expect(post.stdout).toContain(`::warning::Input 'codecarbon-path': ${foreign} has other columns`);
  });

  it("warns and still writes the report when the runner gives no artifact service", async () => {
    const j = new SimulatedJob({ FAKE_NVIDIA_SMI: GPU });
    const post = await measure(j, { "upload-artifact": "true" });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      "::warning::Input 'upload-artifact': the artifact 'gpu-carbon-job' was not uploaded: the runner gave this step no artifact service",
    );
    expect(j.report().status).toBe("measured");
  });

  it("uploads the report, the raw samples and the interop files to the artifact service", async () => {
    const service = new FakeArtifactService();
    services.push(service);
    const url = await service.start();
    const j = new SimulatedJob({ FAKE_NVIDIA_SMI: GPU, ...RUN_ENV });
    const env = { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${url}/` };
    const post = await measure(j, { "upload-artifact": "true", "artifact-name": "energy-a100" }, env);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain("Artifact 'energy-a100' uploaded (report.json, samples.log");
    const artifact = service.artifacts.get("energy-a100");
    expect(artifact?.finalized).toBe(true);
    expect(artifact?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // A zip stores each entry's name in the clear.
    for (const name of ["report.json", "samples.log", "benchmark.json", "emissions.csv", "summary.md"])
      expect(artifact!.zip.includes(name)).toBe(true);
    expect(artifact!.zip.subarray(0, 2).toString()).toBe("PK");
  });

  it("rejects an artifact name the service would refuse, naming the input", async () => {
    const j = new SimulatedJob();
    const pre = await j.run("pre", { "upload-artifact": "true", "artifact-name": "gpu/a100" });
    expect(pre.code).toBe(1);
    expect(pre.stdout).toContain("::error::Input 'artifact-name' must be a name of at most 256 characters");
  });
});
