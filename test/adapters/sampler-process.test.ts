import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stopSamplerProcess } from "../../src/adapters/sampler-process.js";
import { FAKE_SMI_DIR, ROOT, runnerNode, sleep } from "../support/runner.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe("stopping the sampler where nothing reaps it", () => {
  it("counts an exited but unreaped sampler as stopped instead of waiting and killing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-stop-"));
    const samplesPath = path.join(dir, "samples.log");
    const configPath = path.join(dir, "config.json");
    writeFileSync(
      configPath,
      JSON.stringify({
        nvidiaSmiPath: path.join(FAKE_SMI_DIR, "nvidia-smi"),
        args: ["--query-gpu=index,uuid,power.draw", "--format=csv,nounits", "-lms", "200"],
        samplesPath,
        intervalMs: 200,
        watchPid: null,
        maxDurationMs: 60_000,
      }),
    );
    // The sampler's parent becomes `sleep`, which never reaps it, as a container's minimal init may.
    const sampler = [runnerNode(), path.join(ROOT, "dist/sampler/index.js"), "--gpu-carbon-sampler", configPath]
      .map((a) => `'${a}'`)
      .join(" ");
    const parent = spawn("sh", ["-c", `${sampler} >/dev/null 2>&1 & echo $!; exec sleep 30`], { stdio: ["ignore", "pipe", "ignore"] });
    cleanups.push(() => {
      parent.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    });
    const pid = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (d) => resolve(String(d)))));
    while (!readFileSync(samplesPath, { encoding: "utf8", flag: "a+" }).includes("\n@header")) await sleep(50);

    const started = Date.now();
    expect(await stopSamplerProcess(pid)).toBe("stopped");
    expect(Date.now() - started).toBeLessThan(4000); // the grace period is 5 s
    expect(readFileSync(samplesPath, "utf8")).toMatch(/\n@stop\t\d+\tsignal\n$/);
  });
});
