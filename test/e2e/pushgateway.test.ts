import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pushPayload, workflowEnv } from "../support/fake-github/workflow-env.js";
import { Pushgateway } from "../support/pushgateway.js";
import { SimulatedJob, sleep } from "../support/runner.js";

let gateway: Pushgateway;
let workspace: string;
beforeEach(async () => {
  gateway = new Pushgateway();
  await gateway.start();
  workspace = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-push-"));
});
afterEach(async () => {
  await gateway.stop();
  rmSync(workspace, { recursive: true, force: true });
});

/** A job of workflow "CI" run 4242, with no API to talk to (history and comments are off). */
function job(env: Record<string, string> = {}) {
  return new SimulatedJob({
    ...workflowEnv({ apiUrl: "http://127.0.0.1:9", eventName: "push", ...pushPayload("feature"), runId: 4242, runnerTemp: false }),
    GITHUB_WORKSPACE: workspace,
    ...env,
  });
}

describe("pushing figures to a Prometheus Pushgateway", () => {
  it("pushes a job's figures with scope job and the merged run's with scope run, in base units", async () => {
    const inputs = { "interval-ms": "100", "carbon-intensity": "500", "pushgateway-url": gateway.url, "history-branch": "" };
    const measured = job({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 250 }] }) });
    expect((await measured.run("pre", inputs)).code).toBe(0);
    await sleep(500);
    const post = await measured.run("post", inputs);
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain("::warning::");
    const report = measured.report();
    const jobGroup = { job: "gpu-carbon", repository: "octo/train", workflow: "CI", label: "CI/train", run_id: "4242", scope: "job" };
    expect(await gateway.value("gpu_carbon_energy_joules", jobGroup)).toBeCloseTo(report.energyKwh * 3_600_000, 6);
    expect(await gateway.value("gpu_carbon_emissions_grams", jobGroup)).toBeCloseTo(report.emissionsKg * 1000, 9);
    expect(await gateway.value("gpu_carbon_duration_seconds", jobGroup)).toBe(report.durationSeconds);
    expect(await gateway.value("gpu_carbon_gpus", jobGroup)).toBe(1);

    const file = path.join(workspace, "gpu-carbon-reports", "gpu-carbon-train", "report.json");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(report));
    const merge = job({ PATH: SimulatedJob.pathWithoutSmi() });
    const main = await merge.run("main", { mode: "merge", "pushgateway-url": gateway.url, "history-branch": "" });
    expect(main.code).toBe(0);
    const runGroup = { ...jobGroup, label: "CI", scope: "run" };
    expect(await gateway.value("gpu_carbon_energy_joules", runGroup)).toBeCloseTo(report.energyKwh * 3_600_000, 6);
    expect(await gateway.value("gpu_carbon_jobs", runGroup)).toBe(1);
    // The job's group is still there beside the run's: a dashboard sums one scope.
    expect((await gateway.groups()).map((g) => g.labels.scope).sort()).toEqual(["job", "run"]);
  });

  it("warns and carries on when the Pushgateway is down", async () => {
    const url = gateway.url;
    await gateway.stop();
    const merge = job({ PATH: SimulatedJob.pathWithoutSmi() });
    const main = await merge.run("main", { mode: "merge", "pushgateway-url": url, "history-branch": "" });
    expect(main.code).toBe(0);
    expect(main.stdout).toContain(
      `::warning::gpu-carbon: Input 'pushgateway-url': the figures could not be pushed to ${url} (ECONNREFUSED)`,
    );
  });
});
