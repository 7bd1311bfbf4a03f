/**
 * The history store: one JSON file per label on a data branch, read and written through the
 * Contents API, so no checkout is needed. Writers that race are kept apart by the API's
 * optimistic concurrency: a write names the blob it read (`sha`), GitHub refuses it (409, or 422
 * when a file appeared meanwhile) if the file changed, and the writer reads again and retries
 * after a random wait. The data branch is created on first use as a branch of its own (no
 * parent commit), holding only history.
 */
import {
  HistoryFormatError,
  appendRecord,
  emptyHistory,
  isKept,
  parseHistory,
  serializeHistory,
  type HistoryFile,
  type HistoryRecord,
} from "../../core/history/records.js";
import { statusOf, type GitHubClient } from "./client.js";

export interface HistoryLocation {
  owner: string;
  repo: string;
  /** Data branch name, e.g. `gpu-carbon-data`. */
  branch: string;
  /** File path on it, e.g. `history/ci-train-1a2b3c4d.json`. */
  path: string;
}

export interface WriteOptions {
  /** Tries in all before giving up. */
  attempts?: number;
  /** Waits are random between 0.5x and 1.5x of base x 2^try, ms. */
  baseDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What a write did. */
export interface WriteResult {
  /** Tries it took (1 when nobody else wrote meanwhile). */
  attempts: number;
  /** Records in the file after the write. */
  records: number;
  /** The data branch had to be created. */
  createdBranch: boolean;
  /** False when the record was trimmed at once: the file holds `limit` records stamped later. */
  kept: boolean;
  /** Where a file that was not a history file was moved, and why; `null` when it was one. */
  movedAside: { path: string; reason: string } | null;
}

/** Gave up after several conflicting writes. */
export class HistoryConflictError extends Error {
  constructor(attempts: number) {
    super(`the history file kept changing under us; gave up after ${attempts} tries`);
    this.name = "HistoryConflictError";
  }
}

/** The raw text of a file on the branch and its blob sha; `null` when the branch or the file does not exist. */
async function readFile(client: GitHubClient, at: HistoryLocation): Promise<{ text: string; sha: string } | null> {
  try {
    const { data } = await client.rest.repos.getContent({ owner: at.owner, repo: at.repo, path: at.path, ref: at.branch });
    if (Array.isArray(data) || data.type !== "file") throw new Error(`${at.path} on ${at.branch} is not a file`);
    if (data.encoding === "base64" && data.content) return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
    // Files over 1 MB come without content; the blob API serves them whole.
    const blob = await client.rest.git.getBlob({ owner: at.owner, repo: at.repo, file_sha: data.sha });
    return { text: Buffer.from(blob.data.content, "base64").toString("utf8"), sha: data.sha };
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

/**
 * Reads a history file; `null` when the branch or the file does not exist. Throws
 * `HistoryFormatError` when the file is not a history file (or holds values out of range).
 */
export async function readHistory(client: GitHubClient, at: HistoryLocation): Promise<{ history: HistoryFile; sha: string } | null> {
  const file = await readFile(client, at);
  return file && { history: parseHistory(file.text), sha: file.sha };
}

/** Where a damaged history file is kept: beside it, named after the run that found it. */
export function asidePath(historyFile: string, entry: HistoryRecord): string {
  return historyFile.replace(/(\.json)?$/, `.damaged-${entry.runId}-${entry.runAttempt}.json`);
}

const README = `# gpu-carbon history

One JSON file per label under \`history/\`: the energy, emissions and duration of each run of the
default branch, written by the gpu-carbon action. Safe to delete; the next run starts afresh.
`;

/** Creates the data branch with a first commit of its own; fine if another writer just did. */
export async function ensureBranch(client: GitHubClient, owner: string, repo: string, branch: string): Promise<boolean> {
  try {
    await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    return false;
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
  }
  const tree = await client.rest.git.createTree({
    owner,
    repo,
    tree: [{ path: "README.md", mode: "100644", type: "blob", content: README }],
  });
  const commit = await client.rest.git.createCommit({ owner, repo, message: "Start gpu-carbon history", tree: tree.data.sha, parents: [] });
  try {
    await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
    return true;
  } catch (e) {
    if (statusOf(e) !== 422) throw e;
    // "Reference already exists" when another job just created it; any other 422 is a refusal.
    try {
      await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
      return false;
    } catch {
      throw new Error(`GitHub refused to create the branch (422: ${(e as Error).message})`, { cause: e });
    }
  }
}

/**
 * A write refused because the file changed since it was read: 409 for a stale sha, 422 when the
 * file appeared meanwhile (a sha is then required). A ruleset refusing the push is also a 409
 * but is no race, so it is not retried.
 */
function isConflict(error: unknown): boolean {
  const status = statusOf(error);
  const message = (error as Error)?.message ?? "";
  if (status === 409) return !/rule/i.test(message);
  return status === 422 && /sha/i.test(message);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Adds `entry` to the label's history (keeping the newest `limit` records), creating the branch
 * and the file when missing. Retries a conflicting write with a fresh read.
 */
export async function appendHistory(
  client: GitHubClient,
  at: HistoryLocation,
  label: string,
  entry: HistoryRecord,
  limit: number,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const attempts = options.attempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  let createdBranch = false;
  let movedAside: WriteResult["movedAside"] = null;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const file = await readFile(client, at);
    if (!file && attempt === 1) createdBranch = await ensureBranch(client, at.owner, at.repo, at.branch);
    let current: { history: HistoryFile; sha: string } | null = null;
    if (file) {
      try {
        current = { history: parseHistory(file.text), sha: file.sha };
      } catch (e) {
        if (!(e instanceof HistoryFormatError)) throw e;
        // Kept, never overwritten: its records may be recoverable by hand. A fresh file follows.
        const aside = asidePath(at.path, entry);
        if (!movedAside)
          await client.rest.repos.createOrUpdateFileContents({
            owner: at.owner,
            repo: at.repo,
            path: aside,
            branch: at.branch,
            message: `gpu-carbon: keep the damaged ${at.path} as ${aside}`,
            content: Buffer.from(file.text, "utf8").toString("base64"),
          });
        movedAside = { path: aside, reason: e.message };
      }
    }
    const next = appendRecord(current?.history ?? emptyHistory(label), entry, limit);
    try {
      await client.rest.repos.createOrUpdateFileContents({
        owner: at.owner,
        repo: at.repo,
        path: at.path,
        branch: at.branch,
        message: `gpu-carbon: ${label} run ${entry.runId}.${entry.runAttempt}`,
        content: Buffer.from(serializeHistory(next), "utf8").toString("base64"),
        ...(file ? { sha: file.sha } : {}),
      });
      return { attempts: attempt, records: next.records.length, createdBranch, kept: isKept(next, entry), movedAside };
    } catch (e) {
      if (!isConflict(e)) throw e;
      if (attempt < attempts) await sleep(baseDelayMs * 2 ** (attempt - 1) * (0.5 + random()));
    }
  }
  throw new HistoryConflictError(attempts);
}
