/**
 * `gpu-carbon` on a workstation:
 *   gpu-carbon report <samples.csv> [--carbon-intensity G] [--pue X] [--interval-ms N] [--json]
 *   gpu-carbon run [options] -- <command...>
 * Same core as the action. `run` leaves stdout to the command: its report goes to stderr, its JSON
 * only to --report-path. Both write the action's job summary with --summary.
 */
import { parseArgs } from "node:util";
import { InputError } from "../config/settings.js";
import { isTimeZone, type TimeZoneSource } from "../core/log/plain-clock.js";
import { UnreadableLog, UnusableLogError, analyseLogFile } from "../measure/analyse.js";
import type { LogProblem } from "../core/log/reader.js";
import type { Report } from "../core/report/report.js";
import { errorMessage } from "../core/errors.js";
import { ENV } from "../config/names.js";
import { print, settingsFrom, type CliIo } from "./output.js";

export type { CliIo } from "./output.js";

export const USAGE = `Usage:
  gpu-carbon report <samples.csv> [options]   report on a log nvidia-smi wrote
  gpu-carbon report --prometheus-url <url> --prometheus-selector <matchers> --from <t> --to <t> [options]
                                              report on a past window of GPUs that NVIDIA's DCGM
                                              exporter reported to Prometheus
  gpu-carbon run [options] -- <command...>    sample the GPUs while a command runs

Options:
  --location <where>           where the machine is: DE, DEU, US-CA, IN-MH, aws:us-east-1, gcp:europe-west4, ...
                               (default: world average)
  --carbon-intensity <g/kWh>   grid carbon intensity, 0 to 2000 (overrides --location)
  --live-grid                  live grid data for British locations (UK Carbon Intensity API)
  --electricity-maps-token <t> live grid data for the location's zone from Electricity Maps
  --pue <x|preset>             power usage effectiveness, 1.0 to 3.0, or a preset such as
                               industry-average, on-premises, aws, google, azure (default 1.0)
  --embodied                   also report the GPUs' amortised manufacturing footprint
  --gpu-lifetime-years <y>     service life the footprint is spread over (default 5)
  --interval-ms <ms>           sampling interval (run), or the log's interval (report; default: inferred)
  --columns <a,b,c>            report: the columns of a log written without its header (noheader),
                               in order, e.g. timestamp,index,power.draw
  --timezone <zone>            report: the time zone a log's timestamps are in, for its DST changes
                               (an IANA name such as Europe/Berlin; default: this machine's zone)
  --nvidia-smi-path <path>     nvidia-smi to use (run; default: the one on PATH)
  --gpus <ids|all>             run: the GPUs to count, as indices or GPU-/MIG- UUIDs separated by
                               commas, or all (default: CUDA_VISIBLE_DEVICES, else
                               NVIDIA_VISIBLE_DEVICES, else every GPU)
  --report-path <file>         also write the JSON report to this file
  --summary <file>             also write the job summary the action writes (Markdown) to this file
  --progress-seconds <s>       run, on a terminal: show elapsed time, power and energy on stderr's
                               last line this often (default 1; 0: never)
  --prometheus-url <url>       base URL of the Prometheus HTTP API (report; no log file then)
  --prometheus-selector <m>    PromQL label matchers without braces picking the GPUs, such as
                               hpc_job="4242" or Hostname=~"node-1|node-2"
  --prometheus-token <t>       bearer token (default: $GPU_CARBON_PROMETHEUS_TOKEN)
  --from <t>, --to <t>         the window: RFC 3339 (2026-12-01T02:00:00Z) or Unix seconds
  --json                       report: print the report as JSON on stdout;
                               run: write it as JSON to --report-path (stdout is the command's)
  -h, --help                   show this help

Exit status: report 0, or 2 for a bad option or a file that cannot be read, is not an nvidia-smi
log or has no power column; run: the command's own (128 + n when a signal ended it), or 2.
`;

