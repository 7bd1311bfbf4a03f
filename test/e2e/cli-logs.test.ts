import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, runProcess, runnerNode } from "../support/runner.js";

// `gpu-carbon report` on files a user may hand it: each gets the right figure or a clear error.
const CLI = path.join(ROOT, "dist/cli/index.js");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-logs-"));
  dirs.push(dir);
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
}

const report = (args: string[]) =>
  runProcess(runnerNode(), [CLI, "report", ...args], { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), TZ: "UTC" });

/** `timestamp, index, power.draw` rows of one GPU at `powerW`, every second from 10:00:00 UTC on `day`. */
function rows(day: string, fromS: number, toS: number, powerW: number): string[] {
  const out: string[] = [];
  for (let s = fromS; s <= toS; s += 1) {
    const t = new Date(Date.parse(`${day}T10:00:00Z`) + s * 1000).toISOString();
    out.push(`${t.slice(0, 10).replaceAll("-", "/")} ${t.slice(11, 23)}, 0, ${powerW.toFixed(2)}`);
  }
  return out;
}

describe("gpu-carbon report on files that are not what it expects", () => {
  it("a README given as a log: exit 2, saying it is not a power log", async () => {
    const result = await report([path.join(ROOT, "README.md")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not an nvidia-smi power log");
  });

  it("a log without its header: exit 2 asking for --columns, and read when they are given", async () => {
    const log = file("noheader.csv", rows("2026-06-03", 0, 60, 250).join("\n") + "\n");
    const refused = await report([log]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("no header line");
    expect(refused.stderr).toContain("--columns timestamp,index,power.draw");
    const read = await report([log, "--columns", "timestamp,index,power.draw", "--json"]);
    expect(read.code).toBe(0);
    // 250 W for 60 s = 15 kJ.
    expect(JSON.parse(read.stdout).energyKwh * 3_600_000).toBeCloseTo(15_000, 6);
    const bad = await report([log, "--columns", "timestamp,index"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--columns must name");
  });

  it("a UTF-16 log (as PowerShell writes): exit 2, saying how to convert it", async () => {
    const text = ["timestamp, index, power.draw [W]", ...rows("2026-06-03", 0, 10, 100)].join("\r\n") + "\r\n";
    const log = file("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const result = await report([log]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is UTF-16 text");
    // Without its byte-order mark too; but a binary file is no UTF-16 text, only not a log.
    const bare = await report([file("utf16-bare.csv", Buffer.from(text, "utf16le"))]);
    expect(bare.stderr).toContain("is UTF-16 text");
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 7919) % 251 === 0 ? 0 : 1 + ((i * 31) % 250);
    const notText = await report([file("program.bin", binary)]);
    expect(notText.code).toBe(2);
    expect(notText.stderr).toContain("is not an nvidia-smi power log");
  });

  it.each([
    "exporter-h100-mig-590.48-load-query.csv",
    "exporter-rtx2080super-610.57-load-query.csv",
    "exporter-rtx2080super-linux-465.27-query.csv",
  ])("a real one-shot capture of every field (%s): read, energy unknown", async (name) => {
    // Real headers have mixed-case field names (pci.baseClass, ...heterogenous_multivGPU).
    const result = await report([path.join(ROOT, "test/fixtures/nvidia-smi", name), "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.status).toBe("not-measured");
    expect(parsed.energyKwh).toBeNull();
    expect(parsed.gpus.length).toBeGreaterThan(0);
    expect(parsed.warnings.join("\n")).toContain("one-shot query");
  });

  it("a one-shot capture: energy unknown, not 0 kWh", async () => {
    const log = file(
      "once.csv",
      ["timestamp, index, power.draw [W]", "2026/06/03 10:00:00.000, 0, 250.00", "2026/06/03 10:00:00.000, 1, 240.00"].join("\n") + "\n",
    );
    const result = await report([log, "--json"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.energyKwh).toBeNull();
    expect(parsed.status).toBe("not-measured");
    expect(parsed.warnings.join("\n")).toContain("one-shot query");
  });

  it("a one-shot capture whose rows nvidia-smi stamped a few ms apart: still unknown", async () => {
    const log = file(
      "once-apart.csv",
      ["timestamp, index, power.draw [W]", "2026/06/03 10:00:00.000, 0, 250.00", "2026/06/03 10:00:00.002, 1, 260.00"].join("\n") + "\n",
    );
    const parsed = JSON.parse((await report([log, "--json"])).stdout);
    expect(parsed.status).toBe("not-measured");
    expect(parsed.energyKwh).toBeNull();
    expect(parsed.gpus.map((gpu: { energyKwh: number | null }) => gpu.energyKwh)).toEqual([null, null]);
    expect(parsed.warnings.join("\n")).toContain("one-shot query");
  });

  it("an hour-long outage on 3 June in Berlin is a gap, not DST; an unknown --timezone is refused", async () => {
    const header = "timestamp, index, power.draw [W]";
    // Berlin local time: 10:00-10:30, nothing until 11:30, then 11:30-12:00; 300 W throughout.
    const log = file("outage.csv", [header, ...rows("2026-06-03", 0, 1800, 300), ...rows("2026-06-03", 5400, 7200, 300)].join("\n") + "\n");
    const result = await report([log, "--timezone", "Europe/Berlin", "--json"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.durationSeconds).toBe(7200);
    expect(parsed.coverage).toBeCloseTo(0.5, 3);
    // 300 W for the 3600 s that were measured; the average is over those, not the window.
    expect(parsed.energyKwh * 3_600_000).toBeCloseTo(300 * 3600, 3);
    expect(parsed.gpus[0].averageWatts).toBe(300);
    const text = await report([log, "--timezone", "Europe/Berlin"]);
    expect(text.stdout).toContain("average 300 W");
    const unknown = await report([log, "--timezone", "Mars/Olympus_Mons"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--timezone must be a time zone name");
  });

  it("without --timezone, the host's zone (TZ) takes a real DST change out: the hour forward is no gap", async () => {
    // Berlin, 29 March 2026: 01:59:00 to 01:59:59, then 03:00:00 to 03:01:00 local; 200 W throughout.
    const local = (hms: string) => `2026/03/29 ${hms}.000`;
    const lines = ["timestamp, index, power.draw [W]"];
    for (let s = 0; s < 60; s += 1) lines.push(`${local(`01:59:${String(s).padStart(2, "0")}`)}, 0, 200.00`);
    for (let s = 0; s <= 60; s += 1) lines.push(`${local(`03:0${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`)}, 0, 200.00`);
    const log = file("dst.csv", lines.join("\n") + "\n");
    const run = (tz: string) =>
      runProcess(runnerNode(), [CLI, "report", log, "--json"], { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), TZ: tz });
    const berlin = JSON.parse((await run("Europe/Berlin")).stdout);
    expect(berlin.durationSeconds).toBe(120);
    expect(berlin.coverage).toBe(1);
    expect(berlin.energyKwh * 3_600_000).toBeCloseTo(200 * 120, 3);
    // On a host in UTC the same log has an hour without readings.
    const utc = JSON.parse((await run("UTC")).stdout);
    expect(utc.durationSeconds).toBe(3720);
    expect(utc.coverage).toBeLessThan(0.05);
  });

  it("on a host whose zone is unknown (TZ set to nothing), a jump forward is a gap, not an error", async () => {
    const header = "timestamp, index, power.draw [W]";
    const log = file(
      "unknown-zone.csv",
      [header, ...rows("2026-06-03", 0, 1800, 300), ...rows("2026-06-03", 5400, 7200, 300)].join("\n") + "\n",
    );
    const result = await runProcess(runnerNode(), [CLI, "report", log, "--json"], {
      PATH: process.env.PATH ?? "",
      HOME: os.tmpdir(),
      TZ: "",
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.durationSeconds).toBe(7200);
    expect(parsed.coverage).toBeCloseTo(0.5, 3);
  });

  it("keeps its compiled code in Node's compile cache (Node 22.1 and later), and reads the same the second time", async () => {
    // Node's own folder for it: node-compile-cache in the temporary folder (TMPDIR here).
    const tmp = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-compile-cache-"));
    dirs.push(tmp);
    const log = file("short.csv", ["timestamp, index, power.draw [W]", ...rows("2026-06-03", 0, 30, 250)].join("\n") + "\n");
    const run = () =>
      runProcess(runnerNode(), [CLI, "report", log, "--json"], { PATH: process.env.PATH ?? "", HOME: tmp, TMPDIR: tmp, TZ: "UTC" });
    const first = await run();
    const [major, minor] = (await runProcess(runnerNode(), ["-p", "process.versions.node"], { PATH: process.env.PATH ?? "" })).stdout
      .trim()
      .split(".")
      .map(Number);
    if (major! > 22 || (major === 22 && minor! >= 1))
      expect(readdirSync(path.join(tmp, "node-compile-cache"), { recursive: true }).length).toBeGreaterThan(1);
    const second = await run();
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).energyKwh).toBe(JSON.parse(first.stdout).energyKwh);
  });
});
