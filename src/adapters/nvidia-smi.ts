/**
 * Everything gpu-carbon asks of the `nvidia-smi` executable: where it is, which fields the
 * driver supports, which GPUs there are, and the arguments of the sampling loop.
 */
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { isHeaderLine, parseHeader, parseReading, parseText, splitCells } from "../core/nvidia-smi/csv.js";
import type { GpuInfo } from "../core/report/report.js";
import { deadlines } from "./deadlines.js";
import { runCommand, type CommandResult } from "./process-runner.js";

/** Fields of the one-shot identity query; optional ones are dropped when the driver lacks them. */
export const IDENTITY_FIELDS = ["index", "uuid", "name", "pci.bus_id", "driver_version", "power.draw", "power.limit"];

/**
 * Fields of the sampling loop: nvidia-smi's own time of each row, the GPU's identity and board
 * power, nothing unused. The timestamp times each row (the sampler maps it onto its monotonic
 * clock, see `row-clock.ts`): rows may reach the sampler late and in bursts when nvidia-smi's
 * output is block-buffered, so their arrival cannot time them.
 */
export const LOOP_FIELDS = ["timestamp", "index", "uuid", "power.draw"];

/** Board power fields read where `power.draw` is a placeholder (drivers from about R530 have them). */
export const POWER_FALLBACK_FIELDS = ["power.draw.average", "power.draw.instant"];

/** A GPU as the identity query saw it. */
export interface GpuSnapshot extends GpuInfo {
  /** PCI bus id, `null` when unavailable. */
  busId: string | null;
  /** Driver version string. */
  driverVersion: string | null;
  /** Power at the moment of the query (the idle reading in `pre`), W. */
  powerW: number | null;
  /** Software power limit, W. */
  powerLimitW: number | null;
}

/** The outcome of probing: either GPUs to sample, or why not. */
export type ProbeResult =
  { ok: true; gpus: GpuSnapshot[]; loopFields: string[]; droppedFields: string[] } | { ok: false; reason: string; exitCode: number | null };

const EXIT_REASONS: Record<number, string> = {
  2: "nvidia-smi rejected its arguments",
  3: "the operation is not available on this GPU",
  4: "nvidia-smi has no permission to query the GPU",
  6: "no GPU was found",
  8: "the GPU's external power cables are not attached",
  9: "the NVIDIA driver is not loaded",
  12: "the NVML library was not found",
  13: "NVML does not implement this query",
  14: "the GPU's infoROM is corrupted",
  15: "the GPU has fallen off the bus or is inaccessible",
  18: "the NVIDIA driver and library versions do not match (reboot after a driver upgrade)",
  255: "nvidia-smi failed with an internal error",
};

