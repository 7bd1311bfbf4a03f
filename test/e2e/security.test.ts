// Untrusted text and credentials, through the bundled action: a GPU name is whatever the driver
// (or a tampered tool) prints, step and phase names whatever a workflow says; they must stay
// inert text. Tokens must never reach the log, the summary or a file.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addJobsRoutes, job, steps } from "../support/fake-github/jobs.js";
import { FakeGitHub } from "../support/fake-github/server.js";
import { SimulatedJob, sleep } from "../support/runner.js";

let gh: FakeGitHub;
beforeEach(async () => {
  gh = new FakeGitHub();
  await gh.start();
});
afterEach(async () => {
  await gh.close();
});

function newJob(env: Record<string, string>): SimulatedJob {
  return new SimulatedJob(env);
}

const HOSTILE = "<img src=x onerror=alert(1)> **@octo-org/admins** [x](https://evil.example) | \r::error::pwned";
/** HOSTILE as a summary cell: the carriage return became a space; HTML, markdown and the mention are escaped. */
const HOSTILE_CELL =
  "&lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*@\u200bocto-org/admins\\*\\* \\[x\\]\\(https://evil.example\\) \\|  ::error::pwned";
const commandLines = (output: string) =>
  output.split(/\r\n|\r|\n/).filter((line) => /^\s*::(error|set-output|add-mask|warning)::.*pwned/.test(line));