const OPTIONS = {
  location: { type: "string" },
  "carbon-intensity": { type: "string" },
  "live-grid": { type: "boolean" },
  "electricity-maps-token": { type: "string" },
  embodied: { type: "boolean" },
  "gpu-lifetime-years": { type: "string" },
  pue: { type: "string" },
  "interval-ms": { type: "string" },
  timezone: { type: "string" },
  columns: { type: "string" },
  "nvidia-smi-path": { type: "string" },
  gpus: { type: "string" },
  "report-path": { type: "string" },
  summary: { type: "string" },
  "progress-seconds": { type: "string" },
  "prometheus-url": { type: "string" },
  "prometheus-selector": { type: "string" },
  "prometheus-token": { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

async function reportCommand(file: string, values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const settings = settingsFrom(values);
  // The host's own zone is looked up only if the log needs it (a jump forward that may be DST);
  // one this runtime does not know (TZ set to nothing or nonsense) counts as unknown: no DST.
  const timeZone: TimeZoneSource =
    typeof values.timezone === "string" ? values.timezone : () => hostTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (typeof timeZone === "string" && !isTimeZone(timeZone)) {
    io.err(`gpu-carbon: --timezone must be a time zone name such as Europe/Berlin, America/New_York or UTC; got '${timeZone}'.\n`);
    return 2;
  }
  const columns = typeof values.columns === "string" ? parseColumns(values.columns) : undefined;
  if (columns === null) {
    io.err(
      `gpu-carbon: --columns must name the log's columns in order, separated by commas, one of them power.draw, power.draw.average or power.draw.instant (e.g. timestamp,index,power.draw); got '${String(values.columns)}'.\n`,
    );
    return 2;
  }
  let report: Report;
  try {
    const intervalMs = typeof values["interval-ms"] === "string" ? settings.intervalMs : undefined;
    report = await analyseLogFile({ file, settings, env: process.env, intervalMs, timeZone, columns });
  } catch (e) {
    if (e instanceof UnreadableLog) {
      io.err(`gpu-carbon: ${file} ${PROBLEMS[e.problem]}\n`);
      return 2;
    }
    io.err(e instanceof UnusableLogError ? `gpu-carbon: ${e.message}\n` : `gpu-carbon: cannot read ${file}: ${errorMessage(e)}\n`);
    return 2;
  }
  print(report, values, io.out, values.json === true, io);
  return 0;
}

/** The host's zone as `Intl` names it, or `null` when that is no zone `Intl` knows (`Etc/Unknown`). */
function hostTimeZone(name: string | undefined): string | null {
  return name && isTimeZone(name) ? name : null;
}

/** A time given as RFC 3339 (with a zone) or Unix seconds, ms since the epoch; `null` when it is neither. */
export function parseTime(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return null;
  const ms = Date.parse(trimmed.replace(" ", "T"));
  return Number.isFinite(ms) ? ms : null;
}

/** `report --prometheus-url`: a past window of GPUs read from the DCGM exporter through Prometheus. */
async function prometheusCommand(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const times: number[] = [];
  for (const name of ["from", "to"] as const) {
    const text = values[name];
    const ms = typeof text === "string" ? parseTime(text) : null;
    if (ms === null) {
      io.err(`gpu-carbon: --${name} must be a time in RFC 3339 (2026-12-01T02:00:00Z) or Unix seconds; got '${text ?? ""}'.\n`);
      return 2;
    }
    times.push(ms);
  }
  const [fromMs, toMs] = times as [number, number];
  if (toMs <= fromMs) {
    io.err(`gpu-carbon: --to must be later than --from; got ${new Date(fromMs).toISOString()} to ${new Date(toMs).toISOString()}.\n`);
    return 2;
  }
  const token = typeof values["prometheus-token"] === "string" ? values["prometheus-token"] : (process.env[ENV.prometheusToken] ?? "");
  const settings = settingsFrom({ ...values, source: "prometheus", "prometheus-token": token });
  if (settings.prometheusSelector === "") {
    io.err(`gpu-carbon: --prometheus-selector must pick the GPUs, such as hpc_job="4242"; got ''.\n`);
    return 2;
  }
  const { prometheusReport } = await import("../measure/prometheus-report.js");
  const report = await prometheusReport({
    settings,
    selector: settings.prometheusSelector,
    window: { startEpochMs: fromMs, endEpochMs: toMs },
    // A window that ended moments ago may still get its last scrape.
    waitForLastScrape: toMs > Date.now() - 120_000,
  });
  print(report, values, io.out, values.json === true, io);
  if (report.status === "not-measured") {
    if (values.json === true) for (const warning of report.warnings) io.err(`gpu-carbon: warning: ${warning}\n`);
    return 1;
  }
  return 0;
}

/** Why a file cannot be reported on, after its name. */
const PROBLEMS: Record<LogProblem, string> = {
  empty: "is empty: there is nothing to report.",
  "utf-16":
    "is UTF-16 text (as Windows PowerShell's > writes); gpu-carbon reads UTF-8, as nvidia-smi writes it. Convert it first, e.g. iconv -f UTF-16 -t UTF-8, or write the log with nvidia-smi -f <file>.",
  "no-header":
    "has rows but no header line naming its columns (it was written with --format=csv,noheader). Give the columns it was queried with, in order: --columns timestamp,index,power.draw",
  "not-a-log":
    "is not an nvidia-smi power log: it has neither gpu-carbon's sample records nor a CSV header such as 'timestamp, index, uuid, power.draw [W]' (from nvidia-smi --query-gpu=... --format=csv -l 1).",
};

/** The names of `--columns a,b,c`; `null` unless each is a field name and one is a power column. */
function parseColumns(text: string): string[] | null {
  const names = text.split(",").map((name) => name.trim());
  if (!names.every((name) => /^[a-z_][a-z0-9_.]*$/.test(name))) return null;
  return names.some((name) => ["power.draw", "power.draw.average", "power.draw.instant"].includes(name)) ? names : null;
}

/** Runs the CLI; returns the exit code. `run` reads the energy counter through `counterScript` when given. */
export async function runCli(argv: string[], io: CliIo, samplerScript: string, counterScript?: string): Promise<number> {
  const dashdash = argv.indexOf("--");
  const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
  const command = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
  let parsed;
  try {
    parsed = parseArgs({ args: own, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`gpu-carbon: ${errorMessage(e)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [verb, ...rest] = positionals;
  if (values.help || !verb) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    if (verb === "report") {
      if (typeof values["prometheus-url"] === "string") {
        if (rest.length > 0) {
          io.err(`gpu-carbon report --prometheus-url reads Prometheus, not a log file; got '${rest[0]}'.\n\n${USAGE}`);
          return 2;
        }
        return await prometheusCommand(values, io);
      }
      if (rest.length !== 1 || !rest[0]) {
        io.err(`gpu-carbon report needs exactly one log file.\n\n${USAGE}`);
        return 2;
      }
      return await reportCommand(rest[0], values, io);
    }
    if (verb === "run") {
      if (command.length === 0) {
        io.err(`gpu-carbon run needs a command after --.\n\n${USAGE}`);
        return 2;
      }
      const { runCommandWithSampling } = await import("./run.js");
      return await runCommandWithSampling(command, values, io, samplerScript, counterScript);
    }
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`gpu-carbon: ${e.message.replace(`Input '${e.input}'`, `--${e.input}`)}\n`);
      return 2;
    }
    io.err(`gpu-carbon: ${errorMessage(e)}\n`);
    return 1;
  }
  io.err(`gpu-carbon: unknown command '${verb}'.\n\n${USAGE}`);
  return 2;
}
