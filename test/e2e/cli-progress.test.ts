import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, SimulatedJob, runProcess, runnerNode } from "../support/runner.js";
import { Terminal } from "../support/terminal.js";

const CLI = path.join(ROOT, "dist/cli/index.js");

/** Runs `args` of the CLI; with `rows`, on a pseudo-terminal of that many rows (util-linux `script`). */
async function runCli(args: string[], rows?: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-progress-"));
  const env = {
    // The bin itself, as an installed `gpu-carbon` runs: its #!/usr/bin/env node line must work.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${SimulatedJob.pathWithFakeSmi()}`,
    HOME: os.tmpdir(),
    TMPDIR: dir,
    TERM: "dumb",
    FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
  };
  try {
    if (rows === undefined) return await runProcess(CLI, args, env);
    const inner = [CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const child = spawn("script", ["-qfec", `stty rows ${rows} cols 80; exec ${inner}`, "/dev/null"], {
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    return { code, stdout, stderr: "" };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("gpu-carbon run's progress line", () => {
  const work = "for i in 1 2 3 4 5 6 7 8; do echo step $i; sleep 0.25; done; printf 'done'";

  it("shows elapsed time, power and energy on a terminal's last row, apart from the command's output", async () => {
    const result = await runCli(["run", "--interval-ms", "100", "--progress-seconds", "0.2", "--", "sh", "-c", work], 12);
    expect(result.code).toBe(0);
    // Replay what the terminal received up to where the line is given back: the screen as the user saw it.
    const beforeRelease = result.stdout.slice(0, result.stdout.lastIndexOf("\x1b7\x1b[12;1H\x1b[2K\x1b[r"));
    const screen = new Terminal(12, 80);
    screen.write(beforeRelease);
    const lines = screen.lines();
    expect(lines[11]).toMatch(/^gpu-carbon: \d\.\ds · 200 W now · [\d.]+ Wh so far \(1 GPU\)$/);
    expect(lines.filter((line) => line.startsWith("step"))).toEqual([
      "step 1",
      "step 2",
      "step 3",
      "step 4",
      "step 5",
      "step 6",
      "step 7",
      "step 8",
    ]);
    expect(result.stdout).toContain("gpu-carbon: measured");
  });

  it("shows none off a terminal: stdout is the command's, stderr the report", async () => {
    const result = await runCli(["run", "--interval-ms", "100", "--progress-seconds", "0.2", "--", "sh", "-c", work]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("step 1\nstep 2\nstep 3\nstep 4\nstep 5\nstep 6\nstep 7\nstep 8\ndone");
    expect(result.stderr).not.toContain("now ·");
    expect(result.stderr.startsWith("gpu-carbon: measured")).toBe(true);
  });

  it("rejects a bad --progress-seconds", async () => {
    const result = await runProcess(runnerNode(), [CLI, "run", "--progress-seconds", "soon", "--", "true"], {
      PATH: SimulatedJob.pathWithoutSmi(),
      HOME: os.tmpdir(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--progress-seconds must be a number of seconds from 0 to 3600; got 'soon'.");
  });
});
