/**
 * Fake repository resources: `GET /repos/{o}/{r}`, branches through git refs (with orphan commits
 * made from trees), and the Contents API with GitHub's sha-based optimistic concurrency: a stale
 * `sha` is answered 409, a missing `sha` on an existing file 422. Each request is handled whole
 * before the next, as GitHub serialises writes to one branch.
 */
import { createHash } from "node:crypto";
import type { FakeGitHub, FakeResponse } from "./server.js";

interface FileEntry {
  content: string;
  sha: string;
}

/** Git's blob id of `content`. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

const notFound = (message = "Not Found"): FakeResponse => ({
  status: 404,
  body: { message, documentation_url: "https://docs.github.com/rest", status: "404" },
});

export class FakeRepo {
  /** Branch name -> (path -> file). */
  readonly branches = new Map<string, Map<string, FileEntry>>();
  /** Commits on each branch, newest last (messages only). */
  readonly commits = new Map<string, string[]>();
  private readonly trees = new Map<string, Map<string, FileEntry>>();
  private readonly commitTrees = new Map<string, Map<string, FileEntry>>();
  private counter = 0;

  constructor(
    readonly owner = "octo",
    readonly name = "train",
    readonly defaultBranch = "main",
  ) {
    this.branches.set(defaultBranch, new Map([["README.md", { content: "# train\n", sha: blobSha("# train\n") }]]));
    this.commits.set(defaultBranch, ["Initial commit"]);
  }

  /** A file's text on a branch, or `undefined`. */
  file(branch: string, path: string): string | undefined {
    return this.branches.get(branch)?.get(path)?.content;
  }

  /** Writes a file directly (test setup). */
  putFile(branch: string, path: string, content: string): void {
    if (!this.branches.has(branch)) this.branches.set(branch, new Map());
    this.branches.get(branch)!.set(path, { content, sha: blobSha(content) });
  }

  private nextSha(): string {
    this.counter += 1;
    return createHash("sha1").update(`object ${this.counter}`).digest("hex");
  }

  /** Adds the routes of this repository to `gh`. */
  install(gh: FakeGitHub): this {
    const repoPath = "/repos/:owner/:repo";
    const mine = (p: Record<string, string>) => p.owner === this.owner && p.repo === this.name;

    gh.route("GET", repoPath, (_req, p) =>
      mine(p)
        ? {
            status: 200,
            body: { id: 1, name: this.name, full_name: `${this.owner}/${this.name}`, default_branch: this.defaultBranch, private: false },
          }
        : notFound(),
    );

    gh.route("GET", `${repoPath}/git/ref/:ref*`, (_req, p) => {
      const branch = /^heads\/(.+)$/.exec(p.ref ?? "")?.[1];
      if (!mine(p) || !branch || !this.branches.has(branch)) return notFound();
      return { status: 200, body: { ref: `refs/heads/${branch}`, object: { sha: this.nextSha(), type: "commit" } } };
    });

    gh.route("POST", `${repoPath}/git/trees`, (req, p) => {
      if (!mine(p)) return notFound();
      const files = new Map<string, FileEntry>();
      for (const entry of (req.body?.tree ?? []) as { path: string; content?: string }[]) {
        files.set(entry.path, { content: entry.content ?? "", sha: blobSha(entry.content ?? "") });
      }
      const sha = this.nextSha();
      this.trees.set(sha, files);
      return { status: 201, body: { sha, tree: [...files.keys()].map((path) => ({ path, type: "blob" })) } };
    });

    gh.route("POST", `${repoPath}/git/commits`, (req, p) => {
      if (!mine(p)) return notFound();
      const tree = this.trees.get(req.body?.tree);
      if (!tree) return { status: 422, body: { message: "Tree SHA does not exist" } };
      const sha = this.nextSha();
      this.commitTrees.set(sha, tree);
      return { status: 201, body: { sha, message: req.body?.message, parents: req.body?.parents ?? [] } };
    });

    gh.route("POST", `${repoPath}/git/refs`, (req, p) => {
      if (!mine(p)) return notFound();
      const branch = /^refs\/heads\/(.+)$/.exec(req.body?.ref ?? "")?.[1];
      if (!branch) return { status: 422, body: { message: "Reference name must start with 'refs/'" } };
      if (this.branches.has(branch)) return { status: 422, body: { message: "Reference already exists" } };
      const tree = this.commitTrees.get(req.body?.sha);
      if (!tree) return { status: 422, body: { message: "Object does not exist" } };
      this.branches.set(branch, new Map(tree));
      this.commits.set(branch, ["(created)"]);
      return { status: 201, body: { ref: `refs/heads/${branch}`, object: { sha: req.body.sha, type: "commit" } } };
    });

    gh.route("GET", `${repoPath}/contents/:path*`, (req, p) => {
      const branch = req.query.get("ref") ?? this.defaultBranch;
      const files = this.branches.get(branch);
      if (!mine(p) || !files) return notFound(`No commit found for the ref ${branch}`);
      const entry = files.get(p.path ?? "");
      if (!entry) return notFound();
      const name = (p.path ?? "").split("/").pop();
      return {
        status: 200,
        body: {
          type: "file",
          encoding: "base64",
          size: Buffer.byteLength(entry.content),
          name,
          path: p.path,
          sha: entry.sha,
          content: Buffer.from(entry.content, "utf8")
            .toString("base64")
            .replace(/(.{60})/g, "$1\n"),
        },
      };
    });

    gh.route("PUT", `${repoPath}/contents/:path*`, (req, p) => {
      if (!mine(p)) return notFound();
      const branch = req.body?.branch ?? this.defaultBranch;
      const files = this.branches.get(branch);
      if (!files) return notFound(`Branch ${branch} not found`);
      const path = p.path ?? "";
      const existing = files.get(path);
      const sha: string | undefined = req.body?.sha;
      if (existing && !sha) return { status: 422, body: { message: 'Invalid request.\n\n"sha" wasn\'t supplied.', status: "422" } };
      if (existing && sha !== existing.sha) return { status: 409, body: { message: `${path} does not match ${sha}`, status: "409" } };
      if (!existing && sha) return { status: 409, body: { message: `${path} does not match ${sha}`, status: "409" } };
      if (typeof req.body?.message !== "string" || typeof req.body?.content !== "string") {
        return { status: 422, body: { message: "Invalid request.\n\nFor 'properties/message', nil is not a string." } };
      }
      const content = Buffer.from(req.body.content, "base64").toString("utf8");
      const entry = { content, sha: blobSha(content) };
      files.set(path, entry);
      this.commits.get(branch)?.push(req.body.message);
      return {
        status: existing ? 200 : 201,
        body: {
          content: { name: path.split("/").pop(), path, sha: entry.sha },
          commit: { sha: this.nextSha(), message: req.body.message },
        },
      };
    });
    return this;
  }
}
