/**
 * Runs a short-lived command with arguments as an array (never a shell string), in a process
 * group of its own with a deadline. At the deadline, or as soon as the command itself has exited,
 * the whole group is killed and its pipes are let go: a wrapper whose child keeps stdout open, or
 * an nvidia-smi stuck in the driver, can neither hold the step up nor outlive it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { childEnv } from "./child-env.js";

export interface CommandResult {
  /** Exit code, `null` when killed by a signal or never started. */
  exitCode: number | null;
  /** Signal that ended it, if any. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Set when the command could not be started (`ENOENT`, `EACCES`) or timed out. */
  error: string | null;
  /** True when it was ended at its deadline. */
  timedOut?: boolean;
}

/** How long output still held open by the command's children is read after the command exits, ms. */
const DRAIN_MS = 200;

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    /* the group is gone */
  }
}

/**
 * Runs `file args...`, capturing output; ends it (its whole group) after `timeoutMs`. Its
 * environment is `env` without inputs, state or credentials (see `childEnv`). Never throws.
 */
export function runCommand(
  file: string,
  args: string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let error: string | null = null;
    let settled = false;
    let timedOut = false;
    let child: ChildProcess;
    try {
      child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"], env: childEnv(options.env ?? process.env), detached: true });
    } catch (e) {
      resolve({ exitCode: null, signal: null, stdout, stderr, error: (e as Error).message });
      return;
    }
    let drain: NodeJS.Timeout | undefined;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(drain);
      // Nothing it started may outlive it, and nothing it left may keep this process waiting.
      killGroup(child);
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
      resolve({ exitCode, signal, stdout, stderr, error, timedOut });
    };
    const timeoutMs = options.timeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      error = `timed out after ${timeoutMs} ms`;
      timedOut = true;
      finish(null, "SIGKILL");
    }, timeoutMs);
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      if (stdout.length < 1_000_000) stdout += chunk;
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < 100_000) stderr += chunk;
    });
    child.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ? `${e.code}: ${e.message}` : e.message;
      finish(null, null);
    });
    child.on("exit", (code, signal) => {
      drain = setTimeout(() => finish(code, signal), DRAIN_MS);
    });
    child.on("close", (code, signal) => finish(code, signal));
  });
}