/** A one-line explanation of a failed nvidia-smi run, quoting what it printed. */
export function describeFailure(result: CommandResult): string {
  if (result.error) return `nvidia-smi could not run (${result.error})`;
  // What it said about the failure: stderr first; a CSV header it printed before crashing says nothing.
  const said = (text: string) =>
    text
      .split("\n")
      .map((line) => line.trim())
      .find((line) => line.length > 0 && !isHeaderLine(line)) ?? "";
  const printed = said(result.stderr) || said(result.stdout);
  const reason = (result.exitCode !== null && EXIT_REASONS[result.exitCode]) || "nvidia-smi failed";
  const code = result.exitCode !== null ? `exit ${result.exitCode}` : `signal ${result.signal ?? "?"}`;
  return `${reason} (${code}${printed ? `: ${printed}` : ""})`;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds nvidia-smi: the explicit path when given (which must exist), else the first executable
 * `nvidia-smi` on `PATH`. Returns `null` when there is none.
 */
export function locateNvidiaSmi(explicitPath: string, envPath: string | undefined): string | null {
  if (explicitPath) return isExecutableFile(explicitPath) ? path.resolve(explicitPath) : null;
  return locateExecutable("nvidia-smi", envPath);
}

/** The first executable file called `name` on `envPath`; `null` when there is none. */
export function locateExecutable(name: string, envPath: string | undefined): string | null {
  for (const dir of (envPath ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** The field names `--help-query-gpu` lists (lines such as `"uuid" or "gpu_uuid"`). */
export function parseHelpQueryGpu(text: string): Set<string> {
  const fields = new Set<string>();
  for (const line of text.split("\n")) {
    if (!line.startsWith('"')) continue;
    for (const match of line.matchAll(/"([^"]+)"/g)) if (match[1]) fields.add(match[1]);
  }
  return fields;
}

/** The field named in `Field "X" is not a valid field to query.`, if that is what was printed. */
export function invalidField(output: string): string | null {
  return /Field "([^"]+)" is not a valid field to query/.exec(output)?.[1] ?? null;
}

/**
 * Runs a one-shot `--query-gpu` with the given fields. When the driver rejects a field (exit 2,
 * `Field "X" is not a valid field to query.` on stdout) that field is dropped and the query
 * retried; `required` fields are never dropped.
 */
export async function queryFields(
  nvidiaSmi: string,
  fields: string[],
  required: string[],
  extraArgs: string[] = [],
  deadlineEpochMs = Date.now() + deadlines().commandMs,
): Promise<{ ok: true; header: string[]; rows: string[][]; dropped: string[] } | { ok: false; result: CommandResult }> {
  let remaining = [...fields];
  const dropped: string[] = [];
  for (let attempt = 0; attempt <= fields.length; attempt += 1) {
    const result = await runCommand(nvidiaSmi, [`--query-gpu=${remaining.join(",")}`, "--format=csv,nounits", ...extraArgs], {
      timeoutMs: Math.max(1, deadlineEpochMs - Date.now()),
      env: { ...process.env, TZ: "UTC" },
    });
    const bad = result.exitCode === 2 ? invalidField(result.stdout + result.stderr) : null;
    if (bad && remaining.includes(bad) && !required.includes(bad)) {
      remaining = remaining.filter((f) => f !== bad);
      dropped.push(bad);
      continue;
    }
    if (result.exitCode !== 0 || result.error) return { ok: false, result };
    const lines = result.stdout
      .split("\n")
      .map((l) => l.trimEnd())
      .filter((l) => l.length > 0);
    const headerLine = lines[0];
    if (!headerLine || !isHeaderLine(headerLine))
      return { ok: false, result: { ...result, exitCode: result.exitCode ?? 255, error: "unexpected output (no CSV header)" } };
    const header = parseHeader(headerLine).fields;
    const rows = lines
      .slice(1)
      .map(splitCells)
      .filter((cells) => cells.length === header.length);
    return { ok: true, header, rows, dropped };
  }
  return { ok: false, result: { exitCode: 2, signal: null, stdout: "", stderr: "", error: "every optional field was rejected" } };
}

/** Maps identity rows to snapshots. */
export function parseIdentity(header: string[], rows: string[][]): GpuSnapshot[] {
  const at = (cells: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? undefined : cells[i];
  };
  return rows.map((cells) => ({
    index: parseText(at(cells, "index")),
    uuid: parseText(at(cells, "uuid")),
    name: parseText(at(cells, "name")),
    busId: parseText(at(cells, "pci.bus_id")),
    driverVersion: parseText(at(cells, "driver_version")),
    powerW: parseReading(at(cells, "power.draw")),
    powerLimitW: parseReading(at(cells, "power.limit")),
  }));
}

/**
 * Probes nvidia-smi: which GPUs there are (with their idle power) and which loop fields the
 * driver accepts. `--help-query-gpu` is used as a shortcut where it works. All its commands
 * together end within `timeoutMs`.
 */
export async function probe(nvidiaSmi: string, timeoutMs = deadlines().commandMs): Promise<ProbeResult> {
  const deadlineEpochMs = Date.now() + timeoutMs;
  const help = await runCommand(nvidiaSmi, ["--help-query-gpu"], { timeoutMs });
  // A hang here used the probe's whole time: say so, rather than start a query with none left.
  if (help.timedOut) return { ok: false, reason: describeFailure(help), exitCode: null };
  const known = help.exitCode === 0 ? parseHelpQueryGpu(help.stdout) : new Set<string>();
  const filter = (fields: string[], required: string[]) =>
    known.size > 0 ? fields.filter((f) => known.has(f) || required.includes(f)) : fields;

  const identity = await queryFields(nvidiaSmi, filter(IDENTITY_FIELDS, ["index", "uuid"]), ["index", "uuid"], [], deadlineEpochMs);
  if (!identity.ok) return { ok: false, reason: describeFailure(identity.result), exitCode: identity.result.exitCode };
  const gpus = parseIdentity(identity.header, identity.rows);
  if (gpus.length === 0) return { ok: false, reason: "nvidia-smi lists no GPU", exitCode: 0 };

  // Where power.draw reads [N/A], the loop also asks for the average and instant readings to use instead.
  const fallback = gpus.some((gpu) => gpu.powerW === null) ? POWER_FALLBACK_FIELDS : [];
  const loopCandidates = filter([...LOOP_FIELDS, ...fallback], ["index", "uuid", "power.draw"]);
  const loop = await queryFields(nvidiaSmi, loopCandidates, ["index", "uuid", "power.draw"], [], deadlineEpochMs);
  if (!loop.ok) return { ok: false, reason: describeFailure(loop.result), exitCode: loop.result.exitCode };
  const loopFields = loopCandidates.filter((f) => !loop.dropped.includes(f));
  const droppedFields = [
    ...new Set([...IDENTITY_FIELDS, ...LOOP_FIELDS].filter((f) => !identity.header.includes(f) && !loopFields.includes(f))),
  ];
  return { ok: true, gpus, loopFields, droppedFields };
}

/** Arguments of the sampling loop. `ids` limits it to some GPUs (`-i`). */
export function loopArgs(fields: string[], intervalMs: number, ids: string[] = []): string[] {
  const args = [`--query-gpu=${fields.join(",")}`, "--format=csv,nounits", `-lms`, String(intervalMs)];
  if (ids.length > 0) args.push("-i", ids.join(","));
  return args;
}
