/** Runs a short-lived command with arguments as an array (never a shell string). */
import { spawn } from "node:child_process";
import { errorMessage } from "../core/errors.js";

export interface CommandResult {
  /** Exit code, `null` when killed by a signal or never started. */
  exitCode: number | null;
  /** Signal that ended it, if any. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Set when the command could not be started (`ENOENT`, `EACCES`) or timed out. */
  error: string | null;
}

/** Runs `file args...`, capturing output; kills it after `timeoutMs`. Never throws. */
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
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr, error });
    };
    let child;
    try {
      child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"], env: options.env ?? process.env });
    } catch (e) {
      error = errorMessage(e);
      resolve({ exitCode: null, signal: null, stdout, stderr, error });
      return;
    }
    const timer = setTimeout(() => {
      error = `timed out after ${options.timeoutMs ?? 0} ms`;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 30_000);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (stdout.length < 1_000_000) stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < 100_000) stderr += chunk;
    });
    child.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ? `${e.code}: ${e.message}` : e.message;
      finish(null, null);
    });
    child.on("close", (code, signal) => finish(code, signal));
  });
}
