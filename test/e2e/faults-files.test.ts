// Files a workflow controls, through the bundled action: the path inputs and the files in the
// work folder that any step can replace. Writing never removes or replaces anything but a regular
// file, a failed write leaves the destination as it was, and nothing it reads can hang a step.
// Devices are made with mknod in the job's own folder (root only); no path of the host's is named.
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SimulatedJob, canMakeDevices, makeFifo, makeFullDevice, readIfThere, sleep, waitFor } from "../support/runner.js";

function job(): SimulatedJob {
  return new SimulatedJob({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }) });
}

const FAST = { "interval-ms": "100" };
const rows = (j: SimulatedJob) =>
  readIfThere(path.join(j.workDir, "samples.log"))
    .split("\n")
    .filter((l) => /^\d+\t/.test(l)).length;

/** The device number and kind of `file`, to show it is the same node afterwards. */
const node = (file: string) => {
  const stat = lstatSync(file);
  return { char: stat.isCharacterDevice(), rdev: stat.rdev, ino: stat.ino };
};

/** Runs pre, waits for a few samples, and returns the job. */
async function measuring(j: SimulatedJob, inputs: Record<string, string> = {}): Promise<void> {
  expect((await j.run("pre", { ...FAST, ...inputs })).code).toBe(0);
  await waitFor(() => rows(j) >= 2, 10_000, "two rows");
}

if (!canMakeDevices) console.log("note: the device-node cases are skipped: mknod needs root");

describe("a path input names a device, a link to one, or a FIFO: it is left alone, with a warning", () => {
  it.skipIf(!canMakeDevices)("report-path, benchmark-path and codecarbon-path on a full device: the device stays, post warns", async () => {
    const j = job();
    const devices = path.join(j.dir, "devices");
    mkdirSync(devices);
    const full = makeFullDevice(devices);
    const before = node(full);
    const inputs = { "report-path": full, "benchmark-path": full, "codecarbon-path": full };
    await measuring(j, inputs);
    const post = await j.run("post", { ...FAST, ...inputs });
    expect(post.code).toBe(0);
    expect(node(full)).toEqual(before);
    expect(post.stdout).toContain(
      `::warning::Input 'report-path': could not write ${full} (${full} is a character device, not a regular file; it was left alone)`,
    );
    expect(post.stdout).toContain(`::warning::Input 'benchmark-path': gpu-carbon could not write ${full} (${full} is a character device`);
    expect(post.stdout).toContain(`::warning::Input 'codecarbon-path': gpu-carbon could not add to ${full}: ${full} is a character device`);
    // The measurement itself is reported as usual.
    expect(j.report().status).toBe("measured");
  });

  it.skipIf(!canMakeDevices)("a symbolic link to a device: the link and the device stay", async () => {
    const j = job();
    const full = makeFullDevice(j.dir);
    const link = path.join(j.dir, "out", "report.json");
    mkdirSync(path.dirname(link));
    symlinkSync(full, link);
    await measuring(j, { "report-path": link });
    const post = await j.run("post", { ...FAST, "report-path": link });
    expect(post.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(full);
    expect(statSync(full).isCharacterDevice()).toBe(true);
    expect(post.stdout).toContain(`${link} is a symbolic link to a character device, not a regular file; it was left alone`);
  });

  it("a symbolic link to a regular file: the file it names gets the report, the link stays a link", async () => {
    const j = job();
    const target = path.join(j.dir, "kept", "report.json");
    mkdirSync(path.dirname(target));
    writeFileSync(target, "old");
    const link = path.join(j.dir, "report-link.json");
    symlinkSync(target, link);
    await measuring(j, { "report-path": link });
    expect((await j.run("post", { ...FAST, "report-path": link })).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, "utf8")).status).toBe("measured");
  });

  it("a FIFO as report-path, benchmark-path and codecarbon-path: post neither waits nor writes into it", async () => {
    const j = job();
    const fifo = makeFifo(path.join(j.dir, "pipe"));
    const inputs = { "report-path": fifo, "benchmark-path": fifo, "codecarbon-path": fifo };
    await measuring(j, inputs);
    const started = Date.now();
    const post = await j.run("post", { ...FAST, ...inputs });
    expect(post.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(post.stdout).toContain(`::warning::Input 'report-path': could not write ${fifo} (${fifo} is a FIFO, not a regular file`);
    expect(post.stdout).toContain(`::warning::Input 'codecarbon-path': gpu-carbon could not add to ${fifo}: ${fifo} is a FIFO`);
  });
});

describe("a failed write leaves the destination as it was", () => {
  it("the disk fills while post writes: the previous report-path and codecarbon-path files keep their content", async () => {
    const first = job();
    const previous = path.join(first.dir, "previous-report.json");
    writeFileSync(previous, '{"kept":true}\n');
    const csv = path.join(first.dir, "emissions.csv");
    await measuring(first, { "codecarbon-path": csv });
    expect((await first.run("post", { ...FAST, "codecarbon-path": csv })).code).toBe(0); // a first row
    const csvBefore = readFileSync(csv, "utf8");
    const j = job();
    await measuring(j, { "codecarbon-path": csv });
    j.fileSizeLimitBytes = 512; // every file post writes is larger
    const inputs = { ...FAST, "report-path": previous, "codecarbon-path": csv };
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`::warning::Input 'report-path': could not write ${previous} (EFBIG`);
    expect(post.stdout).toContain(`::warning::Input 'codecarbon-path': gpu-carbon could not write ${csv} (EFBIG`);
    expect(readFileSync(previous, "utf8")).toBe('{"kept":true}\n');
    expect(readFileSync(csv, "utf8")).toBe(csvBefore);
    // No half-written temporary file is left beside them.
    expect(readdirSync(first.dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a step replaces a file of the work folder with a FIFO: post warns, never hangs", () => {
  for (const file of ["sampler.log", "phases.tsv", "work-units.txt"]) {
    it(`${file} is a FIFO`, async () => {
      const j = job();
      await measuring(j);
      const target = path.join(j.workDir, file);
      rmSync(target, { force: true });
      makeFifo(target);
      const started = Date.now();
      const post = await j.run("post", FAST);
      expect(post.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(20_000);
      const report = j.report();
      expect(report.status).toBe("measured");
      expect(report.warnings.join("\n")).toContain(`${target} is a FIFO, not a regular file; it was not read`);
    });
  }

  it("session.json is a FIFO: post says why nothing was measured, and still stops the sampler", async () => {
    const j = job();
    await measuring(j);
    const sampler = JSON.parse(readFileSync(path.join(j.workDir, "session.json"), "utf8")).samplerPid as number;
    const session = path.join(j.workDir, "session.json");
    rmSync(session);
    makeFifo(session);
    const post = await j.run("post", FAST);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`the measurement never started (${session} is a FIFO, not a regular file; it was not read)`);
    await sleep(100);
    expect(readIfThere(`/proc/${sampler}/cmdline`)).not.toContain("--gpu-carbon-sampler");
  });

  it("report.json is a FIFO: post does not write into it, and the rest of the report goes out", async () => {
    const j = job();
    await measuring(j);
    const report = path.join(j.workDir, "report.json");
    makeFifo(report);
    const post = await j.run("post", FAST);
    expect(post.code).toBe(0);
    expect(lstatSync(report).isFIFO()).toBe(true);
    expect(post.stdout).toContain(
      `::warning::gpu-carbon could not write ${report} (${report} is a FIFO, not a regular file; it was left alone)`,
    );
    expect(post.summary).toContain("GPU energy");
  });
});
