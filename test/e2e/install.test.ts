/**
 * The CLI installs as the README says, with no network: `npm pack` and `npm install -g` of the
 * tarball into a fresh prefix with an empty npm cache and --offline (so any dependency it tried
 * to download would fail the install), and `npm install -g` of the repository folder itself.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runProcess } from "../support/runner.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-install-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** npm with its own empty cache, offline: nothing can come from a registry. */
function npm(args: string[], cwd = ROOT): string {
  return execFileSync("npm", [...args, "--offline", "--no-audit", "--no-fund", "--cache", path.join(dir, "npm-cache")], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: dir },
  });
}

/** A two-second, one-GPU, 100 W log. */
function log(): string {
  const file = path.join(dir, "samples.csv");
  const rows = [0, 1, 2].map((s) => `2026/11/28 10:00:0${s}.000, 0, GPU-0, 100.00`);
  writeFileSync(file, ["timestamp, index, uuid, power.draw [W]", ...rows].join("\n") + "\n");
  return file;
}

/** Runs the installed `gpu-carbon` of `prefix` on the log, as a user's shell would find it. */
async function reportWith(prefix: string) {
  const bin = path.join(prefix, "bin", "gpu-carbon");
  return runProcess(bin, ["report", log(), "--carbon-intensity", "500"], {
    PATH: `${path.join(prefix, "bin")}${path.delimiter}${path.dirname(process.execPath)}`,
    HOME: dir,
  });
}

describe("installing the CLI", () => {
  it("from a packed tarball: only dist/ and the docs, nothing to download", async () => {
    npm(["pack", "--pack-destination", dir]);
    const [tarball] = readdirSync(dir).filter((f) => f.endsWith(".tgz"));
    expect(tarball).toMatch(/^gpu-carbon-\d+\.\d+\.\d+\.tgz$/);
    const listed = execFileSync("tar", ["-tzf", path.join(dir, tarball!)], { encoding: "utf8" }).split("\n");
    expect(listed).toContain("package/dist/cli/index.js");
    expect(listed.filter((f) => f.startsWith("package/src/") || f.startsWith("package/test/"))).toEqual([]);
    const prefix = path.join(dir, "from-tarball");
    npm(["install", "-g", "--prefix", prefix, path.join(dir, tarball!)], dir);
    const result = await reportWith(prefix);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/energy {6}0\.056 Wh \([\d.]+-[\d.]+\) \(GPU boards\)/); // 100 W x 2 s = 200 J
  });

  it("from a clone of the repository", async () => {
    const prefix = path.join(dir, "from-clone");
    npm(["install", "-g", "--prefix", prefix, ROOT], dir);
    const result = await reportWith(prefix);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("gpu-carbon: measured");
  });
});
