/**
 * The real Prometheus Pushgateway (Debian's `prometheus-pushgateway`) on 127.0.0.1, with its
 * storage in a temporary folder; started by a test and stopped after it. When the binary is
 * missing it is installed (as root), else the test fails saying how to install it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT, sleep } from "./runner.js";

const BINARY = "prometheus-pushgateway";

function findBinary(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).concat(["/usr/bin", "/usr/sbin"])) {
    const file = path.join(dir, BINARY);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/** The binary, installed through scripts/install-test-servers.sh when missing. */
export function pushgatewayBinary(): string {
  const found = findBinary();
  if (found) return found;
  const install = spawnSync("bash", [path.join(ROOT, "scripts/install-test-servers.sh")], { encoding: "utf8" });
  const installed = findBinary();
  if (installed) return installed;
  throw new Error(
    `${BINARY} is not installed and could not be installed (${(install.stderr || install.stdout).trim()}). Install it with 'sudo apt-get install -y ${BINARY}' (Debian/Ubuntu), or run 'bash scripts/install-test-servers.sh' as root.`,
  );
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One metric group as `GET /api/v1/metrics` returns it. */
export interface PushedGroup {
  labels: Record<string, string>;
  [metric: string]: unknown;
}

export class Pushgateway {
  private child: ChildProcess | null = null;
  private dir = "";
  url = "";

  async start(): Promise<string> {
    const binary = pushgatewayBinary();
    this.dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-pushgateway-"));
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(binary, [`--web.listen-address=127.0.0.1:${port}`, `--persistence.file=${path.join(this.dir, "metrics.db")}`], {
      stdio: "ignore",
    });
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      try {
        if ((await fetch(`${this.url}/-/ready`)).ok) return this.url;
      } catch {
        /* not listening yet */
      }
      if (this.child.exitCode !== null) break;
      await sleep(50);
    }
    await this.stop();
    throw new Error(`${binary} did not become ready on ${this.url}`);
  }

  /** Every group pushed, read back through the Pushgateway's own HTTP API. */
  async groups(): Promise<PushedGroup[]> {
    const response = await fetch(`${this.url}/api/v1/metrics`);
    const json = (await response.json()) as { status: string; data: PushedGroup[] };
    return json.data;
  }

  /** The value of `metric` in the group whose labels include `labels`; `null` when absent. */
  async value(metric: string, labels: Record<string, string>): Promise<number | null> {
    const group = (await this.groups()).find((g) => Object.entries(labels).every(([k, v]) => g.labels[k] === v));
    const family = group?.[metric] as { metrics: { value: string }[] } | undefined;
    return family ? Number(family.metrics[0]!.value) : null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
