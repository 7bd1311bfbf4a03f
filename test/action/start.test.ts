import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { finishMeasurement } from "../../src/action/finish.js";
import { readSettings } from "../../src/config/settings.js";
import { startMeasurement } from "../../src/action/start.js";
import { MemoryIo } from "../support/memory-io.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("on a runner that is not Linux", () => {
  it.each(["darwin", "win32"] as const)("%s: warns once, starts nothing and reports nothing", async (platform) => {
    const runnerTemp = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-platform-"));
    dirs.push(runnerTemp);
    const io = new MemoryIo();
    const settings = readSettings(() => "");
    const env = { RUNNER_TEMP: runnerTemp };
    const outcome = await startMeasurement({ settings, env, io, samplerScript: "unused", watchPid: null, platform });
    expect(outcome).toBe("unsupported-platform");
    expect(io.warnings).toEqual([`gpu-carbon measures GPUs on Linux runners only; on ${platform} it does nothing.`]);
    expect(await finishMeasurement({ settings, env, io })).toBeNull();
    expect(io.warnings).toHaveLength(1);
    expect(io.summary).toBe("");
    expect(existsSync(path.join(runnerTemp, "gpu-carbon"))).toBe(false);
  });
});
