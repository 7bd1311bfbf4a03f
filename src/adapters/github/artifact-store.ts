/**
 * Workflow artifacts through the runner's artifact service (`@actions/artifact`): uploading files
 * of this run, and downloading one artifact of another run (which needs a token with
 * `actions: read`). The service exists only inside a GitHub-hosted run on github.com or GHE.com:
 * without the runner's ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, or on GHES, an upload is
 * skipped with a reason, never thrown.
 */
import { DefaultArtifactClient } from "@actions/artifact";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { errorMessage } from "../../core/errors.js";

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
    return { uploaded: false, reason: errorMessage(e) };
  }
}

/** One file up, one file down: what the PR comment of a fork pull request needs; tests pass their own. */
export interface ArtifactStore {
  /**
   * Uploads `file` unzipped as an artifact named after the file, kept `retentionDays` days.
   * Returns the artifact id; throws with the reason when it cannot.
   */
  uploadFile(file: string, retentionDays: number): Promise<number>;
  /**
   * Downloads artifact `artifactId` of run `runId` in `owner/repo` into `dir`; returns the path
   * of the downloaded file named `fileName`.
   */
  downloadFile(
    artifactId: number,
    fileName: string,
    dir: string,
    from: { token: string; owner: string; repo: string; runId: number },
  ): Promise<string>;
}

/** The store backed by the Actions artifact service. */
export function actionsArtifactStore(env: NodeJS.ProcessEnv = process.env): ArtifactStore {
  const client = new DefaultArtifactClient();
  return {
    async uploadFile(file, retentionDays) {
      const unavailable = artifactServiceUnavailable(env);
      if (unavailable) throw new Error(unavailable);
      const { id } = await client.uploadArtifact(path.basename(file), [file], path.dirname(file), { retentionDays, skipArchive: true });
      if (id === undefined) throw new Error("the artifact service returned no artifact id");
      return id;
    },
    async downloadFile(artifactId, fileName, dir, from) {
      await client.downloadArtifact(artifactId, {
        path: dir,
        findBy: { token: from.token, workflowRunId: from.runId, repositoryOwner: from.owner, repositoryName: from.repo },
      });
      // A single file comes back under the name it was uploaded with; fall back to the one file there.
      const expected = path.join(dir, path.basename(fileName));
      if (existsSync(expected)) return expected;
      const files = readdirSync(dir);
      if (files.length === 1) return path.join(dir, files[0]!);
      throw new Error(`the artifact did not contain ${path.basename(fileName)}`);
    },
  };
}
