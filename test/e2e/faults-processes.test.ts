// The processes the action starts, through the bundled action: each runs in a group of its own
// under a deadline that ends the whole group, nothing outlives the step that started it (but the
// sampler, which post ends), and none of them is handed an input, the state or a token.
// Deadlines are shortened through GPU_CARBON_TEST_DEADLINES so that a hang is proved in seconds.
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SimulatedJob, groupMembers, processesMatching, readIfThere, sleep, waitFor } from "../support/runner.js";

const SHORT = JSON.stringify({ commandMs: 1500 });

/** Pids of `sleep <seconds>` processes (a command line's arguments are NUL-separated). */
const sleeping = (seconds: string) => processesMatching(`sleep\0${seconds}\0`);

/** A stand-in nvidia-smi written into the job's folder as a shell script. */
function script(j: SimulatedJob, name: string, body: string): string {
  const file = path.join(j.dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe("a probe that never finishes: pre returns within its deadline, and leaves nothing behind", () => {
  it("a wrapper whose child keeps stdout open after the wrapper is killed", async () => {
    const j = new SimulatedJob({ GPU_CARBON_TEST_DEADLINES: SHORT });
    // The child holds the pipe for a minute; the wrapper itself hangs as well.
    const smi = script(j, "stuck-nvidia-smi", `sleep 61 &\nexec sleep 62`);
    const started = Date.now();
    const pre = await j.run("pre", { "nvidia-smi-path": smi });
    expect(pre.code).toBe(0);
    // Before, pre waited for the pipe until the child's minute was up.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(pre.stdout).toContain("::warning::GPU power cannot be read: nvidia-smi could not run (timed out after");
    await sleep(200);
    expect(sleeping("61")).toEqual([]);
    expect(sleeping("62")).toEqual([]);
  });

  it("a probe that answers but leaves a child holding its output: pre goes on at once, the child is ended", async () => {
    const j = new SimulatedJob({ GPU_CARBON_TEST_DEADLINES: JSON.stringify({ commandMs: 20_000 }) });
    const smi = script(j, "leaky-nvidia-smi", `sleep 63 &\nexit 9`);
    const started = Date.now();
    const pre = await j.run("pre", { "nvidia-smi-path": smi });
    expect(pre.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(pre.stdout).toContain("the NVIDIA driver is not loaded (exit 9)");
    await sleep(200);
    expect(sleeping("63")).toEqual([]);
  });

  it("a plain hang costs one deadline for the whole probe, not one per query", async () => {
    const j = new SimulatedJob({ GPU_CARBON_TEST_DEADLINES: SHORT });
    const smi = script(j, "hung-nvidia-smi", `exec sleep 64`);
    const started = Date.now();
    const pre = await j.run("pre", { "nvidia-smi-path": smi });
    expect(pre.code).toBe(0);
    // --help-query-gpu and the identity query share the 1.5 s; before, each had 20 s of its own.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(pre.stdout).toContain("nvidia-smi could not run (timed out after 1500 ms)");
    expect(sleeping("64")).toEqual([]);
  });

  it("a crashing probe is described by what it said on stderr, not by the CSV header it printed first", async () => {
    const j = new SimulatedJob();
    const smi = script(
      j,
      "crashing-nvidia-smi",
      `case "$1" in --help-query-gpu) exit 2;; esac\necho "index, uuid, name"\necho "Segmentation fault in libnvidia-ml" >&2\nexit 139`,
    );
    const pre = await j.run("pre", { "nvidia-smi-path": smi });
    expect(pre.code).toBe(0);
    expect(pre.stdout).toContain("GPU power cannot be read: nvidia-smi failed (exit 139: Segmentation fault in libnvidia-ml).");
    expect(pre.stdout).not.toContain("exit 139: index, uuid");
  });
});

describe("children get no input, state or token", () => {
  it("the sampler and its nvidia-smi cannot show a later step either token", async () => {
    const githubToken = "ghp_sampler0environ0secret";
    const mapsToken = "em_sampler0environ0secret";
    const j = new SimulatedJob({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }), GITHUB_TOKEN: githubToken });
    const inputs = { "interval-ms": "100", "github-token": githubToken, "electricity-maps-token": mapsToken };
    expect((await j.run("pre", inputs)).code).toBe(0);
    const sampler = JSON.parse(readFileSync(path.join(j.workDir, "session.json"), "utf8")).samplerPid as number;
    await waitFor(() => groupMembers(sampler).length >= 2, 10_000, "the sampler's nvidia-smi");
    for (const pid of groupMembers(sampler)) {
      const environ = readIfThere(`/proc/${pid}/environ`);
      expect(environ).toContain("PATH="); // it is read, and it is an environment
      expect(environ).not.toContain(githubToken);
      expect(environ).not.toContain(mapsToken);
      expect(environ).not.toMatch(/(^|\0)(INPUT|STATE)_/);
      expect(environ).not.toMatch(/(^|\0)GITHUB_(STATE|OUTPUT|ENV|STEP_SUMMARY)=/);
    }
    expect((await j.run("post", inputs)).code).toBe(0);
    expect(groupMembers(sampler)).toEqual([]);
  });

  it("the probe sees no input or token either", async () => {
    const j = new SimulatedJob();
    const seen = path.join(j.dir, "seen-env");
    const smi = script(j, "env-nvidia-smi", `env > "${seen}"\nexit 9`);
    expect((await j.run("pre", { "nvidia-smi-path": smi, "github-token": "ghp_probe0environ0secret" })).code).toBe(0);
    const environ = readFileSync(seen, "utf8");
    expect(environ).toContain("PATH=");
    expect(environ).not.toContain("ghp_probe0environ0secret");
    expect(environ).not.toMatch(/^(INPUT|STATE)_/m);
  });
});
