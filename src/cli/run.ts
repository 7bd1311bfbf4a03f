/**
 * `gpu-carbon run`: samples the GPUs while a command runs, then reports. Loaded only for `run`,
 * so that `report` starts without the process machinery.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Settings } from "../config/settings.js";
import type { Session } from "../adapters/session-store.js";
import { startProgress } from "./progress.js";
import { forwardsSignal, inTerminalForeground } from "./signals.js";
import { analyseSession } from "../measure/analyse.js";
import { stopSampling } from "../measure/stop.js";
import { startSampling } from "../measure/start.js";
import { errorMessage } from "../core/errors.js";
import { print, settingsFrom, type CliIo } from "./output.js";

/**
 * Starts the sampler for `run`, exactly as the action does (same GPU selection). Any failure (no
 * nvidia-smi, no temp folder, no sampler) becomes a warning in the session: the user's command
 * runs whatever happens to the measurement.
 */
async function startRunSampling(
  settings: Settings,
  io: CliIo,
  samplerScript: string,
  counterScript: string | undefined,
): Promise<{ session: Session; dir: string | null }> {
  const warn = (message: string) => io.err(`gpu-carbon: warning: ${message}\n`);
  let dir: string;
  try {
    dir = mkdtempSync(path.join(os.tmpdir(), "gpu-carbon-"));
  } catch (e) {
    const why = `sampling could not start (${errorMessage(e)}): energy is not measured`;
    warn(why);
    return { session: notSampling(settings, why), dir: null };
  }
  const { session, failure } = await startSampling({
    settings,
    env: process.env,
    dir,
    samplerScript,
    counterScript,
    watchPid: process.pid,
    via: "cli",
    info: (message) => io.err(`gpu-carbon: ${message}\n`),
    warning: warn,
  });
  if (failure) warn(failure);
  return { session, dir };
}

/** The session of a `run` that could not sample. */
function notSampling(settings: Settings, why: string): Session {
  return {
    version: 1,
    startedEpochMs: Date.now(),
    intervalMs: settings.intervalMs,
    measuring: false,
    samplerPid: null,
    samplesPath: "",
    nvidiaSmiPath: null,
    gpus: [],
    warnings: [why],
  };
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

/** The progress period in seconds from --progress-seconds (default 1), or an error message. */
function progressSeconds(text: string | boolean | undefined): number | string {
  if (typeof text !== "string") return 1;
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds < 0 || seconds > 3600)
    return `--progress-seconds must be a number of seconds from 0 to 3600; got '${text}'.`;
  return seconds;
}

export async function runCommandWithSampling(
  command: string[],
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
  samplerScript: string,
  counterScript: string | undefined,
): Promise<number> {
  const settings = settingsFrom(values);
  const progressS = progressSeconds(values["progress-seconds"]);
  if (typeof progressS === "string") {
    io.err(`gpu-carbon: ${progressS}\n`);
    return 2;
  }
  if (values.json === true && !settings.reportPath) {
    io.err(
      "gpu-carbon: run --json writes the JSON report to the file --report-path names (stdout is the command's); give --report-path FILE.\n",
    );
    return 2;
  }
  // Interactive: the command shares the terminal's foreground group (see signals.ts).
  const sharedGroup = inTerminalForeground(process.stdin.isTTY === true);
  // From here on Ctrl+C never kills the CLI outright: before the command starts it cancels the
  // run (the sampler is still stopped and the report printed); once it runs it goes to the command.
  let child: ReturnType<typeof spawn> | null = null;
  let interrupted: NodeJS.Signals | null = null;
  const handlers = (["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const).map((signal) => {
    const handler = () => {
      if (child) {
        if (forwardsSignal(signal, sharedGroup)) child.kill(signal);
      } else interrupted ??= signal;
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    return await sampleWhileRunning();
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }

  async function sampleWhileRunning(): Promise<number> {
    const { session, dir } = await startRunSampling(settings, io, samplerScript, counterScript);
    try {
      return await runAndReport(session);
    } finally {
      // The sampler's folder (its log can be large after a long run): the report is what stays.
      try {
        if (dir !== null) rmSync(dir, { recursive: true, force: true });
      } catch (e) {
        io.err(`gpu-carbon: warning: could not remove the sampler's folder ${dir} (${errorMessage(e)})\n`);
      }
    }
  }

  async function runAndReport(session: Session): Promise<number> {
    const rows = process.stderr.isTTY === true ? (process.stderr.rows ?? 0) : 0;
    const progress =
      typeof progressS === "number" && progressS > 0 && rows >= 3
        ? startProgress({
            samplesPath: session.measuring ? session.samplesPath : null,
            everyMs: progressS * 1000,
            terminal: { rows, columns: process.stderr.columns ?? 80 },
            write: (text) => io.err(text),
          })
        : null;
    const [file, ...args] = command;
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: string }>((resolve) => {
      if (interrupted) return resolve({ code: null, signal: interrupted });
      const proc = spawn(file ?? "", args, { stdio: "inherit", detached: !sharedGroup });
      child = proc;
      proc.on("error", (e) => resolve({ code: 127, signal: null, error: e.message }));
      proc.on("close", (code, signal) => resolve({ code, signal }));
    });
    progress?.stop();
    if (exit.error) io.err(`gpu-carbon: cannot run ${file}: ${exit.error}\n`);
    const stopped = await stopSampling(session, counterScript, process.env, "the command");
    const report = await analyseSession({ session, settings, env: process.env, ...stopped });
    // stdout is the command's: the text goes to stderr, the JSON only to --report-path.
    print(report, values, io.err, false, io);
    if (exit.signal) return 128 + (SIGNAL_NUMBERS[exit.signal] ?? 1);
    return exit.code ?? 1;
  }
}
