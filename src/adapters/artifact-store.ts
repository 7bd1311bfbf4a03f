/**
 * Uploading files as a workflow artifact through the runner's artifact service
 * (`@actions/artifact`). The service exists only inside a GitHub-hosted run on github.com or
 * GHE.com: without the runner's ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, or on GHES, the
 * upload is skipped with a reason, never thrown.
 */
import { DefaultArtifactClient } from "@actions/artifact";

/** What to upload. */
export interface ArtifactUpload {
  /** Artifact name, unique within the workflow run. */
  name: string;
  /** Absolute paths of the files; they must all lie under `rootDirectory`. */
  files: string[];
  /** Folder the paths inside the artifact are relative to. */
  rootDirectory: string;
  /** Days the artifact is kept; omitted uses the repository's setting. */
  retentionDays?: number;
}

export type ArtifactUploadResult = { uploaded: true; id: number | null; sizeBytes: number | null } | { uploaded: false; reason: string };

/** Why the artifact service cannot be reached from here; `null` when it can be tried. */
export function artifactServiceUnavailable(env: NodeJS.ProcessEnv): string | null {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return "the runner gave this step no artifact service (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is unset; outside GitHub Actions there is none)";
  }
  const host = new URL(env.GITHUB_SERVER_URL || "https://github.com").hostname.toLowerCase();
  if (host !== "github.com" && !host.endsWith(".ghe.com") && !host.endsWith(".localhost")) {
    return `workflow artifacts from actions are not supported on GitHub Enterprise Server (${host})`;
  }
  return null;
}

/** Uploads `upload.files` as one zipped artifact. Never throws: failures come back as a reason. */
export async function uploadArtifactFiles(upload: ArtifactUpload, env: NodeJS.ProcessEnv = process.env): Promise<ArtifactUploadResult> {
  const unavailable = artifactServiceUnavailable(env);
  if (unavailable) return { uploaded: false, reason: unavailable };
  if (upload.files.length === 0) return { uploaded: false, reason: "there were no files to upload" };
  try {
    const client = new DefaultArtifactClient();
    const options = upload.retentionDays === undefined ? {} : { retentionDays: upload.retentionDays };
    const result = await client.uploadArtifact(upload.name, upload.files, upload.rootDirectory, options);
    return { uploaded: true, id: result.id ?? null, sizeBytes: result.size ?? null };
  } catch (e) {
    return { uploaded: false, reason: (e as Error).message };
  }
}
