/**
 * The sticky PR comment: one comment per label, found by its hidden marker and its author (all
 * pages of the PR's comments), created once and then edited in place.
 *
 * One comment per label, rather than one shared comment, is what keeps a matrix safe: GitHub has
 * no conditional update for comments, so jobs sharing a comment could overwrite each other's
 * sections; with one comment each, no two jobs ever write the same comment. Two runs of the same
 * label at once (a re-run racing a push) can both create one; the loser of that race deletes the
 * extra comment and writes its result into the one that remains.
 */
import { statusOf, type GitHubClient } from "./client.js";

/** The author GitHub gives comments made with the job's `GITHUB_TOKEN`. */
export const ACTIONS_BOT = "github-actions[bot]";

export interface CommentTarget {
  owner: string;
  repo: string;
  /** PR number. */
  issueNumber: number;
}

interface ListedComment {
  id: number;
  body?: string;
  user: { login: string } | null;
}

/**
 * The login comments made with this token get. A personal token can ask (`GET /user`); the
 * job's token cannot (403), and its comments are the Actions bot's.
 */
export async function tokenLogin(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (e) {
    const status = statusOf(e);
    if (status === 401 || status === 403 || status === 404) return ACTIONS_BOT;
    throw e;
  }
}

async function ours(client: GitHubClient, target: CommentTarget, marker: string, login: string): Promise<ListedComment[]> {
  const all = (await client.paginate(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  })) as ListedComment[];
  return all.filter((c) => c.user?.login === login && (c.body ?? "").includes(marker)).sort((a, b) => a.id - b.id);
}

/** What `upsertComment` did. */
export interface UpsertResult {
  action: "created" | "updated";
  id: number;
}

/**
 * Creates the comment holding `marker`, or edits the one that exists. `body` must contain
 * `marker`. After creating, duplicates from a concurrent writer of the same label are removed,
 * keeping the oldest comment with this body.
 */
export async function upsertComment(client: GitHubClient, target: CommentTarget, marker: string, body: string): Promise<UpsertResult> {
  const login = await tokenLogin(client);
  const existing = await ours(client, target, marker, login);
  const base = { owner: target.owner, repo: target.repo };
  if (existing.length > 0) {
    const keep = existing[0]!;
    await client.rest.issues.updateComment({ ...base, comment_id: keep.id, body });
    return { action: "updated", id: keep.id };
  }
  const { data: created } = await client.rest.issues.createComment({ ...base, issue_number: target.issueNumber, body });
  const now = await ours(client, target, marker, login);
  const keep = now[0];
  if (!keep) return { action: "created", id: created.id };
  for (const extra of now.slice(1)) {
    try {
      await client.rest.issues.deleteComment({ ...base, comment_id: extra.id });
    } catch (e) {
      if (statusOf(e) !== 404) throw e; // the other writer removed it first
    }
  }
  if (keep.id !== created.id) await client.rest.issues.updateComment({ ...base, comment_id: keep.id, body });
  return { action: keep.id === created.id ? "created" : "updated", id: keep.id };
}
