/**
 * Build-over-build history: one JSON file per label on the data branch, one record per run of
 * the default branch. Transforms only; reading and writing the file is the history store's job.
 * Pure.
 */
import { z } from "zod";
import { lazily } from "../lazily.js";
import type { Report } from "../report/report.js";
import { errorMessage } from "../errors.js";

/** Version of the history file format; bumped on any incompatible change. */
export const HISTORY_SCHEMA_VERSION = 1;

/**
 * The history file's schemas, built on first use and kept: zod takes some 20 ms to build them,
 * which every start of the CLI and the hooks would pay, though most never read a history.
 */
function buildSchemas() {
  const gpuRecord = z.object({
    /** nvidia-smi index, `null` when unknown. */
    index: z.number().int().nullable(),
    /** `GPU-...` uuid, `null` when unknown. */
    uuid: z.string().nullable(),
    /** Product name, `null` when unknown. */
    name: z.string().nullable(),
    /** The GPU's board energy, kWh; `null` when it reported no power. */
    energyKwh: z.number().finite().nonnegative().nullable(),
  });

  /** A finite number of at least 0 (a negative energy would turn every gate off). */
  const amount = z.number().finite().nonnegative();

  const record = z.object({
    /** `GITHUB_RUN_ID`. */
    runId: z.number().int(),
    /** `GITHUB_RUN_ATTEMPT` (1 for the first attempt). */
    runAttempt: z.number().int(),
    /** Commit measured (`GITHUB_SHA`): letters and digits only, as it reaches the PR comment's chart. */
    sha: z.string().regex(/^[0-9A-Za-z]{1,64}$/),
    /** Full ref, e.g. `refs/heads/main`. */
    ref: z.string(),
    /** The series this record belongs to. */
    label: z.string(),
    /** End of the measurement window (or when it was recorded), ISO 8601 UTC. */
    time: z.string(),
    /** `measured` or `partial`; runs that measured nothing are not recorded. */
    status: z.enum(["measured", "partial"]),
    /** GPU board energy before PUE, kWh. */
    energyKwh: amount,
    /** Where the true energy lay, `[low, high]` kWh; absent in records written before ranges (count them as +/-5 %). */
    energyKwhRange: z.tuple([amount, amount]).nullable().optional(),
    /** kg CO2e (energy x PUE x intensity of that run); `null` if unknown. */
    emissionsKg: amount.nullable(),
    /** Length of the measurement window, s. */
    durationSeconds: amount,
    /** Covered fraction of the window, 0..1. */
    coverage: z.number().min(0).max(1),
    /** Per-GPU energy. */
    gpus: z.array(gpuRecord),
  });

  const file = z.object({
    schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
    label: z.string(),
    records: z.array(record),
  });

  return { record, file };
}

const historySchemas = lazily(buildSchemas);

/** One run of one label. */
export type HistoryRecord = z.infer<ReturnType<typeof buildSchemas>["record"]>;

/** The content of one label's history file. */
export type HistoryFile = z.infer<ReturnType<typeof buildSchemas>["file"]>;

/** Where a record comes from. */
export interface RunIdentity {
  runId: number;
  runAttempt: number;
  sha: string;
  ref: string;
  label: string;
}

/** The file's content was not a history file this version understands. */
export class HistoryFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HistoryFormatError";
  }
}

/**
 * The record of a report, or `null` when the report has no energy (a run that measured nothing
 * would drag the baseline towards zero). `nowIso` stands in when the report has no end time.
 */
export function historyRecord(report: Report, run: RunIdentity, nowIso: string): HistoryRecord | null {
  if (report.energyKwh === null || report.status === "not-measured") return null;
  return {
    runId: run.runId,
    runAttempt: run.runAttempt,
    sha: run.sha,
    ref: run.ref,
    label: run.label,
    time: report.endedAt ?? nowIso,
    status: report.status,
    energyKwh: report.energyKwh,
    energyKwhRange: report.energyKwhRange,
    emissionsKg: report.emissionsKg,
    durationSeconds: report.durationSeconds,
    coverage: report.coverage,
    gpus: report.gpus.map((gpu) => ({ index: gpu.index, uuid: gpu.uuid, name: gpu.name, energyKwh: gpu.energyKwh })),
  };
}

/** An empty history for `label`. */
export function emptyHistory(label: string): HistoryFile {
  return { schemaVersion: HISTORY_SCHEMA_VERSION, label, records: [] };
}

/**
 * Adds `entry` to `history`: a record of the same run and attempt is replaced (a retried write
 * stays one record), records are kept in time order, and only the newest `limit` remain.
 */
export function appendRecord(history: HistoryFile, entry: HistoryRecord, limit: number): HistoryFile {
  // A record is trimmed by time: one stamped before `limit` others is not kept (see `isKept`).
  const others = history.records.filter((r) => !(r.runId === entry.runId && r.runAttempt === entry.runAttempt));
  const records = [...others, entry].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  return { ...history, records: records.slice(Math.max(0, records.length - limit)) };
}

/** True when `history` holds `entry` (it may have been trimmed away, being the oldest). */
export function isKept(history: HistoryFile, entry: HistoryRecord): boolean {
  return history.records.some((r) => r.runId === entry.runId && r.runAttempt === entry.runAttempt && r.time === entry.time);
}

/** Parses a history file; throws `HistoryFormatError` when it is not one. */
export function parseHistory(text: string): HistoryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new HistoryFormatError(`not JSON (${errorMessage(e)})`);
  }
  const result = historySchemas().file.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HistoryFormatError(
      `not a version ${HISTORY_SCHEMA_VERSION} history file (${issue?.path.join(".") || "root"}: ${issue?.message})`,
    );
  }
  return result.data;
}

/** Serialises a history file with one record per line, so each run is a one-line diff. */
export function serializeHistory(history: HistoryFile): string {
  const lines = history.records.map((r, i) => `    ${JSON.stringify(r)}${i < history.records.length - 1 ? "," : ""}`);
  return [
    "{",
    `  "schemaVersion": ${history.schemaVersion},`,
    `  "label": ${JSON.stringify(history.label)},`,
    history.records.length === 0 ? `  "records": []` : `  "records": [\n${lines.join("\n")}\n  ]`,
    "}",
    "",
  ].join("\n");
}
