// Every input and every CLI flag, fuzzed: a bad value fails with a message that names the input
// (or flag); nothing ever throws anything else. Property-based with fast-check.
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../../src/cli/cli.js";
import { InputError, readSettings, type Settings } from "../../src/config/settings.js";

const action = parse((await import("node:fs")).readFileSync(path.resolve(import.meta.dirname, "../../action.yml"), "utf8")) as {
  inputs: Record<string, { default?: string }>;
};
const INPUTS = Object.keys(action.inputs);

/** Strings a user might type, or a fuzzer might: numbers in odd spellings, unicode, control characters. */
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    "",
    " ",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "-0",
    "0x10",
    "1_000",
    "１００",
    "5e-324",
    "+1",
    ".5",
    "5.",
    "1,5",
    "true",
    "True",
    "TRUE",
    "yes",
    "on",
    "1",
    "null",
    "undefined",
    "${{ matrix.gpu }}",
    "\n",
    "\u0000",
    "'; rm -rf / #",
  ),
);

/** Calls readSettings and classifies the outcome; any other exception fails the property. */
function attempt(inputs: Record<string, string>): Settings | InputError {
  try {
    return readSettings((name) => inputs[name] ?? "");
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

function expectSane(settings: Settings): void {
  expect(Number.isInteger(settings.intervalMs) && settings.intervalMs >= 50 && settings.intervalMs <= 60_000).toBe(true);
  expect(settings.pue >= 1 && settings.pue <= 3).toBe(true);
  if (settings.carbonIntensityGPerKwh !== null)
    expect(settings.carbonIntensityGPerKwh >= 0 && settings.carbonIntensityGPerKwh <= 2000).toBe(true);
  expect(settings.maxDurationMs > 0 && settings.maxDurationMs <= 720 * 3_600_000).toBe(true);
}

describe("every input of action.yml, fuzzed", () => {
  it("lists the inputs it fuzzes", () => {
    expect(INPUTS).toEqual(
      expect.arrayContaining(["interval-ms", "pue", "carbon-intensity", "max-duration-hours", "summary", "fail-on-error"]),
    );
  });

  it.each(INPUTS)("%s: any value is accepted within range, or refused naming the input and the value", (name) => {
    fc.assert(
      fc.property(value, (raw) => {
        const outcome = attempt({ [name]: raw });
        if (outcome instanceof InputError) {
          expect(outcome.input).toBe(name);
          expect(outcome.message).toContain(`Input '${name}'`);
          expect(outcome.message).toContain(raw);
        } else expectSane(outcome);
      }),
      { numRuns: 300 },
    );
  });

  it("any combination of values: the first bad one is named, nothing else is thrown", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...INPUTS), value), (inputs) => {
        const outcome = attempt(inputs);
        if (outcome instanceof InputError) expect(INPUTS).toContain(outcome.input);
        else expectSane(outcome);
      }),
      { numRuns: 500 },
    );
  });

  it("numbers in range are accepted whatever their spelling", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 3, noNaN: true }), fc.constantFrom("", " ", "+"), (pue, pad) => {
        const outcome = attempt({ pue: `${pad === "+" ? "+" : pad}${pue}${pad === "+" ? "" : pad}` });
        expect(outcome).not.toBeInstanceOf(InputError);
        expect((outcome as Settings).pue).toBe(pue);
      }),
    );
  });
});

describe("the CLI's flags, fuzzed", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-cli-fuzz-"));
  const log = path.join(dir, "samples.csv");
  writeFileSync(
    log,
    "timestamp, index, uuid, power.draw [W]\n2026/11/28 10:00:00.000, 0, GPU-0aaa, 100.00\n2026/11/28 10:00:01.000, 0, GPU-0aaa, 100.00\n",
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const FLAGS = ["--carbon-intensity", "--pue", "--interval-ms", "--nvidia-smi-path", "--json", "-h", "--help", "--bogus", "--"];

  it("exits 0, 1 or 2 with a message, and never throws, whatever the arguments", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...FLAGS, "report", log, "run"), value), { maxLength: 6 }), async (args) => {
        // `run` would start a command; it is exercised by the end-to-end tests instead.
        fc.pre(!args.includes("run"));
        let out = "";
        let err = "";
        const code = await runCli(["report", log, ...args], { out: (t) => (out += t), err: (t) => (err += t) }, "/nonexistent/sampler.js");
        expect([0, 1, 2]).toContain(code);
        if (code !== 0) expect(err.length).toBeGreaterThan(0);
        else expect(out.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["--pue", "0.5"],
    ["--interval-ms", "fast"],
    ["--carbon-intensity", "1e309"],
  ])("names the flag and the value: %s %s", async (flag, bad) => {
    let err = "";
    const code = await runCli(["report", log, flag, bad], { out: () => undefined, err: (t) => (err += t) }, "");
    expect(code).toBe(2);
    expect(err.startsWith(`gpu-carbon: ${flag} must be `)).toBe(true);
    expect(err.endsWith(`; got '${bad}'.\n`)).toBe(true);
  });

  it("an unwritable --report-path is a warning after the report, not a crash", async () => {
    let out = "";
    let err = "";
    const target = path.join(log, "cannot", "report.json"); // below a file: ENOTDIR
    const code = await runCli(["report", log, "--report-path", target], { out: (t) => (out += t), err: (t) => (err += t) }, "");
    expect(code).toBe(0);
    expect(out).toContain("gpu-carbon: measured");
    expect(err).toContain(`gpu-carbon: warning: --report-path: could not write ${target} (ENOTDIR`);
  });
});
