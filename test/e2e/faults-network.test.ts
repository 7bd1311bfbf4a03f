// Post's network work has one deadline, through the bundled post hook: the Jobs API, the grid
// APIs, the history and the PR comment together, retries included, end within it. The deadline
// is shortened through GPU_CARBON_TEST_DEADLINES so that a silent network is proved in seconds.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pushPayload, workflowEnv } from "../support/fake-github/workflow-env.js";
import { SimulatedJob, sleep } from "../support/runner.js";

/** A server that accepts every connection and never answers (a black-holed API). */
let silent: net.Server;
let silentUrl = "";
const sockets = new Set<net.Socket>();
beforeEach(async () => {
  silent = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("one deadline for all of post's network work", () => {
  it("GitHub and the grid APIs never answer: post ends within the deadline, saying what was skipped", async () => {
    const networkMs = 2500;
    const env = {
      FAKE_NVIDIA_SMI: JSON.stringify({ gpus: [{ powerW: 200 }] }),
      ...workflowEnv({ apiUrl: silentUrl, eventName: "push", ...pushPayload("main"), runnerTemp: false }),
      RUNNER_NAME: "gpu-runner-1",
      GPU_CARBON_ELECTRICITY_MAPS_URL: silentUrl,
      GPU_CARBON_TEST_DEADLINES: JSON.stringify({ networkMs }),
    };
    const j = new SimulatedJob(env, { "github.token": "ghs_networkjobtoken" });
    const inputs = { "interval-ms": "100", location: "DE", "live-grid": "true", "electricity-maps-token": "em-network-test" };
    expect((await j.run("pre", inputs)).code).toBe(0);
    await sleep(300);
    const started = Date.now();
    const post = await j.run("post", inputs);
    const tookMs = Date.now() - started;
    expect(post.code).toBe(0);
    // Before, the Jobs API alone had 20 s of its own, and every retry could sleep past the rest.
    expect(tookMs).toBeLessThan(networkMs + 10_000);
    expect(j.report().status).toBe("measured");
    expect(post.stdout).toContain("the time allowed for GitHub API calls ran out");
  });
});
