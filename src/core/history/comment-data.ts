/**
 * What a fork pull request's job uploads for the trusted `mode: comment` workflow: the label,
 * the PR it claims to belong to, and the report. It comes from untrusted code, so it is parsed
 * strictly, its text is bounded, and the PR claim is checked against the run before use. Pure.
 */
import { z } from "zod";
import { SCHEMA_VERSION, type Report } from "../report/report.js";
import { errorMessage } from "../errors.js";

/** Version of the uploaded file's format. */
export const COMMENT_DATA_VERSION = 1;

const text = (max: number) => z.string().max(max);

const figure = z.number().min(0).max(1e9).nullable();
/** A `[low, high]` range; reports from before the uncertainty range have none. */
const range = z
  .tuple([z.number().min(0).max(1e10), z.number().min(0).max(1e10)])
  .nullable()
  .default(null);
const status = z.enum(["measured", "partial", "not-measured"]);

/** A job of a merged run (`kind: "run"`): every field the run's comment renders, bounded. */
const runJob = z
  .object({
    label: text(500),
    source: text(1000),
    status,
    energyKwh: figure,
    energyKwhRange: range,
    emissionsKg: figure,
    countedEnergyKwh: figure,
    countedEmissionsKg: figure,
    durationSeconds: z.number().min(0).max(1e8),
    coverage: z.number().min(0).max(1),
    energySource: z.enum(["counter", "sampled"]),
    startedAt: text(40).nullable(),
    endedAt: text(40).nullable(),
    gpus: z
      .array(z.object({ uuid: text(200).nullable(), name: text(200).nullable(), host: text(300).nullable(), energyKwh: figure }))
      .max(1000),
    hosts: z.array(text(300)).max(1000),
  })
  .strict();

const reportSubset = z
  .object({
    // 1: a job's report before merged runs existed; SCHEMA_VERSION: today's, a job's or a run's.
    schemaVersion: z.number().int().min(1).max(SCHEMA_VERSION),
    kind: z.enum(["job", "run"]).default("job"),
    label: text(500).nullable().default(null),
    jobs: z.array(runJob).max(256).default([]),
    status,
    warnings: z.array(text(1000)).max(100),
    startedAt: text(40).nullable(),
    endedAt: text(40).nullable(),
    durationSeconds: z.number().min(0).max(1e8),
    energyKwh: z.number().min(0).max(1e9).nullable(),
    emissionsKg: z.number().min(0).max(1e9).nullable(),
    energyKwhRange: range,
    emissionsKgRange: range,
    coverage: z.number().min(0).max(1),
  })
  .passthrough();

const commentData = z.object({
  schemaVersion: z.literal(COMMENT_DATA_VERSION),
  label: text(200),
  pullRequest: z.number().int().min(1),
  headSha: z.string().regex(/^[0-9a-f]{40,64}$/),
  baseRef: text(255),
  report: reportSubset,
});

/** The uploaded file. */
export interface CommentData {
  schemaVersion: typeof COMMENT_DATA_VERSION;
  label: string;
  /** PR number as the uploading job saw it (to be verified). */
  pullRequest: number;
  /** Head commit of the PR as the uploading job saw it. */
  headSha: string;
  /** Base branch name. */
  baseRef: string;
  report: Report;
}

/** Parses an uploaded file; throws with the first problem when it is not one. */
export function parseCommentData(json: string): CommentData {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new Error(`not JSON (${errorMessage(e)})`, { cause: e });
  }
  const result = commentData.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`not a gpu-carbon comment file (${issue?.path.join(".") || "root"}: ${issue?.message})`);
  }
  // Only the validated fields of the report are read downstream (rendering and comparison).
  return result.data as unknown as CommentData;
}
