/**
 * Fake workflow runs with their artifacts, and pull requests: what `mode: comment` reads to find
 * a fork pull request's uploaded report and to check which pull request it belongs to.
 */
import { paginate, type FakeGitHub } from "./server.js";

export interface FakeRun {
  id: number;
  event: string;
  head_sha: string;
  artifacts: { id: number; name: string; expired?: boolean; content: string }[];
}

export interface FakePull {
  number: number;
  headSha: string;
  base: string;
}

export class FakeRunsAndPulls {
  readonly runs = new Map<number, FakeRun>();
  readonly pulls = new Map<number, FakePull>();

  addRun(run: FakeRun): this {
    this.runs.set(run.id, run);
    return this;
  }

  addPull(pull: FakePull): this {
    this.pulls.set(pull.number, pull);
    return this;
  }

  /** The artifact with this id, in any run. */
  artifact(id: number): FakeRun["artifacts"][number] | undefined {
    for (const run of this.runs.values()) {
      const found = run.artifacts.find((a) => a.id === id);
      if (found) return found;
    }
    return undefined;
  }

  install(gh: FakeGitHub): this {
    const notFound = { status: 404, body: { message: "Not Found" } };
    gh.route("GET", "/repos/:owner/:repo/actions/runs/:id", (_req, p) => {
      const run = this.runs.get(Number(p.id));
      if (!run) return notFound;
      return {
        status: 200,
        body: {
          id: run.id,
          event: run.event,
          head_sha: run.head_sha,
          html_url: `https://github.com/${p.owner}/${p.repo}/actions/runs/${run.id}`,
        },
      };
    });
    gh.route("GET", "/repos/:owner/:repo/actions/runs/:id/artifacts", (req, p) => {
      const run = this.runs.get(Number(p.id));
      if (!run) return notFound;
      const items = run.artifacts.map((a) => ({ id: a.id, name: a.name, expired: a.expired ?? false, size_in_bytes: a.content.length }));
      const page = paginate(gh.url, req, items);
      return { ...page, body: { total_count: items.length, artifacts: page.body } };
    });
    // An artifact download answers with a redirect to blob storage, which serves the file: a
    // single file uploaded without archiving comes back as it is, named by Content-Disposition.
    gh.route("GET", "/repos/:owner/:repo/actions/artifacts/:id/:format", (_req, p) => {
      const artifact = this.artifact(Number(p.id));
      if (!artifact) return notFound;
      return { status: 302, headers: { location: `${gh.url}/_blob/${artifact.id}?sig=fake` } };
    });
    gh.route("GET", "/_blob/:id", (_req, p) => {
      const artifact = this.artifact(Number(p.id));
      if (!artifact) return notFound;
      return {
        status: 200,
        raw: artifact.content,
        headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${artifact.name}"` },
      };
    });
    gh.route("GET", "/repos/:owner/:repo/pulls/:n", (_req, p) => {
      const pull = this.pulls.get(Number(p.n));
      if (!pull) return notFound;
      return { status: 200, body: { number: pull.number, head: { sha: pull.headSha }, base: { ref: pull.base } } };
    });
    return this;
  }
}