/** Every file the job left in its folder, as text. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [readFileSync(file, "utf8")];
  });
}

describe("untrusted names", () => {
  it("a GPU name with HTML, markdown, @mentions and a workflow command stays inert text", async () => {
    const j = newJob({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 100, name: HOSTILE }] }), GITHUB_API_URL: "http://127.0.0.1:1" });
    const inputs = { "interval-ms": "100", "github-token": "" };
    const pre = await j.run("pre", inputs);
    expect(pre.code).toBe(0);
    await sleep(500);
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    expect(commandLines(pre.stdout + "\n" + post.stdout)).toEqual([]);
    expect(post.summary).toContain(`| 0 | ${HOSTILE_CELL} | `);
    expect(post.summary).not.toContain("<img");
    expect(post.summary).not.toMatch(/@octo/);
    expect(j.report().gpus[0].name).toBe("<img src=x onerror=alert(1)> **@octo-org/admins** [x](https://evil.example) |  ::error::pwned");
  });

  it("step and phase names from the workflow cannot inject into the summary or the log", async () => {
    const j = newJob({
      FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
      GITHUB_API_URL: gh.url,
      GITHUB_REPOSITORY: "o/r",
      GITHUB_RUN_ID: "42",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_JOB: "train",
      RUNNER_NAME: "gpu-runner-1",
    });
    let t0 = 0;
    addJobsRoutes(gh, () => [
      job({
        name: "train",
        steps: steps(t0, [
          [HOSTILE.replace("\r", "\n"), 0, 1000],
          ["Post Run gpu-carbon", 1000, null],
        ]),
      }),
    ]);
    const inputs = { "interval-ms": "100" };
    // A phase must be one short line (an input error otherwise); within that, anything goes.
    const phase = "<b>x</b> **@octo-org/admins** [x](https://e.example) | ::error::pwned";
    const mark = { ...inputs, mode: "mark", phase };
    expect((await j.run("pre", inputs)).code).toBe(0);
    t0 = Math.ceil(Date.now() / 1000) * 1000;
    await sleep(t0 + 300 - Date.now());
    const marked = await j.run("main", mark, "mark");
    await sleep(t0 + 1300 - Date.now());
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    expect(commandLines(marked.stdout + "\n" + post.stdout)).toEqual([]);
    expect(post.summary).not.toContain("<img");
    expect(post.summary).not.toMatch(/@octo/);
    expect(marked.code).toBe(0);
    // The step's newline became a space, like the carriage return; HTML, markdown and mentions are escaped.
    expect(post.summary).toContain(`| ${HOSTILE_CELL} | `);
    expect(post.summary).toContain(
      "| &lt;b&gt;x&lt;/b&gt; \\*\\*@\u200bocto-org/admins\\*\\* \\[x\\]\\(https://e.example\\) \\| ::error::pwned | ",
    );
  });
});

describe("credentials", () => {
  it("github-token and electricity-maps-token are masked before anything is printed, and written nowhere", async () => {
    const githubToken = "ghs_0123456789abcdefTESTSECRET";
    const mapsToken = "em-7d2f9c0b1a-TESTSECRET";
    const j = newJob({
      FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 100 }] }),
      GITHUB_API_URL: gh.url,
      GITHUB_REPOSITORY: "o/r",
      GITHUB_RUN_ID: "42",
      GITHUB_RUN_ATTEMPT: "1",
      RUNNER_NAME: "gpu-runner-1",
      GPU_CARBON_ELECTRICITY_MAPS_URL: gh.url,
    });
    addJobsRoutes(gh, () => [job({ name: "train", steps: [] })]);
    const inputs = { "interval-ms": "100", "github-token": githubToken, "electricity-maps-token": ` ${mapsToken} ` };
    // A bad input fails the step, and its message is printed: the tokens must already be masked.
    const bad = await j.run("pre", { ...inputs, pue: "bogus" });
    expect(bad.code).toBe(1);
    const pre = await j.run("pre", inputs);
    const post = await j.run("post", inputs);
    for (const step of [bad, pre, post]) {
      const output = step.stdout + step.stderr;
      const lines = output.split("\n");
      const firstOther = lines.findIndex((line) => !line.startsWith("::add-mask::"));
      for (const token of [githubToken, mapsToken]) {
        // Masked before anything else is printed, and printed nowhere but in the mask commands.
        expect(lines.slice(0, firstOther).some((line) => line.includes(token))).toBe(true);
        expect(lines.filter((line) => line.includes(token) && !line.startsWith("::add-mask::"))).toEqual([]);
      }
    }
    const written = [...j.summaries, ...filesUnder(j.runnerTemp)].join("\n");
    expect(written).not.toContain(githubToken);
    expect(written).not.toContain(mapsToken);
  });
});

describe("credentials in forms the runner's masking cannot match", () => {
  it("a multi-line electricity-maps-token quoted by an HTTP client's error reaches no log line, report or summary", async () => {
    const lines = ["em-first-line-TESTSECRET", "em-second-line-TESTSECRET"];
    const j = newJob({
      FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 100 }] }),
      GPU_CARBON_ELECTRICITY_MAPS_URL: gh.url,
    });
    // A newline in a header value: fetch refuses it, quoting the value JSON-escaped.
    const inputs = {
      "interval-ms": "100",
      "github-token": "",
      location: "DE",
      "live-grid": "true",
      "electricity-maps-token": lines.join("\n"),
    };
    expect((await j.run("pre", inputs)).code).toBe(0);
    await sleep(400);
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    // Each line is masked on its own (the runner masks line by line).
    for (const line of lines) expect(post.stdout).toContain(`::add-mask::${line}`);
    const printed = (post.stdout + post.stderr)
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    expect(printed).toContain("Electricity Maps"); // the failure is still reported
    const written = [printed, ...j.summaries, ...filesUnder(j.runnerTemp)].join("\n");
    for (const line of lines) expect(written).not.toContain(line);
    expect(JSON.stringify(j.report())).not.toContain("TESTSECRET");
  });
});

describe("bidirectional controls", () => {
  it("U+202E in a GPU name cannot reorder the summary or the log", async () => {
    const j = newJob({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 100, name: "NVIDIA \u202eH100\u202c fake" }] }) });
    const inputs = { "interval-ms": "100", "github-token": "" };
    const pre = await j.run("pre", inputs);
    expect(pre.code).toBe(0);
    await sleep(300);
    const post = await j.run("post", inputs);
    expect(post.code).toBe(0);
    for (const text of [pre.stdout, post.stdout, post.summary]) expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(post.summary).toContain("NVIDIA \ufffdH100\ufffd fake");
  });
});
