/**
 * A real Prometheus server (Debian's `prometheus` package) for tests: started on 127.0.0.1 with
 * a temporary storage path, optionally backfilled with `promtool tsdb create-blocks-from
 * openmetrics`, and stopped afterwards. When the package is missing,
 * scripts/install-test-servers.sh installs it (as root); where that is impossible the test fails with a message saying how.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const INSTALL_SCRIPT = path.resolve(import.meta.dirname, "../../scripts/install-test-servers.sh");

function onPath(name: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Makes sure `prometheus` and `promtool` are installed; throws a message saying how otherwise. */
export function ensurePrometheus(): void {
  if (onPath("prometheus") && onPath("promtool")) return;
  const result = spawnSync("bash", [INSTALL_SCRIPT], { encoding: "utf8", timeout: 300_000 });
  if (onPath("prometheus") && onPath("promtool")) return;
  throw new Error(
    `These tests need a real Prometheus server and promtool (Debian package 'prometheus'), which are not installed and could not be installed (${(result.stderr || result.stdout || String(result.error ?? "")).trim()}). Install them with 'sudo apt-get install -y prometheus' (or run 'bash scripts/install-test-servers.sh' as root), then run the tests again.`,
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPrometheus {
  /** Base URL of the HTTP API, such as http://127.0.0.1:40123. */
  url: string;
  /** The storage folder. */
  dir: string;
  stop(): Promise<void>;
}

export interface PrometheusOptions {
  /** `scrape_configs` entries as YAML text (already indented for the list); none when absent. */
  scrapeConfigs?: string;
  /** Global scrape interval, such as `1s`. */
  scrapeInterval?: string;
  /** OpenMetrics history to backfill before the server starts. */
  backfill?: string;
  /** TSDB blocks made beforehand (see `backfillBlocks`), copied into the storage folder. */
  blocks?: string;
  /** How long the server keeps samples; 30 days unless given (older blocks are dropped at start). */
  retention?: string;
}

/** Turns an OpenMetrics history file into TSDB blocks in `out` (promtool), for `blocks`. */
export function backfillBlocks(input: string, out: string): void {
  ensurePrometheus();
  const made = spawnSync("promtool", ["tsdb", "create-blocks-from", "openmetrics", "--quiet", input, out], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`promtool could not backfill: ${made.stderr || made.stdout}`);
}

/** Starts Prometheus and waits until it is ready. */
export async function startPrometheus(options: PrometheusOptions = {}): Promise<RunningPrometheus> {
  ensurePrometheus();
  const dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-prometheus-"));
  const data = path.join(dir, "data");
  if (options.blocks !== undefined) cpSync(options.blocks, data, { recursive: true });
  if (options.backfill !== undefined) {
    const input = path.join(dir, "history.om");
    writeFileSync(input, options.backfill);
    backfillBlocks(input, data);
  }
  const config = path.join(dir, "prometheus.yml");
  const interval = options.scrapeInterval ?? "15s";
  writeFileSync(
    config,
    `global:\n  scrape_interval: ${interval}\n  evaluation_interval: ${interval}\n` +
      (options.scrapeConfigs ? `scrape_configs:\n${options.scrapeConfigs}` : ""),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "prometheus",
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${data}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--storage.tsdb.retention.time=${options.retention ?? "30d"}`,
      "--log.level=warn",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) return { url, dir, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`prometheus did not become ready: ${stderr}`);
}
