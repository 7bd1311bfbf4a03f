// Untrusted text reaching the summary and the log through the bundled action: a GPU name is
// whatever the driver (or a tampered tool) prints, so it must stay inert text.
import { afterEach, describe, expect, it } from "vitest";
import { SimulatedJob, sleep } from "../support/runner.js";

const jobs: SimulatedJob[] = [];
afterEach(() => {
  for (const j of jobs.splice(0)) j.cleanup();
});

const HOSTILE_NAME = "<img src=x onerror=alert(1)> **@octo-org/admins** [x](https://evil.example) | \r::error::pwned";

describe("a GPU name with HTML, markdown, @mentions and a workflow command", () => {
  it("stays inert text in the summary and cannot start a command line in the log", async () => {
    const j = new SimulatedJob({ FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 100, name: HOSTILE_NAME }] }) });
    jobs.push(j);
    const pre = await j.run("pre", { "interval-ms": "100" });
    expect(pre.code).toBe(0);
    await sleep(500);
    const post = await j.run("post", { "interval-ms": "100" });
    expect(post.code).toBe(0);

    for (const output of [pre.stdout, post.stdout]) {
      expect(output.split(/\r\n|\r|\n/).filter((line) => /^\s*::error::/.test(line))).toEqual([]);
    }
    // The carriage return became a space; everything markdown or HTML would act on is escaped.
    const cell =
      "&lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*@\u200bocto-org/admins\\*\\* \\[x\\]\\(https://evil.example\\) \\|  ::error::pwned";
    expect(post.summary).toContain(`| 0 | ${cell} | `);
    expect(post.summary).not.toContain("<img");
    expect(post.summary).not.toMatch(/@octo/);
    expect(j.report().gpus[0].name).toBe("<img src=x onerror=alert(1)> **@octo-org/admins** [x](https://evil.example) |  ::error::pwned");
  });
});
